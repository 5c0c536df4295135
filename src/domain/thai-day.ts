// A due day as officers type it in chat: "25", "๒๕", "วันที่ 25", "25 ธ.ค.", "25 ธันวาคม 69", "25/12", "25/12/2569".
// Pure: the caller says which months a day may fall in (the sales month and the next) and which month a bare day
// means (the month of the date being changed). Every refusal is a Thai sentence saying what to type.
import { monthParts, parseDayKey, type DayKey, type MonthKey } from './fiscal-period.js';
import { formatMonthTh, thaiMonthName, toArabicDigits, type MonthNumber } from './thai-format.js';

export type ThaiDayResult = { ok: true; day: DayKey } | { ok: false; message: string };

export interface ThaiDayContext {
  /** The month a bare day ("25") means. */
  defaultMonth: MonthKey;
  /** The months the day may fall in, in order. */
  allowed: readonly MonthKey[];
}

/** Longest input worth reading; anything longer is not a day. */
const MAX_INPUT = 40;

/** Month words → month number: full names, common short forms, abbreviations with or without dots. */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const SPOKEN = ['มกรา', 'กุมภา', 'มีนา', 'เมษา', 'พฤษภา', 'มิถุนา', 'กรกฎา', 'สิงหา', 'กันยา', 'ตุลา', 'พฤศจิกา', 'ธันวา'];
  for (let i = 1; i <= 12; i++) {
    const full = thaiMonthName(i as MonthNumber);
    const short = thaiMonthName(i as MonthNumber, 'short');
    for (const w of [full, short, short.replace(/\./g, ''), SPOKEN[i - 1]!]) m.set(w, i);
  }
  return m;
})();

const EXAMPLE = 'พิมพ์วันที่เป็นตัวเลข เช่น "25" หรือ "๒๕" หรือ "25 ธ.ค."';

const fail = (message: string): ThaiDayResult => ({ ok: false, message });

/** Normalises Thai digits, spacing and the polite lead-ins ("วันที่", "ภายใน"). */
function clean(input: string): string {
  return toArabicDigits(input.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(ภายใน|ถึง|ก่อน)\s*/, '')
    .replace(/^(วันที่|วัน|ที่)\s*/, '')
    .replace(/\s*(นี้|ค่ะ|คะ|ครับ|นะ)$/, '')
    .trim();
}

/** Year as typed: BE 2 or 4 digits, or Gregorian 4 digits → Gregorian. */
function gregorianYear(y: string): number | null {
  const n = Number(y);
  if (y.length === 2) return 2500 + n - 543;
  if (y.length === 4) return n > 2400 ? n - 543 : n;
  return null;
}

/** Reads the typed day against the context; see the file comment for what is accepted. */
export function readThaiDay(input: string, ctx: ThaiDayContext): ThaiDayResult {
  if (input.length > MAX_INPUT) return fail(`ข้อความยาวเกินไป ${EXAMPLE}`);
  const s = clean(input);
  if (!s) return fail(EXAMPLE);
  // "25", "25 ธ.ค.", "25 ธันวาคม 2569", "25ธค69"
  const named = /^(\d{1,2})\s*(?:([^\d\s/.-][^\d\s]*?)\.?\s*(\d{2}|\d{4})?)?$/u.exec(s);
  // "25/12", "25/12/69", "25-12-2569", "25.12.2569"
  const numeric = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  let day: number;
  let month: number | null = null;
  let year: number | null = null;
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]);
    if (month < 1 || month > 12) return fail(`ไม่มีเดือนที่ ${numeric[2]} ${EXAMPLE}`);
    year = numeric[3] ? gregorianYear(numeric[3]) : null;
  } else if (named) {
    day = Number(named[1]);
    if (named[2]) {
      const word = named[2].replace(/\s/g, '');
      const m = MONTH_WORDS.get(word) ?? MONTH_WORDS.get(`${word}.`);
      if (m === undefined) return fail(`ไม่รู้จักชื่อเดือน "${word.slice(0, 15)}" ${EXAMPLE}`);
      month = m;
    }
    year = named[3] ? gregorianYear(named[3]) : null;
  } else return fail(/\d/.test(s) ? `อ่านวันที่ไม่ออก ${EXAMPLE}` : EXAMPLE);

  if (day < 1 || day > 31) return fail(`วันที่ต้องอยู่ระหว่าง 1–31 ${EXAMPLE}`);
  const candidates = month === null ? [ctx.defaultMonth] : ctx.allowed.filter((k) => monthParts(k).month === month && (year === null || monthParts(k).year === year));
  const where = ctx.allowed.map((k) => formatMonthTh(k)).join(' หรือ ');
  if (!candidates.length) return fail(`กำหนดได้เฉพาะวันในเดือน${where}`);
  const key = candidates[0]!;
  const found = parseDayKey(`${key}-${String(day).padStart(2, '0')}`);
  if (!found) return fail(`เดือน${formatMonthTh(key)} ไม่มีวันที่ ${day}`);
  if (!ctx.allowed.includes(key)) return fail(`กำหนดได้เฉพาะวันในเดือน${where}`);
  return { ok: true, day: found };
}
