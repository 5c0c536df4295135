// Deregistration: the producer keeps its history, still owes the month it was deregistered in, and drops out of
// the "not yet reported" lists from the month after; reactivation brings it back; both audited, district-scoped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/domain/actor.js';
import { districtMonthOverview, pendingProducers } from '../../src/domain/district-review-queries.js';
import { findDistrictProducers } from '../../src/domain/producers.js';
import { deregisterProducer, reactivateProducer } from '../../src/domain/registry/deregister.js';
import { parseMonthKey } from '../../src/domain/fiscal-period.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeProducer, makeUser } from '../support/people.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('deregistering a producer', () => {
  it('drops it from pending lists and counts from the month after, keeps its entries, and reactivation brings it back', async () => {
    const stays = await makeProducer(t.db, { districtId: 2403, name: 'กลุ่มที่ยังดำเนินการ' });
    const leaves = await makeProducer(t.db, { districtId: 2403, name: 'กลุ่มที่เลิกกิจการ' });
    const { user } = await makeUser(t.db, 'officer-2403', 'DISTRICT_OFFICER', { districtId: 2403 });
    await t.db.salesEntry.create({
      data: {
        producerId: leaves.id, month: new Date('2026-10-01T00:00:00Z'), category: 'FOOD', status: 'SUBMITTED', enteredById: user.id,
        domesticOffline: 500000n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, submittedAt: new Date('2026-11-02T03:00:00Z'),
      },
    });
    const officer = actorOf(user)!;
    const names = (month: string) =>
      t.db.$transaction(async (tx) => (await pendingProducers(tx, officer, 2403, parseMonthKey(month)!)).map((p) => p.name).sort());
    expect(await names('2026-11')).toEqual(['กลุ่มที่ยังดำเนินการ', 'กลุ่มที่เลิกกิจการ']);

    await t.db.$transaction((tx) => deregisterProducer(tx, officer, leaves.id, 'เลิกกิจการ', new Date('2026-11-15T05:00:00Z')));
    expect(await names('2026-11')).toEqual(['กลุ่มที่ยังดำเนินการ', 'กลุ่มที่เลิกกิจการ']);
    expect(await names('2026-12')).toEqual(['กลุ่มที่ยังดำเนินการ']);
    const dec = await t.db.$transaction((tx) => findDistrictProducers(tx, officer, 2403, { kind: 'pending-entry' }, { month: parseMonthKey('2026-12')!, page: 1 }));
    expect(dec.rows.map((r) => r.name)).toEqual(['กลุ่มที่ยังดำเนินการ']);
    const overview = await t.db.$transaction((tx) => districtMonthOverview(tx, officer, 2403, parseMonthKey('2026-12')!));
    expect(overview.producers.active).toBe(1);
    expect(await t.db.salesEntry.count({ where: { producerId: leaves.id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: 'producer.deregister', entityId: String(leaves.id) } })).toBe(1);

    await expect(t.db.$transaction((tx) => deregisterProducer(tx, officer, leaves.id, 'ซ้ำ', new Date()))).rejects.toThrow(/ยกเลิกการลงทะเบียนไปแล้ว/);
    await t.db.$transaction((tx) => reactivateProducer(tx, officer, leaves.id));
    expect(await names('2026-12')).toEqual(['กลุ่มที่ยังดำเนินการ', 'กลุ่มที่เลิกกิจการ']);
    expect(stays.active).toBe(true);
  });

  it('refuses an officer of another district', async () => {
    const p = await makeProducer(t.db, { districtId: 2405 });
    const { user } = await makeUser(t.db, 'officer-2401', 'DISTRICT_OFFICER', { districtId: 2401 });
    await expect(t.db.$transaction((tx) => deregisterProducer(tx, actorOf(user)!, p.id, 'เลิกกิจการ', new Date()))).rejects.toThrow(/อำเภอของคุณ/);
    expect((await t.db.producer.findUniqueOrThrow({ where: { id: p.id } })).active).toBe(true);
  });
});
