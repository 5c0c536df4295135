// A producer submitting while the province confirms the same district-month: the two never interleave, so a
// locked month never holds an unconfirmed entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { RuleError } from '../../src/domain/errors.js';
import type { MonthKey } from '../../src/domain/fiscal-period.js';
import { confirmDistrictByProvince } from '../../src/domain/province-review.js';
import { submitEntry } from '../../src/domain/sales.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeProducer, makeUser } from '../support/people.js';

let t: TestDatabase;
let producer: Actor;
let province: Actor;
let producerId: number;
const month = '2026-10' as MonthKey;
const now = new Date('2026-11-02T03:00:00Z');
const actor = (u: { id: number; role: Actor['role'] | null; producerId: number | null; districtId: number | null; provinceId: number | null; zoneId: number | null }): Actor =>
  ({ userId: u.id, role: u.role!, producerId: u.producerId, districtId: u.districtId, provinceId: u.provinceId, zoneId: u.zoneId });

beforeAll(async () => {
  t = await createTestDatabase();
  const officer = await makeUser(t.db, 'race-officer', 'DISTRICT_OFFICER', { districtId: 2401 });
  const confirmed = await makeProducer(t.db, { districtId: 2401 });
  await t.db.salesEntry.create({
    data: { producerId: confirmed.id, month: new Date('2026-10-01'), category: 'FOOD', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, status: 'DISTRICT_CONFIRMED', enteredById: officer.user.id },
  });
  // the district-month row exists already (e.g. an earlier send-back), so only a lock on it can serialise
  await t.db.districtMonth.create({ data: { districtId: 2401, month: new Date('2026-10-01') } });
  const p = await makeProducer(t.db, { districtId: 2401 });
  producerId = p.id;
  producer = actor((await makeUser(t.db, 'race-producer', 'PRODUCER', { producerId: p.id })).user);
  province = actor((await makeUser(t.db, 'race-province', 'PROVINCE_OFFICER', { provinceId: 24 })).user);
});
afterAll(async () => {
  await t?.drop();
});

describe(`submit vs province confirmation on ${inject('pgKind')}`, () => {
  it('a province confirmation waits for a submit in progress and then refuses, because the new entry is unconfirmed', async () => {
    let releaseSubmit!: () => void;
    const submitHeld = new Promise<void>((r) => (releaseSubmit = r));
    let submitted!: () => void;
    const submitDone = new Promise<void>((r) => (submitted = r));
    const submit = t.db.$transaction(async (tx) => {
      await submitEntry(tx, producer, {
        producerId, month, category: 'FOOD', exports: [], expectedRevision: null,
        amounts: { domesticOffline: 5_000_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n },
      }, now);
      submitted();
      await submitHeld; // the submit's transaction stays open
    }, { timeout: 20_000 });
    await submitDone;
    let confirmFinished = false;
    const confirm = t.db
      .$transaction((tx) => confirmDistrictByProvince(tx, province, 2401, month, undefined, now), { timeout: 20_000 })
      .finally(() => (confirmFinished = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(confirmFinished).toBe(false); // blocked on the district-month row
    releaseSubmit();
    await submit;
    const err = await confirm.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).code).toBe('district-not-done');
    const dm = await t.db.districtMonth.findUniqueOrThrow({ where: { districtId_month: { districtId: 2401, month: new Date('2026-10-01') } } });
    expect(dm.provinceConfirmedAt).toBeNull();
  });
});
