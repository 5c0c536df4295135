// The district confirmation inside the review conversation: "ยืนยันทั้งหมด [ยกเว้น …]" (typed or tapped) only shows
// a preview (district-review-confirm-prompts.ts); the write happens from the preview step, on its button (whose
// fingerprint must match the exceptions previewed) or a typed "ยืนยัน" — optionally recording "ไม่มียอดขายเดือนนี้"
// for the producers not reported first. The numbering and the revisions seen stay those of the conversation.
import type { Ctx } from '../bot/context.js';
import { done, next, stay, type Outcome } from '../bot/flow.js';
import { say, text } from '../bot/reply.js';
import { confirmPreview, markNoSales } from '../domain/district-confirm-preview.js';
import { confirmDistrictMonth } from '../domain/district-review.js';
import { listDistrictEntries, lockedMessage, monthLock, nextSeen, pendingProducers } from '../domain/district-review-queries.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { previewCard } from './district-review-confirm-prompts.js';
import { standingAfterConfirm } from './targets.js';
import * as P from './district-review-prompts.js';
import { fromSeen, toSeen, type ChosenState, type DistrictReviewState, type StepOf } from './district-review-state.js';

type Out = Outcome<DistrictReviewState>;
const keep = (s: ChosenState) => ({ token: s.token, districtId: s.districtId, month: s.month, seen: s.seen, page: s.page });

/** The preview of confirming every awaiting entry except `except` (numbers as shown); writes nothing. */
export async function previewConfirm(ctx: Ctx, s: ChosenState, except: number[]): Promise<Out> {
  const month = s.month as MonthKey;
  const p = await confirmPreview(ctx.tx, ctx.actor!, s.districtId, month, except, toSeen(s.seen));
  if (p.missing.length) {
    const all = (await listDistrictEntries(ctx.tx, ctx.actor!, s.districtId, month, toSeen(s.seen))).length;
    const range = all ? `รายการเดือนนี้มีหมายเลข 1–${all}` : 'เดือนนี้ยังไม่มีรายการ';
    return stay(text(`ไม่มีรายการที่ ${p.missing.join(', ')} (${range}) ยังไม่ได้ยืนยันรายการใด กรุณาตรวจเลขแล้วพิมพ์ใหม่ เช่น ยืนยันทั้งหมด ยกเว้น 3 5`));
  }
  const lock = await monthLock(ctx.tx, s.districtId, month);
  if (lock) return stay(text(lockedMessage(p.districtName, month, lock), [say('ขอปลดล็อก'), say('ยกเลิก')]));
  const st: StepOf<'confirm'> = { ...keep(s), step: 'confirm', except };
  return next(st, ...previewCard(st, p));
}

/** The preview card of the current step again (after a stray message). */
export async function previewAgain(ctx: Ctx, s: StepOf<'confirm'>) {
  return previewCard(s, await confirmPreview(ctx.tx, ctx.actor!, s.districtId, s.month as MonthKey, s.except, toSeen(s.seen)));
}

/** The write: confirms what the preview showed (entries changed since are left and named); `noSales` first records
 * zero entries for the producers that have not reported, and confirms them with the rest. */
export async function confirmFromPreview(ctx: Ctx, s: StepOf<'confirm'>, noSales: boolean): Promise<Out> {
  const month = s.month as MonthKey;
  let seen = toSeen(s.seen);
  let marked = 0;
  if (noSales) {
    const ids = new Set(await markNoSales(ctx.tx, ctx.actor!, s.districtId, month, ctx.now, ctx.event.id));
    marked = ids.size;
    seen = nextSeen(seen, await listDistrictEntries(ctx.tx, ctx.actor!, s.districtId, month, seen), (e) => ids.has(e.id));
  }
  const r = await confirmDistrictMonth(ctx.tx, ctx.actor!, s.districtId, month, { except: s.except, seen }, ctx.now, ctx.event.id);
  const mine = new Set(r.confirmed.map((e) => e.id));
  const st: StepOf<'list'> = { ...keep(s), step: 'list', seen: fromSeen(nextSeen(seen, r.entries, (e) => mine.has(e.id))) };
  const pending = (await pendingProducers(ctx.tx, ctx.actor!, s.districtId, month)).length;
  const body =
    (marked ? `บันทึก "ไม่มียอดขายเดือนนี้" ให้ผู้ผลิตที่ยังไม่รายงานแล้ว ${marked} รายการ\n` : '') +
    P.confirmedText(r, month) +
    (pending ? `\n⚠️ ยังมีผู้ผลิต ${pending} รายที่ไม่ได้รายงานเดือนนี้ (ยืนยันโดยทราบแล้ว) หากผู้ผลิตส่งยอดภายหลัง ต้องตรวจและยืนยันรายการนั้นอีกครั้ง` : '');
  const standing = await standingAfterConfirm(ctx, month);
  if (!r.remaining.submitted) return done(text(body, [say('ตรวจสอบ/ยืนยัน'), say('เมนู')]), ...standing);
  return next(st, text(body, [...P.listChoices(st), say('ยกเลิก')]), ...standing);
}
