// Delivers a district's invite sheet asked for in chat, like a report: after the conversation committed, issues the
// codes under the officer's authority (printing again replaces the unused codes of the earlier sheet), draws the
// PDF, stores it, signs a 24-hour link and queues a push of the download card under the event's key. A key already
// pushed does nothing (a second run never replaces the codes of a sheet already delivered).
import type { Card } from '../bot/cards.js';
import { queuePush, uuidFromKey } from '../bot/outbox.js';
import type { InviteSheetTask } from '../bot/ports.js';
import { card, say, text, type Reply } from '../bot/reply.js';
import { actorOf } from '../domain/actor.js';
import { dayKeyOf } from '../domain/fiscal-period.js';
import { issueInviteSheet, type InviteSheetData } from '../domain/registry/invite-sheet.js';
import { REPORT_LINK_TTL_MS, reportKey, signReportLink } from '../domain/report-links.js';
import { formatDayTh } from '../domain/thai-format.js';
import { renderInviteSheet } from '../reports/invite-sheet.js';
import type { ReportDeliveryDeps } from './report-delivery.js';

/** The download card of an invite sheet. */
export function inviteSheetReadyCard(sheet: InviteSheetData, fileName: string, url: string, now: Date): Card {
  const until = new Date(now.getTime() + REPORT_LINK_TTL_MS).toLocaleString('th-TH', { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' });
  return {
    kind: 'info',
    altText: `บัตรเชิญพร้อมแล้ว: อำเภอ${sheet.districtName} ${sheet.cards.length} บัตร`,
    title: 'บัตรเชิญพร้อมแล้ว',
    subtitle: `อำเภอ${sheet.districtName} · ผู้ผลิตที่ยังไม่มี LINE`,
    tone: 'success',
    sections: [{ rows: [
      { label: 'จำนวนบัตร', value: `${sheet.cards.length} บัตร`, emphasis: true },
      { label: 'รหัสใช้ได้ถึง', value: formatDayTh(dayKeyOf(sheet.cards[0]!.expiresAt)) },
      { label: 'ไฟล์', value: fileName },
      { label: 'ลิงก์ใช้ได้ถึง', value: until },
    ] }],
    note: 'พิมพ์บน A4 แล้วตัดแจกผู้ผลิต รหัสของบัตรชุดก่อนที่ยังไม่ได้ใช้ถูกยกเลิกแล้ว ลิงก์ใช้ได้ 24 ชั่วโมง',
    buttons: [{ label: 'ดาวน์โหลด PDF', uri: url, style: 'primary' }],
  };
}

export async function runInviteSheetDelivery(deps: ReportDeliveryDeps, task: InviteSheetTask, now: Date): Promise<{ queued: boolean; cards: number }> {
  const sent = await deps.db.outboundMessage.count({ where: { retryKey: uuidFromKey(task.key) } });
  if (sent) return { queued: false, cards: 0 };
  await deps.line.showLoading(task.lineUserId).catch((err) => deps.log.warn('loading animation failed', { err: String(err) }));
  let replies: Reply[];
  let cards = 0;
  try {
    const sheet = await deps.db.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: task.userId } });
      const actor = actorOf(user);
      if (!actor) throw new Error('the officer is no longer active');
      return issueInviteSheet(tx, actor, task.districtId, now);
    }, { timeout: 120_000 });
    cards = sheet.cards.length;
    if (!cards) {
      replies = [text(`ผู้ผลิตทุกรายของอำเภอ${sheet.districtName}ที่ยังลงทะเบียนอยู่ มีผู้ใช้ LINE แล้ว ไม่ต้องพิมพ์บัตรเชิญ`, [say('เมนู')])];
    } else {
      const pdf = await renderInviteSheet({
        heading: `อำเภอ${sheet.districtName} จังหวัด${sheet.provinceName}`,
        cards: sheet.cards.map((c) => ({ ...c, expires: formatDayTh(dayKeyOf(c.expiresAt)) })),
        addFriendUrl: deps.addFriendUrl ?? null,
        printed: `พิมพ์เมื่อ ${formatDayTh(dayKeyOf(now))}`,
      });
      const key = reportKey({ inviteSheet: task.key });
      await deps.store.put(key, pdf);
      const fileName = `บัตรเชิญ-${sheet.districtName}-${dayKeyOf(now)}.pdf`;
      const url = `${deps.publicBaseUrl}/reports/${signReportLink(deps.secret, key, fileName, now)}`;
      replies = [card(inviteSheetReadyCard(sheet, fileName, url, now), [say('ทะเบียนผู้ผลิต'), say('เมนู')])];
    }
  } catch (err) {
    deps.log.error('invite sheet failed', { key: task.key, err: String((err as Error)?.stack ?? err) });
    replies = [text('ขออภัย จัดทำบัตรเชิญไม่สำเร็จ กรุณาลองใหม่อีกครั้งโดยพิมพ์ "บัตรเชิญ"', [say('บัตรเชิญ')])];
  }
  const id = await deps.db.$transaction((tx) => queuePush(tx, task.lineUserId, replies, task.key));
  if (id !== null) deps.courier.send(task.lineUserId, [id]);
  return { queued: id !== null, cards };
}
