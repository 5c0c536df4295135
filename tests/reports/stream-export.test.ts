// The streamed full export (no database: batches of lines in, XLSX bytes out): every line becomes a row with its
// money in the column's #,##0.00 format, the totals are SUM formulas whose cached results are the exact sums, and a
// slow reader (the disk of a loaded machine) makes the writer wait for it rather than fail or lose rows.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportLine } from '../../src/domain/reports/entries-export.js';
import { writeExportXlsx } from '../../src/reports/xlsx/stream-export.js';

const line = (i: number): ExportLine => ({
  province: 'ฉะเชิงเทรา', district: `อำเภอ ${i % 11}`, registrationCode: `R-${i}`, producer: `กลุ่มวิสาหกิจชุมชนบ้านตัวอย่าง ${i}`,
  month: '2026-09', category: 'อาหาร', domesticOffline: BigInt(i * 101 + 7), domesticOnline: BigInt(i * 3), exportOffline: i % 40 ? 0n : BigInt(i), exportOnline: 0n,
});

async function* batches(n: number, size: number): AsyncGenerator<ExportLine[]> {
  for (let i = 0; i < n; i += size) yield Array.from({ length: Math.min(size, n - i) }, (_, k) => line(i + k));
}

/** A sink that takes `delayMs` per chunk, like a slow disk. */
function sink(delayMs: number): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({ write(chunk: Buffer, _enc, cb) { chunks.push(chunk); setTimeout(cb, delayMs); } });
  return { out, bytes: () => Buffer.concat(chunks) };
}

async function read(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('streamed export XLSX', () => {
  it('writes every line with money formatted per column, and totals as SUM formulas whose cached results are the exact sums', async () => {
    const n = 12_345;
    const s = sink(0);
    const done = new Promise((r) => s.out.on('finish', r));
    expect(await writeExportXlsx(s.out, 'ทดสอบ', batches(n, 1_000), new Date('2026-10-11T03:00:00Z'))).toBe(n);
    await done;
    const ws = await read(s.bytes());
    expect(ws.getCell(3, 3).value).toBe('R-0');
    expect(ws.getCell(2 + n, 3).value).toBe(`R-${n - 1}`);
    expect(ws.getCell(3 + 5, 7).numFmt).toBe('#,##0.00');
    const total = ws.getRow(3 + n);
    expect(total.getCell(1).value).toBe('รวมทั้งสิ้น');
    const lines = Array.from({ length: n }, (_, i) => line(i));
    const sum = (f: (l: ExportLine) => bigint) => Number(lines.reduce((a, l) => a + f(l), 0n)) / 100;
    expect(total.getCell(7).value).toEqual({ formula: `SUM(G3:G${2 + n})`, result: sum((l) => l.domesticOffline) });
    expect((total.getCell(11).value as { result: number }).result).toBe(sum((l) => l.domesticOffline + l.domesticOnline + l.exportOffline + l.exportOnline));
  });

  it('with a slow reader it waits for the zip and still writes every row', async () => {
    const s = sink(2);
    const done = new Promise((r) => s.out.on('finish', r));
    expect(await writeExportXlsx(s.out, 'ช้า', batches(30_000, 5_000), new Date('2026-10-11T03:00:00Z'))).toBe(30_000);
    await done;
    const ws = await read(s.bytes());
    expect(ws.getCell(2 + 30_000, 3).value).toBe('R-29999');
  }, 60_000);
});
