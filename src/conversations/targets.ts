// "เป้าหมาย" / "ความก้าวหน้า" (read-only): where the officer's unit stands against its target. District: its card.
// Province: its card with the districts ranked. Zone and department: pick a province (tap or type its name), then
// that province's card with each district's exact confirmed baht. A producer is sent to "ยอดขายของฉัน" (fiscal
// year to date against the same months last year). Steps: start → (ask-province) → done.
import { z } from 'zod';
import { done, next, pass, stay, switchTo, type Flow } from '../bot/flow.js';
import { card, say, tap, text, type Reply } from '../bot/reply.js';
import type { Ctx } from '../bot/context.js';
import { defaultReportingMonth, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { seesConfirmedOnly } from '../domain/visibility.js';
import { matchUnit, myStanding, provinceWithDistricts, unitsForImport } from '../domain/targets/index.js';
import { FLOW as MY_SALES } from './my-sales.js';
import type { BotModule } from './module.js';
import { standingCard } from './targets-cards.js';

export const FLOW = 'targets';
const State = z.discriminatedUnion('step', [z.object({ step: z.literal('ask-province'), m: z.string() })]);
type S = z.infer<typeof State>;

const monthOf = (ctx: Ctx, m: string | undefined): MonthKey => {
  const latest = defaultReportingMonth(ctx.now);
  const asked = parseMonthKey(m ?? '');
  return asked && asked <= latest ? asked : latest;
};

/** A province and its districts: ranked by level for the province officer, exact baht for zone and department. */
async function provinceCard(ctx: Ctx, provinceId: number, asOf: MonthKey): Promise<Reply> {
  const actor = ctx.actor!;
  const { province, districts } = await provinceWithDistricts(ctx.tx, actor, provinceId, asOf);
  const above = seesConfirmedOnly(actor);
  return card(standingCard(province, asOf, { ranking: districts, exact: above, confirmedOnly: above }), [say('เป้าหมาย'), say('เมนู')]);
}

/** The standing card of the actor's own unit (district, or province with its districts ranked). */
export async function ownStandingReply(ctx: Ctx, asOf: MonthKey, lead?: string): Promise<Reply> {
  return (await ownStanding(ctx, asOf, lead)).reply;
}

async function ownStanding(ctx: Ctx, asOf: MonthKey, lead?: string): Promise<{ reply: Reply; hasTarget: boolean }> {
  const actor = ctx.actor!;
  if (actor.role === 'PROVINCE_OFFICER') {
    const { province, districts } = await provinceWithDistricts(ctx.tx, actor, actor.provinceId!, asOf);
    const hasTarget = [province, ...districts].some((u) => u.sales || u.online);
    return { reply: card(standingCard(province, asOf, { ranking: districts, lead })), hasTarget };
  }
  const u = await myStanding(ctx.tx, actor, asOf);
  return { reply: card(standingCard(u, asOf, { lead })), hasTarget: !!(u.sales || u.online) };
}

/** What a district or province officer sees right after confirming `month`: the new standing, when a target exists. */
export async function standingAfterConfirm(ctx: Ctx, month: MonthKey): Promise<Reply[]> {
  const r = await ownStanding(ctx, month, 'สถานะหลังการยืนยันครั้งนี้');
  return r.hasTarget ? [r.reply] : [];
}

async function provincesOfScope(ctx: Ctx) {
  const all = await unitsForImport(ctx.tx, { kind: 'province' });
  if (ctx.actor!.role !== 'ZONE_ADMIN') return all;
  const inZone = new Set((await ctx.tx.province.findMany({ where: { zoneId: ctx.actor!.zoneId ?? -1 }, select: { id: true } })).map((p) => p.id));
  return all.filter((p) => inZone.has(p.code));
}

export const targetsFlow: Flow<S> = {
  name: FLOW,
  version: 1,
  schema: State,
  async start(ctx, args) {
    const actor = ctx.actor!;
    const asOf = monthOf(ctx, args.m);
    if (actor.role === 'PRODUCER') return switchTo(MY_SALES, {});
    if (actor.role === 'DISTRICT_OFFICER' || actor.role === 'PROVINCE_OFFICER') return done((await ownStanding(ctx, asOf)).reply);
    if (args.p && /^\d+$/.test(args.p)) return done(await provinceCard(ctx, Number(args.p), asOf));
    const provinces = await provincesOfScope(ctx);
    const choices = provinces.length <= 12 ? provinces.map((p) => tap(p.nameTh, { action: 'start', params: { flow: FLOW, p: String(p.code), m: asOf } }, `เป้าหมายจังหวัด${p.nameTh}`)) : [];
    return next({ step: 'ask-province', m: asOf }, text('ดูเป้าหมายของจังหวัดใด? พิมพ์ชื่อจังหวัด เช่น ฉะเชิงเทรา' + (choices.length ? ' หรือแตะเลือกด้านล่าง' : ''), [...choices, say('ยกเลิก')]));
  },
  async advance(ctx, state, input) {
    if (input.kind !== 'text') return pass();
    const m = matchUnit(input.text, await provincesOfScope(ctx));
    if (!m.ok) return stay(text(`${m.message}\nพิมพ์ชื่อจังหวัดอีกครั้ง หรือพิมพ์ "ยกเลิก"`));
    return done(await provinceCard(ctx, m.unit.code, parseMonthKey(state.m) ?? monthOf(ctx, undefined)));
  },
};

export const targetsModule: BotModule = {
  flows: [targetsFlow],
  startWords: { เป้าหมาย: { flow: FLOW }, ความก้าวหน้า: { flow: FLOW } },
};
