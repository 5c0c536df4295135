// The one function that turns a report request into a file: report data from the domain (SQL aggregates) drawn by
// the pure renderers. Used by the CLI, the chat delivery job and the department's report-day push.
import type { Db } from '../db/client.js';
import { buildReport, REPORTS, type ReportScope, type ReportType } from '../domain/reports/catalogue.js';
import type { ReportPeriod } from '../domain/reports/period.js';
import { reportKey, signReportLink } from '../domain/report-links.js';
import type { ReportDocument } from '../domain/reports/document.js';
import { renderPdf } from './pdf/render.js';
import type { ReportStore } from './store.js';
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
  const document = await db.$transaction((tx) => buildReport(tx, req.type, req.scope, req.period), { isolationLevel: 'RepeatableRead', timeout: 120_000, maxWait: 30_000 });
  const opts = { printedAt: now, thaiDigits: req.thaiDigits ?? false };
  const bytes = req.format === 'pdf' ? await renderPdf(document, opts) : await renderXlsx(document, opts);
  return { bytes, fileName: await fileNameOf(db, req, document.formCode), contentType: CONTENT_TYPES[req.format], document };
}

/** "รต.2-เมืองฉะเชิงเทรา-2025-11.pdf": form code, unit name, month (or first_last month), extension. */
async function fileNameOf(db: Db, req: ReportRequest, formCode: string): Promise<string> {
  const unit = 'producerId' in req.scope
    ? (await db.producer.findUnique({ where: { id: req.scope.producerId } }))?.registrationCode
    : 'districtId' in req.scope
      ? (await db.district.findUnique({ where: { id: req.scope.districtId } }))?.nameTh
      : 'provinceId' in req.scope
        ? (await db.province.findUnique({ where: { id: req.scope.provinceId } }))?.nameTh
        : 'zoneId' in req.scope ? (await db.zone.findUnique({ where: { id: req.scope.zoneId } }))?.nameTh.replace(/\s+/g, '') : 'ทั่วประเทศ';
  const range = REPORTS[req.type].wholeYear ? `ปีงบ${req.period.fiscalYear}` : req.period.from === req.period.to ? req.period.from : `${req.period.from}_${req.period.to}`;
  return `${REPORT_FORM_CODES[req.type].replace(/\s+/g, '')}-${unit ?? ''}-${range}.${req.format}`;
}

/**
 * The file of a request in the store (made once: the same request within the link lifetime gets the same file) and
 * a signed 24-hour link token for GET /reports/<token>. For the chat delivery and the report-day push.
 */
export async function reportFileLink(
  db: Db, store: ReportStore, secret: string, req: ReportRequest, now: Date,
): Promise<{ token: string; fileName: string }> {
  const key = reportKey(req);
  let fileName: string;
  if (await store.get(key)) fileName = await fileNameOf(db, req, REPORT_FORM_CODES[req.type]);
  else {
    const f = await generateReportFile(db, req, now);
    await store.put(key, f.bytes);
    fileName = f.fileName;
  }
  return { token: signReportLink(secret, key, fileName, now), fileName };
}

const REPORT_FORM_CODES: Record<ReportType, string> = { rt1: 'รต.1', 'rt1-blank': 'รต.1-ฟอร์มเปล่า', rt2: 'รต.2', rt3: 'รต.3', rt4: 'รต.4', export: 'สิ่งที่ส่งมาด้วย5', score: 'เป้าหมายและคะแนน', summary: 'สรุปรายจังหวัด', producer: 'ยอดจำหน่ายผู้ผลิต', completeness: 'ความครบถ้วน', estimate: 'ประมาณการ', certification: 'แบบรับรองประมาณการ' };
