// The reference places a typed tambon is checked against, as a port: the domain asks for a district's tambons and
// where else a tambon name occurs; src/seed/places.ts implements it over the reference tables (districts and
// provinces in the database, tambons from prisma/reference/tambons.csv).
import { closest } from './fuzzy.js';
import { TAMBON_MAX, normaliseProducerName } from './producers.js';
import { placeKey } from './registry/place-index.js';

export interface DistrictPlace {
  districtId: number;
  districtName: string;
  provinceId: number;
  provinceName: string;
}

export interface Places {
  district(districtId: number): Promise<DistrictPlace | null>;
  /** The district's tambons in their official spelling; null when the reference lists none for it. */
  tambonsOf(districtId: number): Promise<readonly string[] | null>;
  /** Every district whose tambon list has this name (compared as placeKey compares). */
  districtsWithTambon(name: string): Promise<DistrictPlace[]>;
}

/** What a typed tambon is, for the district it is typed for. */
export type TambonCheck =
  /** Blank, too long or containing digits: not a name at all. */
  | { kind: 'invalid' }
  /** One of the district's tambons (`name` in its official spelling), or any name when the district has no list. */
  | { kind: 'ok'; name: string; listed: boolean }
  /** Not in the district's list, but a tambon of `districts` (same province first). */
  | { kind: 'elsewhere'; typed: string; districts: DistrictPlace[]; closest: string[] }
  /** Not a tambon of the district; `closest` are the district's names that resemble it (may be empty). */
  | { kind: 'unknown'; typed: string; closest: string[] };

/** The typed text as a tambon name: spaces tidied, a leading "ตำบล"/"ต." dropped. */
export const cleanTambon = (typed: string): string => normaliseProducerName(typed).replace(/^(ตำบล|ต\.)\s*/, '');

/** Largest number of other districts named for a tambon typed in the wrong one. */
const ELSEWHERE_MAX = 3;

/**
 * Checks a typed tambon against the district's tambons from the reference data, with the register import's
 * matching (placeKey: no prefix, no spaces) and the closest names by fuzzy.closest. A name of another district says
 * which (the district's own province first, then up to three elsewhere). Never writes.
 */
export async function checkTambon(places: Places, districtId: number, typed: string): Promise<TambonCheck> {
  const name = cleanTambon(typed);
  if (name.length < 2 || name.length > TAMBON_MAX || /[\d๐-๙]/.test(name)) return { kind: 'invalid' };
  const list = await places.tambonsOf(districtId);
  if (!list) return { kind: 'ok', name, listed: false };
  const hit = list.find((t) => placeKey(t) === placeKey(name));
  if (hit) return { kind: 'ok', name: hit, listed: true };
  const near = closest(name, list, (t) => [t], 6);
  const here = await places.district(districtId);
  const others = (await places.districtsWithTambon(name)).filter((d) => d.districtId !== districtId);
  const sameProvince = others.filter((d) => d.provinceId === here?.provinceId);
  const named = sameProvince.length ? sameProvince : others.length <= ELSEWHERE_MAX ? others : [];
  if (named.length) return { kind: 'elsewhere', typed: name, districts: named.slice(0, ELSEWHERE_MAX), closest: near };
  return { kind: 'unknown', typed: name, closest: near };
}
