// Rendering helpers shared by the PDF and XLSX renderers. The document types they draw live in the domain
// (src/domain/reports/document.ts); renderers import them from there.
import { formatBaht, toThaiDigits } from '../domain/thai-format.js';
import type { Cell } from '../domain/reports/document.js';


export interface RenderOptions {
  /** The moment printed on the report ("พิมพ์เมื่อ …"); an argument so renderers stay pure. */
  printedAt: Date;
  /** Print ๐–๙ instead of 0–9 everywhere. */
  thaiDigits?: boolean;
  /** When given, every line the PDF renderer draws is appended here (copy/search tests compare it with pdftotext). */
  trace?: string[];
}

/** The text of a cell as printed in the PDF (XLSX keeps numbers as numbers). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('money' in cell) return formatBaht(cell.money, { decimals: cell.whole ? 0 : 2 });
  if ('int' in cell) return cell.int.toLocaleString('en-US');
  if ('mark' in cell) return cell.mark ? '√' : '';
  if ('span' in cell) return cell.text;
  if (cell.tenthsPercent === null) return '-';
  const t = cell.tenthsPercent;
  const abs = t < 0n ? -t : t;
  return `${t < 0n ? '-' : ''}${abs / 10n}.${abs % 10n}%`;
}

/** Applies the Thai-digits setting to a printed string. */
export function digitsFor(text: string, opts: RenderOptions): string {
  return opts.thaiDigits ? toThaiDigits(text) : text;
}

/** "พิมพ์เมื่อ 5 ธันวาคม 2569 เวลา 14:02 น." in Bangkok time, Buddhist era. */
export function printedLine(at: Date): string {
  const date = new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Bangkok',
  }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }).format(at);
  return `พิมพ์เมื่อ ${date.replace(/^(\d+) /, '$1 ')} เวลา ${time} น.`;
}
