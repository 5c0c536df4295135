import { describe, expect, it } from 'vitest';
import { checkChange, checkDates, type Deadlines } from '../../src/domain/deadlines.js';
import { dateFacts } from '../../src/domain/deadline-impact.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';

const d = (entry: string, district: string, province: string, close: string | null = null): Deadlines => ({
  entryDue: `2026-12-${entry}` as DayKey,
  districtConfirmDue: `2026-12-${district}` as DayKey,
  provinceConfirmDue: `2026-12-${province}` as DayKey,
  departmentClose: close ? (`2026-12-${close}` as DayKey) : null,
});
const DEPT = d('05', '06', '08', '10');

describe('calendar rules (pure)', () => {
  it.each<[string, Deadlines, Deadlines | null, string | null]>([
    ['department dates in order', d('05', '06', '08', '10'), null, null],
    ['equal dates are in order', d('05', '05', '05', '05'), null, null],
    ['entry after district confirm', d('07', '06', '08'), null, 'ตอนนี้ "ส่งยอดขาย (ผู้ผลิต/อำเภอบันทึก)" 7 ธันวาคม 2569 อยู่หลัง "อำเภอยืนยัน (รต.2)" 6 ธันวาคม 2569'],
    ['close before province confirm', d('05', '06', '08', '07'), null, 'อยู่หลัง "กรมฯ ปิดรับข้อมูลเดือนนี้" 7 ธันวาคม 2569'],
    ['a province earlier than the department', d('03', '04', '06', '10'), DEPT, null],
    ['a province on the department\u2019s dates', DEPT, DEPT, null],
    ['a province later than the department', d('05', '07', '08', '10'), DEPT, 'จังหวัดกำหนด "อำเภอยืนยัน (รต.2)" ได้ไม่เกินวันที่กรมฯ กำหนด (6 ธันวาคม 2569)'],
  ])('%s', (_name, next, dept, refusal) => {
    if (refusal === null) expect(() => checkDates(next, dept)).not.toThrow();
    else expect(() => checkDates(next, dept)).toThrow(refusal);
  });

  it('a change stays within the sales month and the next; September may be due in September', () => {
    const sep = '2026-09' as MonthKey;
    expect(() => checkChange({ month: sep, provinceId: null, days: { entryDue: '2026-09-27' as DayKey } })).not.toThrow();
    expect(() => checkChange({ month: sep, provinceId: null, days: { entryDue: '2026-08-31' as DayKey } })).toThrow('ระหว่างต้นเดือนกันยายน 2569 ถึงสิ้นเดือนตุลาคม 2569');
    expect(() => checkChange({ month: sep, provinceId: null, days: { entryDue: '2026-11-01' as DayKey } })).toThrow('ระหว่างต้นเดือน');
    expect(() => checkChange({ month: sep, provinceId: 24, days: { departmentClose: '2026-10-10' as DayKey } })).toThrow('กรมฯ เท่านั้น');
    expect(() => checkChange({ month: sep, provinceId: null, days: {}, clear: ['entryDue'] })).toThrow('ล้างได้เฉพาะ');
  });

  it('date facts: past against the Bangkok day, and which way the date moved', () => {
    const now = new Date('2026-12-02T18:00:00Z'); // 3 December, 01:00 in Bangkok
    expect(dateFacts('2026-12-05' as DayKey, '2026-12-02' as DayKey, now)).toEqual({ past: true, earlier: true });
    expect(dateFacts('2026-12-05' as DayKey, '2026-12-03' as DayKey, now)).toEqual({ past: false, earlier: true });
    expect(dateFacts('2026-12-05' as DayKey, '2026-12-09' as DayKey, now)).toEqual({ past: false, earlier: false });
    expect(dateFacts(null, '2026-12-09' as DayKey, now)).toEqual({ past: false, earlier: null });
    expect(dateFacts('2026-12-09' as DayKey, '2026-12-09' as DayKey, now)).toEqual({ past: false, earlier: null });
  });
});
