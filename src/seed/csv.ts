// A deliberately tiny CSV reader for the reference files in prisma/reference/. Those files have no quoted
// fields (checked: no '"' in any of them), so a quote is rejected rather than half-supported.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Parses CSV text with a header row into one record per line, keyed by the header's column names. */
export function parseCsv(text: string, source = 'csv'): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const [headerLine, ...dataLines] = lines;
  if (headerLine === undefined) throw new Error(`${source}: empty file`);
  if (text.includes('"')) throw new Error(`${source}: quoted fields are not supported`);
  const header = headerLine.split(',');
  if (new Set(header).size !== header.length) throw new Error(`${source}: repeated column in header`);
  return dataLines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new Error(`${source} line ${i + 2}: ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, cells[j] ?? '']));
  });
}

/** Reads a CSV file and validates every row with a zod schema; errors name the file and line. */
export function readCsv<T extends z.ZodType>(url: URL, schema: T): z.output<T>[] {
  const name = url.pathname.split('/').pop() ?? url.pathname;
  return parseCsv(readFileSync(url, 'utf8'), name).map((row, i) => {
    const result = schema.safeParse(row);
    if (!result.success) throw new Error(`${name} line ${i + 2}: ${z.prettifyError(result.error)}`);
    return result.data;
  });
}

/** A whole number written with digits only, e.g. "24". */
export const intCell = z
  .string()
  .regex(/^\d+$/)
  .transform((s) => Number(s));

/** Whole baht as printed, returned as satang. */
export const bahtCell = z
  .string()
  .regex(/^\d+$/)
  .transform((s) => BigInt(s) * 100n);
