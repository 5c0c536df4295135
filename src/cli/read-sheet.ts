// Reads the first worksheet of an .xlsx file, or a .csv file (RFC 4180 quoting, UTF-8 with or without BOM), into
// rows of cell texts as a person sees them: XLSX cells give their formatted text, merged cells their master's.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** Splits CSV text into rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The cell texts of a .csv or .xlsx file. */
export async function readSheet(file: string): Promise<string[][]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return parseCsvCells(await readFile(file, 'utf8'));
  if (ext !== '.xlsx') throw new Error(`อ่านได้เฉพาะไฟล์ .csv หรือ .xlsx (ได้ ${ext || 'ไม่มีนามสกุล'})`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      cells.push(master === cell || master.address === cell.address ? (cell.text ?? '') : '');
    }
    rows.push(cells);
  }
  return rows;
}
