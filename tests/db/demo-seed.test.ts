import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/seed/seed-demo.js';
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

  it('seeding again adds only fresh invite codes', async () => {
    const [p, e] = [await t.db.producer.count(), await t.db.salesEntry.count()];
    const invites = await seedDemoData(t.db, now);
    expect(invites).toHaveLength(3);
    expect([await t.db.producer.count(), await t.db.salesEntry.count()]).toEqual([p, e]);
  });
});
