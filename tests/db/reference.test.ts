import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDistricts, loadProvinces } from '../../src/seed/reference-data.js';
import { seedReferenceData } from '../../src/seed/seed-db.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('reference data in the database', () => {
  it('holds 18 zones, 76 provinces and all 878 districts', async () => {
    expect(await t.db.zone.count()).toBe(18);
    expect(await t.db.province.count()).toBe(76);
    expect(await t.db.district.count()).toBe(878);
  });

  it('every province has exactly the districts of the reference file', async () => {
    const expected = new Map<number, number>();
    for (const d of loadDistricts()) expected.set(d.provinceCode, (expected.get(d.provinceCode) ?? 0) + 1);
    const rows = await t.db.district.groupBy({ by: ['provinceId'], _count: { _all: true } });
    const actual = new Map(rows.map((r) => [r.provinceId, r._count._all]));
    for (const p of loadProvinces()) expect([p.nameTh, actual.get(p.code) ?? 0]).toEqual([p.nameTh, expected.get(p.code)]);
    expect(actual.get(24)).toBe(11); // ฉะเชิงเทรา
  });

  it('holds the fy2561 province targets and the fy2566 ฉะเชิงเทรา district targets with their levels', async () => {
    const t2561 = await t.db.target.findMany({ where: { fiscalYear: 2561 }, include: { levels: true } });
    expect(t2561).toHaveLength(76);
    expect(t2561.every((x) => x.levels.length === 5 && x.levels.every((l) => l.growthBasisPoints !== null))).toBe(true);
    const t2566 = await t.db.target.findMany({ where: { fiscalYear: 2566 }, include: { levels: true } });
    expect(t2566).toHaveLength(33);
    const muang = t2566.find((x) => x.districtId === 2401 && x.round === 'FULL_YEAR')!;
    expect([...muang.levels].sort((a, b) => a.level - b.level).map((l) => l.threshold)).toEqual([21197448700n, 24638504700n, 28079560800n]);
  });

  it('seeding again changes nothing', async () => {
    const before = await t.db.target.count();
    expect(await seedReferenceData(t.db)).toEqual({ seeded: false });
    expect(await t.db.target.count()).toBe(before);
  });
});
