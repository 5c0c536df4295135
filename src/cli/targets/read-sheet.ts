// A department sheet (CSV or XLSX) → rows of cell text, exactly as shown. CSV: RFC 4180 (quoted fields, "" escapes,
// a BOM). XLSX: the first worksheet read with exceljs; merged cells repeat their master's text (so a two-row header's
// parent labels every column under it), numbers become plain digits, formulas their cached result.
import ExcelJS from 'exceljs';

/** Parses CSV text; refuses an unterminated quote. */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('CSV: เครื่องหมายคำพูด (") เปิดไว้แต่ไม่ได้ปิด');
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return String(v.text);
  return '';
}

/** Reads the first worksheet of an XLSX file. */
export async function xlsxCells(data: Buffer | ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('XLSX: ไม่มีแผ่นงาน');
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.isMerged ? cell.master.value : cell.value).trim());
    }
    rows.push(cells);
  }
  return rows;
}

/** Reads a .csv or .xlsx file by its extension. */
export async function readSheet(file: string, bytes: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(file)) return xlsxCells(bytes);
  if (/\.csv$/i.test(file)) return csvCells(bytes.toString('utf8'));
  throw new Error(`อ่านได้เฉพาะไฟล์ .csv หรือ .xlsx (ได้ "${file}")`);
}
