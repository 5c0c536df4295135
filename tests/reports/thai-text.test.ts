import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { breakPieces, drawLine, drawTextBlock, layoutLines, useThaiFont, wrapText } from '../../src/reports/thai-text/index.js';
import { pdfText } from './pdf-text.js';

function render(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

const LINES = [
  'กลุ่มวิสาหกิจชุมชนแม่บ้านบางคล้า น้ำพริกเผา',
  'น้ำดื่ม ทำนา ท่าน้ำ ผลิตภัณฑ์ชุมชน ลงชื่อ',
  'รวมทั้งสิ้น 1,234,567.50 บาท',
  'ปีงบประมาณ พ.ศ. ๒๕๗๐ ผ้าไหมมัดหมี่ (ย้อมคราม)',
  'ญี่ปุ่น ฐานข้อมูล ปู่ ฝ้าย ฟ้า ป่าไม้ ฎีกา',
  'ยังไม่ถึงค่าคะแนนระดับ 1',
];

describe('Thai text in PDF', () => {
  it('copy/search returns exactly the lines that were drawn, including ำ after า and stacked marks', async () => {
    const pdf = await render((doc) => {
      useThaiFont(doc, 'regular', 14);
      LINES.forEach((l, i) => drawLine(doc, l, 40, 40 + i * 30));
      useThaiFont(doc, 'bold', 14);
      LINES.forEach((l, i) => drawLine(doc, l, 40, 300 + i * 30));
    });
    const got = pdfText(pdf).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(got).toEqual([...LINES, ...LINES]);
  });

  it('wraps at word boundaries, never inside a Thai word, keeping brackets with their word', async () => {
    const text = 'กลุ่มวิสาหกิจชุมชนผลิตภัณฑ์ผ้าไหมมัดหมี่บ้านหนองบัว (ย้อมสีธรรมชาติ) จำหน่ายทั้งในประเทศและต่างประเทศ';
    let lines: string[] = [];
    const pdf = await render((doc) => {
      lines = layoutLines(doc, text, 120, 12);
      drawTextBlock(doc, text, { x: 40, y: 40, width: 120, size: 12 });
    });
    expect(lines.length).toBeGreaterThan(2);
    const squash = (t: string) => t.replace(/\s/g, '');
    expect(squash(lines.join(''))).toBe(squash(text));
    // every break falls on a boundary between pieces
    const boundaries = new Set<number>();
    let at = 0;
    for (const p of breakPieces(text)) boundaries.add((at += squash(p).length));
    let pos = 0;
    for (const line of lines.slice(0, -1)) expect(boundaries.has((pos += squash(line).length))).toBe(true);
    expect(lines.some((l) => l.includes('ผลิตภัณ') && !l.includes('ผลิตภัณฑ์'))).toBe(false);
    expect(lines.some((l) => l.startsWith('(ย้อม') || l.includes(' (ย้อม'))).toBe(true);
    expect(pdfText(pdf).split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(lines);
  });

  it('splits a word longer than the box only between grapheme clusters, so marks stay on their letter', () => {
    const measure = (s: string) => [...s].length;
    const lines = wrapText('น้ำพริกเผาน้ำผึ้ง', 4, measure);
    expect(lines.join('')).toBe('น้ำพริกเผาน้ำผึ้ง');
    for (const l of lines) expect(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(l)).toBe(false);
  });

  it('keeps closing marks with the word before and drops the space at a break', () => {
    const measure = (s: string) => [...s].length;
    expect(wrapText('ฯลฯ ต่างๆ ของใช้ ของตกแต่ง', 9, measure)).toEqual(['ฯลฯ ต่างๆ', 'ของใช้', 'ของตกแต่ง']);
    expect(wrapText('', 10, measure)).toEqual(['']);
    expect(wrapText('หนึ่ง\nสอง', 100, measure)).toEqual(['หนึ่ง', 'สอง']);
  });
});
