// Storing a parsed target table in one transaction: each (fiscal year, round, kind, unit) is replaced whole —
// the old target and its levels deleted, the new one created — with an audit row holding before and after.
// Historical sales printed in the table are upserted. The caller parses first (table.ts): nothing partial is written.
import type { Tx } from '../../db/client.js';
import { audit } from '../audit.js';
import { unitsForImport } from './queries.js';
import type { ParsedTarget } from './table.js';
import type { UnitRef } from './unit-match.js';

export interface ImportSummary {
  created: number;
  replaced: number;
}

const unitWhere = (u: UnitRef) => (u.kind === 'district' ? { districtId: u.code, provinceId: null } : { provinceId: u.code, districtId: null });

/** Replaces the targets of `fiscalYear` named in `targets`; `actorId` null for the command line. */
export async function saveTargets(
  tx: Tx,
  input: { fiscalYear: number; source: string; actorId: number | null; now: Date; targets: readonly ParsedTarget[] },
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, replaced: 0 };
  for (const t of input.targets) {
    const where = { fiscalYear: input.fiscalYear, round: t.round, kind: t.kind, ...unitWhere(t.unit) };
    const before = await tx.target.findFirst({ where, include: { levels: { orderBy: { level: 'asc' } } } });
    if (before) await tx.target.delete({ where: { id: before.id } });
    const after = await tx.target.create({
      data: {
        ...where,
        baseline: t.baseline,
        baselineFiscalYear: t.baselineFiscalYear,
        floorScore: t.floorScore,
        floorLabel: t.floorLabel,
        source: input.source,
        importedById: input.actorId,
        importedAt: input.now,
        levels: { create: t.levels.map((l) => ({ level: l.level, label: l.label, score: l.score, threshold: l.threshold, growthBasisPoints: l.growthBasisPoints })) },
      },
      include: { levels: { orderBy: { level: 'asc' } } },
    });
    for (const h of t.kind === 'SALES' ? t.history : []) {
      const hWhere = { fiscalYear: h.fiscalYear, round: t.round, ...unitWhere(t.unit) };
      const existing = await tx.historicalSales.findFirst({ where: hWhere });
      if (existing) await tx.historicalSales.update({ where: { id: existing.id }, data: { amount: h.amount, source: input.source } });
      else await tx.historicalSales.create({ data: { ...hWhere, amount: h.amount, source: input.source } });
    }
    await audit(tx, { actorId: input.actorId, action: before ? 'target.replace' : 'target.import', entityType: 'Target', entityId: after.id, before: before ?? undefined, after });
    if (before) summary.replaced++;
    else summary.created++;
  }
  return summary;
}

export { unitsForImport };
