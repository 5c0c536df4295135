// What a conversation says when a typed ตำบล is not one of the district's (domain/places.ts checkTambon): the
// closest names (or the district's list) as buttons, which district a tambon of another district belongs to, and a
// way to keep a real name the reference list lacks ("ใช้ชื่อตามที่พิมพ์").
import { say, text, type Choice, type Reply } from '../bot/reply.js';
import type { TambonCheck } from '../domain/places.js';

/** The words (and the button's label) that keep the name as typed. */
export const KEEP_AS_TYPED = 'ใช้ชื่อตามที่พิมพ์';
/** LINE shows at most 13 quick-reply buttons. */
const QUICK_MAX = 13;
const LABEL_MAX = 20;

/** Tambon names as buttons that type them, as many as fit beside `others`. */
export function tambonChoices(names: readonly string[], others: Choice[]): Choice[] {
  const fit = names.filter((n) => n.length <= LABEL_MAX).slice(0, QUICK_MAX - others.length);
  return [...fit.map((n) => say(n)), ...others];
}

/**
 * Why the typed tambon was not taken, with the closest names of the district (all of them when none resembles it)
 * as buttons, then `keep` (only for a name, not for invalid input) and `extra` (cancel, back).
 */
export function tambonProblem(check: Exclude<TambonCheck, { kind: 'ok' }>, districtName: string, list: readonly string[], keep: Choice, extra: Choice[]): Reply[] {
  if (check.kind === 'invalid') {
    return [text(`กรุณาพิมพ์ชื่อตำบล (ตัวอักษร ไม่มีตัวเลข) เช่น ${list[0] ?? 'หน้าเมือง'}`, tambonChoices(list, extra))];
  }
  const offered = check.closest.length ? check.closest : list;
  const where =
    check.kind === 'elsewhere'
      ? `ตำบล${check.typed} อยู่ใน${check.districts.map((d) => `อำเภอ${d.districtName} จังหวัด${d.provinceName}`).join(' และ ')} ไม่ใช่อำเภอ${districtName}`
      : `ไม่พบตำบล "${check.typed}" ในอำเภอ${districtName}`;
  const names = check.closest.length ? `ชื่อใกล้เคียงในอำเภอ${districtName}: ${check.closest.join(', ')}` : `ตำบลในอำเภอ${districtName}: ${list.join(', ')}`;
  const how = `กดเลือกชื่อที่ถูกต้อง หรือพิมพ์ใหม่\nถ้า "${check.typed}" เป็นชื่อตำบลจริงที่ยังไม่อยู่ในรายชื่อ กด "${KEEP_AS_TYPED}"`;
  return [text(`${where}\n${names}\n\n${how}`, tambonChoices(offered, [keep, ...extra]))];
}
