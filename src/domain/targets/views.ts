// What an officer may see of targets, as data for cards: the standing of a unit (the round's target, else the
// full-year one) and a province's districts ranked by score. Authorised here (progress.view over the place);
// zone and department count only province-confirmed sales.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { assertAllowed, placeOfDistrict, placeOfProvince } from '../authorise.js';
import { seesConfirmedOnly } from '../visibility.js';
import { fiscalRoundOf, fiscalYearOf, type MonthKey } from '../fiscal-period.js';
import type { UnitKey } from './queries.js';
import type { TargetRoundName } from './scoring.js';
import { standingOf, type Viewer } from './standing-query.js';
import type { Standing } from './standing.js';

export interface UnitStanding {
  unit: UnitKey;
  name: string;
  round: TargetRoundName;
  /** Sales standing; null when the unit has no target for the month's round nor the full year. */
  sales: Standing | null;
  /** Online-product standing when such a target is loaded. */
  online: Standing | null;
}

/** Zone and department count only province-confirmed sales (the one rule of visibility.ts). */
export const viewerOf = (actor: Actor): Viewer => (seesConfirmedOnly(actor) ? 'above-province' : 'unit');

/** The unit's standing as of `asOf`: the round target of that month when loaded, else the full-year one. */
export async function unitStanding(tx: Tx, unit: UnitKey, name: string, asOf: MonthKey, viewer: Viewer): Promise<UnitStanding> {
  const fiscalYear = fiscalYearOf(asOf);
  for (const round of [fiscalRoundOf(asOf), 'FULL_YEAR'] as const) {
    const sales = await standingOf(tx, unit, { fiscalYear, round, asOf, viewer });
    const online = await standingOf(tx, unit, { fiscalYear, round, asOf, viewer, kind: 'ONLINE_PRODUCTS' });
    if (sales || online) return { unit, name, round, sales, online };
  }
  return { unit, name, round: fiscalRoundOf(asOf), sales: null, online: null };
}

/** Order of a ranking: higher score first, then the larger share of the next tier, then the larger figure. */
export function rankOrder(a: UnitStanding, b: UnitStanding): number {
  const sa = a.sales?.score ?? -1;
  const sb = b.sales?.score ?? -1;
  if (sa !== sb) return sb - sa;
  const share = (s: Standing | null) => (s?.next ? Number((s.achieved * 10_000n) / (s.next.threshold || 1n)) : 10_001);
  const d = share(b.sales) - share(a.sales);
  if (d !== 0) return d;
  const x = a.sales?.achieved ?? 0n;
  const y = b.sales?.achieved ?? 0n;
  return x === y ? a.name.localeCompare(b.name, 'th') : y > x ? 1 : -1;
}

/** The actor's own unit (district or province officer). */
export async function myStanding(tx: Tx, actor: Actor, asOf: MonthKey): Promise<UnitStanding> {
  if (actor.role === 'DISTRICT_OFFICER') {
    const place = await placeOfDistrict(tx, actor.districtId ?? -1);
    assertAllowed(actor, 'progress.view', place);
    const d = await tx.district.findUniqueOrThrow({ where: { id: place.districtId! } });
    return unitStanding(tx, { districtId: d.id }, `อำเภอ${d.nameTh}`, asOf, 'unit');
  }
  const place = await placeOfProvince(tx, actor.provinceId ?? -1);
  assertAllowed(actor, 'progress.view', place);
  const p = await tx.province.findUniqueOrThrow({ where: { id: place.provinceId! } });
  return unitStanding(tx, { provinceId: p.id }, `จังหวัด${p.nameTh}`, asOf, viewerOf(actor));
}

/** A province and its districts ranked, as far as the actor may see (province officer, its zone, the department). */
export async function provinceWithDistricts(tx: Tx, actor: Actor, provinceId: number, asOf: MonthKey): Promise<{ province: UnitStanding; districts: UnitStanding[] }> {
  assertAllowed(actor, 'progress.view', await placeOfProvince(tx, provinceId));
  const viewer = viewerOf(actor);
  const p = await tx.province.findUniqueOrThrow({ where: { id: provinceId }, include: { districts: { orderBy: { id: 'asc' } } } });
  const province = await unitStanding(tx, { provinceId }, `จังหวัด${p.nameTh}`, asOf, viewer);
  const districts: UnitStanding[] = [];
  for (const d of p.districts) districts.push(await unitStanding(tx, { districtId: d.id }, d.nameTh, asOf, viewer));
  return { province, districts: districts.sort(rankOrder) };
}
