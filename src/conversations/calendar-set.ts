// "แก้ไขกำหนดส่ง": the department sets the nation's due dates (and its close of the month); a province officer sets
// its own province's, or clears one back to the department's. month → which date → the day typed in Thai ways →
// a confirmation card (old → new, what it reaches) → ยืนยัน writes it through setDeadline, audited like the CLI.
// Every rule (order, not later than the department's) is checked when the day is typed and again on ยืนยัน.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { cancelled, done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { card, say, text, type Reply } from '../bot/reply.js';
import { normaliseWord } from '../bot/router.js';
import { deadlineImpact } from '../domain/deadline-impact.js';
import { dueDates, previewChange, setDeadline, type CalendarChange, type CalendarField, type DueField } from '../domain/deadlines.js';
import { NotAuthorisedError, RuleError } from '../domain/errors.js';
import { addMonths, defaultReportingMonth, monthStart, nextMonth, parseDayKey, type DayKey, type MonthKey } from '../domain/fiscal-period.js';
import { readThaiDay } from '../domain/thai-day.js';
import { formatMonthTh } from '../domain/thai-format.js';
import { deadlinesCard } from './deadlines.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import * as P from './calendar-set-prompts.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Token = z.string().min(4).max(16);
const Field = z.enum(['entryDue', 'districtConfirmDue', 'provinceConfirmDue', 'departmentClose']);
const Day = z.string().refine((s) => parseDayKey(s) !== null);
export const CalendarSetState = z.discriminatedUnion('step', [
  z.object({ step: z.literal('month'), token: Token }),
  z.object({ step: z.literal('field'), token: Token, month: Month }),
  z.object({ step: z.literal('day'), token: Token, month: Month, field: Field }),
  /** The change shown on the card; `day` null: a province clears its own date. */
  z.object({ step: z.literal('confirm'), token: Token, month: Month, field: Field, day: Day.nullable() }),
]);
type S = z.infer<typeof CalendarSetState>;
type Out = Outcome<S>;
/** Menu words and the calendar's own start words typed mid-conversation start that flow afresh. */
const MENU = new Set([...Object.values(MENU_WORDS).flat(), P.START_WORD, 'กำหนดส่ง'].map(normaliseWord));
const OK_WORDS = new Set(['ยืนยัน', 'ใช่', 'ตกลง', 'ยืนยันกำหนดส่ง']);
const EDIT_WORDS = new Set(['แก้ไข', 'แก้ไขวันที่', 'แก้วัน']);
/** How many months are offered: the month being reported and the next ones. */
const MONTHS_AHEAD = 4;

/** Whose dates the officer sets: its province's (a province officer) or the department's (null). */
const scopeOf = (ctx: Ctx): number | null => (ctx.actor!.role === 'PROVINCE_OFFICER' ? ctx.actor!.provinceId : null);

async function whereOf(ctx: Ctx): Promise<string> {
  const id = scopeOf(ctx);
  if (id === null) return 'ทั้งประเทศ';
  const p = await ctx.tx.province.findUnique({ where: { id } });
  return `จังหวัด${p?.nameTh ?? id}`;
}

const monthsOf = (ctx: Ctx): MonthKey[] => Array.from({ length: MONTHS_AHEAD }, (_, i) => addMonths(defaultReportingMonth(ctx.now), i));
const fieldsOf = (ctx: Ctx): CalendarField[] =>
  scopeOf(ctx) === null ? ['entryDue', 'districtConfirmDue', 'provinceConfirmDue', 'departmentClose'] : ['entryDue', 'districtConfirmDue', 'provinceConfirmDue'];

/** The dates the province set itself for the month (none for the department). */
async function ownFields(ctx: Ctx, month: string): Promise<DueField[]> {
  const id = scopeOf(ctx);
  if (id === null) return [];
  const row = await ctx.tx.provinceDeadline.findUnique({ where: { provinceId_month: { provinceId: id, month: monthStart(month as MonthKey) } } });
  return row ? (['entryDue', 'districtConfirmDue', 'provinceConfirmDue'] as const).filter((f) => row[f] !== null) : [];
}

const changeOf = (ctx: Ctx, s: { month: string; field: CalendarField }, day: string | null): CalendarChange => ({
  month: s.month as MonthKey,
  provinceId: scopeOf(ctx),
  days: day ? { [s.field]: day as DayKey } : {},
  ...(day ? {} : { clear: [s.field as DueField] }),
});

async function prompt(ctx: Ctx, s: S, problem?: string): Promise<Reply[]> {
  const where = await whereOf(ctx);
  switch (s.step) {
    case 'month':
      return P.monthPrompt(s.token, where, monthsOf(ctx), problem);
    case 'field':
      return P.fieldPrompt(s.token, where, s.month, await dueDates(ctx.tx, s.month as MonthKey, scopeOf(ctx)), fieldsOf(ctx), await ownFields(ctx, s.month), problem);
    case 'day': {
      const d = await dueDates(ctx.tx, s.month as MonthKey, scopeOf(ctx));
      const deptDay = scopeOf(ctx) === null ? null : (await dueDates(ctx.tx, s.month as MonthKey))[s.field];
      return P.dayPrompt(s.month, s.field, d[s.field], (await ownFields(ctx, s.month)).includes(s.field as DueField), deptDay, problem);
    }
    case 'confirm': {
      // the calendar may have changed since the card was made: then the day question again, saying why
      const checked = await previewChange(ctx.tx, ctx.actor, changeOf(ctx, s, s.day)).catch((err: unknown) => {
        if (err instanceof RuleError || err instanceof NotAuthorisedError) return err;
        throw err;
      });
      if (checked instanceof Error) return prompt(ctx, { step: 'day', token: s.token, month: s.month, field: s.field }, checked.message);
      const { current, next: after } = checked;
      const impact = await deadlineImpact(ctx.tx, { month: s.month as MonthKey, provinceId: scopeOf(ctx), field: s.field, from: current[s.field], to: after[s.field]! }, ctx.now);
      return P.confirmCard(s.token, where, s.month, impact, s.day === null, scopeOf(ctx) !== null, problem);
    }
  }
}

/** A rule or right broken: the message, and the day question again (where the person was, or back to it from the
 * card when the calendar changed meanwhile). Nothing was written: the domain checks before it writes. */
async function refused(ctx: Ctx, from: S, fn: () => Promise<Out>): Promise<Out> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof RuleError || err instanceof NotAuthorisedError)) throw err;
    if (from.step !== 'day' && from.step !== 'confirm') throw err;
    const day: S = { step: 'day', token: from.token, month: from.month, field: from.field };
    const replies = await prompt(ctx, day, err.message);
    return from.step === 'day' ? stay(...replies) : next(day, ...replies);
  }
}

async function start(ctx: Ctx): Promise<Out> {
  const s: S = { step: 'month', token: randomBytes(5).toString('hex') };
  return next(s, ...(await prompt(ctx, s)));
}

async function toConfirm(ctx: Ctx, s: Extract<S, { step: 'day' }>, day: string | null): Promise<Out> {
  const st: S = { step: 'confirm', token: s.token, month: s.month, field: s.field, day };
  return refused(ctx, s, async () => {
    await previewChange(ctx.tx, ctx.actor, changeOf(ctx, st, day));
    return next(st, ...(await prompt(ctx, st)));
  });
}

/** The one write of this flow: only from the confirmation card, with the day shown there. */
async function submit(ctx: Ctx, s: Extract<S, { step: 'confirm' }>): Promise<Out> {
  return refused(ctx, s, async () => {
    const d = await setDeadline(ctx.tx, ctx.actor, changeOf(ctx, s, s.day));
    const shown = deadlinesCard(await whereOf(ctx), [{ month: s.month as MonthKey, d }], ctx.actor!.role);
    return done(P.savedText(s.month, s.field, d[s.field]!, s.day === null), card(shown, [say(P.START_WORD), say('เมนู')]));
  });
}

function readDay(s: Extract<S, { step: 'day' }>, raw: string, current: DayKey | null) {
  const month = s.month as MonthKey;
  return readThaiDay(raw, { defaultMonth: (current ?? `${nextMonth(month)}-01`).slice(0, 7) as MonthKey, allowed: [month, nextMonth(month)] });
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    const { action, params } = input.postback;
    if (!action.startsWith('cal-')) return pass();
    if (params.t === s.token) {
      if (action === 'cal-month' && s.step === 'month' && monthsOf(ctx).includes(params.m as MonthKey)) {
        const st: S = { step: 'field', token: s.token, month: params.m! };
        return next(st, ...(await prompt(ctx, st)));
      }
      const field = (Object.keys(P.FIELD_CODES) as CalendarField[]).find((f) => P.FIELD_CODES[f].code === params.f);
      if (action === 'cal-field' && s.step === 'field' && field && fieldsOf(ctx).includes(field)) {
        const st: S = { step: 'day', token: s.token, month: s.month, field };
        return next(st, ...(await prompt(ctx, st)));
      }
      if (action === 'cal-ok' && s.step === 'confirm' && params.day === (s.day ?? P.CLEAR)) return submit(ctx, s);
      if (action === 'cal-edit' && s.step === 'confirm') {
        const st: S = { step: 'day', token: s.token, month: s.month, field: s.field };
        return next(st, ...(await prompt(ctx, st)));
      }
      if (action === 'cal-no') return cancelled(text('ยกเลิกแล้ว กำหนดส่งไม่เปลี่ยน'));
    }
    return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'), ...(await prompt(ctx, s)));
  }
  const raw = input.text.trim();
  const w = normaliseWord(raw);
  if (MENU.has(w)) return pass();
  switch (s.step) {
    case 'month': {
      const month = monthsOf(ctx).find((m) => normaliseWord(formatMonthTh(m)) === w || m === raw);
      if (!month) return stay(...(await prompt(ctx, s, 'กรุณาเลือกเดือนจากปุ่มด้านล่าง')));
      const st: S = { step: 'field', token: s.token, month };
      return next(st, ...(await prompt(ctx, st)));
    }
    case 'field': {
      const field = fieldsOf(ctx).find((f) => normaliseWord(P.FIELD_CODES[f].label) === w);
      if (!field) return stay(...(await prompt(ctx, s, 'กรุณาเลือกวันที่จะแก้จากปุ่มด้านล่าง')));
      const st: S = { step: 'day', token: s.token, month: s.month, field };
      return next(st, ...(await prompt(ctx, st)));
    }
    case 'day': {
      if (w === normaliseWord(P.CLEAR_WORD)) {
        if (!(await ownFields(ctx, s.month)).includes(s.field as DueField)) return stay(...(await prompt(ctx, s, 'วันนี้ใช้วันของกรมฯ อยู่แล้ว')));
        return toConfirm(ctx, s, null);
      }
      const current = (await dueDates(ctx.tx, s.month as MonthKey, scopeOf(ctx)))[s.field];
      const r = readDay(s, raw, current);
      if (!r.ok) return stay(...(await prompt(ctx, s, r.message)));
      // the date in force already: nothing to change (and a province must not pin the department's date as its own)
      if (r.day === current) return stay(...(await prompt(ctx, s, P.sameDayText(r.day))));
      return toConfirm(ctx, s, r.day);
    }
    case 'confirm':
      if (OK_WORDS.has(w)) return submit(ctx, s);
      if (EDIT_WORDS.has(w)) {
        const st: S = { step: 'day', token: s.token, month: s.month, field: s.field };
        return next(st, ...(await prompt(ctx, st)));
      }
      return stay(...(await prompt(ctx, s, 'ยังไม่ได้บันทึก กรุณากด "ยืนยัน" หรือ "แก้ไข" (พิมพ์ "ยกเลิก" หากไม่ต้องการเปลี่ยน)')));
  }
}

export const calendarSetFlow: Flow<S> = {
  name: P.FLOW,
  version: 1,
  schema: CalendarSetState,
  start,
  advance,
  prompt: (ctx, s) => prompt(ctx, s),
  draft: (s) => (s.step === 'confirm' ? 'การแก้ไขกำหนดส่งที่ยังไม่ได้ยืนยัน' : null),
};

export const calendarSetModule: BotModule = {
  flows: [calendarSetFlow],
  startWords: { [P.START_WORD]: { flow: P.FLOW } },
};
