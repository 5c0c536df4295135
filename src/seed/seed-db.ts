// Loads the reference data (zones, 76 provinces, all their districts, the targets printed in the department's
// letters) into the database. Idempotent: does nothing when the hierarchy is already complete.
import type { Db } from '../db/client.js';
import { DEFAULT_THREE_TIER_SCORES, THREE_TIERS } from '../domain/targets/scoring.js';
import {
  FY2561_TARGET_SOURCE,
  FY2566_CHACHOENGSAO_TARGET_SOURCE,
  loadDistricts,
  loadFy2561ProvinceTargets,
  loadFy2566ChachoengsaoDistrictTargets,
  loadProvinces,
  loadZones,
} from './reference-data.js';

export async function seedReferenceData(db: Db): Promise<{ seeded: boolean }> {
  const provinces = loadProvinces();
  const districts = loadDistricts();
  const [pCount, dCount] = await Promise.all([db.province.count(), db.district.count()]);
  if (pCount === provinces.length && dCount === districts.length) return { seeded: false };

  await db.$transaction(
    async (tx) => {
      await tx.zone.createMany({ data: loadZones(), skipDuplicates: true });
      await tx.province.createMany({
        data: provinces.map((p) => ({ id: p.code, nameTh: p.nameTh, nameEn: p.nameEn, zoneId: p.zoneId })),
        skipDuplicates: true,
      });
      await tx.district.createMany({
        data: districts.map((d) => ({ id: d.code, provinceId: d.provinceCode, nameTh: d.nameTh, nameEn: d.nameEn })),
        skipDuplicates: true,
      });

      for (const t of loadFy2561ProvinceTargets()) {
        const exists = await tx.target.findFirst({ where: { fiscalYear: t.fiscalYear, round: 'FULL_YEAR', kind: 'SALES', provinceId: t.provinceCode } });
        if (exists) continue;
        await tx.target.create({
          data: {
            fiscalYear: t.fiscalYear,
            round: 'FULL_YEAR',
            provinceId: t.provinceCode,
            baseline: t.baselineSatang,
            baselineFiscalYear: t.baselineFiscalYear,
            source: FY2561_TARGET_SOURCE,
            levels: {
              create: t.levels.map((l) => ({ level: l.level, label: l.label, growthBasisPoints: l.growthBasisPoints ?? null, threshold: l.growthBasisPoints === undefined ? l.thresholdSatang : null })),
            },
          },
        });
        await tx.historicalSales.createMany({
          data: [{ fiscalYear: t.baselineFiscalYear, round: 'FULL_YEAR', provinceId: t.provinceCode, amount: t.baselineSatang, source: FY2561_TARGET_SOURCE }],
          skipDuplicates: true,
        });
      }

      for (const t of loadFy2566ChachoengsaoDistrictTargets()) {
        const exists = await tx.target.findFirst({ where: { fiscalYear: t.fiscalYear, round: t.round, kind: 'SALES', districtId: t.districtCode } });
        if (exists) continue;
        const last = t.historicalSales[t.historicalSales.length - 1]!;
        await tx.target.create({
          data: {
            fiscalYear: t.fiscalYear,
            round: t.round,
            districtId: t.districtCode,
            baseline: last.amountSatang,
            baselineFiscalYear: last.fiscalYear,
            source: FY2566_CHACHOENGSAO_TARGET_SOURCE,
            levels: { create: t.levels.map((l) => ({ level: l.level, label: l.label, threshold: l.thresholdSatang, score: DEFAULT_THREE_TIER_SCORES[THREE_TIERS[l.level - 1]!] })) },
          },
        });
        await tx.historicalSales.createMany({
          data: t.historicalSales.map((h) => ({
            fiscalYear: h.fiscalYear,
            round: t.round,
            districtId: t.districtCode,
            amount: h.amountSatang,
            source: FY2566_CHACHOENGSAO_TARGET_SOURCE,
          })),
          skipDuplicates: true,
        });
      }
    },
    { timeout: 120_000 },
  );
  return { seeded: true };
}
