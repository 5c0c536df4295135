// District review, by a district officer: month → overview card (counts, totals, lock) → entries list page by
// page (numbered 1..N, stable for the conversation) → "ยืนยันทั้งหมด [ยกเว้น …]" or "ส่งกลับ 12" + reason →
// "ยืนยันส่งกลับ". Steps only read; confirming writes through confirmDistrictMonth, sending back through returnEntry
// and only from the reason-confirm step (a typed reason alone never writes). Numbers the officer types refer to
// the numbering kept in the state (what was on screen), never to a fresh count.
import type { Ctx } from '../bot/context.js';
import type { Input, Postback } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord, type Action } from '../bot/router.js';
import { say, text, type Reply } from '../bot/reply.js';
import { CATEGORY_TH, STATUS_TH } from '../domain/catalog.js';
import { districtMonthOverview, REASON_MAX, REASON_MIN, returnEntry } from '../domain/district-review.js';
import { assertDistrict, entryForReview, listDistrictEntries, lockedMessage } from '../domain/district-review-queries.js';
import { activeProducerCount, monthLock, nextSeen, pendingProducers } from '../domain/district-review-queries.js';
import { addMonths, defaultReportingMonth, type MonthKey } from '../domain/fiscal-period.js';
import { confirmFromPreview, previewAgain, previewConfirm } from './district-review-confirm.js';
import * as P from './district-review-prompts.js';
import { cleanReason, DistrictReviewState, exceptKey, fromSeen, matchMonth, newToken, parseCommand, reasonAnswer, reasonKey, toSeen } from './district-review-state.js';
import type { ChosenState, Command, ReasonAnswer, StepOf } from './district-review-state.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';

type S = DistrictReviewState;
type Out = Outcome<S>;
const START_WORDS = ['ตรวจสอบ/ยืนยัน', 'ตรวจสอบ', 'ยืนยันข้อมูล'];
const OWN = new Set(START_WORDS.map(normaliseWord));
/** Other menu words leave this conversation (the router starts their flow). */
const ELSEWHERE = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord).filter((w) => !OWN.has(w)));
const OLD_CARD = 'ปุ่มนี้เป็นของการ์ดก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:';
const HELP =
  'พิมพ์ได้: ดูรายการ · ถัดไป · ก่อนหน้า · ยืนยันทั้งหมด · ยืนยันทั้งหมด ยกเว้น 3 5 · ส่งกลับ 12 · ยังไม่รายงาน · ภาพรวม · ยกเลิก';

const nameOf = (ctx: Ctx, districtId: number) => assertDistrict(ctx.tx, ctx.actor!, 'sales.view', districtId);
const entriesOf = (ctx: Ctx, s: ChosenState) => listDistrictEntries(ctx.tx, ctx.actor!, s.districtId, s.month as MonthKey, toSeen(s.seen));
type Base = Pick<ChosenState, 'token' | 'districtId' | 'month' | 'seen' | 'page'>;
/** The part every step after the month keeps. */
const chosen = (s: Base): Base => ({ token: s.token, districtId: s.districtId, month: s.month, seen: s.seen, page: s.page });

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  if (s.step === 'month') return P.monthPrompt(s, await nameOf(ctx, s.districtId));
  const month = s.month as MonthKey;
  switch (s.step) {
    case 'overview':
      return P.overviewCard(s, await districtMonthOverview(ctx.tx, ctx.actor!, s.districtId, month, toSeen(s.seen)), ctx.now);
    case 'list':
      return P.listPage(s, await entriesOf(ctx, s), await nameOf(ctx, s.districtId), !!(await monthLock(ctx.tx, s.districtId, month)));
    case 'pending':
      return P.pendingPage(s, await pendingProducers(ctx.tx, ctx.actor!, s.districtId, month), await nameOf(ctx, s.districtId), await activeProducerCount(ctx.tx, ctx.actor!, s.districtId));
    case 'reason': {
      const e = (await entriesOf(ctx, s)).find((x) => x.id === s.entryId);
      return e ? P.reasonPrompt(s, e) : [text(HELP)];
    }
    case 'reason-confirm':
      return P.reasonConfirmPrompt(s, (await entriesOf(ctx, s)).find((x) => x.id === s.entryId));
    case 'confirm':
      return previewAgain(ctx, s);
  }
}

function monthStep(token: string, districtId: number, now: Date): StepOf<'month'> {
  const first = defaultReportingMonth(now);
  return { step: 'month', token, districtId, months: [0, -1, -2].map((n) => addMonths(first, n)) };
}

async function showOverview(ctx: Ctx, s: Base): Promise<Out> {
  const o = await districtMonthOverview(ctx.tx, ctx.actor!, s.districtId, s.month as MonthKey, toSeen(s.seen));
  const st: StepOf<'overview'> = { ...chosen(s), step: 'overview', seen: fromSeen(nextSeen(toSeen(s.seen), o.entries, () => true)) };
  return next(st, ...P.overviewCard(st, o, ctx.now));
}

async function showList(ctx: Ctx, s: ChosenState, page: number, ...pre: Reply[]): Promise<Out> {
  const entries = await entriesOf(ctx, s);
  const p = Math.max(0, Math.min(page, P.pageCount(entries.length) - 1));
  const onPage = new Set(entries.slice(p * P.PAGE_SIZE, (p + 1) * P.PAGE_SIZE).map((e) => e.id));
  const st: StepOf<'list'> = { ...chosen(s), step: 'list', page: p, seen: fromSeen(nextSeen(toSeen(s.seen), entries, (e) => onPage.has(e.id))) };
  const locked = !!(await monthLock(ctx.tx, s.districtId, s.month as MonthKey));
  return next(st, ...pre, ...P.listPage(st, entries, await nameOf(ctx, s.districtId), locked));
}

async function showPending(ctx: Ctx, s: ChosenState, page: number): Promise<Out> {
  const st: StepOf<'pending'> = { ...chosen(s), step: 'pending', pendingPage: Math.max(0, page) };
  const producers = await pendingProducers(ctx.tx, ctx.actor!, s.districtId, s.month as MonthKey);
  st.pendingPage = Math.min(st.pendingPage, P.pageCount(producers.length) - 1);
  return next(st, ...P.pendingPage(st, producers, await nameOf(ctx, s.districtId), await activeProducerCount(ctx.tx, ctx.actor!, s.districtId)));
}

/** Goes to the reason question for entry `no`; `expected` is the revision on the tapped card, if any. */
async function askReason(ctx: Ctx, s: ChosenState, no: number, expected?: number): Promise<Out> {
  const entries = await entriesOf(ctx, s);
  const e = entries.find((x) => x.no === no);
  if (!e) return stay(text(`ไม่มีรายการที่ ${no} กรุณาตรวจเลขรายการ แล้วพิมพ์ใหม่ เช่น ส่งกลับ 12`));
  const lock = await monthLock(ctx.tx, s.districtId, s.month as MonthKey);
  if (lock) return stay(text(lockedMessage(await nameOf(ctx, s.districtId), s.month as MonthKey, lock), [say('ขอปลดล็อก'), say('ยกเลิก')]));
  if (expected !== undefined && e.revision !== expected) {
    const page = Math.floor(entries.indexOf(e) / P.PAGE_SIZE);
    return showList(ctx, s, page, text(`รายการที่ ${no} มีการแก้ไขหลังจากที่คุณเปิดดู กรุณาตรวจอีกครั้ง`));
  }
  if (e.status === 'RETURNED') return stay(text(`รายการที่ ${no} ส่งกลับแก้ไขแล้ว (เหตุผล: ${e.returnReason ?? '-'}) กำลังรอผู้ผลิตแก้ไข`));
  if (e.status !== 'SUBMITTED' && e.status !== 'DISTRICT_CONFIRMED') return stay(text(`รายการที่ ${no} ${STATUS_TH[e.status]} จึงส่งกลับไม่ได้`));
  const seen = fromSeen(nextSeen(toSeen(s.seen), entries, (x) => x.id === e.id));
  const st: StepOf<'reason'> = { ...chosen(s), seen, step: 'reason', no, entryId: e.id, revision: e.revision };
  return next(st, ...P.reasonPrompt(st, e));
}

/** A typed reason only moves to the confirmation; nothing is written yet. */
async function giveReason(ctx: Ctx, s: StepOf<'reason'>, raw: string): Promise<Out> {
  const reason = cleanReason(raw);
  if (!reason) return stay(text(`กรุณาพิมพ์เหตุผลที่ส่งกลับ ${REASON_MIN}–${REASON_MAX} ตัวอักษร เช่น ยอดไม่ตรงกับสมุดบัญชี`), ...(await prompt(ctx, s)));
  const st: StepOf<'reason-confirm'> = { ...chosen(s), step: 'reason-confirm', no: s.no, entryId: s.entryId, revision: s.revision, reason };
  return next(st, ...(await prompt(ctx, st)));
}

/** "ยืนยันส่งกลับ" / "แก้เหตุผล" / "ไม่ส่งกลับ"; anything else keeps the question. */
async function answerReason(ctx: Ctx, s: StepOf<'reason-confirm'>, answer: ReasonAnswer | null): Promise<Out> {
  if (answer === 'yes') return sendBack(ctx, s);
  if (answer === 'no') return showList(ctx, s, s.page);
  if (answer === 'edit') {
    const st: StepOf<'reason'> = { ...chosen(s), step: 'reason', no: s.no, entryId: s.entryId, revision: s.revision };
    return next(st, ...(await prompt(ctx, st)));
  }
  return stay(text('กรุณากด "ยืนยันส่งกลับ" เพื่อส่งกลับ "แก้เหตุผล" เพื่อพิมพ์เหตุผลใหม่ หรือ "ไม่ส่งกลับ"'), ...(await prompt(ctx, s)));
}

async function sendBack(ctx: Ctx, s: StepOf<'reason-confirm'>): Promise<Out> {
  const r = await returnEntry(ctx.tx, ctx.actor!, s.entryId, s.reason, s.revision, ctx.now, ctx.event.id);
  for (const u of r.notify) await ctx.push(u.lineUserId, P.producerNotice(r), `dr-return:${r.entryId}:${r.revision}:${u.userId}`);
  const seen = s.seen.map(([id, rev]): [number, number] => (id === r.entryId ? [id, r.revision] : [id, rev]));
  const st: StepOf<'list'> = { ...chosen(s), seen, step: 'list' };
  return next(st, ...P.returnedReplies(r, s.no, s.token));
}

async function onCommand(ctx: Ctx, s: ChosenState, c: Command): Promise<Out> {
  switch (c.kind) {
    case 'confirm': return previewConfirm(ctx, s, c.except);
    case 'return': return askReason(ctx, s, c.no);
    case 'list': case 'back': return showList(ctx, s, s.page);
    case 'next': return s.step === 'pending' ? showPending(ctx, s, s.pendingPage + 1) : showList(ctx, s, s.step === 'list' ? s.page + 1 : s.page);
    case 'prev': return s.step === 'pending' ? showPending(ctx, s, s.pendingPage - 1) : showList(ctx, s, s.page - 1);
    case 'page': return showList(ctx, s, c.page);
    case 'pending': return showPending(ctx, s, 0);
    case 'overview': return showOverview(ctx, s);
    case 'month': {
      const st = monthStep(s.token, s.districtId, ctx.now);
      return next(st, ...P.monthPrompt(st, await nameOf(ctx, s.districtId)));
    }
    case 'error': return stay(text(c.message));
  }
}

async function onPostback(ctx: Ctx, s: S, pb: Postback): Promise<Out> {
  const p = pb.params;
  if (s.step === 'month') {
    if (pb.action === 'dr-month' && p.m && s.months.includes(p.m)) return showOverview(ctx, { token: s.token, districtId: s.districtId, month: p.m, seen: [], page: 0 });
    return stay(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'), ...(await prompt(ctx, s)));
  }
  const num = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : 0);
  switch (pb.action) {
    case 'dr-months': return onCommand(ctx, s, { kind: 'month' });
    case 'dr-list': case 'dr-back': return showList(ctx, s, s.page);
    case 'dr-page': return showList(ctx, s, num(p.p));
    case 'dr-confirm': return previewConfirm(ctx, s, []);
    case 'dr-confirm-ok': case 'dr-no-sales':
      if (s.step !== 'confirm' || p.h !== exceptKey(s.except)) return stay(text(OLD_CARD), ...(await prompt(ctx, s)));
      return confirmFromPreview(ctx, s, pb.action === 'dr-no-sales');
    case 'dr-return': {
      const e = (await entriesOf(ctx, s)).find((x) => x.id === num(p.e));
      return askReason(ctx, s, e?.no ?? num(p.n), num(p.r));
    }
    case 'dr-return-ok': case 'dr-reason': {
      const current = s.step === 'reason-confirm' && (pb.action === 'dr-reason' || (p.e === String(s.entryId) && p.h === reasonKey(s.reason)));
      if (!current) return stay(text(OLD_CARD), ...(await prompt(ctx, s)));
      return answerReason(ctx, s, pb.action === 'dr-return-ok' ? 'yes' : 'edit');
    }
    case 'dr-pending': return showPending(ctx, s, num(p.p));
    case 'dr-overview': return showOverview(ctx, s);
    default: return stay(...(await prompt(ctx, s)));
  }
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('dr-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text(OLD_CARD), ...(await prompt(ctx, s)));
    return onPostback(ctx, s, input.postback);
  }
  const word = normaliseWord(input.text);
  if (OWN.has(word)) return start(ctx, {});
  if (ELSEWHERE.has(word)) return pass();
  if (s.step === 'month') {
    const m = matchMonth(input.text, s.months);
    if (!m) return stay(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'), ...(await prompt(ctx, s)));
    return showOverview(ctx, { token: s.token, districtId: s.districtId, month: m, seen: [], page: 0 });
  }
  if (s.step === 'reason-confirm') return answerReason(ctx, s, reasonAnswer(input.text));
  if (s.step === 'confirm' && reasonAnswer(input.text) === 'yes') return confirmFromPreview(ctx, s, false);
  const c = parseCommand(input.text);
  if (s.step === 'reason' && (!c || c.kind === 'error')) return giveReason(ctx, s, input.text);
  if (!c) return stay(text(`ขออภัย ไม่เข้าใจข้อความนี้\n${HELP}`), ...(await prompt(ctx, s)));
  return onCommand(ctx, s, c);
}

/** A tap on "ส่งกลับแก้ไข" of a card whose entry changed since, or of another district: answer, never write. */
async function startFromCard(ctx: Ctx, token: string, entryId: number, revision: number): Promise<Out> {
  const { entry, districtId, month } = await entryForReview(ctx.tx, ctx.actor!, entryId, 'sales.district-return');
  if (entry.revision !== revision) {
    return done(
      text(
        `รายการนี้ (${entry.producer.name} · ${CATEGORY_TH[entry.category]}) มีการเปลี่ยนแปลงหลังจากที่การ์ดนี้แสดง ` +
          `ตอนนี้: ${STATUS_TH[entry.status]}\nพิมพ์ "ตรวจสอบ/ยืนยัน" เพื่อดูรายการล่าสุด`,
        [say('ตรวจสอบ/ยืนยัน'), say('เมนู')],
      ),
    );
  }
  const entries = await listDistrictEntries(ctx.tx, ctx.actor!, districtId, month);
  const e = entries.find((x) => x.id === entryId);
  if (!e) return done(text('รายการนี้ยังไม่ได้ส่งเข้ามา จึงส่งกลับไม่ได้', [say('ตรวจสอบ/ยืนยัน')]));
  const s: StepOf<'list'> = { step: 'list', token, districtId, month, seen: fromSeen(nextSeen(undefined, entries, () => true)), page: Math.floor((e.no - 1) / P.PAGE_SIZE) };
  return askReason(ctx, s, e.no);
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  if (actor.role !== 'DISTRICT_OFFICER' || !actor.districtId) return done(text('เมนูตรวจสอบ/ยืนยันใช้ได้สำหรับเจ้าหน้าที่อำเภอ'));
  const token = newToken();
  if (args.entry) return startFromCard(ctx, token, Number(args.entry) || 0, Number(args.rev) || 0);
  const st = monthStep(token, actor.districtId, ctx.now);
  if (args.month && st.months.includes(args.month)) return showOverview(ctx, { token, districtId: actor.districtId, month: args.month, seen: [], page: 0 });
  return next(st, ...P.monthPrompt(st, await nameOf(ctx, actor.districtId)));
}

export const districtReviewFlow: Flow<S> = { name: P.FLOW, version: 2, schema: DistrictReviewState, start, advance };

/** "ส่งกลับแก้ไข" tapped when no review is open: re-checked against the entry's current revision. */
const returnFromOldCard: Action = async (_ctx, pb, control) => control.start(P.FLOW, { entry: pb.params.e ?? '', rev: pb.params.r ?? '' });

export const districtReviewModule: BotModule = {
  flows: [districtReviewFlow],
  startWords: Object.fromEntries(START_WORDS.map((w) => [w, { flow: P.FLOW }])),
  actions: { 'dr-return': returnFromOldCard },
};

