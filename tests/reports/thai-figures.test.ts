import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { SARABUN, useThaiFont } from '../../src/reports/thai-text/index.js';

/** Figures as the reports print them: grouped, with satang, some negative, some whole. */
function figures(n: number): string[] {
  const out: string[] = [];
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 48271) % 2147483647;
    const v = (x % 10 ** (1 + (i % 10))) / (i % 4 === 0 ? 1 : 100);
    const s = v.toLocaleString('en-US', { minimumFractionDigits: i % 4 === 0 ? 0 : 2, maximumFractionDigits: 2 });
    out.push(i % 7 === 0 ? `-${s}` : s);
  }
  return out;
}

describe('figures laid out from their characters', () => {
  it('have the width whole-string shaping gives them, in both weights and at report sizes', () => {
    const patched = new PDFDocument({ size: 'A4' });
    const plain = new PDFDocument({ size: 'A4' });
    for (const weight of ['regular', 'bold'] as const) {
      for (const size of [7, 9.5, 12]) {
        useThaiFont(patched, weight, size);
        plain.font(SARABUN[weight]).fontSize(size);
        for (const s of [...figures(400), '0.00', '1,000,000.00', '-5', '12']) {
          expect(patched.widthOfString(s), s).toBeCloseTo(plain.widthOfString(s), 9);
        }
      }
    }
  });

  it('anything else (Thai, letters, spaces) is shaped whole as before', () => {
    const patched = new PDFDocument({ size: 'A4' });
    const plain = new PDFDocument({ size: 'A4' });
    useThaiFont(patched, 'regular', 10);
    plain.font(SARABUN.regular).fontSize(10);
    for (const s of ['น้ำพริกเผา', 'รวม 1,234.00 บาท', 'OTOP 5 ดาว', '12 ธ.ค. 69']) {
      expect(patched.widthOfString(s), s).toBeCloseTo(plain.widthOfString(s), 9);
    }
  });
});
