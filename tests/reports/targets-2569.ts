// Targets for the demo fiscal year (2569), which the reference data does not have: the ฉะเชิงเทรา district targets
// of fiscal 2566 (both rounds and the full year) and the fiscal-2561 province targets, copied to 2569, so the score
// report and the national summary have levels to reach on the demo data. The demo's sales are village-sized, so
// district thresholds are divided by 150 and province ones (and baselines) by 1,000, to whole baht.
import type { Db } from '../../src/db/client.js';

export async function copyTargetsTo2569(db: Db): Promise<void> {
  const sources = await db.target.findMany({
    where: { OR: [{ fiscalYear: 2566, district: { provinceId: 24 } }, { fiscalYear: 2561, provinceId: { not: null } }] },
    include: { levels: true },
  });
  const down = (v: bigint | null, k: bigint) => (v === null ? null : (v / 100n / k) * 100n);
  for (const t of sources) {
    const k = t.districtId !== null ? 150n : 1000n;
    await db.target.create({
      data: {
        fiscalYear: 2569, round: t.round, provinceId: t.provinceId, districtId: t.districtId, kind: t.kind,
        baseline: down(t.baseline, k), baselineFiscalYear: t.baselineFiscalYear === null ? null : 2568, floorScore: t.floorScore,
        floorLabel: t.floorLabel, source: 'test: copied to 2569',
        levels: { create: t.levels.map((l) => ({ level: l.level, label: l.label, threshold: down(l.threshold, k), growthBasisPoints: l.growthBasisPoints, score: l.score })) },
      },
    });
  }
}
