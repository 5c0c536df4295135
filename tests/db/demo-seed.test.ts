import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { demoProducers } from '../../src/seed/demo-data.js';
import { DEMO_USERS, demoLineUserId } from '../../src/seed/demo-users.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
const now = new Date('2026-11-21T03:00:00Z');
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('demo data', () => {
  it('puts producers in all 11 districts of ฉะเชิงเทรา, 13 confirmed months before October 2569, a user per role and invite codes', async () => {
    const invites = await seedDemoData(t.db, now);
    expect(invites).toHaveLength(3);
    const districts = await t.db.producer.groupBy({ by: ['districtId'], _count: { _all: true } });
    expect(districts.map((d) => d.districtId).sort()).toEqual([2401, 2402, 2403, 2404, 2405, 2406, 2407, 2408, 2409, 2410, 2411]);
    const months = await t.db.salesEntry.groupBy({ by: ['month'], _count: { _all: true } });
    expect(months.map((m) => m.month.toISOString().slice(0, 7)).sort()).toEqual([
      '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
    ]);
    expect(await t.db.salesEntry.count({ where: { status: { not: 'PROVINCE_CONFIRMED' } } })).toBe(0);
    for (const name of Object.keys(DEMO_USERS)) {
      const u = await t.db.user.findUniqueOrThrow({ where: { lineUserId: demoLineUserId(name) } });
      expect(u.role).toBe(DEMO_USERS[name as keyof typeof DEMO_USERS].role);
    }
  });

  it('has village-sized producers: a typical producer sells tens to hundreds of thousands of baht a month', async () => {
    const rows = await t.db.$queryRaw<{ total: bigint }[]>`
      SELECT SUM("domesticOffline" + "domesticOnline" + "exportOffline" + "exportOnline")::bigint AS total
      FROM "SalesEntry" GROUP BY "producerId", "month" ORDER BY total`;
    const median = rows[Math.floor(rows.length / 2)]!.total;
    expect(median).toBeGreaterThan(10_000_00n);
    expect(median).toBeLessThan(1_000_000_00n);
  });

  it('seeding again (every start) mints no new codes: the still-valid ones again, none for a scope already bound', async () => {
    const [p, e, i] = [await t.db.producer.count(), await t.db.salesEntry.count(), await t.db.invite.count()];
    const first = await t.db.invite.findMany({ where: { createdById: null }, orderBy: { id: 'asc' } });
    const invites = await seedDemoData(t.db, now);
    expect(invites.map((x) => x.code).sort()).toEqual(first.map((x) => x.code).sort());
    expect([await t.db.producer.count(), await t.db.salesEntry.count(), await t.db.invite.count()]).toEqual([p, e, i]);

    // someone redeemed the district officer's code: that scope gets no code any more
    const district = first.find((x) => x.role === 'DISTRICT_OFFICER')!;
    const somchai = await t.db.user.create({ data: { lineUserId: demoLineUserId('somchai'), role: 'DISTRICT_OFFICER', districtId: district.districtId } });
    await t.db.invite.update({ where: { id: district.id }, data: { usedAt: now, usedById: somchai.id } });
    const again = await seedDemoData(t.db, now);
    expect(again.map((x) => x.code)).not.toContain(district.code);
    expect(again).toHaveLength(2);
    expect(await t.db.invite.count()).toBe(i);
  });
});

describe('demo databases made before issued codes had one format', () => {
  it('keep their demo producers: "24-DD-NNNN" codes become <district>-C-<n>, nothing is registered twice', async () => {
    const old = await createTestDatabase();
    try {
      const all = demoProducers();
      const first = all[0];
      await old.db.producer.createMany({
        data: all.map((p) => ({ registrationCode: p.legacyCode, name: p.name, type: p.type, categories: p.categories, districtId: p.districtCode, tambon: p.tambon })),
      });
      await seedDemoData(old.db, now);
      expect(await old.db.producer.findMany({ where: { name: first!.name }, select: { registrationCode: true } })).toEqual([{ registrationCode: first!.registrationCode }]);
      expect(first!.registrationCode).toBe(`${first!.districtCode}-C-1`);
      expect(await old.db.producer.count({ where: { registrationCode: { contains: '-C-' } } })).toBe(demoProducers().length);
    } finally {
      await old.drop();
    }
  });
});
