// Target-progress reminders through the real app and the LINE fake, with fixed clocks: after ฉะเชิงเทรา confirms
// October each officer gets one standing card of their own scope, a unit without a target gets none, a second run
// sends nothing, quiet hours hold the card for the morning, and on the progress day everyone gets their scope.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTargetFile } from '../../src/cli/targets/import-file.js';
import { run, type ReminderDeps } from '../../src/jobs/reminders.js';
import { planProgress } from '../../src/domain/reminders/target-progress.js';
import { buildTargetSnapshot } from '../../src/domain/reminders/target-snapshot.js';
import type { MonthKey } from '../../src/domain/fiscal-period.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { sent } from '../support/screen.js';
import { addEntries, lockedMonth } from '../province/helpers.js';
import { actorOf } from '../../src/domain/actor.js';
import { confirmDistrictByProvince } from '../../src/domain/province-review.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 10:00 Bangkok; ฉะเชิงเทรา confirmed October the day before
const log = { info() {}, warn() {}, error() {} };
let bot: TestBot;
let deps: ReminderDeps;
const u: Record<string, string> = {};
const dir = mkdtempSync(path.join(os.tmpdir(), 'progress-reminders-'));

function csv(name: string, body: string): string {
  writeFileSync(path.join(dir, name), body);
  return path.join(dir, name);
}

/** The standing cards (altText + drawn texts) the user got, oldest first. */
function targetCards(user: string): string[] {
  return sent(bot, user)
    .filter((m) => m.type === 'flex' && /^เป้าหมาย /.test(m.altText ?? ''))
    .map((m) => [m.altText, JSON.stringify(m.contents)].join('\n'));
}
const pushes = () => bot.fake.requests.filter((r) => (r.endpoint === 'push' || r.endpoint === 'multicast') && r.status === 200).length;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  deps = { db, bulk: bot.services.bulk, log, settings: { retryBaseMs: 5 } };
  const zoneId = (await db.province.findUniqueOrThrow({ where: { id: 24 } })).zoneId;
  const muang = await makeUser(db, 'pr-amphoe-2401', 'DISTRICT_OFFICER', { districtId: 2401 });
  u.muang = muang.lineUserId;
  u.thaTakiap = (await makeUser(db, 'pr-amphoe-2410', 'DISTRICT_OFFICER', { districtId: 2410 })).lineUserId;
  u.prov = (await makeUser(db, 'pr-prov-24', 'PROVINCE_OFFICER', { provinceId: 24 })).lineUserId;
  u.zone = (await makeUser(db, 'pr-zone', 'ZONE_ADMIN', { zoneId })).lineUserId;
  u.dept = (await makeUser(db, 'pr-dept', 'DEPARTMENT_ADMIN', {})).lineUserId;
  // ชลบุรี (20) confirms October too but has no target at all.
  u.provNoTarget = (await makeUser(db, 'pr-prov-20', 'PROVINCE_OFFICER', { provinceId: 20 })).lineUserId;
  u.chonburiDistrict = (await makeUser(db, 'pr-amphoe-2001', 'DISTRICT_OFFICER', { districtId: 2001 })).lineUserId;
  await lockedMonth(db, { districtId: 2401, by: muang.user.id, n: 2 }); // 2 × 100,000 confirmed by the province
  await lockedMonth(db, { districtId: 2001, by: muang.user.id, n: 1 });
  const now = clock.now();
  const d = await importTargetFile(db, {
    file: csv('districts.csv', 'ที่,อำเภอ,ขั้นต้น,ขั้นมาตรฐาน,ขั้นสูง\n1,อ.เมืองฉะเชิงเทรา,"1,000,000","2,000,000","3,000,000"\n'),
    fiscalYear: 2570, round: 'ROUND_1', province: 'ฉะเชิงเทรา', now,
  });
  const p = await importTargetFile(db, { file: csv('province.csv', 'no,province,target_basic,target_standard,target_advanced\n1,ฉะเชิงเทรา,1500000,2500000,4000000\n'), fiscalYear: 2570, round: 'ROUND_1', now });
  expect([d.ok, p.ok]).toEqual([true, true]);
});
afterAll(async () => {
  await bot?.close();
});

describe('target-progress reminders', () => {
  it('the planner plans nothing for a confirmation older than three days, nor off the progress day', async () => {
    const snap = await buildTargetSnapshot(bot.services.db, '2026-10' as MonthKey);
    expect(snap.provinces.find((p) => p.provinceId === 24)?.confirmedAt).not.toBeNull();
    expect(planProgress(snap, new Date('2026-11-05T03:00:00Z'))).toEqual([]);
    expect(planProgress(snap, new Date('2026-11-02T03:00:00Z')).map((p) => p.step)).toContain('confirmed');
  });

  it('in quiet hours the cards are planned but nothing is pushed until 08:00', async () => {
    const r = await run(deps, new Date('2026-11-01T14:00:00Z')); // 21:00 Bangkok, after the confirmation at 15:00
    expect(r.sent ?? 0).toBe(0);
    const rows = await bot.services.db.reminder.findMany({ where: { kind: 'target-progress' } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.notBefore.toISOString()).toBe('2026-11-02T01:00:00.000Z');
    expect(targetCards(u.muang!)).toEqual([]);
  });

  it('after ฉะเชิงเทรา confirms October each officer gets one card of their own scope; a unit without a target gets none', async () => {
    const r = await run(deps, clock.now());
    expect(r.quotaExhausted).toBe(false);
    const muang = targetCards(u.muang!);
    expect(muang).toHaveLength(1);
    expect(muang[0]).toContain('เป้าหมาย อำเภอเมืองฉะเชิงเทรา รอบที่ 1 (ต.ค.–มี.ค.): ยังไม่ถึงค่าคะแนนระดับ 1 ยืนยันแล้ว 200,000 บาท');
    expect(muang[0]).toContain('จังหวัดฉะเชิงเทรายืนยันยอดเดือนตุลาคม 2569แล้ว');
    expect(muang[0]).toMatch(/"ขาดอีกถึงขั้นต้น".*"800,000 บาท"/);
    const prov = targetCards(u.prov!);
    expect(prov).toHaveLength(1);
    expect(prov[0]).toContain('เป้าหมาย จังหวัดฉะเชิงเทรา รอบที่ 1 (ต.ค.–มี.ค.): ยังไม่ถึงค่าคะแนนระดับ 1 ยืนยันแล้ว 200,000 บาท');
    expect(prov[0]).toContain('อำเภอเรียงตามระดับ');
    for (const above of [u.zone!, u.dept!]) {
      const cards = targetCards(above);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('เป้าหมาย จังหวัดฉะเชิงเทรา');
      expect(cards[0]).toContain('นับเฉพาะยอดที่จังหวัดยืนยันแล้ว');
    }
    expect(targetCards(u.thaTakiap!)).toEqual([]); // ท่าตะเกียบ has no target
    expect(targetCards(u.provNoTarget!)).toEqual([]); // ชลบุรี confirmed but has no target
    expect(targetCards(u.chonburiDistrict!)).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('sent once even if the job runs twice', async () => {
    const before = pushes();
    const again = await run(deps, new Date(clock.now().getTime() + 600_000));
    expect(again.sent).toBe(0);
    expect(pushes()).toBe(before);
    for (const user of [u.muang!, u.prov!, u.zone!, u.dept!]) expect(targetCards(user)).toHaveLength(1);
    const rows = await bot.services.db.reminder.findMany({ where: { kind: 'target-progress' } });
    expect(rows.every((x) => x.status === 'SENT')).toBe(true);
  });

  it('on the progress day (15th) each officer gets the standing of their scope once; the zone its provinces ranked', async () => {
    const day = new Date('2026-11-15T03:00:00Z');
    await run(deps, day);
    await run(deps, new Date(day.getTime() + 600_000));
    const muang = targetCards(u.muang!);
    expect(muang).toHaveLength(2);
    expect(muang[1]).toContain('สรุปประจำเดือน ยอดที่ยืนยันแล้วถึงเดือนตุลาคม 2569');
    expect(targetCards(u.prov!)).toHaveLength(2);
    const zone = targetCards(u.zone!);
    expect(zone).toHaveLength(2);
    expect(zone[1]).toMatch(/เป้าหมาย เขต \S+: จังหวัดที่มีเป้าหมาย 1 จาก \d+ จังหวัด/);
    expect(zone[1]).toContain('1. ฉะเชิงเทรา');
    const dept = targetCards(u.dept!);
    expect(dept).toHaveLength(2);
    expect(dept[1]).toMatch(/เป้าหมาย ทั้งประเทศ: จังหวัดที่มีเป้าหมาย 1 จาก \d+ จังหวัด/);
    expect(targetCards(u.thaTakiap!)).toEqual([]);
    expect(targetCards(u.provNoTarget!)).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the province officer confirms November through the domain service: one card to each, the job run twice', async () => {
    const db = bot.services.db;
    const officer = await db.user.findUniqueOrThrow({ where: { lineUserId: u.prov! } });
    await addEntries(db, { districtId: 2401, statuses: ['DISTRICT_CONFIRMED'], by: officer.id, month: '2026-11' });
    const at = new Date('2026-12-06T03:00:00Z');
    await db.$transaction((tx) => confirmDistrictByProvince(tx, actorOf(officer)!, 2401, '2026-11' as MonthKey, undefined, at));
    const before = targetCards(u.muang!).length;
    await run(deps, new Date(at.getTime() + 600_000));
    await run(deps, new Date(at.getTime() + 1_200_000));
    const muang = targetCards(u.muang!).slice(before);
    expect(muang).toHaveLength(1);
    expect(muang[0]).toContain('จังหวัดฉะเชิงเทรายืนยันยอดเดือนพฤศจิกายน 2569แล้ว');
    expect(muang[0]).toMatch(/"ยอดที่ยืนยันแล้ว \(2 จาก 6 เดือน\)".*"300,000 บาท"/);
    expect(targetCards(u.thaTakiap!)).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
