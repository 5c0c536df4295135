// ReportDocument → PDF bytes (pdfkit, A4, Sarabun). Pure: the printed date is an argument. Every page repeats the
// form code, the title and the table header, and ends with "หน้า x/y" and the printed-at line.
import PDFDocument from 'pdfkit';
import { digitsFor, printedLine, type RenderOptions } from '../model.js';
import type { ReportDocument } from '../../domain/reports/document.js';
import { drawLine, drawTextBlock, layoutLines, thaiLineHeight, traceLines, useThaiFont } from '../thai-text/index.js';
import { drawBarChart } from './bar-chart.js';
import { drawSignature, SIGNATURE_HEIGHT } from './signature.js';
import { drawTable } from './table.js';

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 36;
const FOOTER = 22;

/** Renders the report to PDF bytes. */
export async function renderPdf(report: ReportDocument, opts: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', layout: report.orientation, margin: MARGIN, bufferPages: true, autoFirstPage: false,
    info: { Title: report.title[0] ?? report.type, Creator: 'otop-sales-bot' },
  });
  if (opts.trace) traceLines(doc, opts.trace);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (s: string) => digitsFor(s, opts);
  const width = () => doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;

  const pageHeading = (): number => {
    doc.addPage();
    let y = MARGIN;
    if (report.formCode) {
      useThaiFont(doc, 'bold', 12);
      drawLine(doc, t(report.formCode), MARGIN, y, { width: width(), align: 'right' });
    }
    report.title.forEach((line, i) => {
      // the form code takes the top right corner; without one the title may use the whole width
      const inset = report.formCode ? 60 : 0;
      y += drawTextBlock(doc, t(line), { x: MARGIN + inset, y, width: width() - 2 * inset, size: i === 0 ? 14 : 12, weight: 'bold', align: 'center' });
    });
    return y + 6;
  };

  const noteSize = 10;
  let firstTop = pageHeading();
  for (const para of report.lead ?? []) firstTop += drawTextBlock(doc, t(para), { x: MARGIN, y: firstTop, width: width(), size: 12 });
  if (report.lead?.length) firstTop += 6;
  const tail = 6 + report.notes.reduce((h, note) => h + layoutLines(doc, t(note), width(), noteSize, 'regular').length * thaiLineHeight(doc, noteSize), 0) +
    (report.signature ? SIGNATURE_HEIGHT + 10 : 0);
  let y = drawTable(doc, report.table, firstTop, { x: MARGIN, width: width(), bottom: bottom(), newPage: pageHeading, keepWithEnd: tail }, opts);
  y += 6;
  for (const note of report.notes) {
    const lh = thaiLineHeight(doc, noteSize);
    if (y + lh > bottom()) y = pageHeading();
    y += drawTextBlock(doc, t(note), { x: MARGIN, y, width: width(), size: noteSize });
  }
  if (report.signature) {
    if (y + SIGNATURE_HEIGHT > bottom()) y = pageHeading();
    drawSignature(doc, report.signature, { x: MARGIN + width() / 2, y: y + 10, width: width() / 2 }, t);
  }
  if (report.chart) {
    const top = pageHeading();
    drawBarChart(doc, report.chart, { x: MARGIN, y: top, width: width(), height: bottom() - top }, t);
  }

  const range = doc.bufferedPageRange();
  const printed = t(printedLine(opts.printedAt));
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const fy = doc.page.height - MARGIN - FOOTER + 8;
    useThaiFont(doc, 'regular', 9);
    drawLine(doc, printed, MARGIN, fy);
    drawLine(doc, t(`หน้า ${i + 1}/${range.count}`), MARGIN, fy, { width: width(), align: 'right' });
  }
  doc.end();
  return done;
}
