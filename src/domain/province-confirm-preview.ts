// "ยืนยันทุกอำเภอที่พร้อม": the province confirms at once every district whose entries are all district-confirmed.
// The preview names them (count, entries, total) and writes nothing; the confirmation then confirms exactly the
// districts previewed, each only if it is still as shown (same DistrictMonth revision, entries and total, read under
// the district-month lock); any that changed is left and named, never confirmed unseen.
import type { Tx } from '../db/client.js';
import type { Actor } from './actor.js';
import type { MonthKey } from './fiscal-period.js';
import { lockDistrictMonth } from './district-month.js';
import { confirmDistrictByProvince, districtMonthSummary, provinceMonthOverview, type DistrictMonthState } from './province-review.js';

/** A district as the preview showed it: what a later confirmation must still find. */
export interface ReadyDistrict {
  districtId: number;
  nameTh: string;
  revision: number | null;
  entries: number;
  /** Satang. */
  total: bigint;
}

export interface ProvinceConfirmPreview {
  provinceName: string;
  ready: ReadyDistrict[];
  total: bigint;
  entries: number;
  /** Districts not ready, by state (awaiting the district, nothing reported yet, already confirmed). */
  notReady: Record<Exclude<DistrictMonthState, 'ready'>, number>;
}

/** What confirming every ready district would do: nothing is written. */
export async function provinceConfirmPreview(tx: Tx, actor: Actor, provinceId: number, month: MonthKey): Promise<ProvinceConfirmPreview> {
  const o = await provinceMonthOverview(tx, actor, provinceId, month);
  const ready = o.districts
    .filter((d) => d.state === 'ready')
    .map((d) => ({ districtId: d.districtId, nameTh: d.nameTh, revision: d.revision, entries: d.entries, total: d.total }));
  const count = (s: DistrictMonthState) => o.districts.filter((d) => d.state === s).length;
  return {
    provinceName: o.provinceName,
    ready,
    total: ready.reduce((s, d) => s + d.total, 0n),
    entries: ready.reduce((s, d) => s + d.entries, 0),
    notReady: { waiting: count('waiting'), 'not-started': count('not-started'), 'province-confirmed': count('province-confirmed') },
  };
}

export interface ConfirmReadyResult {
  confirmed: { nameTh: string; entries: number; total: bigint }[];
  /** Previewed districts left unconfirmed because they changed since (or another officer confirmed them). */
  changed: string[];
}

/**
 * Confirms the previewed districts that are still exactly as previewed, in district order (the order every
 * province confirmation locks district-months in). Each goes through confirmDistrictByProvince (authorised,
 * audited, locks the month).
 */
export async function confirmReadyDistricts(
  tx: Tx,
  actor: Actor,
  month: MonthKey,
  previewed: readonly ReadyDistrict[],
  now: Date,
  eventId?: string,
): Promise<ConfirmReadyResult> {
  const out: ConfirmReadyResult = { confirmed: [], changed: [] };
  for (const p of [...previewed].sort((a, b) => a.districtId - b.districtId)) {
    // `previewed` comes from the conversation's own state; the summary and the confirmation authorise it again
    await lockDistrictMonth(tx, p.districtId, month, true);
    const d = await districtMonthSummary(tx, actor, p.districtId, month);
    const same = d.state === 'ready' && (d.revision ?? 1) === (p.revision ?? 1) && d.entries === p.entries && d.total === p.total;
    if (!same) {
      out.changed.push(p.nameTh);
      continue;
    }
    const r = await confirmDistrictByProvince(tx, actor, p.districtId, month, d.revision, now, eventId);
    out.confirmed.push({ nameTh: r.districtName, entries: r.entries, total: r.total });
  }
  return out;
}
