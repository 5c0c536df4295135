// Province confirmation, by a province officer: the month's districts (month just ended by default; all of them in
// one answer) → "ยืนยันทุกอำเภอที่พร้อม" (a preview card of the ready districts, then its confirm button) or one district's
// detail (รต.3 by product type) → ยืนยัน (entries become PROVINCE_CONFIRMED, the month locks for the district) or
// ส่งกลับ with a reason, shown back for ยืนยันส่งกลับ (entries go back to the district, whose officers are told why;
// typed text alone never sends a district back). After each write the list is shown again, so the officer can go on
// with the next district.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { text, type Reply } from '../bot/reply.js';
import { addMonths, defaultReportingMonth, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { nameOf, REASON_MAX, REASON_MIN } from '../domain/district-month.js';
import { confirmDistrictByProvince, districtMonthSummary, provinceMonthOverview, returnDistrictByProvince } from '../domain/province-review.js';
import { confirmReadyDistricts, provinceConfirmPreview } from '../domain/province-confirm-preview.js';
import { formatBaht, formatMonthTh } from '../domain/thai-format.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import { progressModule } from './progress.js';
import { standingAfterConfirm } from './targets.js';
import * as P from './province-review-prompts.js';
import { ProvinceReviewState, type ReviewStep } from './province-review-state.js';
import { reasonTag } from './unlock-prompts.js';
import { unlockModule } from './unlock.js';

type S = ProvinceReviewState;
type Out = Outcome<S>;
const CONFIRM_WORDS = new Set(['ยืนยัน', 'ยืนยันข้อมูลอำเภอนี้', 'ok', 'โอเค']);
/** Typed words at the district list that show the preview of confirming every ready district (never a write). */
const CONFIRM_ALL_WORDS = new Set(['ยืนยันทุกอำเภอที่พร้อม', P.CONFIRM_ALL_LABEL, 'ยืนยันทุกอำเภอ', 'ยืนยันทั้งหมด'].map(normaliseWord));
/** Typed words that send a district back at the confirmation step (the button's label among them). */
const RETURN_WORDS = new Set(['ยืนยัน', 'ใช่', 'ยืนยันส่งกลับ']);
/** Menu words of any role, and this flow's own start words: typed mid-conversation they start that flow afresh. */
const MENU = new Set([...Object.values(MENU_WORDS).flat(), 'ยืนยันจังหวัด'].map(normaliseWord));
const isMenuWord = (raw: string) => MENU.has(normaliseWord(raw));

async function listReplies(ctx: Ctx, s: S): Promise<Reply[]> {
  return P.listPrompt(s, await provinceMonthOverview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, s.month as MonthKey));
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  switch (s.step) {
    case 'list': return listReplies(ctx, s);
    case 'detail': return P.detailPrompt(s, await districtMonthSummary(ctx.tx, ctx.actor!, s.districtId, s.month as MonthKey));
    case 'reason': return P.reasonPrompt(s);
    case 'reason-confirm': return P.reasonConfirmPrompt(s);
    case 'confirm-all': return P.confirmAllPrompt(s, await provinceConfirmPreview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, s.month as MonthKey));
  }
}

const base = (s: S) => ({ token: s.token, month: s.month, months: s.months, page: s.page });

async function toList(ctx: Ctx, s: S, patch: Partial<ReviewStep<'list'>> = {}, ...pre: Reply[]): Promise<Out> {
  const st: ReviewStep<'list'> = { ...base(s), ...patch, step: 'list' };
  return next(st, ...pre, ...(await listReplies(ctx, st)));
}

async function toDetail(ctx: Ctx, s: S, districtId: number): Promise<Out> {
  const summary = await districtMonthSummary(ctx.tx, ctx.actor!, districtId, s.month as MonthKey);
  const st: ReviewStep<'detail'> = { ...base(s), step: 'detail', districtId, revision: summary.revision };
  return next(st, ...P.detailPrompt(st, summary));
}

async function confirm(ctx: Ctx, s: S, districtId: number, revision: number | null): Promise<Out> {
  const month = s.month as MonthKey;
  const r = await confirmDistrictByProvince(ctx.tx, ctx.actor!, districtId, month, revision, ctx.now, ctx.event.id);
  return toList(ctx, s, {}, text(
    `ยืนยันข้อมูลอำเภอ${r.districtName} เดือน${formatMonthTh(month)} แล้ว ✅\nรวม ${formatBaht(r.total)} บาท (${r.entries} รายการ)\n` +
      'ข้อมูลส่งถึงศูนย์เขตและกรมฯ แล้ว และเดือนนี้ของอำเภอถูกล็อก หากต้องแก้ไข อำเภอต้องพิมพ์ "ขอปลดล็อก"',
  ), ...(await standingAfterConfirm(ctx, month)));
}

async function toReason(ctx: Ctx, s: S, districtId: number): Promise<Out> {
  const summary = await districtMonthSummary(ctx.tx, ctx.actor!, districtId, s.month as MonthKey);
  const st: ReviewStep<'reason'> = { ...base(s), step: 'reason', districtId, districtName: summary.nameTh };
  return next(st, ...P.reasonPrompt(st));
}

/** The one write of a send-back: only from the confirmation step, with the reason shown there. */
async function sendBack(ctx: Ctx, s: ReviewStep<'reason-confirm'>): Promise<Out> {
  const month = s.month as MonthKey;
  const r = await returnDistrictByProvince(ctx.tx, ctx.actor!, s.districtId, month, s.reason, ctx.now, ctx.event.id);
  const by = await nameOf(ctx.tx, ctx.actor!.userId);
  for (const o of r.officers) {
    await ctx.push(o.lineUserId, P.returnedPush({ ...r, month, by }), `province-return:${ctx.event.id}:${o.id}`);
  }
  const told = r.officers.length
    ? `แจ้งเจ้าหน้าที่อำเภอ ${r.officers.length} คนแล้ว`
    : 'อำเภอนี้ยังไม่มีเจ้าหน้าที่ในระบบ กรุณาแจ้งอำเภอทางโทรศัพท์หรือหนังสือ';
  return toList(ctx, s, {}, text(`ส่งข้อมูลอำเภอ${r.districtName} เดือน${formatMonthTh(month)} กลับให้อำเภอตรวจสอบแล้ว (${r.entries} รายการ)\nเหตุผล: ${r.reason}\n${told}`));
}

/** The preview of confirming every ready district (writes nothing); none ready: said so, at the list. */
async function previewAll(ctx: Ctx, s: S): Promise<Out> {
  const p = await provinceConfirmPreview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, s.month as MonthKey);
  if (!p.ready.length) {
    const n = p.notReady;
    return toList(ctx, s, {}, text(
      `เดือน${formatMonthTh(s.month as MonthKey)} ยังไม่มีอำเภอที่พร้อมให้จังหวัดยืนยัน (อำเภอต้องยืนยันครบทุกรายการก่อน)\n` +
        `รออำเภอยืนยัน ${n.waiting} · ยังไม่มีรายงาน ${n['not-started']} · จังหวัดยืนยันแล้ว ${n['province-confirmed']} อำเภอ`,
    ));
  }
  const st: ReviewStep<'confirm-all'> = {
    ...base(s),
    step: 'confirm-all',
    districts: p.ready.map((d) => ({ id: d.districtId, name: d.nameTh, revision: d.revision, entries: d.entries, total: d.total.toString() })),
  };
  return next(st, ...P.confirmAllPrompt(st, p));
}

/** The write of "ยืนยันทุกอำเภอที่พร้อม": only the districts the preview showed, each only if still as shown. */
async function confirmAll(ctx: Ctx, s: ReviewStep<'confirm-all'>): Promise<Out> {
  const month = s.month as MonthKey;
  const previewed = s.districts.map((d) => ({ districtId: d.id, nameTh: d.name, revision: d.revision, entries: d.entries, total: BigInt(d.total) }));
  const r = await confirmReadyDistricts(ctx.tx, ctx.actor!, month, previewed, ctx.now, ctx.event.id);
  const total = r.confirmed.reduce((t, d) => t + d.total, 0n);
  const entries = r.confirmed.reduce((t, d) => t + d.entries, 0);
  const lines = [
    r.confirmed.length
      ? `ยืนยันข้อมูลเดือน${formatMonthTh(month)} แล้ว ${r.confirmed.length} อำเภอ ✅ รวม ${formatBaht(total)} บาท (${entries} รายการ)\n` +
        r.confirmed.map((d) => `• อำเภอ${d.nameTh} ${formatBaht(d.total)} บาท`).join('\n')
      : `ยังไม่ได้ยืนยันอำเภอใด`,
    r.changed.length ? `ไม่ได้ยืนยัน อำเภอ${r.changed.join(', อำเภอ')} เพราะข้อมูลเปลี่ยนไปหลังจากที่แสดงให้ตรวจ กรุณาเปิดดูอำเภอนั้นก่อนยืนยัน` : '',
    r.confirmed.length ? 'ข้อมูลส่งถึงศูนย์เขตและกรมฯ แล้ว และเดือนนี้ของอำเภอเหล่านี้ถูกล็อก หากต้องแก้ไข อำเภอต้องพิมพ์ "ขอปลดล็อก"' : '',
  ].filter(Boolean);
  return toList(ctx, s, {}, text(lines.join('\n')), ...(r.confirmed.length ? await standingAfterConfirm(ctx, month) : []));
}

function recentMonths(now: Date): MonthKey[] {
  const last = defaultReportingMonth(now);
  return [last, addMonths(last, -1), addMonths(last, -2)];
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  if (actor.role !== 'PROVINCE_OFFICER' || !actor.provinceId) return done(text('เมนูยืนยันระดับจังหวัดใช้ได้สำหรับเจ้าหน้าที่จังหวัดเท่านั้น'));
  const months = recentMonths(ctx.now);
  const asked = parseMonthKey(args.m ?? '');
  const month = asked && months.includes(asked) ? asked : months[0]!;
  const s: ReviewStep<'list'> = { step: 'list', token: randomBytes(5).toString('hex'), month, months, page: 0 };
  const d = Number(args.d);
  if (Number.isInteger(d) && d > 0) return toDetail(ctx, s, d);
  return next(s, ...(await listReplies(ctx, s)));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));
  if (input.kind === 'postback') {
    const { action, params } = input.postback;
    if (!action.startsWith('pr-')) return pass();
    if (params.t !== s.token) return again(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'));
    const d = Number(params.d);
    if (['pr-detail', 'pr-confirm', 'pr-return', 'pr-return-ok'].includes(action) && !(Number.isInteger(d) && d > 0)) return again();
    switch (action) {
      case 'pr-page': return toList(ctx, s, { page: Math.max(0, Number(params.p) || 0) });
      case 'pr-month': return s.months.includes(params.m ?? '') ? toList(ctx, s, { month: params.m!, page: 0 }) : again();
      case 'pr-list': return toList(ctx, s);
      case 'pr-detail': return toDetail(ctx, s, d);
      case 'pr-confirm': return confirm(ctx, s, d, params.r ? Number(params.r) : null);
      case 'pr-return': return toReason(ctx, s, d);
      case 'pr-all': return previewAll(ctx, s);
      case 'pr-all-ok': // only the preview this conversation shows now, with the same districts as shown
        return s.step === 'confirm-all' && params.h === P.confirmAllKey(s.districts) ? confirmAll(ctx, s) : again(text('ปุ่มนี้เป็นของขั้นตอนก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'));
      case 'pr-return-ok': // only the confirmation card of this very send-back (an older step's card is answered again)
        return s.step === 'reason-confirm' && s.districtId === d && params.h === reasonTag(s.reason) ? sendBack(ctx, s) : again(text('ปุ่มนี้เป็นของขั้นตอนก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'));
      default: return again();
    }
  }
  const raw = input.text.trim();
  if (isMenuWord(raw)) return pass(); // another menu word (or this one again): the router starts it afresh
  switch (s.step) {
    case 'reason': {
      const len = raw.replace(/\s+/g, ' ').length;
      if (len < REASON_MIN || len > REASON_MAX) return stay(...P.reasonPrompt(s, `เหตุผลต้องยาว ${REASON_MIN}–${REASON_MAX} ตัวอักษร (ที่พิมพ์มา ${len} ตัวอักษร)`));
      const st: ReviewStep<'reason-confirm'> = { ...base(s), step: 'reason-confirm', districtId: s.districtId, districtName: s.districtName, reason: raw.replace(/\s+/g, ' ') };
      return next(st, ...P.reasonConfirmPrompt(st));
    }
    case 'reason-confirm': {
      const w = normaliseWord(raw);
      if (RETURN_WORDS.has(w)) return sendBack(ctx, s);
      if (w === 'แก้เหตุผล') return toReason(ctx, s, s.districtId);
      if (w === 'ไม่ส่งกลับ') return toDetail(ctx, s, s.districtId);
      return stay(...P.reasonConfirmPrompt(s, 'ยังไม่ได้ส่งกลับ กรุณากด "ยืนยันส่งกลับ" "แก้เหตุผล" หรือ "ไม่ส่งกลับ"'));
    }
    case 'confirm-all': {
      const w = normaliseWord(raw);
      if (w === 'ยืนยัน' || w === normaliseWord(`ยืนยัน ${s.districts.length} อำเภอ`)) return confirmAll(ctx, s);
      if (w === 'ยังไม่ยืนยัน' || w === 'กลับไปรายการอำเภอ') return toList(ctx, s);
      return stay(...P.confirmAllPrompt(s, await provinceConfirmPreview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, s.month as MonthKey),
        'ยังไม่ได้ยืนยัน กรุณากด "ยืนยัน" บนการ์ด (หรือพิมพ์ ยืนยัน) หรือ "ยังไม่ยืนยัน"'));
    }
    case 'detail':
      if (CONFIRM_WORDS.has(normaliseWord(raw))) return confirm(ctx, s, s.districtId, s.revision);
      return again(text('กรุณากดปุ่มบนการ์ด: "ยืนยันข้อมูลอำเภอนี้", "ส่งกลับให้อำเภอ" หรือ "กลับไปรายการอำเภอ"'));
    case 'list': {
      if (CONFIRM_ALL_WORDS.has(normaliseWord(raw))) return previewAll(ctx, s);
      const o = await provinceMonthOverview(ctx.tx, ctx.actor!, ctx.actor!.provinceId!, s.month as MonthKey);
      const w = normaliseWord(raw).replace(/^อำเภอ|^อ\./, '');
      const hit = w.length >= 2 ? o.districts.find((x) => normaliseWord(x.nameTh) === w || normaliseWord(x.nameTh).startsWith(w)) : undefined;
      if (hit) return toDetail(ctx, s, hit.districtId);
      return stay(text('กรุณากดปุ่มของอำเภอในรายการ หรือพิมพ์ชื่ออำเภอ'), ...P.listPrompt(s, o));
    }
  }
}

export const provinceReviewFlow: Flow<S> = { name: P.FLOW, version: 2, schema: ProvinceReviewState, start, advance };

export const provinceReviewModule: BotModule = {
  flows: [provinceReviewFlow],
  startWords: {
    ยืนยันระดับจังหวัด: { flow: P.FLOW },
    ยืนยันจังหวัด: { flow: P.FLOW },
  },
  actions: {
    /** A district button of an old list (no conversation any more): open that district again. */
    'pr-detail': async (_ctx, postback, control) => control.start(P.FLOW, { m: postback.params.m ?? '', d: postback.params.d ?? '' }),
  },
};

/** The province officer's features (confirmation, unlocks) and the progress view, for conversations/index.ts. */
export const provinceModules: BotModule[] = [provinceReviewModule, unlockModule, progressModule];
