// The signature block of the department's forms: "ลงชื่อ …… ผู้รายงาน", "(name)", "ตำแหน่ง …", "วันที่ …".
import type PDFDocument from 'pdfkit';
import type { SignatureBlock } from '../../domain/reports/document.js';
import { drawLine, thaiLineHeight, useThaiFont } from '../thai-text/index.js';

type Doc = InstanceType<typeof PDFDocument>;
const SIZE = 12;
const DOTS = '........................................';

/** Height the block needs. */
export const SIGNATURE_HEIGHT = 4 * 1.6 * SIZE + 20;

/** Draws the block centred in the box; blanks are dotted lines to fill in by hand. */
export function drawSignature(doc: Doc, s: SignatureBlock, box: { x: number; y: number; width: number }, t: (s: string) => string): void {
  const lh = thaiLineHeight(doc, SIZE) + 4;
  useThaiFont(doc, 'regular', SIZE);
  const lines = [
    `ลงชื่อ ${DOTS} ${s.role}`,
    s.name ? `(${s.name})` : `(${DOTS})`,
    `ตำแหน่ง ${s.position}`,
    `วันที่ ${s.date ?? DOTS}`,
  ];
  lines.forEach((l, i) => drawLine(doc, t(l), box.x, box.y + i * lh, { width: box.width, align: 'center' }));
}
