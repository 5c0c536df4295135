// "ทบทวนทะเบียน", the yearly review. Province officer: opens a review from today (3, 6 or 12 months without a report;
// the CLI takes any date) and sees per district listed / kept / deregistered / remaining / confirmed. District
// officer: goes through its listed producers, marks each "ยังดำเนินการ" or deregisters it with a reason (confirmed
// first), and confirms the review complete once none remain. Every write is one domain call (domain/registry/review).
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { text, type Reply } from '../bot/reply.js';
import { RuleError } from '../domain/errors.js';
import { DEREGISTER_REASON_MAX, DEREGISTER_REASONS } from '../domain/registry/deregister.js';
import { completeDistrictReview, currentReview, districtReview, markReviewItem, openReview, REVIEW_IDLE_MONTHS, reviewSummary } from '../domain/registry/review.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import * as P from './register-review-prompts.js';
import { newToken } from './sales-entry-state.js';

const Token = z.string().min(4).max(16);
const State = z.discriminatedUnion('step', [
  /** Province: the summary of the current review (or the offer to open one). */
  z.object({ step: z.literal('province'), token: Token }),
  z.object({ step: z.literal('list'), token: Token, reviewId: z.number().int(), page: z.number().int().min(1) }),
  z.object({ step: z.literal('decide'), token: Token, reviewId: z.number().int(), page: z.number().int().min(1), producerId: z.number().int() }),
  z.object({ step: z.literal('other'), token: Token, reviewId: z.number().int(), page: z.number().int().min(1), producerId: z.number().int() }),
  z.object({ step: z.literal('confirm'), token: Token, reviewId: z.number().int(), page: z.number().int().min(1), producerId: z.number().int(), reason: z.string().min(2).max(200) }),
]);
type S = z.infer<typeof State>;
type Out = Outcome<S>;
const MENU = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord));

async function districtName(ctx: Ctx): Promise<string> {
  return (await ctx.tx.district.findUnique({ where: { id: ctx.actor!.districtId! }, select: { nameTh: true } }))?.nameTh ?? '';
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  if (s.step === 'province') {
    const r = await currentReview(ctx.tx, ctx.actor!.provinceId!);
    return r ? P.summaryPrompt(s.token, r, await reviewSummary(ctx.tx, ctx.actor!, r)) : P.openPrompt(s.token, null);
  }
  const d = await districtReview(ctx.tx, ctx.actor!, ctx.actor!.districtId!);
  if (!d) return [text('จังหวัดยังไม่ได้เปิดการทบทวนทะเบียนผู้ผลิต')];
  if (s.step === 'list') return P.listPrompt(s.token, d, await districtName(ctx), s.page);
  const item = d.items.find((i) => i.producerId === s.producerId);
  if (!item) return P.listPrompt(s.token, d, await districtName(ctx), s.page);
  if (s.step === 'decide') return P.decidePrompt(s.token, item);
  if (s.step === 'other') return [text('พิมพ์เหตุผลที่ยกเลิกการลงทะเบียน (2–200 ตัวอักษร)')];
  return P.confirmDeregPrompt(s.token, item.name, s.reason);
}

const go = async (ctx: Ctx, s: S, ...pre: Reply[]): Promise<Out> => next(s, ...pre, ...(await prompt(ctx, s)));

async function start(ctx: Ctx): Promise<Out> {
  const a = ctx.actor!;
  const token = newToken();
  if (a.role === 'PROVINCE_OFFICER' && a.provinceId) return go(ctx, { step: 'province', token });
  if (a.role !== 'DISTRICT_OFFICER' || !a.districtId) return done(text('การทบทวนทะเบียนใช้ได้สำหรับเจ้าหน้าที่อำเภอและจังหวัดเท่านั้น'));
  const d = await districtReview(ctx.tx, a, a.districtId);
  if (!d) return done(text('จังหวัดยังไม่ได้เปิดการทบทวนทะเบียนผู้ผลิต เมื่อเปิดแล้วพิมพ์ "ทบทวนทะเบียน" อีกครั้ง'));
  return go(ctx, { step: 'list', token, reviewId: d.review.id, page: 1 });
}

/** Runs one write; a rule broken meanwhile is told and the list shown again. */
async function write(ctx: Ctx, s: Extract<S, { reviewId: number }>, fn: () => Promise<void>, ok: string): Promise<Out> {
  const list: S = { step: 'list', token: s.token, reviewId: s.reviewId, page: s.page };
  try {
    await fn();
  } catch (err) {
    if (err instanceof RuleError) return go(ctx, list, text(err.message));
    throw err;
  }
  return go(ctx, list, text(ok));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('rv-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า:'), ...(await prompt(ctx, s)));
  }
  const action = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? input.text.trim() : '';
  if (raw && MENU.has(normaliseWord(raw))) return pass();
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));

  if (s.step === 'province') {
    if (action === 'rv-new') return stay(...P.openPrompt(s.token, await currentReview(ctx.tx, ctx.actor!.provinceId!)));
    if (action === 'rv-open') {
      const n = P.MONTH_CHOICES.find((m) => String(m) === params.n) ?? REVIEW_IDLE_MONTHS;
      await openReview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, ctx.now, n, ctx.now, ctx.event.id);
      return go(ctx, s, text(`เปิดการทบทวนแล้ว ✅ อำเภอพิมพ์ "ทบทวนทะเบียน" เพื่อทบทวนผู้ผลิตที่ไม่รายงาน ${n} เดือน`));
    }
    return again();
  }
  const base = { token: s.token, reviewId: s.reviewId, page: s.page };
  if (action === 'rv-back') return go(ctx, { step: 'list', ...base });
  if (action === 'rv-page') return go(ctx, { step: 'list', ...base, page: Math.max(1, Number(params.n) || 1) });
  if (action === 'rv-pick') return go(ctx, { step: 'decide', ...base, producerId: Number(params.p) });
  if (action === 'rv-complete') {
    return write(ctx, s, () => completeDistrictReview(ctx.tx, ctx.actor!, s.reviewId, ctx.actor!.districtId!, ctx.now, ctx.event.id), 'ยืนยันการทบทวนเสร็จแล้ว ✅ จังหวัดเห็นผลแล้ว');
  }
  switch (s.step) {
    case 'list':
      return again(text('กด "ทบทวน" ที่ผู้ผลิตในรายการ'));
    case 'decide': {
      if (action === 'rv-keep' && Number(params.p) === s.producerId) {
        return write(ctx, s, () => markReviewItem(ctx.tx, ctx.actor!, s.reviewId, s.producerId, 'KEEP', null, ctx.now, ctx.event.id), 'บันทึกแล้ว ✅ ยังดำเนินการ');
      }
      if (action === 'rv-reason') {
        const reason = [...DEREGISTER_REASONS, P.OTHER][Number(params.v)];
        if (reason === P.OTHER) return go(ctx, { step: 'other', ...base, producerId: s.producerId });
        if (reason) return go(ctx, { step: 'confirm', ...base, producerId: s.producerId, reason });
      }
      return again(text('กรุณาเลือกจากปุ่มด้านล่าง'));
    }
    case 'other': {
      const reason = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (reason.length < 2 || reason.length > DEREGISTER_REASON_MAX) return again(text(`เหตุผลต้องยาว 2–${DEREGISTER_REASON_MAX} ตัวอักษร`));
      return go(ctx, { step: 'confirm', ...base, producerId: s.producerId, reason });
    }
    case 'confirm':
      if (action === 'rv-yes' || normaliseWord(raw) === 'ยืนยัน') {
        return write(ctx, s, () => markReviewItem(ctx.tx, ctx.actor!, s.reviewId, s.producerId, 'DEREGISTER', s.reason, ctx.now, ctx.event.id), `ยกเลิกการลงทะเบียนแล้ว ✅ (${s.reason})`);
      }
      return again(text('กด "ยืนยัน ยกเลิกทะเบียน" หรือ "กลับ"'));
  }
}

export const registerReviewFlow: Flow<S> = { name: P.FLOW, version: 1, schema: State, start, advance, prompt };
export const registerReviewModule: BotModule = { flows: [registerReviewFlow], startWords: { ทบทวนทะเบียน: { flow: P.FLOW }, ทบทวนทะเบียนผู้ผลิต: { flow: P.FLOW } } };
