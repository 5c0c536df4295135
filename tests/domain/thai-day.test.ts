import { describe, expect, it } from 'vitest';
import type { MonthKey } from '../../src/domain/fiscal-period.js';
import { readThaiDay } from '../../src/domain/thai-day.js';

// Setting November 2569's dates: the days may fall in November or December; a bare day means December.
const ctx = { defaultMonth: '2026-12' as MonthKey, allowed: ['2026-11', '2026-12'] as MonthKey[] };
// September may be due in September itself: a bare day means October, "27 ก.ย." means September.
const sep = { defaultMonth: '2026-10' as MonthKey, allowed: ['2026-09', '2026-10'] as MonthKey[] };

describe('reading a typed due day', () => {
  it.each([
    ['25', '2026-12-25'],
    ['๒๕', '2026-12-25'],
    [' 5 ', '2026-12-05'],
    ['05', '2026-12-05'],
    ['วันที่ 25', '2026-12-25'],
    ['วันที่๒๕', '2026-12-25'],
    ['ที่ 25', '2026-12-25'],
    ['ภายในวันที่ 25', '2026-12-25'],
    ['25 ค่ะ', '2026-12-25'],
    ['25 ธ.ค.', '2026-12-25'],
    ['25 ธ.ค', '2026-12-25'],
    ['25ธ.ค.', '2026-12-25'],
    ['25 ธค', '2026-12-25'],
    ['25 ธันวาคม', '2026-12-25'],
    ['25 ธันวา', '2026-12-25'],
    ['25 ธ.ค. 69', '2026-12-25'],
    ['25 ธันวาคม 2569', '2026-12-25'],
    ['๒๕ ธ.ค. ๒๕๖๙', '2026-12-25'],
    ['30 พ.ย.', '2026-11-30'],
    ['28 พฤศจิกายน', '2026-11-28'],
    ['25/12', '2026-12-25'],
    ['25/12/69', '2026-12-25'],
    ['25-12-2569', '2026-12-25'],
    ['25/12/2026', '2026-12-25'],
    ['30/11', '2026-11-30'],
  ])('%j → %s', (input, day) => {
    expect(readThaiDay(input, ctx)).toEqual({ ok: true, day });
  });

  it('a bare day in September\'s calendar means October; a named September day stays in September', () => {
    expect(readThaiDay('5', sep)).toEqual({ ok: true, day: '2026-10-05' });
    expect(readThaiDay('27 ก.ย.', sep)).toEqual({ ok: true, day: '2026-09-27' });
    expect(readThaiDay('27 กันยายน 2569', sep)).toEqual({ ok: true, day: '2026-09-27' });
  });

  it.each([
    ['', 'เช่น "25"'],
    ['   ', 'เช่น "25"'],
    ['ยี่สิบห้า', 'เช่น "25"'],
    ['0', 'ระหว่าง 1–31'],
    ['32', 'ระหว่าง 1–31'],
    ['31 พ.ย.', 'ไม่มีวันที่ 31'],
    ['25 ม.ค.', 'เฉพาะวันในเดือนพฤศจิกายน 2569 หรือ ธันวาคม 2569'],
    ['25 ธ.ค. 68', 'เฉพาะวันในเดือน'],
    ['25/13', 'ไม่มีเดือนที่ 13'],
    ['25 ธันวาฯ', 'ไม่รู้จักชื่อเดือน'],
    ['25 dec', 'ไม่รู้จักชื่อเดือน'],
    ['123', 'อ่านวันที่ไม่ออก'],
    ['1.5', 'เฉพาะวันในเดือน'], ['1.13', 'ไม่มีเดือนที่ 13'],
    ['2'.repeat(41), 'ยาวเกินไป'],
  ])('%j is refused: %s', (input, said) => {
    const r = readThaiDay(input, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(said);
  });
});
