// The planner with fixed clocks: on each due date of November 2569 the plan matches who is pending and nobody else.
import { describe, expect, it } from 'vitest';
import { plan, sendableAt } from '../../src/domain/reminders/plan.js';
import type { MonthSnapshot, Person } from '../../src/domain/reminders/types.js';
import type { Deadlines } from '../../src/domain/deadlines.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';

const person = (userId: number, optedOut = false): Person => ({ userId, lineUserId: `U${String(userId).padStart(32, '0')}`, optedOut });
const dept: Deadlines = { entryDue: '2026-12-05' as DayKey, districtConfirmDue: '2026-12-06' as DayKey, provinceConfirmDue: '2026-12-08' as DayKey, departmentClose: '2026-12-10' as DayKey };
const early: Deadlines = { ...dept, entryDue: '2026-12-03' as DayKey }; // province 24 asks its producers earlier
const calendar = (p: number) => (p === 24 ? early : dept);

const snapshot: MonthSnapshot = {
  month: '2026-11' as MonthKey,
  producers: [
    { producerId: 1, provinceId: 24, missing: 1, users: [person(101)] }, // owes, early province
    { producerId: 2, provinceId: 50, missing: 2, users: [person(102)] }, // owes
    { producerId: 3, provinceId: 50, missing: 0, users: [person(103)] }, // reported everything
    { producerId: 4, provinceId: 50, missing: 1, users: [person(104, true)] }, // owes but opted out
  ],
  districts: [
    { districtId: 2401, provinceId: 24, name: 'เมืองฉะเชิงเทรา', missing: [{ producerId: 1, name: 'กลุ่ม ก' }], missingCount: 1, awaiting: 0, officers: [person(201)] },
    { districtId: 5001, provinceId: 50, name: 'เมืองเชียงใหม่', missing: [], missingCount: 0, awaiting: 3, officers: [person(202, true)] }, // opt-out ignored for duty
    { districtId: 5002, provinceId: 50, name: 'จอมทอง', missing: [], missingCount: 0, awaiting: 0, officers: [person(203)] }, // owes nothing
  ],
  provinces: [
    { provinceId: 24, zoneId: 3, name: 'ฉะเชิงเทรา', districtsPending: [], awaitingProvince: 0, officers: [person(301)] },
    { provinceId: 50, zoneId: 9, name: 'เชียงใหม่', districtsPending: ['เมืองเชียงใหม่'], awaitingProvince: 2, officers: [person(302)] },
  ],
  zones: [{ zoneId: 3, officers: [person(401)] }, { zoneId: 9, officers: [person(402)] }],
  department: { officers: [person(501)], provinces: 2, provincesConfirmed: 1, entries: 40 },
};

const who = (at: string) => plan(snapshot, calendar, new Date(at)).map((r) => `${r.userId}:${r.kind}:${r.step}`).sort();

describe('plan', () => {
  it.each([
    ['2026-11-29T09:00:00+07:00', []], // before any window
    ['2026-11-30T09:00:00+07:00', ['101:producer-entry:before', '201:district-missing:before']], // 3 days before 3 Dec
    ['2026-12-02T09:00:00+07:00', ['101:producer-entry:before', '102:producer-entry:before', '201:district-missing:before']],
    ['2026-12-03T09:00:00+07:00', ['101:producer-entry:due', '102:producer-entry:before', '201:district-missing:due']],
    ['2026-12-05T09:00:00+07:00', ['102:producer-entry:due']], // 24's due passed: no more nagging producers; confirming starts after entry closes
    ['2026-12-06T09:00:00+07:00', ['202:district-confirm:due']],
    ['2026-12-07T09:00:00+07:00', ['302:province-confirm:before', '302:province-overdue:overdue']],
    ['2026-12-08T09:00:00+07:00', ['302:province-confirm:due', '302:province-overdue:overdue']],
    ['2026-12-09T09:00:00+07:00', ['402:zone-overdue:overdue']],
    ['2026-12-10T09:00:00+07:00', ['402:zone-overdue:overdue', '501:department-close:close']],
  ])('at %s', (at, expected) => {
    expect(who(at)).toEqual([...expected].sort());
  });

  it('escalations come before officers, officers before producers', () => {
    const kinds = plan(snapshot, calendar, new Date('2026-12-03T09:00:00+07:00')).map((r) => r.kind);
    expect(kinds.indexOf('district-missing')).toBeLessThan(kinds.indexOf('producer-entry'));
  });

  it('in quiet hours the reminder waits for 08:00 Bangkok; the quiet hours are configurable', () => {
    const night = plan(snapshot, calendar, new Date('2026-12-02T21:30:00+07:00'));
    expect(night.length).toBeGreaterThan(0);
    for (const r of night) expect(r.notBefore.toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(sendableAt(new Date('2026-12-03T06:00:00+07:00'), { quietStart: 20, quietEnd: 8 }).toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(sendableAt(new Date('2026-12-03T09:00:00+07:00'), { quietStart: 20, quietEnd: 8 }).toISOString()).toBe('2026-12-03T02:00:00.000Z');
    const late = new Date('2026-12-02T21:30:00+07:00');
    expect(sendableAt(late, { quietStart: 22, quietEnd: 7 })).toEqual(late);
  });

  it('N days before is configurable', () => {
    const r = plan(snapshot, calendar, new Date('2026-12-01T09:00:00+07:00'), { daysBefore: 1 });
    expect(r.map((x) => x.userId)).toEqual([]);
  });
});
