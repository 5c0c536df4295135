// State of the district-review conversation and the commands an officer types. JSON primitives only; the
// numbering the officer was shown is kept as [entryId, revisionSeen] pairs (revision 0: numbered, not yet shown),
// so "รายการที่ 12" means what was on screen.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { normaliseWord } from '../bot/router.js';
import { REASON_MAX, REASON_MIN } from '../domain/district-review.js';
import type { SeenEntry } from '../domain/district-review-queries.js';
import { parseMonthKey, type MonthKey } from '../domain/fiscal-period.js';
import { formatMonthTh, thaiMonthName, toArabicDigits, type MonthNumber } from '../domain/thai-format.js';
import { quoted } from '../bot/reply.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Id = z.number().int().positive();
const Seen = z.array(z.tuple([Id, z.number().int().nonnegative()])).max(5000);

const Base = z.object({
  /** Identifies the cards of this conversation: a tap on a card from another one is stale. */
  token: z.string().min(4).max(16),
  districtId: Id,
});
const Chosen = Base.extend({
  month: Month,
  seen: Seen,
  /** Current page of the entries list (0-based). */
  page: z.number().int().nonnegative(),
});

export const DistrictReviewState = z.discriminatedUnion('step', [
  Base.extend({ step: z.literal('month'), months: z.array(Month).min(1).max(3) }),
  Chosen.extend({ step: z.literal('overview') }),
  Chosen.extend({ step: z.literal('list') }),
  Chosen.extend({ step: z.literal('pending'), pendingPage: z.number().int().nonnegative() }),
  /** The preview of a confirmation (what, how much, which left out, who has not reported): nothing is written until
   * the officer taps its button or types "ยืนยัน". `except`: the numbers to leave awaiting. */
  Chosen.extend({ step: z.literal('confirm'), except: z.array(Id).max(1000) }),
  /** Waiting for the reason to send entry `no` back; `revision` is the one shown in the question. */
  Chosen.extend({ step: z.literal('reason'), no: Id, entryId: Id, revision: Id }),
  /** The reason is typed but nothing is written until the officer confirms it (a typed text alone never writes). */
  Chosen.extend({ step: z.literal('reason-confirm'), no: Id, entryId: Id, revision: Id, reason: z.string().min(REASON_MIN).max(REASON_MAX) }),
]);
export type DistrictReviewState = z.infer<typeof DistrictReviewState>;
export type StepOf<K extends DistrictReviewState['step']> = Extract<DistrictReviewState, { step: K }>;
export type ChosenState = Exclude<DistrictReviewState, { step: 'month' }>;

export const newToken = (): string => randomBytes(5).toString('hex');

export const toSeen = (pairs: readonly (readonly [number, number])[]): SeenEntry[] => pairs.map(([id, revision]) => ({ id, revision }));
export const fromSeen = (seen: readonly SeenEntry[]): [number, number][] => seen.map((s) => [s.id, s.revision]);

/** The offered month the officer typed ("ตุลาคม", "ต.ค.", "ตุลาคม 2569", "2026-10"), if any. */
export function matchMonth(raw: string, months: string[]): string | undefined {
  const t = normaliseWord(raw).replace(/^เดือน/, '').replace(/\./g, '');
  const key = parseMonthKey(raw.trim());
  if (key && months.includes(key)) return key;
  return months.find((m) => {
    const n = Number(m.slice(5)) as MonthNumber;
    return [thaiMonthName(n), thaiMonthName(n, 'short'), formatMonthTh(m as MonthKey)].some((x) => normaliseWord(x).replace(/\./g, '') === t);
  });
}

/** The reason as it will be stored (spaces collapsed), or null when its length is outside REASON_MIN–REASON_MAX. */
export function cleanReason(raw: string): string | null {
  const reason = raw.trim().replace(/\s+/g, ' ');
  return reason.length >= REASON_MIN && reason.length <= REASON_MAX ? reason : null;
}

/** Short fingerprint of a reason, carried by the "ยืนยันส่งกลับ" button so a tap confirms only the reason it showed. */
export const reasonKey = (reason: string): string => createHash('sha256').update(reason).digest('hex').slice(0, 8);

/** Fingerprint of a preview's exceptions, carried by its buttons: a tap on an older preview confirms nothing. */
export const exceptKey = (except: readonly number[]): string => reasonKey(`except:${except.join(',')}`);

export type ReasonAnswer = 'yes' | 'edit' | 'no';
const ANSWERS: Record<string, ReasonAnswer> = { ยืนยัน: 'yes', ใช่: 'yes', ยืนยันส่งกลับ: 'yes', แก้เหตุผล: 'edit', ไม่ส่งกลับ: 'no' };

/** The answer typed at the send-back confirmation, or null for anything else. */
export const reasonAnswer = (raw: string): ReasonAnswer | null => ANSWERS[raw.normalize('NFC').replace(/\s+/g, '')] ?? null;

export type Command =
  | { kind: 'confirm'; except: number[] }
  | { kind: 'return'; no: number }
  | { kind: 'list' }
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'page'; page: number }
  | { kind: 'pending' }
  | { kind: 'overview' }
  | { kind: 'month' }
  | { kind: 'back' }
  | { kind: 'error'; message: string };

const WORDS: Record<string, Command> = {
  ดูรายการ: { kind: 'list' },
  รายการ: { kind: 'list' },
  ถัดไป: { kind: 'next' },
  หน้าถัดไป: { kind: 'next' },
  ต่อไป: { kind: 'next' },
  ก่อนหน้า: { kind: 'prev' },
  หน้าก่อนหน้า: { kind: 'prev' },
  ยังไม่รายงาน: { kind: 'pending' },
  ภาพรวม: { kind: 'overview' },
  สรุป: { kind: 'overview' },
  เปลี่ยนเดือน: { kind: 'month' },
  ไม่ส่งกลับ: { kind: 'back' },
  กลับ: { kind: 'back' },
  ย้อนกลับ: { kind: 'back' },
};

const EXAMPLE = 'เช่น ยืนยันทั้งหมด ยกเว้น 12 19';

/** "12 19", "12, 19", "๑๒ และ ๑๙", "3-5": the numbers, or the first piece that is not one. */
export function parseNumbers(s: string): { numbers: number[] } | { bad: string } {
  const pieces = s
    .replace(/รายการที่|รายการ|ที่|ข้อ|เลข|และ|กับ|[,、;/]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const numbers: number[] = [];
  for (const p of pieces) {
    const range = /^(\d{1,4})[-–](\d{1,4})$/.exec(p);
    if (range && Number(range[1]) <= Number(range[2]) && Number(range[2]) - Number(range[1]) < 1000) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(n);
    } else if (/^\d{1,4}$/.test(p)) numbers.push(Number(p));
    else return { bad: p };
  }
  return { numbers: [...new Set(numbers)].sort((a, b) => a - b) };
}

/** What a typed message asks for, or null when it is none of the review commands. */
export function parseCommand(raw: string): Command | null {
  const t = toArabicDigits(raw.normalize('NFC')).trim();
  const word = t.replace(/\s+/g, '');
  if (WORDS[word]) return WORDS[word]!;
  const page = /^หน้า(?:ที่)?(\d{1,3})$/.exec(word);
  if (page) return { kind: 'page', page: Number(page[1]) - 1 };

  const confirm = /^ยืนยัน\s*ทั้งหมด\s*(.*)$/s.exec(t);
  if (confirm) {
    const rest = confirm[1]!.trim();
    if (!rest) return { kind: 'confirm', except: [] };
    const except = /^ยกเว้น\s*(.*)$/s.exec(rest);
    if (!except) return { kind: 'error', message: `ไม่เข้าใจ ${quoted(rest)} ถ้าจะเว้นบางรายการ ให้พิมพ์ ${EXAMPLE}` };
    const r = parseNumbers(except[1]!);
    if ('bad' in r) return { kind: 'error', message: `ไม่เข้าใจ ${quoted(r.bad)} กรุณาพิมพ์เลขรายการ ${EXAMPLE}` };
    if (!r.numbers.length) return { kind: 'error', message: `ยกเว้นรายการไหนคะ? กรุณาพิมพ์เลขรายการ ${EXAMPLE}` };
    return { kind: 'confirm', except: r.numbers };
  }

  const back = /^ส่งกลับ\s*(?:แก้ไข)?\s*(.*)$/s.exec(t);
  if (back) {
    const r = parseNumbers(back[1]!);
    if ('bad' in r || r.numbers.length !== 1) {
      return { kind: 'error', message: 'ส่งกลับได้ครั้งละ 1 รายการ พิมพ์ "ส่งกลับ" ตามด้วยเลขรายการ เช่น ส่งกลับ 12 หรือกดปุ่ม "ส่งกลับแก้ไข" ที่รายการ' };
    }
    return { kind: 'return', no: r.numbers[0]! };
  }
  return null;
}
