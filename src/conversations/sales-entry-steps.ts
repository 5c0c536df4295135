// Moves of the sales-entry conversation shared by its forward steps and its corrections (back, edit): what each
// step asks, choosing a category (skipped when the producer has only one), and going on after amounts are typed.
import type { Ctx } from '../bot/context.js';
import { next, type Outcome } from '../bot/flow.js';
import { text, type Reply } from '../bot/reply.js';
import { looksUnusual } from '../domain/amount-parser.js';
import { CATEGORIES, CATEGORY_TH, exportOf, STATUS_TH, totalOf, type Channel } from '../domain/catalog.js';
import { dueDates } from '../domain/deadlines.js';
import { isLate, type MonthKey } from '../domain/fiscal-period.js';
import { amountsOf, findEntry, lastMonthAmounts } from '../domain/sales.js';
import { EDITABLE } from '../domain/sales-status.js';
import { formatBaht, formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import type { ProductCategory } from '../db/generated/enums.js';
import * as P from './sales-entry-prompts.js';
import {
  isComplete,
  missingChannels,
  toAmounts,
  toStrings,
  type AmountStrings,
  type ChosenState,
  type PartialAmountStrings,
  type SalesEntryState,
  type StepOf,
} from './sales-entry-state.js';

type S = SalesEntryState;
type Out = Outcome<S>;
type Who = Pick<StepOf<'month'>, 'producerId' | 'producerName' | 'onBehalf' | 'token'>;
export const who = (s: Who): Who => ({ producerId: s.producerId, producerName: s.producerName, onBehalf: s.onBehalf, token: s.token });

export async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  switch (s.step) {
    case 'month': return P.monthPrompt(s);
    case 'category': return P.categoryPrompt(s, await ownCategories(ctx, s.producerId));
    case 'none-all': return P.noneAllPrompt(s);
    case 'amounts': return P.amountsPrompt(s);
    case 'amount': return P.amountPrompt(s);
    case 'unusual': return P.unusualPrompt(s);
    case 'export-country': return s.pending ? P.countryNotFoundPrompt(s, []) : P.exportCountryPrompt(s);
    case 'export-channel': return P.exportChannelPrompt(s);
    case 'export-agency': return P.exportAgencyPrompt(s);
    case 'summary': return P.summaryCard(s, await lateNote(ctx, s.producerId, s.month as MonthKey));
    case 'edit-which': return P.editWhichPrompt(s);
    case 'edit-amount': return P.editAmountPrompt(s);
  }
}

export async function ownCategories(ctx: Ctx, producerId: number): Promise<ProductCategory[]> {
  const p = await ctx.tx.producer.findUnique({ where: { id: producerId }, select: { categories: true } });
  return CATEGORIES.filter((c) => p?.categories.includes(c));
}

/** The late notice of the summary, against the due date of the producer's province (its override, else the department's). */
async function lateNote(ctx: Ctx, producerId: number, month: MonthKey): Promise<string | null> {
  const p = await ctx.tx.producer.findUnique({ where: { id: producerId }, select: { district: { select: { provinceId: true } } } });
  const due = (await dueDates(ctx.tx, month, p?.district.provinceId)).entryDue;
  return isLate(ctx.now, due) ? `ส่งหลังกำหนด (กำหนดส่ง ${formatDayTh(due)}) ระบบรับข้อมูลและบันทึกว่าส่งล่าช้า` : null;
}

/** The month is known: ask the category, or go straight to the amounts when the producer has only one. */
export async function enterCategory(ctx: Ctx, s: Who, month: string, ...pre: Reply[]): Promise<Out> {
  const st: StepOf<'category'> = { ...who(s), step: 'category', month, all: false };
  const own = await ownCategories(ctx, s.producerId);
  if (own.length === 1) return chooseCategory(ctx, st, own[0]!, ...pre);
  return next(st, ...pre, ...P.categoryPrompt(st, own));
}

export async function chooseCategory(ctx: Ctx, s: StepOf<'category'>, category: ProductCategory, ...pre: Reply[]): Promise<Out> {
  const month = s.month as MonthKey;
  const existing = await findEntry(ctx.tx, ctx.actor!, s.producerId, month, category);
  if (existing && !EDITABLE.includes(existing.status)) {
    const st: StepOf<'category'> = { ...s, all: true };
    const why = text(`${CATEGORY_TH[category]} เดือน${formatMonthTh(month)} ${STATUS_TH[existing.status]} แล้ว (รวม ${formatBaht(totalOf(amountsOf(existing)))} บาท) จึงแก้ไขไม่ได้ เลือกประเภทอื่น หรือพิมพ์ "ยกเลิก"`);
    return next(st, ...pre, why, ...P.categoryPrompt(st, await ownCategories(ctx, s.producerId)));
  }
  const last = await lastMonthAmounts(ctx.tx, ctx.actor!, s.producerId, month, category);
  const state: StepOf<'amounts'> = {
    ...who(s), month: s.month, step: 'amounts', category, revision: existing?.revision ?? null, last: last ? toStrings(last) : null,
  };
  if (existing) {
    const why = existing.status === 'RETURNED' && existing.returnReason ? `\nเหตุผลที่ส่งกลับ: ${existing.returnReason}` : '';
    pre.push(text(`มีข้อมูลเดือนนี้อยู่แล้ว (${STATUS_TH[existing.status]}, รวม ${formatBaht(totalOf(amountsOf(existing)))} บาท)${why}\nตัวเลขที่กรอกใหม่จะแทนที่ของเดิม (ถ้าไม่ควรมีรายการนี้ กด "ลบรายการนี้")`));
  }
  return next(state, ...pre, ...P.amountsPrompt(state));
}

/** The fields common to every step after the category. */
export function chosen(s: ChosenState): StepOf<'amounts'> {
  return { ...who(s), step: 'amounts', month: s.month, category: s.category, revision: s.revision, last: s.last };
}

/** After some amounts were typed: check unusual ones, then ask what is missing, then go on. */
export async function afterFill(ctx: Ctx, s: ChosenState, amounts: PartialAmountStrings, filled: Channel[], note?: string): Promise<Out> {
  const unusual = s.last ? filled.filter((f) => looksUnusual(BigInt(amounts[f]!), BigInt(s.last![f]))) : [];
  if (unusual.length) {
    const st: StepOf<'unusual'> = { ...chosen(s), step: 'unusual', amounts, fields: unusual };
    return next(st, ...(note ? [text(note)] : []), ...P.unusualPrompt(st));
  }
  return continueFilling(ctx, s, amounts, note);
}

export async function continueFilling(ctx: Ctx, s: ChosenState, amounts: PartialAmountStrings, note?: string): Promise<Out> {
  const missing = missingChannels(amounts);
  if (missing.length) {
    const st: StepOf<'amount'> = { ...chosen(s), step: 'amount', amounts, field: missing[0]! };
    return next(st, ...P.amountPrompt(st, note));
  }
  if (!isComplete(amounts)) throw new Error('unreachable');
  return toExportsOrSummary(ctx, s, amounts, [], note);
}

/** All four amounts known: ask the export details when there is export and none are known, else the summary. */
export async function toExportsOrSummary(ctx: Ctx, s: ChosenState, amounts: AmountStrings, exports: StepOf<'summary'>['exports'], note?: string): Promise<Out> {
  const pre = note ? [text(note)] : [];
  const hasExport = exportOf(toAmounts(amounts)) > 0n;
  if (hasExport && !exports.length) {
    const st: StepOf<'export-country'> = { ...chosen(s), step: 'export-country', amounts, pending: null };
    return next(st, ...pre, ...P.exportCountryPrompt(st));
  }
  const st: StepOf<'summary'> = { ...chosen(s), step: 'summary', amounts, exports: hasExport ? exports : [] };
  return next(st, ...pre, ...(await prompt(ctx, st)));
}
