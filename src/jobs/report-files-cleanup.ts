// Deletes generated report files once their download links have expired (24 hours after they were written).
import { REPORT_LINK_TTL_MS } from '../domain/report-links.js';
import type { ReportStore } from '../reports/store.js';

export async function run(deps: { reportStore: ReportStore }, now: Date): Promise<{ deleted: number }> {
  return { deleted: await deps.reportStore.deleteOlderThan(now, REPORT_LINK_TTL_MS) };
}
