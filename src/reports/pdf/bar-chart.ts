// Horizontal bar chart drawn as vector graphics: one bar per unit (actual sales) with a tick for each tier
// threshold, labelled with the tier number, on a shared scale starting at zero.
import type PDFDocument from 'pdfkit';
import { formatBahtCompact } from '../../domain/thai-format.js';
import type { BarChartSection } from '../../domain/reports/document.js';
import { drawLine, useThaiFont } from '../thai-text/index.js';

type Doc = InstanceType<typeof PDFDocument>;
const TIER_COLOURS = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#2471a3'];

/** Draws the chart inside the box. */
export function drawBarChart(doc: Doc, c: BarChartSection, box: { x: number; y: number; width: number; height: number },
  t: (s: string) => string): void {
  useThaiFont(doc, 'bold', 12);
  drawLine(doc, t(c.title), box.x, box.y, { width: box.width, align: 'center' });
  const legendY = box.y + 22;
  useThaiFont(doc, 'regular', 9);
  let lx = box.x;
  doc.save().rect(lx, legendY + 3, 14, 8).fill('#5d6d7e').restore();
  drawLine(doc, t('ยอดจำหน่ายที่ยืนยันแล้ว'), lx + 18, legendY);
  lx += 140;
  c.tierLabels.forEach((label, i) => {
    doc.save().rect(lx, legendY + 1, 2.5, 12).fill(TIER_COLOURS[i % TIER_COLOURS.length]!).restore();
    drawLine(doc, t(label), lx + 6, legendY);
    lx += 90;
  });
  const labelW = 150;
  const plotX = box.x + labelW;
  const plotW = box.width - labelW - 70;
  const top = legendY + 26;
  const n = Math.max(c.groups.length, 1);
  const rowH = Math.max(12, Math.min(28, (box.y + box.height - top) / n));
  const max = c.groups.reduce((m, g) => [g.actual, ...g.tiers].reduce((a, b) => (b > a ? b : a), m), 1n);
  const scale = (v: bigint) => (Number((v * 10000n) / max) / 10000) * plotW;
  doc.save().moveTo(plotX, top - 4).lineTo(plotX, top + n * rowH).lineWidth(0.8).stroke('#000').restore();
  c.groups.forEach((g, i) => {
    const y = top + i * rowH;
    useThaiFont(doc, 'regular', 9);
    drawLine(doc, t(g.label), box.x, y + rowH / 2 - 7, { width: labelW - 6, align: 'right' });
    doc.save().rect(plotX, y + rowH * 0.2, scale(g.actual), rowH * 0.6).fill('#5d6d7e').restore();
    g.tiers.forEach((tier, k) => {
      const tx = plotX + scale(tier);
      doc.save().moveTo(tx, y + 1).lineTo(tx, y + rowH - 1).lineWidth(1.5).stroke(TIER_COLOURS[k % TIER_COLOURS.length]!).restore();
    });
    drawLine(doc, t(formatBahtCompact(g.actual)), plotX + scale(g.actual) + 4, y + rowH / 2 - 7);
  });
}
