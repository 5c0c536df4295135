// Finds provinces, districts and tambons by official code or by Thai name as officers write them ("อ.บางคล้า",
// "อำเภอ บางคล้า", "จ.ฉะเชิงเทรา"), and names the closest real names when nothing matches.
import { editDistance } from '../fuzzy.js';
import { toArabicDigits } from '../thai-format.js';

export interface PlaceRef {
  provinces: { id: number; nameTh: string }[];
  districts: { id: number; nameTh: string; provinceId: number }[];
  /** Tambon names per district code; a district absent from the map has no tambon list to check against. */
  tambons: Map<number, string[]>;
}

export type Found<T> = { ok: true; value: T } | { ok: false; reason: 'unknown' | 'ambiguous'; closest: string[] };

const PREFIX = /^(จังหวัด|จ\.|อำเภอ|อ\.|กิ่งอำเภอ|กิ่ง\s*อ\.|ตำบล|ต\.|แขวง|เขต)\s*/;
/** The comparable form of a place name: NFC, no prefix, no spaces. */
export const placeKey = (s: string): string => s.normalize('NFC').trim().replace(PREFIX, '').replace(/\s+/g, '');

/** Up to `n` names closest to `typed`, nearest first. */
export function closestNames(typed: string, names: readonly string[], n = 3): string[] {
  const k = placeKey(typed);
  return [...new Set(names)]
    .map((name) => ({ name, d: editDistance(k, placeKey(name)) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, 'th'))
    .slice(0, n)
    .map((c) => c.name);
}

export class PlaceIndex {
  constructor(private readonly ref: PlaceRef) {}

  province(cell: string): Found<{ id: number; nameTh: string }> {
    const t = toArabicDigits(cell.trim());
    const hits = /^\d{1,2}$/.test(t)
      ? this.ref.provinces.filter((p) => p.id === Number(t))
      : this.ref.provinces.filter((p) => placeKey(p.nameTh) === placeKey(cell));
    if (hits.length === 1) return { ok: true, value: hits[0]! };
    return { ok: false, reason: 'unknown', closest: closestNames(cell, this.ref.provinces.map((p) => p.nameTh)) };
  }

  /** A district by code, or by name (within `provinceId` when given: names repeat across provinces). */
  district(cell: string, provinceId?: number): Found<{ id: number; nameTh: string; provinceId: number }> {
    const t = toArabicDigits(cell.trim());
    const pool = this.ref.districts.filter((d) => provinceId === undefined || d.provinceId === provinceId);
    if (/^\d{4}$/.test(t)) {
      const hit = pool.find((d) => d.id === Number(t));
      return hit ? { ok: true, value: hit } : { ok: false, reason: 'unknown', closest: [] };
    }
    const hits = pool.filter((d) => placeKey(d.nameTh) === placeKey(cell));
    if (hits.length === 1) return { ok: true, value: hits[0]! };
    if (hits.length > 1) return { ok: false, reason: 'ambiguous', closest: hits.map((d) => `${d.nameTh} (${d.id})`) };
    return { ok: false, reason: 'unknown', closest: closestNames(cell, pool.map((d) => d.nameTh)) };
  }

  /** The tambon's official spelling in the district, null when the district has no list to check against. */
  tambon(cell: string, districtId: number): Found<string> | null {
    const names = this.ref.tambons.get(districtId);
    if (!names) return null;
    const hit = names.find((n) => placeKey(n) === placeKey(cell));
    return hit ? { ok: true, value: hit } : { ok: false, reason: 'unknown', closest: closestNames(cell, names) };
  }
}
