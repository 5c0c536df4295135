import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/reports/thai-text/wrap.js';

/** A measure that counts its calls: 1 unit per character. */
function counting() {
  const calls: string[] = [];
  return { calls, measure: (s: string) => (calls.push(s), [...s].length) };
}

describe('wrapText measuring', () => {
  it('a paragraph that fits is measured once, whole, and comes back as one line without trailing spaces', () => {
    const m = counting();
    expect(wrapText('กลุ่มวิสาหกิจชุมชนบ้านใหม่  ', 40, m.measure)).toEqual(['กลุ่มวิสาหกิจชุมชนบ้านใหม่']);
    expect(m.calls).toEqual(['กลุ่มวิสาหกิจชุมชนบ้านใหม่']);
  });

  it('a paragraph that does not fit is still broken at word boundaries, each line within the width', () => {
    const m = counting();
    const text = 'กลุ่มวิสาหกิจชุมชนบ้านใหม่ผลิตภัณฑ์อาหารแปรรูป';
    const lines = wrapText(text, 12, m.measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(12);
    expect(m.calls.length).toBeGreaterThan(1);
  });

  it('each paragraph of a multi-line text is measured on its own', () => {
    const m = counting();
    expect(wrapText('ยอดขาย\nรวม', 10, m.measure)).toEqual(['ยอดขาย', 'รวม']);
    expect(m.calls).toEqual(['ยอดขาย', 'รวม']);
  });
});
