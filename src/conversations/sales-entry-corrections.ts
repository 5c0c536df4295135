// Correcting an entry without losing work: "ย้อนกลับ" at every step asks the previous question again and keeps
// the other answers; "แก้ไข" on the summary changes one amount; at the unusual-figure question a typed number is
// the correction; a typed country is matched against the country list (closest matches, or confirmed as typed).
import type { Ctx } from '../bot/context.js';
import { next, stay, switchTo, type Outcome } from '../bot/flow.js';
import { text, type Reply } from '../bot/reply.js';
import { parseAmount, parseFourAmounts } from '../domain/amount-parser.js';
import { CHANNEL_TH, CHANNELS, exportOf, type Channel } from '../domain/catalog.js';
import { COUNTRIES, readCountries } from '../domain/countries.js';
import { reportingMonths } from '../domain/sales.js';
import { formatBaht } from '../domain/thai-format.js';
import * as P from './sales-entry-prompts.js';
import { afterFill, chosen, continueFilling, enterCategory, prompt, toExportsOrSummary, who } from './sales-entry-steps.js';
import { toAmounts, type AmountStrings, type PartialAmountStrings, type SalesEntryState, type StepOf } from './sales-entry-state.js';

type S = SalesEntryState;
type Out = Outcome<S>;
const baht = (s: string | bigint) => `${formatBaht(BigInt(s))} บาท`;
const COUNTRY_MAX = 80;

/** The month question again (recomputed: a month may have been locked meanwhile). */
export async function monthStep(ctx: Ctx, s: S, ...pre: Reply[]): Promise<Out> {
  const { open, locked } = await reportingMonths(ctx.tx, ctx.actor!, s.producerId, ctx.now);
  if (!open.length) return stay(text('ตอนนี้ไม่มีเดือนที่เปิดให้รายงาน (จังหวัดยืนยันครบแล้ว)'));
  const st: StepOf<'month'> = { ...who(s), step: 'month', months: open, locked };
  return next(st, ...pre, ...P.monthPrompt(st));
}

/** "ย้อนกลับ": one question back; what was answered before it is kept. */
export async function back(ctx: Ctx, s: S): Promise<Out> {
  switch (s.step) {
    case 'month':
      if (s.onBehalf) return switchTo('pick-producer', {});
      return stay(text('นี่คือคำถามแรกแล้ว เลือกเดือนจากปุ่ม หรือพิมพ์ "ยกเลิก"'), ...(await prompt(ctx, s)));
    case 'category':
    case 'none-all':
      return monthStep(ctx, s);
    case 'amounts':
      return enterCategoryAlways(ctx, s);
    case 'amount': {
      const i = CHANNELS.indexOf(s.field);
      const prev = CHANNELS[i - 1];
      if (!prev || s.amounts[prev] === undefined) return next(chosen(s), ...P.amountsPrompt(chosen(s)));
      const { [prev]: _dropped, ...rest } = s.amounts;
      const st: StepOf<'amount'> = { ...chosen(s), step: 'amount', amounts: rest, field: prev };
      return next(st, ...P.amountPrompt(st));
    }
    case 'unusual':
      return next(chosen(s), ...P.amountsPrompt(chosen(s)));
    case 'export-country':
      return editWhich(ctx, s.amounts, [], s);
    case 'export-channel': {
      const st: StepOf<'export-country'> = { ...chosen(s), step: 'export-country', amounts: s.amounts, pending: null };
      return next(st, ...P.exportCountryPrompt(st));
    }
    case 'export-agency': {
      const st: StepOf<'export-channel'> = { ...chosen(s), step: 'export-channel', amounts: s.amounts, country: s.country };
      return next(st, ...P.exportChannelPrompt(st));
    }
    case 'summary': {
      const x = s.exports[0];
      if (!x) return editWhich(ctx, s.amounts, [], s);
      const st: StepOf<'export-agency'> = { ...chosen(s), step: 'export-agency', amounts: s.amounts, country: x.country, channel: x.channel };
      return next(st, ...P.exportAgencyPrompt(st));
    }
    case 'edit-which':
      return toExportsOrSummary(ctx, s, s.amounts, s.exports);
    case 'edit-amount':
      return editWhich(ctx, s.amounts, s.exports, s);
  }
}

/** The category question, even for a producer with a single category (back from the amounts). */
async function enterCategoryAlways(ctx: Ctx, s: StepOf<'amounts'>): Promise<Out> {
  const st: StepOf<'category'> = { ...who(s), step: 'category', month: s.month, all: true };
  return next(st, ...(await prompt(ctx, st)));
}

export function editWhich(_ctx: Ctx, amounts: AmountStrings, exports: StepOf<'summary'>['exports'], s: S & StepOf<'amounts' | 'summary' | 'edit-amount' | 'export-country' | 'edit-which'>): Out {
  const st: StepOf<'edit-which'> = { ...chosen(s), step: 'edit-which', amounts, exports };
  return next(st, ...P.editWhichPrompt(st));
}

export async function advanceEditWhich(ctx: Ctx, s: StepOf<'edit-which'>, action: string | null, params: Record<string, string>, raw: string): Promise<Out> {
  const field = CHANNELS.find((c) => c === params.f);
  if (action === 'se-edit-field' && field) {
    const st: StepOf<'edit-amount'> = { ...chosen(s), step: 'edit-amount', amounts: s.amounts, exports: s.exports, field };
    return next(st, ...P.editAmountPrompt(st));
  }
  if (action === 'se-edit-export') {
    const st: StepOf<'export-country'> = { ...chosen(s), step: 'export-country', amounts: s.amounts, pending: null };
    return next(st, ...P.exportCountryPrompt(st));
  }
  if (action === 'se-edit-all') return next(chosen(s), ...P.amountsPrompt(chosen(s)));
  const four = raw ? parseFourAmounts(raw) : null;
  const given = four?.form === 'keywords' ? CHANNELS.filter((c) => four.amounts[c] !== undefined) : [];
  if (!four || !given.length) return stay(text('กรุณาเลือกช่องที่จะแก้ไขจากปุ่มด้านล่าง'), ...P.editWhichPrompt(s));
  const amounts = { ...s.amounts };
  for (const c of given) amounts[c] = four.amounts[c]!.toString();
  return toExportsOrSummary(ctx, s, amounts, s.exports, changedNote(given, amounts));
}

const changedNote = (fields: Channel[], a: PartialAmountStrings) =>
  `แก้ไขแล้ว: ${fields.map((f) => `${CHANNEL_TH[f]} ${baht(a[f]!)}`).join(', ')}`;

export async function advanceEditAmount(ctx: Ctx, s: StepOf<'edit-amount'>, raw: string): Promise<Out> {
  if (!raw) return stay(...P.editAmountPrompt(s));
  const r = parseAmount(raw);
  if (!r.ok) return stay(...P.editAmountPrompt(s, r.message));
  const amounts = { ...s.amounts, [s.field]: r.satang.toString() };
  return toExportsOrSummary(ctx, s, amounts, s.exports, changedNote([s.field], amounts));
}

/** The unusual-figure question: yes, no (ask only the flagged amounts again, and say so), or the corrected number. */
export async function advanceUnusual(ctx: Ctx, s: StepOf<'unusual'>, yes: boolean, no: boolean, raw: string): Promise<Out> {
  if (yes) return continueFilling(ctx, s, s.amounts);
  if (no) {
    const amounts = { ...s.amounts };
    for (const f of s.fields) delete amounts[f];
    const kept = CHANNELS.filter((c) => amounts[c] !== undefined);
    const note = `จะถามใหม่เฉพาะช่องที่ต่างจากเดือนที่แล้วมาก: ${s.fields.map((f) => CHANNEL_TH[f]).join(', ')}${kept.length ? `\nช่องอื่นใช้ตามที่กรอกไว้ (${kept.map((c) => `${CHANNEL_TH[c]} ${baht(amounts[c]!)}`).join(', ')})` : ''}`;
    return continueFilling(ctx, s, amounts, note);
  }
  const four = raw ? parseFourAmounts(raw) : null;
  const named = four?.form === 'keywords' ? CHANNELS.filter((c) => four.amounts[c] !== undefined) : [];
  if (four && named.length) {
    const amounts = { ...s.amounts };
    for (const c of named) amounts[c] = four.amounts[c]!.toString();
    return afterFill(ctx, s, amounts, named, changedNote(named, amounts));
  }
  const one = raw ? parseAmount(raw) : null;
  if (one?.ok && s.fields.length === 1) {
    const f = s.fields[0]!;
    const amounts = { ...s.amounts, [f]: one.satang.toString() };
    return afterFill(ctx, s, amounts, [f], changedNote([f], amounts));
  }
  if (one?.ok) return stay(text('มีหลายช่องที่ต้องตรวจ กรุณากด "แก้ไข" แล้วพิมพ์ใหม่ทีละช่อง หรือพิมพ์ชื่อช่องพร้อมตัวเลข เช่น ออนไลน์ 6,000'), ...P.unusualPrompt(s));
  if (one && !one.ok && /\d/.test(raw)) return stay(text(one.message), ...P.unusualPrompt(s));
  return stay(text('กรุณากด "ใช่ ถูกต้อง" หรือ "แก้ไข" หรือพิมพ์ตัวเลขที่ถูกต้อง'), ...P.unusualPrompt(s));
}

/** Where the export country is asked: a number is not a country; names are matched against the country list. */
export async function advanceExportCountry(ctx: Ctx, s: StepOf<'export-country'>, action: string | null, params: Record<string, string>, raw: string): Promise<Out> {
  const toChannel = (names: string[]) => {
    const country = names.join(', ');
    if (country.length > COUNTRY_MAX) return stay<S>(text(`ชื่อประเทศยาวเกิน ${COUNTRY_MAX} ตัวอักษร กรุณาพิมพ์ให้สั้นลง`), ...P.exportCountryPrompt(s));
    const st: StepOf<'export-channel'> = { ...chosen(s), step: 'export-channel', amounts: s.amounts, country };
    return next<S>(st, text(`ประเทศ: ${country}`), ...P.exportChannelPrompt(st));
  };
  const picked = action === 'se-country' ? COUNTRIES.find((c) => c.code === params.c) : undefined;
  if (picked) return toChannel([...(s.pending?.known ?? []), picked.nameTh]);
  if (action === 'se-country-typed' && s.pending) return toChannel([...s.pending.known, s.pending.unknown]);
  const t = raw.trim();
  if (!t) return stay(...(await prompt(ctx, s)));
  if (/^[\d\s.,฿-]+$|^[๐-๙\s.,]+$/.test(t) || parseAmount(t).ok) {
    const exp = exportOf(toAmounts(s.amounts));
    return stay(
      text(`ขั้นนี้ถามชื่อประเทศที่ส่งออก ตัวเลขใช้แทนชื่อประเทศไม่ได้\nยอดส่งออกที่กรอกไว้คือ ${baht(exp)} ถ้าไม่มีการส่งออกจริง กด "ย้อนกลับ" เพื่อแก้ยอดส่งออกเป็น 0`),
      ...P.exportCountryPrompt(s),
    );
  }
  const r = readCountries(t);
  if (r.ok) return toChannel(r.names);
  const st: StepOf<'export-country'> = { ...s, pending: { known: r.known, unknown: r.unknown.slice(0, COUNTRY_MAX) } };
  return next(st, ...P.countryNotFoundPrompt(st, r.suggestions));
}
