// Matching a unit written in a department sheet to the reference data: by official code, or by Thai name ignoring
// the "อ." / "อำเภอ" / "จ." / "จังหวัด" prefix and spacing. Unknown or ambiguous names fail with the closest names.
import { toArabicDigits } from '../thai-format.js';

export interface UnitRef {
  kind: 'district' | 'province';
  /** DOPA code: 2 digits for a province, 4 for a district. */
  code: number;
  nameTh: string;
  /** The province's Thai name (for a district: its province), shown when a name is ambiguous. */
  provinceNameTh: string;
}

export type UnitMatch = { ok: true; unit: UnitRef } | { ok: false; message: string };

/** "อ. บาง คล้า" → "บางคล้า". */
export function normaliseUnitName(s: string): string {
  return toArabicDigits(s)
    .replace(/[\s\u200b]+/g, '')
    .replace(/^(อำเภอ|อ\.|จังหวัด|จ\.)/, '');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Up to three reference names closest to `written`, nearest first. */
export function closestNames(written: string, units: readonly UnitRef[]): string[] {
  const w = normaliseUnitName(written);
  return [...new Set(units.map((u) => u.nameTh))]
    .map((name) => ({ name, d: distance(w, normaliseUnitName(name)) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, 'th'))
    .slice(0, 3)
    .map((x) => x.name);
}

/** Finds the unit named or numbered `written` among `units` (already limited to the province when one is given). */
export function matchUnit(written: string, units: readonly UnitRef[]): UnitMatch {
  const raw = toArabicDigits(written).trim();
  const what = units[0]?.kind === 'province' ? 'จังหวัด' : 'อำเภอ';
  if (/^\d+$/.test(raw)) {
    const unit = units.find((u) => u.code === Number(raw));
    return unit ? { ok: true, unit } : { ok: false, message: `ไม่พบ${what}รหัส ${raw}` };
  }
  const name = normaliseUnitName(raw);
  const found = units.filter((u) => normaliseUnitName(u.nameTh) === name);
  if (found.length === 1) return { ok: true, unit: found[0]! };
  if (found.length > 1) {
    const where = found.map((u) => `${u.nameTh} จ.${u.provinceNameTh} (รหัส ${u.code})`).join(', ');
    return { ok: false, message: `ชื่อ${what} "${raw}" ซ้ำกันหลายจังหวัด: ${where} — ระบุ --province หรือใช้รหัส` };
  }
  return { ok: false, message: `ไม่รู้จัก${what} "${raw}" ชื่อที่ใกล้เคียง: ${closestNames(raw, units).join(', ')}` };
}
