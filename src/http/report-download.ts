// GET /reports/<token>: a signed link to a generated report. Thin: verify the link (domain), read the file (store),
// send it with its content type and Thai file name (RFC 5987); refused links get a short Thai page (403 / 410).
import type express from 'express';
import { verifyReportLink } from '../domain/report-links.js';
import type { ReportStore } from '../reports/store.js';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const page = (title: string, text: string) =>
  `<!doctype html><html lang="th"><meta charset="utf-8"><title>${title}</title><body><h1>${title}</h1><p>${text}</p></body></html>`;

export function mountReportDownloads(app: express.Express, deps: { secret: string; store: ReportStore; now?: () => Date }): void {
  app.get('/reports/:token', async (req, res, next) => {
    try {
      const link = verifyReportLink(deps.secret, req.params.token, deps.now?.() ?? new Date());
      if (link === 'tampered') {
        res.status(403).type('html').send(page('ลิงก์ไม่ถูกต้อง', 'ลิงก์นี้ไม่ถูกต้อง กรุณาขอรายงานใหม่ในแชต'));
        return;
      }
      const bytes = link === 'expired' ? null : await deps.store.get(link.key);
      if (link === 'expired' || !bytes) {
        res.status(410).type('html').send(page('ลิงก์หมดอายุแล้ว', 'ลิงก์รายงานใช้ได้ 24 ชั่วโมง กรุณาพิมพ์ "รายงาน" ในแชตเพื่อขอใหม่'));
        return;
      }
      const ext = link.name.split('.').pop() ?? '';
      res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Content-Disposition', `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(link.name)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(bytes);
    } catch (err) {
      next(err);
    }
  });
}
