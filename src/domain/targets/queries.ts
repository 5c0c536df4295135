// Reading targets and the units they may name from the database.
import type { Tx } from '../../db/client.js';
import type { TargetKindName, TargetRoundName } from './scoring.js';
import { tierOf, type ScoredTarget } from './scoring.js';
import type { UnitRef } from './unit-match.js';

/** Candidate units for an import: a province's districts, all provinces, or (no province given) all districts. */
export async function unitsForImport(tx: Tx, scope: { kind: 'district'; provinceId: number | null } | { kind: 'province' }): Promise<UnitRef[]> {
  if (scope.kind === 'province') {
    const rows = await tx.province.findMany({ orderBy: { id: 'asc' } });
    return rows.map((p) => ({ kind: 'province', code: p.id, nameTh: p.nameTh, provinceNameTh: p.nameTh }));
  }
  const rows = await tx.district.findMany({
    where: scope.provinceId === null ? {} : { provinceId: scope.provinceId },
    include: { province: { select: { nameTh: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((d) => ({ kind: 'district', code: d.id, nameTh: d.nameTh, provinceNameTh: d.province.nameTh }));
}

export type UnitKey = { districtId: number } | { provinceId: number };

/** The stored target of a unit for a fiscal year, round and kind, ready to score; null when none is loaded. */
export async function loadTarget(tx: Tx, unit: UnitKey, fiscalYear: number, round: TargetRoundName, kind: TargetKindName = 'SALES'): Promise<ScoredTarget | null> {
  const where = 'districtId' in unit ? { districtId: unit.districtId, provinceId: null } : { provinceId: unit.provinceId, districtId: null };
  const t = await tx.target.findFirst({ where: { ...where, fiscalYear, round, kind }, include: { levels: { orderBy: { level: 'asc' } } } });
  if (!t) return null;
  return {
    kind: t.kind,
    fiscalYear: t.fiscalYear,
    round: t.round,
    baseline: t.baseline,
    baselineFiscalYear: t.baselineFiscalYear,
    tiers: t.levels.map((l) => tierOf(t, l)),
    floorScore: t.floorScore,
    floorLabel: t.floorLabel,
  };
}

/** Every target loaded, one line per fiscal year × round × kind × level of unit, for `targets list`. */
export async function listTargetSets(tx: Tx) {
  const rows = await tx.target.groupBy({ by: ['fiscalYear', 'round', 'kind', 'source'], _count: { _all: true }, _max: { importedAt: true }, orderBy: [{ fiscalYear: 'asc' }, { round: 'asc' }] });
  return rows.map((r) => ({ fiscalYear: r.fiscalYear, round: r.round, kind: r.kind, source: r.source, units: r._count._all, importedAt: r._max.importedAt }));
}
