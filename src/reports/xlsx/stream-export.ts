// The full data export as XLSX, streamed: exceljs's streaming WorkbookWriter writes each row to the output as it
// comes (row.commit), so a million rows take the memory of one batch. Pure: batches of lines in, bytes out to the
// given stream; no queries, the printed date is an argument. Totals at the bottom are SUM formulas with cached results.
// Memory: exceljs pipes the sheet into the zip without backpressure, so when deflating or the disk lags behind the
// rows (a loaded machine) the XML piles up in between; after each batch we wait for the zip to take it. The money
// format is set once per column (a per-cell numFmt makes a style object for each of 5M cells), strings are inline.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportLine } from '../../domain/reports/entries-export.js';

const HEADERS = ['จังหวัด', 'อำเภอ', 'รหัสผู้ผลิต', 'ชื่อผู้ผลิต', 'เดือน', 'ประเภทผลิตภัณฑ์',
  'ในประเทศ ออฟไลน์', 'ในประเทศ ออนไลน์', 'ส่งออก ออฟไลน์', 'ส่งออก ออนไลน์', 'รวม (บาท)'];
const WIDTHS = [14, 16, 14, 30, 9, 18, 15, 15, 15, 15, 16];
const FONT = { name: 'Sarabun', size: 11 };
const baht = (satang: bigint) => Number(satang) / 100;
const MONEY = '#,##0.00';
/** Bytes of sheet XML allowed to wait for the zip before the next batch is written. */
const BACKLOG = 4 * 2 ** 20;

/**
 * Waits until the zip has taken the sheet XML written so far (down to BACKLOG). exceljs's sheet stream writes into
 * the zip's input without heeding its return value; that input is a PassThrough whose writableLength is the backlog.
 * Checked again every second, so a consumer that never drains cannot hang the export.
 */
async function zipCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const p of pipes) {
    while (p.writableLength > BACKLOG) {
      const timer = new Promise((r) => setTimeout(r, 1_000).unref());
      await Promise.race([once(p, 'drain'), timer]);
    }
  }
}

/** Writes the export to `out`; returns the number of data rows. */
export async function writeExportXlsx(out: Writable, title: string, batches: AsyncIterable<ExportLine[]>, printedAt: Date): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'otop-sales-bot';
  wb.created = printedAt;
  const ws = wb.addWorksheet('ข้อมูล', { views: [{ state: 'frozen', ySplit: 2 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let c = 7; c <= 11; c++) ws.getColumn(c).numFmt = MONEY;
  const head = ws.addRow([title]);
  head.getCell(1).font = { ...FONT, bold: true, size: 13 };
  head.commit();
  const header = ws.addRow(HEADERS);
  header.eachCell((c) => (c.style = { font: { ...FONT, bold: true }, alignment: { horizontal: 'center', wrapText: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } } }));
  header.height = 36;
  header.commit();
  let n = 0;
  const sums = [0n, 0n, 0n, 0n, 0n];
  for await (const batch of batches) {
    for (const l of batch) {
      const amounts = [l.domesticOffline, l.domesticOnline, l.exportOffline, l.exportOnline];
      const total = amounts.reduce((a, b) => a + b, 0n);
      [...amounts, total].forEach((v, i) => (sums[i]! += v));
      ws.addRow([l.province, l.district, l.registrationCode, l.producer, l.month, l.category, ...amounts.map(baht), baht(total)]).commit();
      n++;
    }
    await zipCaughtUp(ws);
  }
  const first = 3;
  const last = first + n - 1;
  const total = ws.addRow(['รวมทั้งสิ้น', '', '', '', '', '', ...sums.map((s, i) => {
    const L = String.fromCharCode(71 + i);
    return n ? { formula: `SUM(${L}${first}:${L}${last})`, result: baht(s) } : 0;
  })]);
  total.eachCell((c) => { c.font = { ...FONT, bold: true }; });
  total.commit();
  const printed = ws.addRow(['พิมพ์เมื่อ', printedAt]);
  printed.getCell(2).numFmt = '[$-107041E]d mmmm yyyy';
  printed.commit();
  ws.commit();
  await wb.commit();
  return n;
}
