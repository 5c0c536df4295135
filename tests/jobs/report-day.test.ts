// The department's report day with a fixed clock: the national summary is pushed to every active department user on
// the day the calendar gives (its close of the month, else the 10th), exactly once however often the job runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidFromKey } from '../../src/bot/outbox.js';
import { verifyReportLink } from '../../src/domain/report-links.js';
import { run } from '../../src/jobs/report-day.js';
import { diskReportStore } from '../../src/reports/store.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { pdfText } from '../reports/pdf-text.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeUser } from '../support/people.js';

let t: TestDatabase;
const log = { info() {}, warn() {}, error() {} };
const store = diskReportStore(mkdtempSync(path.join(tmpdir(), 'otop-report-day-')));
const deps = () => ({ db: t.db, store, secret: 'report-day-secret', publicBaseUrl: 'https://otop.example.org', log });
const bangkok = (day: string, time = '09:30') => new Date(`${day}T${time}:00+07:00`);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, new Date('2026-11-21T03:00:00Z'));
  // August 2569: the department closes the month on 8 September; July keeps the roadmap's 10th
  await t.db.deadlineCalendar.create({ data: {
    month: new Date('2026-08-01'), entryDue: new Date('2026-09-03'), districtConfirmDue: new Date('2026-09-04'),
    provinceConfirmDue: new Date('2026-09-05'), departmentClose: new Date('2026-09-08'),
  } });
}, 120_000);
afterAll(async () => {
  await t?.drop();
});


describe('report-day job', () => {
  it('on the department close day each department user gets one card linking the national summary of the month; runs again and other days push nothing', async () => {
    const a = await makeUser(t.db, 'rd-dept-a', 'DEPARTMENT_ADMIN', {});
    const b = await makeUser(t.db, 'rd-dept-b', 'DEPARTMENT_ADMIN', {});
    const gone = await makeUser(t.db, 'rd-dept-gone', 'DEPARTMENT_ADMIN', {});
    await t.db.user.update({ where: { lineUserId: gone.lineUserId }, data: { active: false } });
    await makeUser(t.db, 'rd-zone', 'ZONE_ADMIN', { zoneId: 1 });
    const before = await t.db.outboundMessage.count();
    const active = await t.db.user.findMany({ where: { role: 'DEPARTMENT_ADMIN', active: true } });
    expect(active.map((u) => u.lineUserId)).toEqual(expect.arrayContaining([a.lineUserId, b.lineUserId]));
    expect(active.map((u) => u.lineUserId)).not.toContain(gone.lineUserId);

    expect(await run(deps(), bangkok('2026-09-07'))).toEqual({ month: null, queued: 0 });
    expect(await run(deps(), bangkok('2026-09-10'))).toEqual({ month: null, queued: 0 }); // August closed on the 8th, not the 10th
    expect(await run(deps(), bangkok('2026-09-08'))).toEqual({ month: '2026-08', queued: active.length });
    expect(await run(deps(), bangkok('2026-09-08', '10:30'))).toEqual({ month: '2026-08', queued: 0 });
    expect(await t.db.outboundMessage.count()).toBe(before + active.length);
    const goneUser = await t.db.user.findUniqueOrThrow({ where: { lineUserId: gone.lineUserId } });
    expect(await t.db.outboundMessage.findUnique({ where: { retryKey: uuidFromKey(`report-day:2026-08:${goneUser.id}`) } })).toBeNull();

    for (const u of active) {
      const row = await t.db.outboundMessage.findUniqueOrThrow({ where: { retryKey: uuidFromKey(`report-day:2026-08:${u.id}`) } });
      expect(row.recipients).toEqual([u.lineUserId]);
      const json = JSON.stringify(row.messages);
      expect(json).toContain('สรุปรายเขตและทั่วประเทศ');
      const uri = /https:\/\/otop\.example\.org\/reports\/([\w-]+\.[\w-]+)/.exec(json)![1]!;
      const link = verifyReportLink('report-day-secret', uri, bangkok('2026-09-08'));
      if (typeof link === 'string') throw new Error(link);
      expect(link.name).toBe('สรุปรายจังหวัด-ทั่วประเทศ-2026-08.pdf');
      const text = pdfText((await store.get(link.key))!).replace(/\s+/g, '');
      expect(text).toContain('ทั่วประเทศ');
      expect(text).toContain('ประจำเดือนสิงหาคม2569');
      expect(text).toContain('รวมทั้งหมด');
    }
  });

  it('without a department close the 10th of the following month is the report day, and a user added later that day still gets it once', async () => {
    const active = await t.db.user.count({ where: { role: 'DEPARTMENT_ADMIN', active: true } });
    expect(await run(deps(), bangkok('2026-08-10', '08:30'))).toEqual({ month: '2026-07', queued: active });
    await makeUser(t.db, 'rd-dept-late', 'DEPARTMENT_ADMIN', {});
    expect(await run(deps(), bangkok('2026-08-10', '15:30'))).toEqual({ month: '2026-07', queued: 1 });
    expect(await run(deps(), bangkok('2026-08-10', '16:30'))).toEqual({ month: '2026-07', queued: 0 });
  });
});
