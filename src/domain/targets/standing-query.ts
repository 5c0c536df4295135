// The standing of one unit for a round, read from the database: its target (null when none is loaded) scored against
// the CONFIRMED figures of the round's months up to `asOf` — district- or province-confirmed entries for the unit's
// own officers, only province-confirmed ones for a viewer above the province (zone, department).
import type { Tx } from '../../db/client.js';
import type { SalesStatus } from '../../db/generated/enums.js';
import { visibleStatuses } from '../visibility.js';
import { compareMonths, monthStart, roundMonths, type MonthKey } from '../fiscal-period.js';
import { loadTarget, type UnitKey } from './queries.js';
import type { TargetKindName, TargetRoundName } from './scoring.js';
import { standing, type Standing } from './standing.js';

/** Who looks: the unit itself (or the province above a district), or someone above the province. */
export type Viewer = 'unit' | 'above-province';

const CONFIRMED: readonly SalesStatus[] = ['DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];

/** Statuses counted as confirmed for the viewer: the confirmed ones the visibility rule (visibility.ts) lets it read. */
export function confirmedStatuses(viewer: Viewer): SalesStatus[] {
  const visible = visibleStatuses({ role: viewer === 'above-province' ? 'DEPARTMENT_ADMIN' : 'PROVINCE_OFFICER' });
  return CONFIRMED.filter((s) => visible.includes(s));
}

export interface RoundFigures {
  /** Months of the round up to asOf, in order. */
  months: MonthKey[];
  /** Satang per month (same order). */
  salesByMonth: bigint[];
  sales: bigint;
  /** Producer × category with online sales > 0 in those months. */
  onlineProducts: number;
}

/** Confirmed sales and online products of `unit` in the round's months up to `asOf` (inclusive). */
export async function roundFigures(tx: Tx, unit: UnitKey, fiscalYear: number, round: TargetRoundName, asOf: MonthKey, viewer: Viewer): Promise<RoundFigures> {
  const months = roundMonths(fiscalYear, round).filter((m) => compareMonths(m, asOf) <= 0);
  if (months.length === 0) return { months, salesByMonth: [], sales: 0n, onlineProducts: 0 };
  const where = {
    month: { gte: monthStart(months[0]!), lte: monthStart(months.at(-1)!) },
    status: { in: confirmedStatuses(viewer) },
    producer: 'districtId' in unit ? { districtId: unit.districtId } : { district: { provinceId: unit.provinceId } },
  };
  const entries = await tx.salesEntry.findMany({
    where,
    select: { month: true, producerId: true, category: true, domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true },
  });
  const byMonth = new Map<string, bigint>();
  const online = new Set<string>();
  for (const e of entries) {
    const key = e.month.toISOString().slice(0, 7);
    byMonth.set(key, (byMonth.get(key) ?? 0n) + e.domesticOffline + e.domesticOnline + e.exportOffline + e.exportOnline);
    if (e.domesticOnline + e.exportOnline > 0n) online.add(`${e.producerId}/${e.category}`);
  }
  const salesByMonth = months.map((m) => byMonth.get(m) ?? 0n);
  return { months, salesByMonth, sales: salesByMonth.reduce((a, b) => a + b, 0n), onlineProducts: online.size };
}

/**
 * Standing of `unit` for the round up to `asOf`, or null when no target of that kind is loaded. Months elapsed for
 * the projection are the round's months up to asOf. Provinces are scored on their own target.
 */
export async function standingOf(
  tx: Tx,
  unit: UnitKey,
  q: { fiscalYear: number; round: TargetRoundName; asOf: MonthKey; viewer: Viewer; kind?: TargetKindName },
): Promise<Standing | null> {
  const kind = q.kind ?? 'SALES';
  const target = await loadTarget(tx, unit, q.fiscalYear, q.round, kind);
  if (!target) return null;
  const f = await roundFigures(tx, unit, q.fiscalYear, q.round, q.asOf, q.viewer);
  return standing({
    target,
    achieved: kind === 'SALES' ? f.sales : BigInt(f.onlineProducts),
    monthsElapsed: f.months.length,
    monthsInRound: roundMonths(q.fiscalYear, q.round).length,
  });
}
