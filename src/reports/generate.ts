// The one function that turns a report request into a file: report data from the domain (SQL aggregates) drawn by
// the pure renderers. Used by the CLI, the chat delivery job and the department's report-day push.
import type { Db } from '../db/client.js';
import { buildReport, type ReportScope, type ReportType } from '../domain/reports/catalogue.js';
import type { ReportPeriod } from '../domain/reports/period.js';
import type { ReportDocument } from './model.js';
import { renderPdf } from './pdf/render.js';
import { renderXlsx } from './xlsx/render.js';

export type ReportFormat = 'pdf' | 'xlsx';

export interface ReportRequest {
  type: ReportType;
  scope: ReportScope;
  period: ReportPeriod;
  format: ReportFormat;
  thaiDigits?: boolean;
}

export interface ReportFile {
  bytes: Buffer;
  /** Thai file name, e.g. "รต.2-เมืองฉะเชิงเทรา-2569-11.pdf". */
  fileName: string;
  contentType: string;
  document: ReportDocument;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Generates one report file; `now` is printed on it. */
export async function generateReportFile(db: Db, req: ReportRequest, now: Date): Promise<ReportFile> {
  const document = await db.$transaction((tx) => buildReport(tx, req.type, req.scope, req.period), { isolationLevel: 'RepeatableRead' });
  const opts = { printedAt: now, thaiDigits: req.thaiDigits ?? false };
  const bytes = req.format === 'pdf' ? await renderPdf(document, opts) : await renderXlsx(document, opts);
  const unit = (document.title[1] ?? '').split(/\s+/).filter((w) => /^(จังหวัด|อำเภอ)/.test(w)).at(-1)?.replace(/^(จังหวัด|อำเภอ)/, '') ?? '';
  const range = req.period.from === req.period.to ? req.period.from : `${req.period.from}_${req.period.to}`;
  const name = `${document.formCode.replace(/\s+/g, '') || document.type}-${unit}-${range}.${req.format}`;
  return { bytes, fileName: name, contentType: CONTENT_TYPES[req.format], document };
}
