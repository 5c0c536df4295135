// Sales entry, by a producer for itself or by a district officer for a producer: month → category → the four
// amounts (same as last month / one message / one question at a time, with a check on unusual figures) →
// export details when there is export → summary card → ยืนยัน. Only the last step writes (submitEntry).
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { cancelled, done, next, pass, stay, switchTo, type Flow, type Outcome } from '../bot/flow.js';
import { say, tap, text, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_TH, CHANNEL_TH, CHANNELS, exportOf, STATUS_TH, totalOf, type Channel } from '../domain/catalog.js';
import { parseAmount, parseFourAmounts, looksUnusual } from '../domain/amount-parser.js';
import { dueDates } from '../domain/deadlines.js';
import { isLate, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { amountsOf, findEntry, lastMonthAmounts, openMonths, submitEntry } from '../domain/sales.js';
import { EDITABLE } from '../domain/sales-status.js';
import { formatBaht, formatDayTh, formatMonthTh, formatPercentChange, thaiMonthName, type MonthNumber } from '../domain/thai-format.js';
import { formatFiscalYearTh } from '../domain/thai-format.js';
import { fiscalYearOf } from '../domain/fiscal-period.js';
import type { ProductCategory } from '../db/generated/enums.js';
import * as P from './sales-entry-prompts.js';
import type { BotModule } from './module.js';
import {
  SalesEntryState,
  isComplete,
  missingChannels,
  newToken,
  toAmounts,
  toStrings,
  type AmountStrings,
  type ChosenState,
  type PartialAmountStrings,
  type StepOf,
} from './sales-entry-state.js';

type S = SalesEntryState;
type Out = Outcome<S>;
const YES = new Set(['ใช่', 'ใช่ถูกต้อง', 'ถูกต้อง', 'ยืนยัน', 'ok', 'โอเค', 'yes']);
const NO = new Set(['ไม่', 'ไม่ใช่', 'แก้ไข', 'แก้', 'no']);
const squash = (t: string) => t.replace(/\s+/g, '').toLowerCase();

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  switch (s.step) {
    case 'month': return P.monthPrompt(s);
    case 'category': return P.categoryPrompt(s, await ownCategories(ctx, s.producerId));
    case 'amounts': return P.amountsPrompt(s);
    case 'amount': return P.amountPrompt(s);
    case 'unusual': return P.unusualPrompt(s);
    case 'export-country': return P.exportCountryPrompt(s);
    case 'export-channel': return P.exportChannelPrompt(s);
    case 'export-agency': return P.exportAgencyPrompt();
    case 'summary': return P.summaryCard(s, await lateNote(ctx, s.month as MonthKey));
  }
}

async function ownCategories(ctx: Ctx, producerId: number): Promise<ProductCategory[]> {
  const p = await ctx.tx.producer.findUnique({ where: { id: producerId }, select: { categories: true } });
  return CATEGORIES.filter((c) => p?.categories.includes(c));
}

async function lateNote(ctx: Ctx, month: MonthKey): Promise<string | null> {
  const due = (await dueDates(ctx.tx, month)).entryDue;
  return isLate(ctx.now, due) ? `ส่งหลังกำหนด (กำหนดส่ง ${formatDayTh(due)}) ระบบรับข้อมูลและบันทึกว่าส่งล่าช้า` : null;
}

async function chooseCategory(ctx: Ctx, s: StepOf<'category'>, category: ProductCategory): Promise<Out> {
  const month = s.month as MonthKey;
  const existing = await findEntry(ctx.tx, ctx.actor!, s.producerId, month, category);
  if (existing && !EDITABLE.includes(existing.status)) {
    return stay(text(`${CATEGORY_TH[category]} เดือน${formatMonthTh(month)} ${STATUS_TH[existing.status]} แล้ว (รวม ${formatBaht(totalOf(amountsOf(existing)))} บาท) จึงแก้ไขไม่ได้ เลือกประเภทอื่น หรือพิมพ์ "ยกเลิก"`), ...(await prompt(ctx, s)));
  }
  const last = await lastMonthAmounts(ctx.tx, ctx.actor!, s.producerId, month, category);
  const state: StepOf<'amounts'> = {
    ...s, step: 'amounts', category, revision: existing?.revision ?? null, last: last ? toStrings(last) : null,
  };
  const pre: Reply[] = [];
  if (existing) {
    const why = existing.status === 'RETURNED' && existing.returnReason ? `\nเหตุผลที่ส่งกลับ: ${existing.returnReason}` : '';
    pre.push(text(`มีข้อมูลเดือนนี้อยู่แล้ว (${STATUS_TH[existing.status]}, รวม ${formatBaht(totalOf(amountsOf(existing)))} บาท)${why}\nตัวเลขที่กรอกใหม่จะแทนที่ของเดิม`));
  }
  return next(state, ...pre, ...P.amountsPrompt(state));
}

/** After some amounts were typed: check unusual ones, then ask what is missing, then go on. */
async function afterFill(ctx: Ctx, s: ChosenState, amounts: PartialAmountStrings, filled: Channel[], note?: string): Promise<Out> {
  const base = { ...s, amounts } as ChosenState;
  const unusual = s.last ? filled.filter((f) => looksUnusual(BigInt(amounts[f]!), BigInt(s.last![f]))) : [];
  if (unusual.length) {
    const st: StepOf<'unusual'> = { ...base, step: 'unusual', amounts, fields: unusual };
    return next(st, ...(note ? [text(note)] : []), ...P.unusualPrompt(st));
  }
  return continueFilling(ctx, base, amounts, note);
}

async function continueFilling(ctx: Ctx, s: ChosenState, amounts: PartialAmountStrings, note?: string): Promise<Out> {
  const missing = missingChannels(amounts);
  if (missing.length) {
    const st: StepOf<'amount'> = { ...s, step: 'amount', amounts, field: missing[0]! };
    return next(st, ...P.amountPrompt(st, note));
  }
  if (!isComplete(amounts)) throw new Error('unreachable');
  const pre = note ? [text(note)] : [];
  if (exportOf(toAmounts(amounts)) > 0n) {
    const st: StepOf<'export-country'> = { ...s, step: 'export-country', amounts };
    return next(st, ...pre, ...P.exportCountryPrompt(st));
  }
  const st: StepOf<'summary'> = { ...s, step: 'summary', amounts, exports: [] };
  return next(st, ...pre, ...(await prompt(ctx, st)));
}

function readAmountsMessage(s: StepOf<'amounts'>, raw: string): { amounts: PartialAmountStrings; filled: Channel[]; note?: string } | { error: string } {
  const four = parseFourAmounts(raw);
  if (four.form === 'none') {
    const one = parseAmount(raw);
    if (!one.ok) return { error: one.message };
    return { amounts: { domesticOffline: one.satang.toString() }, filled: ['domesticOffline'], note: `${CHANNEL_TH.domesticOffline}: ${formatBaht(one.satang)} บาท` };
  }
  const amounts: PartialAmountStrings = {};
  const filled: Channel[] = [];
  for (const c of CHANNELS) {
    const v = four.amounts[c];
    if (v !== undefined) {
      amounts[c] = v.toString();
      filled.push(c);
    }
  }
  const errors = CHANNELS.filter((c) => four.errors[c]).map((c) => `• ${CHANNEL_TH[c]}: ${four.errors[c]!.message}`);
  if (!filled.length) return { error: errors.join('\n') || 'ไม่พบตัวเลขยอดขาย' };
  const got = filled.map((c) => `${CHANNEL_TH[c]} ${formatBaht(BigInt(amounts[c]!))} บาท`).join(', ');
  return { amounts, filled, note: `รับแล้ว: ${got}${errors.length ? `\nยังใช้ไม่ได้:\n${errors.join('\n')}` : ''}` };
}

function matchMonth(raw: string, months: string[]): string | undefined {
  const t = squash(raw);
  const key = parseMonthKey(raw.trim());
  if (key && months.includes(key)) return key;
  return months.find((m) => {
    const n = Number(m.slice(5)) as MonthNumber;
    return [thaiMonthName(n), thaiMonthName(n, 'short'), formatMonthTh(m as MonthKey)].some((x) => squash(x) === t || squash(x).replace(/\./g, '') === t.replace(/\./g, ''));
  });
}

function matchCategory(raw: string): ProductCategory | undefined {
  const t = squash(raw);
  return CATEGORIES.find((c) => squash(CATEGORY_TH[c]) === t || squash(CATEGORY_TH[c]).startsWith(t) && t.length >= 3);
}

async function confirm(ctx: Ctx, s: StepOf<'summary'>): Promise<Out> {
  const month = s.month as MonthKey;
  const r = await submitEntry(ctx.tx, ctx.actor!, {
    producerId: s.producerId, month, category: s.category, amounts: toAmounts(s.amounts as AmountStrings),
    exports: s.exports.map((x) => ({ ...x, product: CATEGORY_TH[s.category], value: exportOf(toAmounts(s.amounts as AmountStrings)) })),
    expectedRevision: s.revision,
  }, ctx.now, ctx.event.id);
  const lines = [
    `บันทึกยอดขายเรียบร้อยแล้ว ✅`,
    `${s.producerName}`,
    `เดือน${formatMonthTh(month)} · ${CATEGORY_TH[s.category]} ${formatBaht(totalOf(amountsOf(r.entry)))} บาท`,
    `ยอดรวมทุกประเภทเดือนนี้ ${formatBaht(r.monthTotal)} บาท`,
    `ยอดสะสม${formatFiscalYearTh(fiscalYearOf(month))} ${formatBaht(r.fiscalYearToDate)} บาท`,
  ];
  const change = r.sameMonthLastYear !== null ? formatPercentChange(r.monthTotal, r.sameMonthLastYear) : null;
  lines.push(change ? `เทียบกับเดือนเดียวกันปีที่แล้ว (${formatBaht(r.sameMonthLastYear!)} บาท): ${change}` : 'ไม่มียอดของเดือนเดียวกันปีที่แล้วให้เทียบ');
  if (r.late) lines.push('หมายเหตุ: ส่งหลังกำหนด ระบบบันทึกว่าส่งล่าช้า');
  lines.push('สถานะ: รอเจ้าหน้าที่อำเภอตรวจสอบและยืนยัน');
  if (r.wasReturned) {
    const officers = await ctx.tx.user.findMany({ where: { role: 'DISTRICT_OFFICER', districtId: (await ctx.tx.producer.findUniqueOrThrow({ where: { id: s.producerId } })).districtId, active: true } });
    for (const o of officers) {
      if (o.id === ctx.actor!.userId) continue;
      await ctx.push(
        o.lineUserId,
        [text(`${s.producerName} แก้ไขรายการที่ส่งกลับแล้ว: ${CATEGORY_TH[s.category]} เดือน${formatMonthTh(month)} รวม ${formatBaht(totalOf(amountsOf(r.entry)))} บาท`, [
          tap('ตรวจสอบ/ยืนยัน', { action: 'start', params: { flow: 'district-review', month } }, 'ตรวจสอบ/ยืนยัน'),
        ])],
        `fixed:${r.entry.id}:${r.entry.revision}:${o.id}`,
      );
    }
  }
  return done(text(lines.join('\n'), [
    ...(s.onBehalf ? [tap('ผู้ผลิตรายต่อไป', { action: 'start', params: { flow: 'pick-producer' } }, 'ผู้ผลิตรายต่อไป')] : []),
    tap('รายงานประเภทอื่น', { action: 'start', params: { flow: P.FLOW, producerId: String(s.producerId), month } }, 'รายงานประเภทอื่น'),
    say('เมนู'),
  ]));
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  const producerId = actor.role === 'PRODUCER' ? actor.producerId : Number(args.producerId) || null;
  if (!producerId) {
    if (actor.role === 'DISTRICT_OFFICER') return switchTo('pick-producer', {});
    return done(text('เมนูรายงานยอดขายใช้ได้สำหรับผู้ผลิตและเจ้าหน้าที่อำเภอ'));
  }
  const months = await openMonths(ctx.tx, actor, producerId, ctx.now);
  const producer = await ctx.tx.producer.findUniqueOrThrow({ where: { id: producerId } });
  if (!months.length) return done(text('ตอนนี้ไม่มีเดือนที่เปิดให้รายงาน (เดือนล่าสุดจังหวัดยืนยันแล้ว)'));
  const who = { producerId, producerName: producer.name, onBehalf: actor.role !== 'PRODUCER', token: newToken() };
  if (args.month && months.includes(args.month as MonthKey)) {
    const st: StepOf<'category'> = { ...who, step: 'category', month: args.month, all: false };
    return next(st, ...P.categoryPrompt(st, await ownCategories(ctx, producerId)));
  }
  const st: StepOf<'month'> = { ...who, step: 'month', months };
  return next(st, ...P.monthPrompt(st));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('se-')) return pass();
    if (input.postback.params.t !== s.token) {
      return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'), ...(await prompt(ctx, s)));
    }
  }
  const pbAction = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? input.text : '';
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));

  switch (s.step) {
    case 'month': {
      const m = pbAction === 'se-month' ? params.m : matchMonth(raw, s.months);
      if (!m || !s.months.includes(m)) return again(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'));
      const st: StepOf<'category'> = { producerId: s.producerId, producerName: s.producerName, onBehalf: s.onBehalf, token: s.token, step: 'category', month: m, all: false };
      return next(st, ...P.categoryPrompt(st, await ownCategories(ctx, s.producerId)));
    }
    case 'category': {
      if (pbAction === 'se-cat-all') {
        const st = { ...s, all: true };
        return next(st, ...P.categoryPrompt(st, await ownCategories(ctx, s.producerId)));
      }
      const c = pbAction === 'se-cat' ? CATEGORIES.find((x) => x === params.c) : matchCategory(raw);
      if (!c) return again(text('กรุณาเลือกประเภทผลิตภัณฑ์จากปุ่มด้านล่าง'));
      return chooseCategory(ctx, s, c);
    }
    case 'amounts': {
      if (pbAction === 'se-same' && s.last) return afterFill(ctx, s, s.last, []);
      if (pbAction === 'se-guided') return continueFilling(ctx, s, {});
      if (pbAction === 'se-zero') return afterFill(ctx, s, toStrings({ domesticOffline: 0n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n }), [...CHANNELS]);
      if (!raw) return again();
      const r = readAmountsMessage(s, raw);
      if ('error' in r) return again(text(r.error));
      return afterFill(ctx, s, r.amounts, r.filled, r.note);
    }
    case 'amount': {
      if (!raw) return again();
      const r = parseAmount(raw);
      if (!r.ok) return stay(...P.amountPrompt(s, r.message));
      return afterFill(ctx, s, { ...s.amounts, [s.field]: r.satang.toString() }, [s.field]);
    }
    case 'unusual': {
      const yes = pbAction === 'se-unusual-yes' || YES.has(squash(raw));
      const no = pbAction === 'se-unusual-no' || NO.has(squash(raw));
      if (yes) return continueFilling(ctx, s, s.amounts);
      if (!no) return again(text('กรุณากด "ใช่ ถูกต้อง" หรือ "แก้ไข"'));
      const amounts = { ...s.amounts };
      for (const f of s.fields) delete amounts[f];
      return continueFilling(ctx, s, amounts);
    }
    case 'export-country': {
      const country = raw.trim();
      if (!country || country.length > 80 || /\d/.test(country)) return again(text('กรุณาพิมพ์ชื่อประเทศที่ส่งออก เช่น ญี่ปุ่น'));
      const st: StepOf<'export-channel'> = { ...s, step: 'export-channel', country };
      return next(st, ...P.exportChannelPrompt(st));
    }
    case 'export-channel': {
      const byText: Record<string, 'SELF' | 'AGENT' | 'WEBSITE'> = { จำหน่ายด้วยตนเอง: 'SELF', ด้วยตนเอง: 'SELF', ตนเอง: 'SELF', ผ่านตัวแทน: 'AGENT', ตัวแทน: 'AGENT', ผ่านเว็บไซต์: 'WEBSITE', เว็บไซต์: 'WEBSITE', website: 'WEBSITE' };
      const x = pbAction === 'se-xch' ? (['SELF', 'AGENT', 'WEBSITE'] as const).find((v) => v === params.x) : byText[squash(raw)];
      if (!x) return again(text('กรุณาเลือกช่องทางจากปุ่มด้านล่าง'));
      const st: StepOf<'export-agency'> = { ...s, step: 'export-agency', channel: x };
      return next(st, ...P.exportAgencyPrompt());
    }
    case 'export-agency': {
      const t = raw.trim();
      if (!t || t.length > 120) return again(text('กรุณาพิมพ์ชื่อหน่วยงาน หรือกด "ไม่มี"'));
      const agency = ['ไม่มี', '-', 'ไม่', 'none'].includes(squash(t)) ? null : t;
      const { country, channel, ...rest } = s;
      const st: StepOf<'summary'> = { ...rest, step: 'summary', exports: [{ country, channel, agency }] };
      return next(st, ...(await prompt(ctx, st)));
    }
    case 'summary': {
      if (pbAction === 'se-confirm' || YES.has(squash(raw))) return confirm(ctx, s);
      if (pbAction === 'se-edit' || NO.has(squash(raw))) {
        const { amounts: _a, exports: _e, ...rest } = s;
        const st: StepOf<'amounts'> = { ...rest, step: 'amounts' };
        return next(st, ...P.amountsPrompt(st));
      }
      if (pbAction === 'se-cancel') return cancelled(text('ยกเลิกแล้ว ไม่มีการบันทึกข้อมูล'));
      return again(text('กรุณากด "ยืนยัน ส่งข้อมูล" เพื่อส่ง หรือ "แก้ไข"'));
    }
  }
}

export const salesEntryFlow: Flow<S> = { name: P.FLOW, version: 1, schema: SalesEntryState, start, advance };

export const salesEntryModule: BotModule = {
  flows: [salesEntryFlow],
  startWords: {
    รายงานยอดขาย: { flow: P.FLOW },
    ส่งยอดขาย: { flow: P.FLOW },
    บันทึกยอดขาย: { flow: P.FLOW },
    บันทึกแทนผู้ผลิต: { flow: P.FLOW },
  },
};
