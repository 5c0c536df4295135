// ReportDocument → XLSX bytes (exceljs). Same rows as the PDF; numbers stay numbers, totals are real formulas with
// cached results (so viewers that do not recalculate still show them), header rows are frozen and repeated when
// printed, and row heights are set for wrapped Thai (neither exceljs nor LibreOffice fits them).
import ExcelJS from 'exceljs';
import { placeHeader } from '../pdf/table.js';
import { cellText, type RenderOptions } from '../model.js';
import type { Cell, ReportDocument, Row } from '../../domain/reports/document.js';

const FONT = { name: 'Sarabun', size: 11 };
const LINE_PT = 19;
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const colLetter = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const moneyNumber = (satang: bigint): number => Number(satang) / 100;

/** Lines a text needs in a column of `chars` characters (Thai marks take no width). */
function linesFor(text: string, chars: number): number {
  const visible = text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(visible.length === 0 ? 1 : part.length / chars)), 0);
}

/** Renders the report to XLSX bytes. */
export async function renderXlsx(report: ReportDocument, opts: RenderOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'otop-sales-bot';
  wb.created = opts.printedAt;
  const ws = wb.addWorksheet(report.formCode || report.type, {
    pageSetup: { paperSize: 9, orientation: report.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const t = report.table;
  const n = t.columns.length;
  const totalWidth = t.columns.reduce((s, c) => s + c.width, 0);
  const chars = t.columns.map((c) => Math.max(6, Math.round((c.width / totalWidth) * (report.orientation === 'landscape' ? 170 : 115))));
  chars.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const money = opts.thaiDigits ? '[$-D07041E]#,##0.00' : '#,##0.00';
  const whole = opts.thaiDigits ? '[$-D07041E]#,##0' : '#,##0';
  const last = colLetter(n - 1);

  const mergedLine = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const r = ws.addRow([text]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
    r.getCell(1).style = { font: FONT, alignment: { wrapText: true, vertical: 'top' }, ...style };
    r.height = height ?? LINE_PT * linesFor(text, chars.reduce((s, c) => s + c, 0));
    return r;
  };
  if (report.formCode) mergedLine(report.formCode, { font: { ...FONT, bold: true }, alignment: { horizontal: 'right' } });
  report.title.forEach((line, i) =>
    mergedLine(line, { font: { ...FONT, bold: true, size: i === 0 ? 14 : 12 }, alignment: { horizontal: 'center', wrapText: true } }));

  for (const para of report.lead ?? []) mergedLine(para, {});

  const headerTop = ws.rowCount + 1;
  t.header.forEach(() => ws.addRow([]));
  for (const p of placeHeader(t.header, n)) {
    const r1 = headerTop + p.row;
    const r2 = r1 + p.rowSpan - 1;
    const cell = ws.getCell(r1, p.col + 1);
    cell.value = p.cell.text;
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(r1, p.col + 1, r2, p.col + p.colSpan);
    const width = chars.slice(p.col, p.col + p.colSpan).reduce((s, c) => s + c, 0);
    const row = ws.getRow(r2);
    row.height = Math.max(row.height ?? LINE_PT, (LINE_PT * linesFor(p.cell.text, width)) / 1);
  }
  for (let r = headerTop; r < headerTop + t.header.length; r++)
    for (let c = 1; c <= n; c++)
      ws.getCell(r, c).style = {
        font: { ...FONT, bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } },
      };
  const headerBottom = headerTop + t.header.length - 1;
  ws.views = [{ state: 'frozen', ySplit: headerBottom }];
  ws.pageSetup.printTitlesRow = `${headerTop}:${headerBottom}`;

  const bodyRows: number[] = [];
  const subtotalRows: number[] = [];
  let sinceSubtotal: number[] = [];
  const rows: Row[] = t.rows.length ? t.rows : [{ kind: 'group', cells: ['ไม่มีข้อมูล'] }];
  for (const row of rows) {
    const r = ws.addRow([]);
    if (row.kind === 'group') {
      ws.mergeCells(`A${r.number}:${last}${r.number}`);
      r.getCell(1).value = cellText(row.cells[0] ?? '');
      r.getCell(1).style = { font: { ...FONT, bold: true }, border: BORDER, alignment: { horizontal: t.rows.length ? 'left' : 'center' } };
      r.height = LINE_PT;
      continue;
    }
    const range = row.kind === 'subtotal' ? sinceSubtotal : row.kind === 'total' ? (subtotalRows.length ? subtotalRows : bodyRows) : [];
    let lines = 1;
    t.columns.forEach((col, i) => {
      const c = r.getCell(i + 1);
      const v = row.cells[i] ?? null;
      const span = v !== null && typeof v === 'object' && 'span' in v ? Math.max(1, v.span) : 1;
      c.style = { font: { ...FONT, bold: row.kind !== 'body' }, border: BORDER, alignment: { horizontal: col.align ?? 'left', vertical: 'top', wrapText: true } };
      if (v !== null && typeof v === 'object' && 'money' in v) {
        const L = colLetter(i);
        const result = moneyNumber(v.money);
        if (col.sumOfColumns) c.value = { formula: `SUM(${col.sumOfColumns.map((k) => `${colLetter(k)}${r.number}`).join(',')})`, result };
        else if (range.length && !col.noTotal && bodyColumnIsMoney(rows, i)) c.value = { formula: sumFormula(L, range), result };
        else c.value = result;
        c.numFmt = v.whole ? whole : money;
      } else setPlain(c, v, opts.thaiDigits ?? false);
      lines = Math.max(lines, linesFor(cellText(v), chars.slice(i, i + span).reduce((a, b) => a + b, 0)));
    });
    row.cells.forEach((v, i) => {
      if (v !== null && typeof v === 'object' && 'span' in v && v.span > 1) {
        ws.mergeCells(r.number, i + 1, r.number, Math.min(n, i + v.span));
        r.getCell(i + 1).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
      }
    });
    r.height = LINE_PT * lines;
    if (row.kind === 'body') { bodyRows.push(r.number); sinceSubtotal.push(r.number); }
    if (row.kind === 'subtotal') { subtotalRows.push(r.number); sinceSubtotal = []; }
  }
  ws.addRow([]);
  for (const note of report.notes) mergedLine(note, {});
  if (report.signature) {
    const s = report.signature;
    const dots = '........................................';
    for (const line of [`ลงชื่อ ${dots} ${s.role}`, s.name ? `(${s.name})` : `(${dots})`, `ตำแหน่ง ${s.position}`, `วันที่ ${s.date ?? dots}`])
      mergedLine(line, { alignment: { horizontal: 'right' } }, LINE_PT);
  }
  const printed = ws.addRow(['พิมพ์เมื่อ', opts.printedAt]);
  printed.getCell(1).style = { font: FONT };
  printed.getCell(2).style = { font: FONT, numFmt: opts.thaiDigits ? '[$-D07041E]d mmmm yyyy' : '[$-107041E]d mmmm yyyy', alignment: { horizontal: 'left' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every body cell of the column is money or blank (a month with no report), and at least one is money. */
function bodyColumnIsMoney(rows: Row[], col: number): boolean {
  const cells = rows.filter((r) => r.kind === 'body').map((r) => r.cells[col] ?? null);
  const isMoney = (v: Cell) => v !== null && typeof v === 'object' && 'money' in v;
  return cells.some(isMoney) && cells.every((v) => v === null || isMoney(v));
}

/** SUM over contiguous runs of the listed rows in column L. */
function sumFormula(L: string, rowNumbers: number[]): string {
  const parts: string[] = [];
  let start = rowNumbers[0]!;
  let prev = start;
  for (const r of [...rowNumbers.slice(1), -1]) {
    if (r === prev + 1) { prev = r; continue; }
    parts.push(start === prev ? `${L}${start}` : `${L}${start}:${L}${prev}`);
    start = prev = r;
  }
  return `SUM(${parts.join(',')})`;
}

function setPlain(c: ExcelJS.Cell, v: Cell, thaiDigits: boolean): void {
  if (v === null) return;
  if (typeof v === 'string') { c.value = v; return; }
  if ('int' in v) { c.value = v.int; c.numFmt = thaiDigits ? '[$-D07041E]#,##0' : '#,##0'; return; }
  if ('mark' in v) { c.value = v.mark ? '√' : ''; c.alignment = { ...c.alignment, horizontal: 'center' }; return; }
  if ('span' in v) { c.value = v.text; return; }
  if ('tenthsPercent' in v) {
    if (v.tenthsPercent === null) c.value = '-';
    else { c.value = Number(v.tenthsPercent) / 1000; c.numFmt = '0.0%'; }
  }
}
