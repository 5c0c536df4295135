// Delivers a report asked for in chat: after the conversation committed (it recorded the request, see
// domain/reports/requests.ts), shows the loading animation, makes the file (or finds the one already made for the same
// request: same file), signs a 24-hour link and queues a push of the download card in the outbox — marking the request
// done in the same transaction — which the courier sends with its stable retry key. A failure is told to the person.
// `resume` picks up requests a crash left pending (at start, then now and then).
import type { Card } from '../bot/cards.js';
import type { Courier } from '../bot/courier.js';
import type { Logger } from '../bot/dispatcher.js';
import { queuePush } from '../bot/outbox.js';
import type { InviteSheetTask, LinePort, ReportPort, ReportTask } from '../bot/ports.js';
import { card, say, text, type Reply } from '../bot/reply.js';
import type { Db } from '../db/client.js';
import { REPORTS } from '../domain/reports/catalogue.js';
import { periodLabel, wholeYearLabel } from '../domain/reports/period.js';
import { finishReportRequest, pendingReportRequests, startReportRequest } from '../domain/reports/requests.js';
import { REPORT_LINK_TTL_MS } from '../domain/report-links.js';
import { reportFileLink } from '../reports/generate.js';
import type { ReportStore } from '../reports/store.js';
import { runInviteSheetDelivery } from './invite-sheet-delivery.js';

export interface ReportDeliveryDeps {
  db: Db;
  line: Pick<LinePort, 'showLoading'>;
  courier: Pick<Courier, 'send'>;
  store: ReportStore;
  secret: string;
  publicBaseUrl: string;
  log: Logger;
  /** The bot's add-friend link for the invite sheets' QR codes. */
  addFriendUrl?: string | null;
}

const FORMAT_TH = { pdf: 'PDF', xlsx: 'Excel' } as const;

/** The download card: what the report is, until when the link works, and the link itself. */
export function reportReadyCard(task: ReportTask, fileName: string, url: string, now: Date): Card {
  const r = task.request;
  const until = new Date(now.getTime() + REPORT_LINK_TTL_MS).toLocaleString('th-TH', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' });
  return {
    kind: 'info',
    altText: `รายงานพร้อมแล้ว: ${fileName}`,
    title: 'รายงานพร้อมแล้ว',
    subtitle: REPORTS[r.type].title,
    tone: 'success',
    sections: [{ rows: [
      { label: 'ช่วงเวลา', value: REPORTS[r.type].wholeYear ? wholeYearLabel(r.period) : periodLabel(r.period) },
      { label: 'ไฟล์', value: fileName, emphasis: true },
      { label: 'ลิงก์ใช้ได้ถึง', value: until },
    ] }],
    note: 'แตะปุ่มเพื่อดาวน์โหลด ลิงก์ใช้ได้ 24 ชั่วโมง ขอใหม่ได้โดยพิมพ์ "รายงาน"',
    buttons: [{ label: `ดาวน์โหลด ${FORMAT_TH[r.format]}`, uri: url, style: 'primary' }],
  };
}

/** Makes the file and queues the card; returns whether a push was queued (false: this key was pushed before). */
export async function runReportDelivery(deps: ReportDeliveryDeps, task: ReportTask, now: Date): Promise<{ queued: boolean }> {
  if (!(await startReportRequest(deps.db, task.key))) return { queued: false };
  await deps.line.showLoading(task.lineUserId).catch((err) => deps.log.warn('loading animation failed', { err: String(err) }));
  let replies: Reply[];
  try {
    const { token, fileName } = await reportFileLink(deps.db, deps.store, deps.secret, task.request, now);
    replies = [card(reportReadyCard(task, fileName, `${deps.publicBaseUrl}/reports/${token}`, now), [say('รายงาน'), say('เมนู')])];
  } catch (err) {
    deps.log.error('report generation failed', { key: task.key, err: String((err as Error)?.stack ?? err) });
    replies = [text('ขออภัย จัดทำรายงานไม่สำเร็จ กรุณาลองใหม่อีกครั้งโดยพิมพ์ "รายงาน"', [say('รายงาน')])];
  }
  const id = await deps.db.$transaction(async (tx) => {
    const queued = await queuePush(tx, task.lineUserId, replies, task.key);
    await finishReportRequest(tx, task.key, now);
    return queued;
  });
  if (id !== null) deps.courier.send(task.lineUserId, [id]);
  return { queued: id !== null };
}

/**
 * Delivers the requests still pending that were recorded more than `minAgeMs` ago (younger ones may be in delivery
 * in this or another process right now; a request delivered twice still gives one file and one push).
 */
export async function resumeReportDeliveries(deps: ReportDeliveryDeps, now: Date, minAgeMs = 60_000): Promise<number> {
  let n = 0;
  for (const task of await pendingReportRequests(deps.db, new Date(now.getTime() - minAgeMs))) {
    if ((await runReportDelivery(deps, task, now)).queued) n++;
  }
  if (n) deps.log.info('report requests left pending were delivered', { count: n });
  return n;
}

/** The port conversations use, and the sweep for what a crash left pending; both with the clock of the moment. */
export function createReportDelivery(deps: ReportDeliveryDeps, clock: () => Date = () => new Date()) {
  return {
    deliver: async (task: ReportTask) => void (await runReportDelivery(deps, task, clock())),
    deliverInviteSheet: async (task: InviteSheetTask) => void (await runInviteSheetDelivery(deps, task, clock())),
    resume: (minAgeMs?: number) => resumeReportDeliveries(deps, clock(), minAgeMs),
  } satisfies ReportPort & { resume(minAgeMs?: number): Promise<number> };
}
