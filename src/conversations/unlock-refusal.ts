// A province officer refusing an unlock request: "ไม่อนุมัติ" on the request card → the reason (quick choices or
// typed) → the refusal shown back → ยืนยันไม่อนุมัติ. Only the last step writes (decideUnlock with the reason); the
// requester is told the reason, and the district sees it again when it next asks ("ขอปลดล็อก").
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { text, type Reply } from '../bot/reply.js';
import { normaliseWord } from '../bot/router.js';
import { REASON_MAX, REASON_MIN } from '../domain/district-month.js';
import { decideUnlock, requestToDecide } from '../domain/unlocks.js';
import { formatMonthTh } from '../domain/thai-format.js';
import { MENU_WORDS } from './menu.js';
import * as P from './unlock-prompts.js';

const Token = z.string().min(4).max(16);
const Id = z.number().int().positive();
export const UnlockRefusalState = z.discriminatedUnion('step', [
  z.object({ step: z.literal('reason'), token: Token, requestId: Id }),
  /** The reason shown back: only "ยืนยันไม่อนุมัติ" (or a typed "ยืนยัน") refuses. */
  z.object({ step: z.literal('confirm'), token: Token, requestId: Id, reason: z.string().min(REASON_MIN).max(REASON_MAX) }),
]);
type S = z.infer<typeof UnlockRefusalState>;
type Out = Outcome<S>;
const MENU = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord));
const SEND_WORDS = new Set(['ยืนยัน', 'ยืนยันไม่อนุมัติ']);

async function prompt(ctx: Ctx, s: S, problem?: string): Promise<Reply[]> {
  const v = await requestToDecide(ctx.tx, ctx.actor!, s.requestId);
  return s.step === 'reason' ? P.refusalReasonPrompt(v, problem) : P.refusalConfirmPrompt(s.token, v, s.reason, problem);
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const id = Number(args.id);
  if (!Number.isInteger(id) || id <= 0) return done(text('ปุ่มนี้ใช้ไม่ได้แล้ว พิมพ์ "คำขอปลดล็อก" เพื่อดูคำขอที่รอพิจารณา'));
  const v = await requestToDecide(ctx.tx, ctx.actor!, id); // not the officer's, or decided already: said now
  return next({ step: 'reason', token: randomBytes(5).toString('hex'), requestId: v.id }, ...P.refusalReasonPrompt(v));
}

/** The one write of this flow, with the reason shown on the confirmation. */
async function refuse(ctx: Ctx, s: Extract<S, { step: 'confirm' }>): Promise<Out> {
  const r = await decideUnlock(ctx.tx, ctx.actor!, s.requestId, 'REFUSED', ctx.now, ctx.event.id, s.reason);
  const v = r.request;
  for (const u of r.notify) await ctx.push(u.lineUserId, P.refusedPush(v), `unlock-decided:${v.id}:${u.id}`);
  const told = r.notify.length ? 'แจ้งผู้ขอพร้อมเหตุผลแล้ว' : 'ผู้ขอไม่ได้ใช้งานบอทแล้ว กรุณาแจ้งอำเภอทางโทรศัพท์';
  return done(text(`ไม่อนุมัติคำขอปลดล็อกของอำเภอ${v.districtName} เดือน${formatMonthTh(v.month)} แล้ว ${told}\nเหตุผล: ${v.refusalReason}`));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    const { action, params } = input.postback;
    if (!action.startsWith('ur-')) return pass();
    if (params.t === s.token && s.step === 'confirm') {
      if (action === 'ur-ok' && Number(params.id) === s.requestId && params.h === P.reasonTag(s.reason)) return refuse(ctx, s);
      if (action === 'ur-edit') return next({ step: 'reason', token: s.token, requestId: s.requestId }, ...(await prompt(ctx, { ...s, step: 'reason' })));
    }
    return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'), ...(await prompt(ctx, s)));
  }
  const raw = input.text.trim();
  if (MENU.has(normaliseWord(raw))) return pass();
  if (s.step === 'confirm') {
    const w = normaliseWord(raw);
    if (SEND_WORDS.has(w)) return refuse(ctx, s);
    if (w === 'แก้เหตุผล') return next({ step: 'reason', token: s.token, requestId: s.requestId }, ...(await prompt(ctx, { ...s, step: 'reason' })));
    return stay(...(await prompt(ctx, s, 'ยังไม่ได้แจ้งอำเภอ กรุณากด "ยืนยันไม่อนุมัติ" หรือ "แก้เหตุผล" (พิมพ์ "ยกเลิก" หากยังไม่ตัดสินใจ)')));
  }
  const reason = raw.replace(/\s+/g, ' ');
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
    return stay(...(await prompt(ctx, s, `เหตุผลต้องยาว ${REASON_MIN}–${REASON_MAX} ตัวอักษร (ที่พิมพ์มา ${reason.length} ตัวอักษร)`)));
  }
  const st: S = { step: 'confirm', token: s.token, requestId: s.requestId, reason };
  return next(st, ...(await prompt(ctx, st)));
}

export const unlockRefusalFlow: Flow<S> = {
  name: P.REFUSAL_FLOW,
  version: 1,
  schema: UnlockRefusalState,
  start,
  advance,
  prompt: (ctx, s) => prompt(ctx, s),
  draft: (s) => (s.step === 'confirm' ? 'เหตุผลที่ไม่อนุมัติคำขอปลดล็อกที่ยังไม่ได้ส่ง' : null),
};
