// Sales entry, by a producer for itself or by a district officer for a producer: month → category → the four
// amounts (same as last month / one message / one question at a time, with a check on unusual figures) →
// export details when there is export → summary card → ยืนยัน. Only the last step writes (submitEntry).
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { cancelled, done, next, pass, stay, switchTo, type Flow, type Outcome } from '../bot/flow.js';
import { say, tap, text, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_TH, CHANNEL_TH, CHANNELS, exportOf, totalOf, type Channel } from '../domain/catalog.js';
import { parseAmount, parseFourAmounts } from '../domain/amount-parser.js';
import { fiscalYearOf, parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { amountsOf, findEntry, reportingMonths, submitEntry } from '../domain/sales.js';
import { formatBaht, formatFiscalYearTh, formatMonthTh, formatPercentChange, thaiMonthName, type MonthNumber } from '../domain/thai-format.js';
import type { ProductCategory } from '../db/generated/enums.js';
import * as P from './sales-entry-prompts.js';
import type { BotModule } from './module.js';
import { advanceEditAmount, advanceEditWhich, advanceExportCountry, advanceUnusual, back, editWhich } from './sales-entry-corrections.js';
import { afterFill, chooseCategory, continueFilling, enterCategory, ownCategories, prompt, who } from './sales-entry-steps.js';
import {
  SalesEntryState,
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
const BACK = new Set(['ย้อนกลับ', 'ย้อน', 'กลับ', 'back']);
const squash = (t: string) => t.replace(/\s+/g, '').toLowerCase();

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
  const { open: months, locked } = await reportingMonths(ctx.tx, actor, producerId, ctx.now);
  const producer = await ctx.tx.producer.findUniqueOrThrow({ where: { id: producerId } });
  if (!months.length) return done(text('ตอนนี้ไม่มีเดือนที่เปิดให้รายงาน (เดือนล่าสุดจังหวัดยืนยันแล้ว)'));
  const w = { producerId, producerName: producer.name, onBehalf: actor.role !== 'PRODUCER', token: newToken() };
  // A month named by the caller (the pending list, a reminder, a new registration) is not asked again.
  if (args.month && months.includes(args.month as MonthKey)) {
    // A category named too (the "แก้ไขยอดขาย" button of a send-back) opens that very entry.
    const category = CATEGORIES.find((c) => c === args.category);
    if (category) return chooseCategory(ctx, { ...w, step: 'category', month: args.month, all: false }, category);
    return enterCategory(ctx, w, args.month);
  }
  const st: StepOf<'month'> = { ...w, step: 'month', months, locked };
  return next(st, ...P.monthPrompt(st));
}

/** "ลบรายการนี้" on an entry that exists: the delete conversation takes over with that entry (it re-checks all). */
async function toDelete(ctx: Ctx, s: ChosenState): Promise<Out> {
  const existing = await findEntry(ctx.tx, ctx.actor!, s.producerId, s.month as MonthKey, s.category);
  if (!existing) return stay(text('ไม่พบรายการนี้แล้ว (อาจถูกลบไปแล้ว)'), ...(await prompt(ctx, s)));
  return switchTo('delete-entry', { producerId: String(s.producerId), entry: String(existing.id) });
}

/** "ไม่มียอดขายเดือนนี้" for every category of the producer that has no entry for the month yet. */
async function noneForAll(ctx: Ctx, s: StepOf<'category'>): Promise<Out> {
  const own = await ownCategories(ctx, s.producerId);
  const month = s.month as MonthKey;
  const existing = await Promise.all(own.map((c) => findEntry(ctx.tx, ctx.actor!, s.producerId, month, c)));
  const categories = own.filter((_, i) => !existing[i]);
  const skipped = own.filter((_, i) => existing[i]);
  if (!categories.length) return stay(text('ทุกประเภทมีข้อมูลเดือนนี้แล้ว ถ้าต้องการแก้ ให้เลือกประเภทที่จะแก้ไข'), ...(await prompt(ctx, s)));
  const st: StepOf<'none-all'> = { ...who(s), step: 'none-all', month: s.month, categories, skipped };
  return next(st, ...P.noneAllPrompt(st));
}

async function confirmNoneForAll(ctx: Ctx, s: StepOf<'none-all'>): Promise<Out> {
  const zero = { domesticOffline: 0n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n };
  for (const category of s.categories) {
    await submitEntry(ctx.tx, ctx.actor!, { producerId: s.producerId, month: s.month as MonthKey, category, amounts: zero, exports: [], expectedRevision: null }, ctx.now, ctx.event.id);
  }
  const names = s.categories.map((c) => CATEGORY_TH[c]).join(', ');
  return done(text(`บันทึกแล้ว ✅ ${s.producerName} เดือน${formatMonthTh(s.month as MonthKey)} ไม่มียอดขาย: ${names}\nสถานะ: รอเจ้าหน้าที่อำเภอตรวจสอบและยืนยัน`, [
    ...(s.onBehalf ? [tap('ผู้ผลิตรายต่อไป', { action: 'start', params: { flow: 'pick-producer' } }, 'ผู้ผลิตรายต่อไป')] : []),
    say('เมนู'),
  ]));
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
  if (pbAction === 'se-back' || BACK.has(squash(raw))) return back(ctx, s);
  if (pbAction === 'se-delete' && 'revision' in s && s.revision !== null) return toDelete(ctx, s);

  switch (s.step) {
    case 'month': {
      const m = pbAction === 'se-month' ? params.m : matchMonth(raw, s.months);
      if (!m || !s.months.includes(m)) return again(text('กรุณาเลือกเดือนจากปุ่มด้านล่าง'));
      return enterCategory(ctx, s, m);
    }
    case 'category': {
      if (pbAction === 'se-cat-all') {
        const st = { ...s, all: true };
        return next(st, ...P.categoryPrompt(st, await ownCategories(ctx, s.producerId)));
      }
      if (pbAction === 'se-none-all') return noneForAll(ctx, s);
      const c = pbAction === 'se-cat' ? CATEGORIES.find((x) => x === params.c) : matchCategory(raw);
      if (!c) return again(text('กรุณาเลือกประเภทผลิตภัณฑ์จากปุ่มด้านล่าง'));
      return chooseCategory(ctx, s, c);
    }
    case 'none-all':
      if (pbAction === 'se-none-confirm' || YES.has(squash(raw))) return confirmNoneForAll(ctx, s);
      return again(text('กรุณากด "ยืนยัน" เพื่อบันทึกว่าไม่มียอดขาย หรือ "ย้อนกลับ"'));
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
    case 'unusual':
      return advanceUnusual(ctx, s, pbAction === 'se-unusual-yes' || YES.has(squash(raw)), pbAction === 'se-unusual-no' || NO.has(squash(raw)), raw);
    case 'export-country':
      return advanceExportCountry(ctx, s, pbAction, params, raw);
    case 'export-channel': {
      const byText: Record<string, 'SELF' | 'AGENT' | 'WEBSITE'> = { จำหน่ายด้วยตนเอง: 'SELF', ด้วยตนเอง: 'SELF', ตนเอง: 'SELF', ผ่านตัวแทน: 'AGENT', ตัวแทน: 'AGENT', ผ่านเว็บไซต์: 'WEBSITE', เว็บไซต์: 'WEBSITE', website: 'WEBSITE' };
      const x = pbAction === 'se-xch' ? (['SELF', 'AGENT', 'WEBSITE'] as const).find((v) => v === params.x) : byText[squash(raw)];
      if (!x) return again(text('กรุณาเลือกช่องทางจากปุ่มด้านล่าง'));
      const st: StepOf<'export-agency'> = { ...s, step: 'export-agency', channel: x };
      return next(st, ...P.exportAgencyPrompt(st));
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
      if (pbAction === 'se-edit' || NO.has(squash(raw))) return editWhich(ctx, s.amounts, s.exports, s);
      if (pbAction === 'se-cancel') return cancelled(text('ยกเลิกแล้ว ไม่มีการบันทึกข้อมูล'));
      return again(text('กรุณากด "ยืนยัน ส่งข้อมูล" เพื่อส่ง หรือ "แก้ไข"'));
    }
    case 'edit-which':
      return advanceEditWhich(ctx, s, pbAction, params, raw);
    case 'edit-amount':
      return advanceEditAmount(ctx, s, raw);
  }
}

/** Typed amounts not yet sent are a draft that "เมนู" would drop (the router warns first). */
function draft(s: S): string | null {
  if (s.step === 'month' || s.step === 'category' || s.step === 'none-all' || s.step === 'amounts') return null;
  if (s.step === 'amount' && !Object.keys(s.amounts).length) return null;
  return `ยอดขาย${CATEGORY_TH[s.category]} เดือน${formatMonthTh(s.month as MonthKey)}${s.onBehalf ? ` ของ ${s.producerName}` : ''} ที่ยังไม่ได้ส่ง`;
}

export const salesEntryFlow: Flow<S> = { name: P.FLOW, version: 2, schema: SalesEntryState, start, advance, draft, prompt };

export const salesEntryModule: BotModule = {
  flows: [salesEntryFlow],
  startWords: {
    รายงานยอดขาย: { flow: P.FLOW },
    ส่งยอดขาย: { flow: P.FLOW },
    บันทึกยอดขาย: { flow: P.FLOW },
    บันทึกแทนผู้ผลิต: { flow: P.FLOW },
  },
};
