import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { createTestDatabase } from '../support/db.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe(`migrations on ${inject('pgKind')}`, () => {
  it('apply to an empty database, record themselves as Prisma does, and are not applied twice', async () => {
    const t = await createTestDatabase({ template: false });
    try {
      const first = await migrate(t.url);
      expect(first).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(t.url)).toEqual([]);
      const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        t.url,
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(recorded.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
      expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
      const tables = await query<{ table_name: string }>(t.url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['Zone', 'Province', 'District', 'Producer', 'SalesEntry', 'ExportDetail', 'Target', 'TargetLevel', 'MonthlyEstimate', 'DeadlineCalendar', 'User', 'Invite', 'Conversation', 'WebhookEvent', 'OutboundMessage', 'AuditLog']),
      );
    } finally {
      await t.drop();
    }
  });

  it('two processes starting at once apply each migration once', async () => {
    const t = await createTestDatabase({ template: false });
    try {
      const [a, b] = await Promise.all([migrate(t.url), migrate(t.url)]);
      expect([...a, ...b].sort()).toEqual(readMigrations().map((m) => m.name));
    } finally {
      await t.drop();
    }
  });

  it('the database refuses what the schema cannot state: negative amounts, a month not on its first day', async () => {
    const t = await createTestDatabase();
    try {
      const d = await t.db.district.findFirstOrThrow();
      const user = await t.db.user.create({ data: { lineUserId: 'Uconstraint' } });
      const producer = await t.db.producer.create({ data: { registrationCode: 'X-1', name: 'กลุ่มทดสอบ', type: 'SME', categories: ['FOOD'], districtId: d.id, tambon: 'ทดสอบ' } });
      const base = { producerId: producer.id, category: 'FOOD' as const, domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id };
      await expect(t.db.salesEntry.create({ data: { ...base, month: new Date('2024-01-01'), domesticOffline: -1n } })).rejects.toThrow();
      await expect(t.db.salesEntry.create({ data: { ...base, month: new Date('2024-01-15') } })).rejects.toThrow();
      await expect(t.db.salesEntry.create({ data: { ...base, month: new Date('2024-01-01') } })).resolves.toBeTruthy();
    } finally {
      await t.drop();
    }
  });
});
