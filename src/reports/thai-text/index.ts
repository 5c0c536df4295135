// Thai text for pdfkit, in one place: Sarabun with a correct ToUnicode map, word-boundary wrapping and lines drawn
// with /ActualText so that `pdftotext` returns exactly what was drawn. Used by every PDF report and by anyone else
// drawing Thai (e.g. invite sheets). Verified on pdfkit 0.20.2 / fontkit 2.0.4 only (pinned in package.json; the
// round-trip test in tests/reports/thai-text.test.ts guards an upgrade).
//
//   const doc = new PDFDocument({ size: 'A4' });
//   const h = drawTextBlock(doc, 'ผลิตภัณฑ์ชุมชน…', { x: 40, y: 40, width: 200, size: 12, weight: 'bold' });
import type PDFDocument from 'pdfkit';
import { drawLine } from './draw.js';
import { useThaiFont, type ThaiWeight } from './font.js';
import { wrapText } from './wrap.js';

export { drawLine, traceLines } from './draw.js';
export { clearLayoutCache, SARABUN, useThaiFont, type ThaiWeight } from './font.js';
export { breakPieces, graphemeClusters, wrapText } from './wrap.js';

type Doc = InstanceType<typeof PDFDocument>;

/** Extra space between Thai lines, as a fraction of the font size (stacked marks need it). */
export const THAI_LINE_GAP = 0.28;

export interface TextBlockOptions {
  x: number;
  y: number;
  width: number;
  size: number;
  weight?: ThaiWeight;
  align?: 'left' | 'center' | 'right';
}

/** Height of one Thai line (font line height plus the gap) at `size`. */
export function thaiLineHeight(doc: Doc, size: number, weight: ThaiWeight = 'regular'): number {
  useThaiFont(doc, weight, size);
  return doc.currentLineHeight(true) + THAI_LINE_GAP * size;
}

/** Lines `text` would take inside `width` (font set as given). */
export function layoutLines(doc: Doc, text: string, width: number, size: number, weight: ThaiWeight = 'regular'): string[] {
  useThaiFont(doc, weight, size);
  return wrapText(text, width, (s) => doc.widthOfString(s));
}

/** Wraps and draws `text`; returns the height used. */
export function drawTextBlock(doc: Doc, text: string, o: TextBlockOptions): number {
  const lines = layoutLines(doc, text, o.width, o.size, o.weight);
  const lh = thaiLineHeight(doc, o.size, o.weight);
  lines.forEach((line, i) => drawLine(doc, line, o.x, o.y + i * lh, { width: o.width, align: o.align }));
  return lines.length * lh;
}
