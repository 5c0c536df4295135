// Horizontal bar chart drawn as vector graphics: one bar per unit (actual sales) with a tick for each tier
// threshold, on a shared scale starting at zero with a labelled axis. One far-off threshold (a unit whose top tier
// is many times everyone else's) would squash every bar, so the scale ends near the largest bar or typical tier and
// a threshold beyond it is drawn as an arrow at the edge with its value.
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
  const plotW = box.width - labelW - 150;
  const top = legendY + 26;
  const n = Math.max(c.groups.length, 1);
  const rowH = Math.max(12, Math.min(28, (box.y + box.height - top) / n));
  const max = scaleMax(c.groups);
  const scale = (v: bigint) => Math.min(1, Number((v * 10000n) / max) / 10000) * plotW;
  const bottomY = top + n * rowH;
  doc.save().moveTo(plotX, top - 4).lineTo(plotX, bottomY).lineTo(plotX + plotW, bottomY).lineWidth(0.8).stroke('#000').restore();
  useThaiFont(doc, 'regular', 8);
  for (let k = 0; k <= 4; k++) {
    const v = (max * BigInt(k)) / 4n;
    const x = plotX + (plotW * k) / 4;
    doc.save().moveTo(x, bottomY).lineTo(x, bottomY + 3).lineWidth(0.6).stroke('#000').restore();
    if (k > 0) doc.save().moveTo(x, top - 4).lineTo(x, bottomY).lineWidth(0.3).dash(2, { space: 2 }).stroke('#bbb').undash().restore();
    drawLine(doc, t(formatBahtCompact(v)), x - 40, bottomY + 4, { width: 80, align: 'center' });
  }
  c.groups.forEach((g, i) => {
    const y = top + i * rowH;
    useThaiFont(doc, 'regular', 9);
    drawLine(doc, t(g.label), box.x, y + rowH / 2 - 7, { width: labelW - 6, align: 'right' });
    doc.save().rect(plotX, y + rowH * 0.2, scale(g.actual), rowH * 0.6).fill('#5d6d7e').restore();
    const beyond: string[] = [];
    g.tiers.forEach((tier, k) => {
      const colour = TIER_COLOURS[k % TIER_COLOURS.length]!;
      if (tier > max) {
        beyond.push(`${c.tierLabels[k] ?? ''} ${formatBahtCompact(tier)}`);
        const ax = plotX + plotW;
        doc.save().moveTo(ax - 6, y + rowH / 2 - 3).lineTo(ax, y + rowH / 2).lineTo(ax - 6, y + rowH / 2 + 3).fill(colour).restore();
        return;
      }
      const tx = plotX + scale(tier);
      doc.save().moveTo(tx, y + 1).lineTo(tx, y + rowH - 1).lineWidth(1.5).stroke(colour).restore();
    });
    useThaiFont(doc, 'regular', 8);
    const value = t(formatBahtCompact(g.actual));
    const end = plotX + scale(g.actual);
    // a bar reaching the end of the scale carries its value inside, in white, clear of the arrows beyond
    if (end + doc.widthOfString(value) + 8 > plotX + plotW) doc.fillColor('#fff');
    if (end + doc.widthOfString(value) + 8 > plotX + plotW) drawLine(doc, value, end - doc.widthOfString(value) - 4, y + rowH / 2 - 6);
    else drawLine(doc, value, end + 4, y + rowH / 2 - 6);
    doc.fillColor('#000');
    if (beyond.length) drawLine(doc, t(`→ ${beyond.join(', ')}`), plotX + plotW + 4, y + rowH / 2 - 6, { width: box.x + box.width - plotX - plotW - 4 });
  });
}

/**
 * End of the scale: the largest bar or tier, unless some tiers are far above the rest (over 3× the median of the
 * units' largest values) — then the largest value among the others, so the ordinary bars stay readable.
 */
export function scaleMax(groups: BarChartSection['groups']): bigint {
  const tops = groups.map((g) => [g.actual, ...g.tiers].reduce((a, b) => (b > a ? b : a), 0n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!tops.length) return 1n;
  const median = tops[Math.floor((tops.length - 1) / 2)]!;
  const limit = median * 3n;
  const within = [...tops.filter((v) => v <= limit), ...groups.map((g) => g.actual)].reduce((a, b) => (b > a ? b : a), 0n);
  return within > 0n ? within : 1n;
}
