/**
 * The product's only parser of typed money amounts (integer satang out, never floating point). Grammar of one
 * amount (`parseAmount`), after normalising Thai/full-width digits, dashes, spaces and Latin case:
 *   amount   := [currency] body [currency] [particle]     currency := ฿ | บาท | บาทถ้วน | บ. | บ | THB | ".-"
 *   body     := zero-word | number | group { group }      particle := ครับ | ค่ะ | คะ | นะ … (polite endings)
 *   group    := number unit { unit }                      unit := ล้าน | แสน | หมื่น | พัน | ร้อย | k | m
 *   number   := digits [ "." digits ] | "." digits
 * - A leading filler "ยอดขาย" / "ยอด" / "ขายได้" / "ขาย" is ignored.
 * - Zero words "ไม่มี", "ไม่มีขาย", "ไม่มียอดขาย", "ไม่ได้ขาย", "ขายไม่ได้", "ศูนย์" and a lone "-" (the
 *   Thai form convention for "none") mean 0.
 * - Commas are thousands separators in their standard places only: 1–3 digits, then groups of exactly three
 *   ("1,234,567"). "120,50" is refused because it may be a decimal comma; a misplaced separator ("1,2345",
 *   "1,20,000") is refused as a typo, and the message shows the digits without commas to check against.
 * - A single space between digits is a thousands separator only before exactly three digits ("120 000").
 * - A bare number (no unit) has at most 2 decimals: "10.500" is refused (it may be a European 10.500).
 *   With units, any decimals are fine as long as the result is whole satang ("1.2345678 ล้าน" = 1,234,567.80).
 * - Groups must have strictly decreasing units, each smaller than the unit before ("1 ล้าน 2 แสน",
 *   "3 แสน 5 หมื่น"); a bare number after a unit ("1 ล้าน 2", colloquially 1.2 million) is refused as
 *   ambiguous. "12." is refused (possibly cut off); ".5" is 0.50.
 */
import { formatBaht, toArabicDigits } from './thai-format.js';

export type AmountError = 'empty' | 'negative' | 'letters' | 'too_many_decimals' | 'too_large' | 'malformed';
export type AmountResult = { ok: true; satang: bigint } | { ok: false; error: AmountError; message: string };

/** Default ceiling of one amount: 1,000,000,000 baht (a sane bound for one producer-month), inclusive. */
export const MAX_AMOUNT_SATANG = 1_000_000_000n * 100n;

const MESSAGES = {
  empty: 'ยังไม่ได้พิมพ์ยอดขาย กรุณาพิมพ์ตัวเลขยอดขายเป็นบาท เช่น 12,500 หรือ 1.2 ล้าน (ถ้าไม่มียอดขาย พิมพ์ 0)',
  negative: 'ยอดขายติดลบไม่ได้ กรุณาพิมพ์ยอดขายเป็นตัวเลข เช่น 12,500 (ถ้าไม่มียอดขาย พิมพ์ 0)',
  letters: 'กรุณาพิมพ์ยอดขายเป็นตัวเลข ไม่ต้องพิมพ์เป็นตัวหนังสือ เช่น 2,000 หรือ 1.2 ล้าน',
  too_many_decimals: 'ทศนิยมใส่ได้ไม่เกิน 2 ตำแหน่ง (สตางค์) กรุณาพิมพ์ใหม่ เช่น 1,250.50',
  malformed: 'อ่านตัวเลขนี้ไม่ได้ กรุณาพิมพ์ยอดขายเป็นบาท เช่น 12,500 หรือ 1,250.50 หรือ 1.2 ล้าน',
  decimalComma: 'ถ้ามีสตางค์ ให้ใช้จุด (.) ไม่ใช่จุลภาค (,) เช่น 120.50 ถ้าเป็นหลักพัน ให้พิมพ์ เช่น 12,000',
  misplacedComma: (digits: string) =>
    `เครื่องหมายจุลภาค (,) อยู่ผิดตำแหน่ง ตัวเลขนี้อาจพิมพ์ผิด ถ้าหมายถึง ${formatBaht(BigInt(digits) * 100n)} บาท กรุณาพิมพ์ใหม่เป็น ${formatBaht(BigInt(digits) * 100n)} หรือ ${digits}`,
  unitEach:
    'ถ้าใช้คำว่า ล้าน แสน หมื่น พัน ให้มีตัวเลขหน้าทุกหน่วยและเรียงจากหน่วยใหญ่ไปเล็ก เช่น 1 ล้าน 2 แสน หรือพิมพ์ตัวเลขเต็ม เช่น 1,200,000',
  twoNumbers: 'พบตัวเลขมากกว่า 1 จำนวน กรุณาพิมพ์ยอดขายจำนวนเดียว เช่น 12,500 หรือ 1.2 ล้าน',
} as const;

const tooLargeMessage = (ceiling: bigint): string =>
  `ตัวเลขนี้มากเกินไป (เกิน ${formatBaht(ceiling)} บาท) กรุณาตรวจสอบจำนวนศูนย์แล้วพิมพ์ใหม่ เช่น 1,200,000 หรือ 1.2 ล้าน`;

type Failure = Extract<AmountResult, { ok: false }>;
const fail = (error: Exclude<AmountError, 'too_large'>, message: string = MESSAGES[error]): Failure =>
  ({ ok: false, error, message });

const UNITS: Record<string, bigint> = {
  ล้าน: 1_000_000n, แสน: 100_000n, หมื่น: 10_000n, พัน: 1_000n, ร้อย: 100n, k: 1_000n, m: 1_000_000n,
};
const UNIT_SOURCE = 'ล้าน|แสน|หมื่น|พัน|ร้อย|k(?![a-z])|m(?![a-z])';
const TOKEN = new RegExp(` ?(?:([\\d.,]+)|(${UNIT_SOURCE})|(.))`, 'uy');
const NUMBER = /^(?:\d+(?:,\d+)*)?(?:\.\d+)?$/;
const ZERO_WORDS = new Set(['ไม่มี', 'ไม่มีขาย', 'ไม่มียอด', 'ไม่มียอดขาย', 'ไม่มีเลย', 'ไม่ได้ขาย', 'ขายไม่ได้', 'ศูนย์', '-']);
const FILLER = /^(?:ยอดขาย|ยอด|ขายได้|ขาย) ?(?:[:=] ?)?/;
const DECOR_START = /^(?:฿|บาท|บ\.|thb) ?/;
const DECOR_END = / ?(?:(?:นะ)?(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ)|นะ|บาทถ้วน|บาท|บ\.|(?<=(?:\d|ล้าน|แสน|หมื่น|พัน|ร้อย) ?)บ|฿|thb|\.-)$/;

/** Thai/full-width digits → ASCII, dash variants → "-", odd spaces → " " (newlines kept), Latin lower-cased. */
export function normalizeAmountText(input: string): string {
  return toArabicDigits(input)
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .toLowerCase()
    .trim();
}

function stripDecorations(s: string): string {
  for (let prev = ''; s !== prev; ) [prev, s] = [s, s.replace(DECOR_START, '').replace(DECOR_END, '').trim()];
  return s;
}

interface Group { digits: bigint; scale: number; mult: bigint | null }

/** Parses one amount typed by a person; see the module comment for the accepted grammar. */
export function parseAmount(input: string, opts?: { ceilingSatang?: bigint }): AmountResult {
  const ceiling = opts?.ceilingSatang ?? MAX_AMOUNT_SATANG;
  const raw = normalizeAmountText(input).replace(/\n/g, ' ');
  const decorated = stripDecorations(raw);
  const s = stripDecorations(decorated.replace(FILLER, ''));
  if (/ติดลบ|ขาดทุน/.test(raw) || /^(?:ลบ|-) ?(?:฿ ?)?[\d.]/.test(s)) return fail('negative');
  if (ZERO_WORDS.has(decorated.replace(/ /g, '')) || ZERO_WORDS.has(s.replace(/ /g, ''))) {
    return { ok: true, satang: 0n };
  }
  if (s === '') return fail('empty');
  if (/[\p{L}\p{M}]/u.test(s.replace(new RegExp(UNIT_SOURCE, 'g'), ''))) return fail('letters');

  const groups: Group[] = [];
  const text = s.replace(/(?<=\d) (?=\d{3}(?!\d))/g, '');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null && m[0] !== ''; m = TOKEN.exec(text)) {
    const [, num, unit] = m;
    const last = groups.at(-1);
    if (num !== undefined) {
      if (last && last.mult === null) return fail('malformed', MESSAGES.twoNumbers);
      if (!NUMBER.test(num) || !/\d/.test(num)) return fail('malformed');
      const [intPart = '', frac = ''] = num.split('.');
      const lastCommaGroup = intPart.includes(',') ? (intPart.split(',').at(-1) ?? '') : 'none';
      if (lastCommaGroup.length < 3) return fail('malformed', MESSAGES.decimalComma);
      if (intPart.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intPart)) {
        return fail('malformed', MESSAGES.misplacedComma(intPart.replace(/,/g, '').replace(/^0+(?=\d)/, '')));
      }
      groups.push({ digits: BigInt(intPart.replace(/,/g, '') + frac || '0'), scale: frac.length, mult: null });
    } else if (unit !== undefined) {
      if (!last) return fail('letters');
      last.mult = (last.mult ?? 1n) * (UNITS[unit] ?? 1n);
    } else return fail('malformed');
  }
  return sumGroups(groups, ceiling);
}

function sumGroups(groups: Group[], ceiling: bigint): AmountResult {
  const first = groups[0];
  if (!first) return fail('empty');
  if (groups.length === 1 && first.mult === null && first.scale > 2) return fail('too_many_decimals');
  let total = 0n;
  let prevMult: bigint | null = null;
  for (const g of groups) {
    const mult = g.mult ?? 1n;
    const denom = 10n ** BigInt(g.scale);
    if (prevMult !== null) {
      if (g.mult === null) return fail('malformed', MESSAGES.unitEach);
      if (mult >= prevMult || g.digits * mult >= prevMult * denom) return fail('malformed', MESSAGES.unitEach);
    }
    const numerator = g.digits * mult * 100n;
    if (numerator % denom !== 0n) return fail('too_many_decimals');
    total += numerator / denom;
    prevMult = mult;
  }
  if (total > ceiling) return { ok: false, error: 'too_large', message: tooLargeMessage(ceiling) };
  return { ok: true, satang: total };
}

export const SALES_CHANNELS = ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export type ChannelError = { error: AmountError | 'duplicate'; message: string };

export interface FourAmounts {
  /** Which grammar matched; 'none' means nothing could be assigned (everything is `missing`). */
  form: 'keywords' | 'ordered' | 'none';
  amounts: Partial<Record<SalesChannel, bigint>>;
  errors: Partial<Record<SalesChannel, ChannelError>>;
  /** Channels with neither an amount nor an error, in SALES_CHANNELS order. */
  missing: SalesChannel[];
  /** Text containing digits that was not assigned to any channel, for the caller to point out. */
  stray: string | null;
}

const DUPLICATE_MESSAGE = 'ช่องทางนี้พิมพ์มามากกว่า 1 ครั้ง และตัวเลขไม่ตรงกัน กรุณาพิมพ์ยอดของช่องทางนี้ใหม่อีกครั้ง';

// Alternatives are tried in order at each position, so compounds come before their parts.
const KEYWORD = new RegExp(
  '(?:(?:ยอดขาย|ยอด|ขาย) ?)?(?:ภาย)?(?:' +
    '(ส่งออก ?ออนไลน์|ต่างประเทศ ?ออนไลน์|ออนไลน์ ?(?:ส่งออก|ต่างประเทศ))' +
    '|(ในประเทศ ?ออนไลน์|ออนไลน์ ?ในประเทศ)' +
    '|((?:ส่งออก|ต่างประเทศ)(?: ?(?:ออฟไลน์|หน้าร้าน))?)' +
    '|(ในประเทศ(?: ?(?:ออฟไลน์|หน้าร้าน))?|หน้าร้าน|ออฟไลน์)' +
    '|(ออนไลน์))',
  'g',
);
const KEYWORD_CHANNEL: readonly SalesChannel[] =
  ['exportOnline', 'domesticOnline', 'exportOffline', 'domesticOffline', 'domesticOnline'];

/**
 * Reads the four sales channels from one message. Two forms:
 * - Keywords, in any order, each followed by its amount (parsed by `parseAmount`) up to the next keyword:
 *   "ในประเทศ"/"หน้าร้าน"/"ออฟไลน์" → domesticOffline; "ออนไลน์" or "ในประเทศออนไลน์" → domesticOnline;
 *   "ส่งออก"/"ต่างประเทศ" → exportOffline; "ส่งออกออนไลน์"/"ต่างประเทศออนไลน์" → exportOnline. A keyword may
 *   be prefixed by "ขาย"/"ยอด"/"ยอดขาย" and followed by ":", "=" or " - ". Keyword pairs joined by spaces
 *   form one compound ("ส่งออก ออนไลน์" is exportOnline). Unit words are never keywords.
 * - Without keywords: exactly four amounts in the fixed order domesticOffline, domesticOnline,
 *   exportOffline, exportOnline, separated by newlines, "/", "|", ";" or ", " — or, when none of those
 *   appear, by spaces (then "120 000" is two amounts; unit groups like "1 ล้าน 2 แสน" stay together).
 * A channel given twice with different amounts is a 'duplicate' error. Any other count of bare amounts
 * assigns nothing (form 'none').
 */
export function parseFourAmounts(text: string): FourAmounts {
  const s = normalizeAmountText(text);
  const result: FourAmounts = { form: 'none', amounts: {}, errors: {}, missing: [], stray: null };
  const matches = [...s.matchAll(KEYWORD)];
  if (matches.length > 0) {
    result.form = 'keywords';
    const preamble = s.slice(0, matches[0]?.index).trim();
    if (/\d/.test(preamble)) result.stray = preamble;
    matches.forEach((m, i) => {
      const channel = KEYWORD_CHANNEL[m.slice(1).findIndex((g) => g !== undefined)] ?? 'domesticOffline';
      const segment = s
        .slice(m.index + m[0].length, matches[i + 1]?.index ?? s.length)
        .replace(/^ *[:=]? *(?:- +(?=\S))?/, '')
        .replace(/[\s,;/|]+$/, '');
      assign(result, channel, parseAmount(segment));
    });
  } else {
    const pieces = splitBareAmounts(s);
    if (pieces.length === SALES_CHANNELS.length) {
      result.form = 'ordered';
      pieces.forEach((p, i) => assign(result, SALES_CHANNELS[i] ?? 'exportOnline', parseAmount(p)));
    } else if (/\d/.test(s)) {
      result.stray = s;
    }
  }
  result.missing = SALES_CHANNELS.filter((c) => result.amounts[c] === undefined && !result.errors[c]);
  return result;
}

function assign(result: FourAmounts, channel: SalesChannel, parsed: AmountResult): void {
  const seen = result.amounts[channel] !== undefined || result.errors[channel] !== undefined;
  if (seen && parsed.ok && result.amounts[channel] === parsed.satang) return;
  if (seen) delete result.amounts[channel];
  if (seen) result.errors[channel] = { error: 'duplicate', message: DUPLICATE_MESSAGE };
  else if (parsed.ok) result.amounts[channel] = parsed.satang;
  else result.errors[channel] = { error: parsed.error, message: parsed.message };
}

const LEADING_UNIT = new RegExp(`^(?:[\\d.,]*)(${UNIT_SOURCE})`);
const TRAILING_UNIT = new RegExp(`(${UNIT_SOURCE})$`);

/** Splits the keyword-less form into amount texts (see `parseFourAmounts`). */
function splitBareAmounts(s: string): string[] {
  if (/[\n/|;]|, /.test(s)) return s.split(/ *(?:[\n/|;]|, ) */).filter((p) => p.trim() !== '');
  const words = s.split(' ').filter(Boolean);
  const pieces: string[][] = [];
  words.forEach((w, i) => {
    const current = pieces.at(-1);
    if (current && !(/^[-.\d฿]/.test(w) || ZERO_WORDS.has(w))) {
      current.push(w); // unit word, currency or particle: belongs to the amount before it
      return;
    }
    // A number continues the amount before it only as a smaller unit group: "1 ล้าน" + "2 แสน".
    const endUnit = TRAILING_UNIT.exec(current?.at(-1) ?? '')?.[1];
    const ownUnit = LEADING_UNIT.exec(/^[\d.,]+$/.test(w) ? `${w}${words[i + 1] ?? ''}` : w)?.[1];
    if (current && endUnit && ownUnit && (UNITS[ownUnit] ?? 0n) < (UNITS[endUnit] ?? 0n)) current.push(w);
    else pieces.push([w]);
  });
  return pieces.map((p) => p.join(' '));
}

/**
 * True when an amount deserves a "ยืนยันตัวเลขนี้ใช่ไหม" check: last month is known, the larger of the two
 * reaches `floorSatang` (default 10,000 baht), and the amount is over three times or under a third of it.
 */
export function looksUnusual(amount: bigint, lastMonth: bigint | null, floorSatang = 10_000_00n): boolean {
  if (lastMonth === null) return false;
  const larger = amount > lastMonth ? amount : lastMonth;
  if (larger < floorSatang) return false;
  return amount > 3n * lastMonth || amount * 3n < lastMonth;
}
