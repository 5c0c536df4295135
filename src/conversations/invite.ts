// Invite codes made in chat ("สร้างรหัสเชิญ"): a district officer picks one of its producers (pick-producer, then
// back here with producerId); a province officer picks one of its districts for a district officer. A tap on a list
// button (it carries the conversation token) makes the code at once; a typed number or name is asked about first
// ("ยืนยันสร้างรหัส"), so typed text alone never makes a code. The code is made by createInvite, which checks the
// scope, so a crafted postback for another area is refused.
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, switchTo, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { text, type Reply } from '../bot/reply.js';
import { assertAllowed, placeOfProducer } from '../domain/authorise.js';
import { createInvite } from '../domain/invites.js';
import { toArabicDigits } from '../domain/thai-format.js';
import * as P from './invite-prompts.js';
import type { BotModule } from './module.js';
import { newToken } from './sales-entry-state.js';

const Token = z.string().min(4).max(16);
const InviteState = z.discriminatedUnion('step', [
  z.object({ step: z.literal('district'), page: z.number().int().min(1), token: Token }),
  /** A typed choice, asked about before a code is made; `page`: of the district list to go back to. */
  z.object({
    step: z.literal('confirm'),
    page: z.number().int().min(1),
    token: Token,
    for: z.enum(['PRODUCER', 'DISTRICT_OFFICER']),
    id: z.number().int().positive(),
    /** What the question names, e.g. "อำเภอบางปะกง". */
    who: z.string().min(1).max(200),
  }),
]);
type S = z.infer<typeof InviteState>;
type Confirm = Extract<S, { step: 'confirm' }>;
type Out = Outcome<S>;
/** Typed words that make the code at the question (the button's label among them), and register-producer's
 * typed confirmation, which hands over here as deliberately as a tap. */
const YES = new Set(['ยืนยัน', 'ใช่', 'ตกลง', 'ok', 'โอเค', 'ยืนยันสร้างรหัส']);
const NOT_YOURS = 'คุณสร้างรหัสเชิญได้เฉพาะผู้ที่อยู่ในพื้นที่ความรับผิดชอบของคุณ';

/** Was this event a deliberate choice (a tap, or a typed confirmation) rather than a typed number or name? */
function deliberate(ctx: Ctx): boolean {
  const e = ctx.event;
  return e.type === 'postback' || (e.type === 'text' && YES.has(normaliseWord(e.text)));
}

async function provinceDistricts(ctx: Ctx): Promise<{ provinceName: string; rows: P.DistrictRow[] }> {
  const province = await ctx.tx.province.findUniqueOrThrow({
    where: { id: ctx.actor!.provinceId! },
    include: {
      districts: {
        orderBy: { id: 'asc' },
        select: { id: true, nameTh: true, _count: { select: { users: { where: { role: 'DISTRICT_OFFICER', active: true } } } } },
      },
    },
  });
  return { provinceName: province.nameTh, rows: province.districts.map((d) => ({ id: d.id, nameTh: d.nameTh, officers: d._count.users })) };
}

async function districtPrompt(ctx: Ctx, s: S): Promise<{ replies: Reply[]; page: number }> {
  const { provinceName, rows } = await provinceDistricts(ctx);
  const size = rows.length <= P.ONE_PAGE_MAX ? rows.length : P.PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(rows.length / Math.max(size, 1)));
  const page = Math.min(s.page, pages);
  const first = (page - 1) * size;
  return { replies: P.districtsPrompt(s.token, provinceName, rows.slice(first, first + size), page, pages, first), page };
}

async function showDistricts(ctx: Ctx, s: S, ...pre: Reply[]): Promise<Out> {
  const { replies, page } = await districtPrompt(ctx, s);
  return next({ step: 'district', token: s.token, page }, ...pre, ...replies);
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  return s.step === 'confirm' ? P.confirmPrompt(s.token, s.who, s.id) : (await districtPrompt(ctx, s)).replies;
}

const ask = (s: Confirm): Out => next(s, ...P.confirmPrompt(s.token, s.who, s.id));

/** A producer handed over by a typed choice: named in the question only if it is the officer's to invite. */
async function askProducer(ctx: Ctx, producerId: number): Promise<Out> {
  assertAllowed(ctx.actor!, 'invite.producer', await placeOfProducer(ctx.tx, producerId), NOT_YOURS);
  const p = await ctx.tx.producer.findUniqueOrThrow({ where: { id: producerId }, select: { name: true, tambon: true } });
  return ask({ step: 'confirm', page: 1, token: newToken(), for: 'PRODUCER', id: producerId, who: `ผู้ผลิต ${p.name} (ต.${p.tambon})` });
}

const create = (ctx: Ctx, s: Confirm): Promise<Out> => (s.for === 'PRODUCER' ? forProducer(ctx, s.id) : forDistrict(ctx, s.id));

/** "เลือกใหม่": back to the list the choice was made from. */
async function chooseAgain(ctx: Ctx, s: Confirm): Promise<Out> {
  return s.for === 'PRODUCER' ? switchTo('pick-producer', { for: 'invite' }) : showDistricts(ctx, { step: 'district', token: s.token, page: s.page });
}

async function forProducer(ctx: Ctx, producerId: number): Promise<Out> {
  const inv = await createInvite(ctx.tx, ctx.actor!, { role: 'PRODUCER', producerId }, ctx.now, { eventId: ctx.event.id });
  const p = await ctx.tx.producer.findUniqueOrThrow({
    where: { id: producerId },
    select: { name: true, tambon: true, _count: { select: { users: { where: { role: 'PRODUCER', active: true } } } } },
  });
  const n = p._count.users;
  return done(...P.inviteCreated({
    code: inv.code, expiresAt: inv.expiresAt, forWhom: 'ผู้ผลิต',
    who: `ผู้ผลิต: ${p.name} (ต.${p.tambon})`,
    already: n ? `หมายเหตุ: ผู้ผลิตรายนี้มีผู้ใช้ LINE แล้ว ${n} คน รหัสนี้จะเพิ่มผู้รายงานอีก 1 คน` : null,
    greeting: `เชิญ ${p.name} รายงานยอดขาย OTOP ประจำเดือนทาง LINE`,
    addFriend: P.addFriendOf(ctx),
  }));
}

async function forDistrict(ctx: Ctx, districtId: number): Promise<Out> {
  const inv = await createInvite(ctx.tx, ctx.actor!, { role: 'DISTRICT_OFFICER', districtId }, ctx.now, { eventId: ctx.event.id });
  const d = await ctx.tx.district.findUniqueOrThrow({
    where: { id: districtId },
    select: { nameTh: true, province: { select: { nameTh: true } }, _count: { select: { users: { where: { role: 'DISTRICT_OFFICER', active: true } } } } },
  });
  const n = d._count.users;
  return done(...P.inviteCreated({
    code: inv.code, expiresAt: inv.expiresAt, forWhom: 'เจ้าหน้าที่อำเภอ',
    who: `สำหรับ: เจ้าหน้าที่อำเภอ${d.nameTh} จังหวัด${d.province.nameTh}`,
    already: n ? `หมายเหตุ: อำเภอนี้มีเจ้าหน้าที่ในระบบแล้ว ${n} คน` : null,
    greeting: `เชิญเจ้าหน้าที่อำเภอ${d.nameTh} ใช้ระบบรายงานยอดขาย OTOP ทาง LINE`,
    addFriend: P.addFriendOf(ctx),
  }));
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  if (actor.role === 'DISTRICT_OFFICER') {
    const producerId = Number(args.producerId);
    if (!(Number.isInteger(producerId) && producerId > 0)) return switchTo('pick-producer', { for: 'invite' });
    return deliberate(ctx) ? forProducer(ctx, producerId) : askProducer(ctx, producerId);
  }
  if (actor.role === 'PROVINCE_OFFICER' && actor.provinceId) {
    const districtId = Number(args.districtId);
    if (Number.isInteger(districtId) && districtId > 0 && deliberate(ctx)) return forDistrict(ctx, districtId);
    return showDistricts(ctx, { step: 'district', page: 1, token: newToken() });
  }
  return done(text('การสร้างรหัสเชิญใช้ได้สำหรับเจ้าหน้าที่อำเภอ (เชิญผู้ผลิต) และเจ้าหน้าที่จังหวัด (เชิญเจ้าหน้าที่อำเภอ)'));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));
  /** The district list is this conversation's (a province officer's), not a producer question's. */
  const listing = s.step === 'district' || s.for === 'DISTRICT_OFFICER';
  if (input.kind === 'postback') {
    const { action, params } = input.postback;
    if (!action.startsWith('inv-')) return pass();
    if (params.t !== s.token) return again(text('ปุ่มนี้เป็นของรายการก่อนหน้า กรุณาเลือกจากรายการนี้:'));
    if (action === 'inv-page' && listing) return showDistricts(ctx, { step: 'district', token: s.token, page: Math.max(1, Number(params.n) || 1) });
    if (action === 'inv-d' && listing && Number(params.d) > 0) return forDistrict(ctx, Number(params.d));
    if (s.step === 'confirm' && action === 'inv-ok' && params.id === String(s.id)) return create(ctx, s);
    if (s.step === 'confirm' && action === 'inv-back') return chooseAgain(ctx, s);
    return again(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'));
  }
  const raw = input.text.trim();
  const word = normaliseWord(raw);
  if (s.step === 'confirm') {
    if (YES.has(word)) return create(ctx, s);
    if (word === 'เลือกใหม่') return chooseAgain(ctx, s);
    return stay(...P.confirmPrompt(s.token, s.who, s.id, 'ยังไม่ได้สร้างรหัส กรุณากด "ยืนยันสร้างรหัส" หรือ "เลือกใหม่"'));
  }
  if (word === 'ถัดไป' || word === 'ก่อนหน้า') return showDistricts(ctx, { ...s, page: Math.max(1, s.page + (word === 'ถัดไป' ? 1 : -1)) });
  const { rows } = await provinceDistricts(ctx);
  const digits = toArabicDigits(raw);
  const byNumber = /^\d{1,3}$/.test(digits) ? rows[Number(digits) - 1] : undefined;
  const name = word.replace(/^(อำเภอ|อ\.)/, '');
  const byName = rows.find((r) => normaliseWord(r.nameTh) === name);
  const chosen = byNumber ?? byName;
  if (!chosen) return again(text('ไม่พบอำเภอนี้ในจังหวัดของท่าน กรุณากดปุ่ม "สร้างรหัสเชิญ" ของอำเภอที่ต้องการ หรือพิมพ์ลำดับ'));
  return ask({ step: 'confirm', page: s.page, token: s.token, for: 'DISTRICT_OFFICER', id: chosen.id, who: `อำเภอ${chosen.nameTh}` });
}

export const inviteFlow: Flow<S> = { name: P.FLOW, version: 2, schema: InviteState, start, advance };

export const inviteModule: BotModule = {
  flows: [inviteFlow],
  startWords: { สร้างรหัสเชิญ: { flow: P.FLOW }, รหัสเชิญ: { flow: P.FLOW } },
};
