// "ประมาณการ": estimates of the current fiscal year. Province officer: who has certified, the corrected total and
// actual against estimate per month; "ตั้งใหม่: แบ่งเท่ากัน" previews the even split of each district's gap over the
// remaining months, and only the preview's button stores it (exactly the figures shown: the button carries their
// fingerprint) and sends each district officer its card to certify. District officer: its own card (estimate-certify).
// Steps: start → (preview) → done.
import { z } from 'zod';
import { done, next, pass, stay, switchTo, type Flow } from '../bot/flow.js';
import { card, say, text } from '../bot/reply.js';
import type { Ctx } from '../bot/context.js';
import { defaultReportingMonth, fiscalYearOf, monthKeyOf, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { districtEstimate, planEvenSplit, provinceEstimates, saveEstimates } from '../domain/targets/index.js';
import type { BotModule } from './module.js';
import { CERTIFY_FLOW, ESTIMATES_FLOW, districtEstimateCard, provinceEstimateCard, splitPreviewCard } from './estimate-cards.js';

const State = z.discriminatedUnion('step', [z.object({ step: z.literal('preview'), fy: z.number().int(), from: z.string(), h: z.string() })]);
type S = z.infer<typeof State>;

/** The year estimates are about: the fiscal year of the current month; the first month to estimate: this month. */
export const estimateYear = (ctx: Ctx): { fy: number; from: MonthKey } => {
  const from = monthKeyOf(ctx.now);
  return { fy: fiscalYearOf(from), from };
};

async function provinceName(ctx: Ctx): Promise<string> {
  return (await ctx.tx.province.findUniqueOrThrow({ where: { id: ctx.actor!.provinceId ?? -1 } })).nameTh;
}

async function statusCard(ctx: Ctx, fy: number) {
  const sheet = await provinceEstimates(ctx.tx, ctx.actor!, { fy, provinceId: ctx.actor!.provinceId ?? -1 });
  if (sheet.counts.notSet === sheet.rows.length) {
    return text(`จังหวัด${sheet.province.nameTh}ยังไม่ได้ตั้งประมาณการของปีงบประมาณ ${fy} แตะ "แบ่งเท่ากัน" เพื่อดูตัวอย่างการแบ่งส่วนต่างเท่ากันทุกเดือนที่เหลือ (หรือนำเข้าตารางด้วย npm run targets -- estimates import)`, [
      { label: 'แบ่งเท่ากัน', postback: { action: 'start', params: { flow: ESTIMATES_FLOW, split: '1' } }, display: 'ดูตัวอย่างการแบ่งเท่ากัน' },
      say('เมนู'),
    ]);
  }
  return card(provinceEstimateCard(sheet, defaultReportingMonth(ctx.now), true), [say('เป้าหมาย'), say('เมนู')]);
}

async function preview(ctx: Ctx, fy: number, from: MonthKey) {
  const plan = await planEvenSplit(ctx.tx, ctx.actor!, { fiscalYear: fy, provinceId: ctx.actor!.provinceId ?? -1, from });
  if (plan.rows.length === 0) return { plan, reply: text(`ยังไม่มีอำเภอใดมีเป้าหมายทั้งปีงบประมาณ ${fy} จึงยังแบ่งประมาณการไม่ได้ นำเข้าเป้าหมายก่อน (npm run targets -- import)`) };
  return { plan, reply: card(splitPreviewCard(plan, await provinceName(ctx)), [say('ยกเลิก')]) };
}

export const estimatesFlow: Flow<S> = {
  name: ESTIMATES_FLOW,
  version: 1,
  schema: State,
  async start(ctx, args) {
    const actor = ctx.actor!;
    if (actor.role === 'DISTRICT_OFFICER') return switchTo(CERTIFY_FLOW, {});
    const { fy, from } = estimateYear(ctx);
    if (args.split !== '1') return done(await statusCard(ctx, fy));
    const { plan, reply } = await preview(ctx, fy, from);
    if (plan.rows.length === 0) return done(reply);
    return next({ step: 'preview', fy, from, h: plan.fingerprint }, reply);
  },
  async advance(ctx, state, input) {
    if (input.kind === 'text') return stay(text('ตัวเลขยังไม่ถูกบันทึก แตะ "ยืนยันและส่งให้อำเภอ" บนการ์ดตัวอย่างเพื่อบันทึก หรือพิมพ์ "ยกเลิก"'));
    if (input.postback.action !== 'estimates-confirm') return pass();
    const from = parseMonthKey(state.from)!;
    const { plan, reply } = await preview(ctx, state.fy, from);
    if (plan.fingerprint !== state.h || input.postback.params.h !== state.h) {
      if (plan.rows.length === 0) return done(reply);
      return next({ ...state, h: plan.fingerprint }, text('ตัวเลขเปลี่ยนไปหลังจากแสดงตัวอย่าง (มียอดยืนยันหรือเป้าหมายใหม่) ยังไม่ได้บันทึก กรุณาตรวจตัวอย่างล่าสุดแล้วแตะยืนยันอีกครั้ง'), reply);
    }
    const saved = await saveEstimates(ctx.tx, { fiscalYear: state.fy, method: 'EVEN_SPLIT', source: 'แบ่งส่วนต่างเท่ากันทุกเดือน (ในแชต)', actor: ctx.actor!, now: ctx.now, items: plan.rows, eventId: ctx.event.id });
    const asOf = defaultReportingMonth(ctx.now);
    let sent = 0;
    for (const row of plan.rows) {
      const officers = await ctx.tx.user.findMany({ where: { role: 'DISTRICT_OFFICER', active: true, districtId: row.districtId }, select: { id: true, lineUserId: true } });
      for (const o of officers) {
        const view = await districtEstimate(ctx.tx, ctx.actor!, { fy: state.fy, districtId: row.districtId });
        await ctx.push(o.lineUserId, [card(districtEstimateCard(view!, asOf, 'จังหวัดส่งประมาณการให้รับรอง'))], `estimate:${view!.id}:${view!.revision}:${o.id}`);
        sent++;
      }
    }
    return done(
      text(`บันทึกประมาณการ ${plan.rows.length} อำเภอแล้ว (ใหม่ ${saved.created}, แทนที่ของเดิม ${saved.replaced}) และส่งให้พัฒนาการอำเภอรับรอง ${sent} คน`),
      await statusCard(ctx, state.fy),
    );
  },
};

export const estimatesModule: BotModule = {
  flows: [estimatesFlow],
  startWords: { ประมาณการ: { flow: ESTIMATES_FLOW }, รับรองประมาณการ: { flow: ESTIMATES_FLOW } },
};
