// Reports asked for in chat, kept durable: the request is written in the conversation's transaction, the delivery
// (src/jobs/report-delivery.ts) marks it done in the transaction that queues its card, and what a crash left
// pending is found again by `pendingReportRequests`.
import type { Db, Tx } from '../../db/client.js';
import type { ReportScope, ReportType } from './catalogue.js';
import type { ReportPeriod } from './period.js';

export interface ReportOrder {
  type: ReportType;
  scope: ReportScope;
  period: ReportPeriod;
  format: 'pdf' | 'xlsx';
}

export interface ReportRequestRow {
  /** Business key of the push: the same request never pushes twice. */
  key: string;
  lineUserId: string;
  request: ReportOrder;
}

/** Records a request in the caller's transaction (a repeat of the same key changes nothing). */
export async function recordReportRequest(tx: Tx, r: ReportRequestRow, now: Date): Promise<void> {
  await tx.reportRequest.upsert({
    where: { key: r.key },
    create: { key: r.key, lineUserId: r.lineUserId, request: r.request as object, createdAt: now },
    update: {},
  });
}

/** Counts one delivery run of the request; false when it is done already (nothing left to do). */
export async function startReportRequest(db: Db, key: string): Promise<boolean> {
  const n = await db.reportRequest.updateMany({ where: { key, status: 'PENDING' }, data: { attempts: { increment: 1 } } });
  return n.count > 0;
}

/** Marks the request done in the transaction that queued its card. */
export async function finishReportRequest(tx: Tx, key: string, now: Date): Promise<void> {
  await tx.reportRequest.updateMany({ where: { key, status: 'PENDING' }, data: { status: 'DONE', doneAt: now } });
}

/** Requests still pending that were recorded no later than `olderThan` (those younger may be in delivery right now). */
export async function pendingReportRequests(db: Db, olderThan: Date, limit = 50): Promise<ReportRequestRow[]> {
  const rows = await db.reportRequest.findMany({
    where: { status: 'PENDING', createdAt: { lte: olderThan } },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ key: r.key, lineUserId: r.lineUserId, request: r.request as unknown as ReportOrder }));
}
