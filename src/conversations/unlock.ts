// Unlocking a province-confirmed month. District officer: "ขอปลดล็อก" → month (locked months of the last six) →
// reason → the request, shown back → ยืนยันขอปลดล็อก: it is saved and every active province officer gets an action card
// (typed text alone never sends a request). Province officer: the card's
// อนุมัติ / ไม่อนุมัติ are global actions (they work days later, in any conversation); "คำขอปลดล็อก" lists the
// pending requests with the same buttons. The requester (and on approval the district's officers) is told.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input, Postback } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { text, type Reply } from '../bot/reply.js';
import { normaliseWord } from '../bot/router.js';
import { REASON_MAX, REASON_MIN } from '../domain/district-month.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { formatMonthTh } from '../domain/thai-format.js';
import { decideUnlock, pendingUnlocks, requestUnlock, unlockableMonths } from '../domain/unlocks.js';
import { whenTh } from '../domain/when.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import * as P from './unlock-prompts.js';
import { unlockRefusalFlow } from './unlock-refusal.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Token = z.string().min(4).max(16);
export const UnlockRequestState = z.discriminatedUnion('step', [
  z.object({ step: z.literal('month'), token: Token, months: z.array(Month).min(1).max(6) }),
  z.object({ step: z.literal('reason'), token: Token, month: Month }),
  /** The reason shown back: only "ยืนยันขอปลดล็อก" (or a typed "ยืนยัน") sends the request. */
  z.object({ step: z.literal('confirm'), token: Token, month: Month, reason: z.string().min(REASON_MIN).max(REASON_MAX) }),
]);
type S = z.infer<typeof UnlockRequestState>;
/** Menu words typed mid-conversation start that flow afresh (the router's start words). */
const MENU = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord));
type Out = Outcome<S>;
/** Typed words that send the request at the confirmation step (the button's label among them). */
const SEND_WORDS = new Set(['ยืนยัน', 'ใช่', 'ยืนยันขอปลดล็อก']);

async function monthReplies(ctx: Ctx, token: string): Promise<Reply[]> {
  return P.monthPrompt(token, await unlockableMonths(ctx.tx, ctx.actor!, ctx.now));
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  switch (s.step) {
    case 'month': return monthReplies(ctx, s.token);
    case 'reason': return P.reasonPrompt(s.month);
    case 'confirm': return P.confirmPrompt(s.token, s.month, s.reason);
  }
}

const toReason = (s: { token: string; month: string }): Out => next({ step: 'reason', token: s.token, month: s.month }, ...P.reasonPrompt(s.month));

async function start(ctx: Ctx): Promise<Out> {
  if (ctx.actor!.role !== 'DISTRICT_OFFICER') return done(text('เมนูขอปลดล็อกใช้ได้สำหรับเจ้าหน้าที่อำเภอ (เจ้าหน้าที่จังหวัดพิมพ์ "คำขอปลดล็อก" เพื่อดูคำขอที่รอพิจารณา)'));
  const months = await unlockableMonths(ctx.tx, ctx.actor!, ctx.now);
  if (!months.length) {
    return done(text('ใน 6 เดือนที่ผ่านมา ยังไม่มีเดือนที่จังหวัดยืนยัน (ล็อก) แล้ว จึงไม่ต้องขอปลดล็อก เดือนที่ยังไม่ล็อกแก้ไขได้เลย'));
  }
  const token = randomBytes(5).toString('hex');
  return next({ step: 'month', token, months: months.map((m) => m.month) }, ...P.monthPrompt(token, months));
}

async function chooseMonth(ctx: Ctx, s: Extract<S, { step: 'month' }>, month: string): Promise<Out> {
  const m = (await unlockableMonths(ctx.tx, ctx.actor!, ctx.now)).find((x) => x.month === month);
  if (!m) return stay(text(`เดือน${formatMonthTh(month as MonthKey)} ไม่ได้ถูกล็อกแล้ว แก้ไขได้เลยโดยไม่ต้องขอปลดล็อก`), ...(await monthReplies(ctx, s.token)));
  if (m.pending) {
    return stay(text(`เดือน${formatMonthTh(m.month)} มีคำขอรอจังหวัดพิจารณาอยู่แล้ว (ส่งโดย ${m.pending.requesterName} เมื่อ ${whenTh(m.pending.requestedAt)}) ไม่ต้องส่งซ้ำ`), ...(await monthReplies(ctx, s.token)));
  }
  return toReason({ token: s.token, month: m.month });
}

/** The one write of this flow: only from the confirmation step, with the reason shown there. */
async function submit(ctx: Ctx, s: Extract<S, { step: 'confirm' }>): Promise<Out> {
  const actor = ctx.actor!;
  const r = await requestUnlock(ctx.tx, actor, actor.districtId!, s.month as MonthKey, s.reason, ctx.now, ctx.event.id);
  for (const o of r.officers) await ctx.push(o.lineUserId, [P.requestCard(r.request)], `unlock-request:${r.request.id}:${o.id}`);
  const told = r.officers.length
    ? `แจ้งเจ้าหน้าที่จังหวัด ${r.officers.length} คนแล้ว เมื่อจังหวัดพิจารณาแล้ว ระบบจะแจ้งให้ทราบ`
    : 'แต่จังหวัดยังไม่มีเจ้าหน้าที่ในระบบ กรุณาโทรแจ้งจังหวัดด้วย';
  return done(text(`ส่งคำขอปลดล็อกข้อมูลเดือน${formatMonthTh(s.month as MonthKey)} ถึงจังหวัดแล้ว\nเหตุผล: ${r.request.reason}\n${told}`));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    const { action, params } = input.postback;
    if (!action.startsWith('ul-')) return pass();
    if (params.t === s.token) {
      if (action === 'ul-month' && s.step === 'month') return chooseMonth(ctx, s, params.m ?? '');
      if (action === 'ul-ok' && s.step === 'confirm' && params.m === s.month && params.h === P.reasonTag(s.reason)) return submit(ctx, s);
      if (action === 'ul-edit' && s.step === 'confirm') return toReason(s);
    }
    return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'), ...(await prompt(ctx, s)));
  }
  const raw = input.text.trim();
  if (MENU.has(normaliseWord(raw))) return pass();
  if (s.step === 'month') {
    const hit = s.months.find((m) => formatMonthTh(m as MonthKey).replace(/\s/g, '') === raw.replace(/\s/g, '') || m === raw);
    if (hit) return chooseMonth(ctx, s, hit);
    return stay(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'), ...(await monthReplies(ctx, s.token)));
  }
  if (s.step === 'confirm') {
    const w = normaliseWord(raw);
    if (SEND_WORDS.has(w)) return submit(ctx, s);
    if (w === 'แก้เหตุผล') return toReason(s);
    return stay(...P.confirmPrompt(s.token, s.month, s.reason, 'ยังไม่ได้ส่งคำขอ กรุณากด "ยืนยันขอปลดล็อก" หรือ "แก้เหตุผล" (พิมพ์ "ยกเลิก" หากไม่ต้องการขอปลดล็อก)'));
  }
  const reason = raw.replace(/\s+/g, ' ');
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
    return stay(...P.reasonPrompt(s.month, `เหตุผลต้องยาว ${REASON_MIN}–${REASON_MAX} ตัวอักษร (ที่พิมพ์มา ${reason.length} ตัวอักษร)`));
  }
  return next({ step: 'confirm', token: s.token, month: s.month, reason }, ...P.confirmPrompt(s.token, s.month, reason));
}

export const unlockRequestFlow: Flow<S> = { name: P.REQUEST_FLOW, version: 2, schema: UnlockRequestState, start, advance };

/** "คำขอปลดล็อก": the province's pending requests as action cards (at most four at a time). */
export const unlockPendingFlow: Flow<{ step: 'none' }> = {
  name: P.PENDING_FLOW,
  version: 1,
  schema: z.object({ step: z.literal('none') }),
  async start(ctx) {
    if (ctx.actor!.role !== 'PROVINCE_OFFICER') return done(text('เมนูคำขอปลดล็อกใช้ได้สำหรับเจ้าหน้าที่จังหวัด (เจ้าหน้าที่อำเภอพิมพ์ "ขอปลดล็อก" เพื่อส่งคำขอ)'));
    const list = await pendingUnlocks(ctx.tx, ctx.actor!);
    if (!list.length) return done(text('ตอนนี้ไม่มีคำขอปลดล็อกที่รอพิจารณา'));
    const more = list.length > 4 ? ` (แสดง 4 รายการแรก พิจารณาแล้วพิมพ์ "คำขอปลดล็อก" อีกครั้งเพื่อดูรายการถัดไป)` : '';
    return done(text(`คำขอปลดล็อกที่รอพิจารณา ${list.length} รายการ${more}`), ...list.slice(0, 4).map(P.requestCard));
  },
  async advance() {
    return pass();
  },
};

/** อนุมัติ decides at once; a refusal (REFUSE) asks for the reason first (unlock-refusal.ts). */
async function approve(ctx: Ctx, postback: Postback): Promise<Reply[]> {
  const id = Number(postback.params.id);
  if (!Number.isInteger(id) || id <= 0) return [text('ปุ่มนี้ใช้ไม่ได้แล้ว พิมพ์ "คำขอปลดล็อก" เพื่อดูคำขอที่รอพิจารณา')];
  const r = await decideUnlock(ctx.tx, ctx.actor!, id, 'APPROVED', ctx.now, ctx.event.id);
  const v = r.request;
  for (const u of r.notify) await ctx.push(u.lineUserId, P.approvedPush(v, r.reopened), `unlock-decided:${v.id}:${u.id}`);
  const told = r.notify.length ? 'แจ้งผู้ขอและเจ้าหน้าที่อำเภอแล้ว' : 'ผู้ขอไม่ได้ใช้งานบอทแล้ว กรุณาแจ้งอำเภอทางโทรศัพท์';
  return [
    text(
      `อนุมัติคำขอปลดล็อกแล้ว ✅ อำเภอ${v.districtName} เดือน${formatMonthTh(v.month)} เปิดให้แก้ไขแล้ว (${r.reopened} รายการกลับไปรออำเภอยืนยัน)\n` +
        `${told} เมื่ออำเภอยืนยันใหม่ครบแล้ว จังหวัดต้องยืนยันอีกครั้ง (พิมพ์ "ยืนยันระดับจังหวัด")`,
    ),
  ];
}

export const unlockModule: BotModule = {
  flows: [unlockRequestFlow, unlockPendingFlow, unlockRefusalFlow],
  startWords: {
    ขอปลดล็อก: { flow: P.REQUEST_FLOW },
    คำขอปลดล็อก: { flow: P.PENDING_FLOW },
  },
  actions: {
    [P.APPROVE]: (ctx, postback) => approve(ctx, postback),
    [P.REFUSE]: (ctx, postback, control) => control.start(P.REFUSAL_FLOW, { id: postback.params.id ?? '' }),
  },
};
