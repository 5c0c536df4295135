// Test helpers: text and page images of a PDF through poppler (pdftotext, pdfinfo).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes the bytes to a temp file and returns its path. */
export function tempFile(bytes: Uint8Array, ext: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'otop-report-'));
  const file = path.join(dir, `out.${ext}`);
  writeFileSync(file, bytes);
  return file;
}

/** Text of the PDF as poppler extracts it (raw order, one text line per drawn line). */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-raw', tempFile(bytes, 'pdf'), '-'], { encoding: 'utf8' });
}

/** Number of pages of the PDF. */
export function pdfPages(bytes: Uint8Array): number {
  const info = execFileSync('pdfinfo', [tempFile(bytes, 'pdf')], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}
