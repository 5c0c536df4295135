// What the invite conversation shows: the province's districts to choose from, the question before a typed choice
// makes a code, and the new code with a message ready to forward to the person invited.
import type { ListCard } from '../bot/cards.js';
import { card, image, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { dayKeyOf } from '../domain/fiscal-period.js';
import { formatDayTh } from '../domain/thai-format.js';

export const FLOW = 'invite';
/** One card shows up to 12 districts; longer lists are paged by 10. */
export const ONE_PAGE_MAX = 12;
export const PAGE_SIZE = 10;
const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });

export interface DistrictRow {
  id: number;
  nameTh: string;
  officers: number;
}

/** "16 พฤศจิกายน 2569 เวลา 10:00 น." in Bangkok time. */
export function expiryTh(instant: Date): string {
  const b = new Date(instant.getTime() + 7 * 3_600_000);
  const hhmm = `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
  return `${formatDayTh(dayKeyOf(instant))} เวลา ${hhmm} น.`;
}

export function districtsPrompt(token: string, provinceName: string, rows: DistrictRow[], page: number, pages: number, first: number): Reply[] {
  const choices: Choice[] = [];
  if (page > 1) choices.push(tap('◀ ก่อนหน้า', pb('inv-page', token, { n: String(page - 1) }), 'หน้าก่อนหน้า'));
  if (page < pages) choices.push(tap('ถัดไป ▶', pb('inv-page', token, { n: String(page + 1) }), 'หน้าถัดไป'));
  choices.push(say('ยกเลิก'));
  const c: ListCard = {
    kind: 'list',
    altText: `เลือกอำเภอที่จะสร้างรหัสเชิญเจ้าหน้าที่ จังหวัด${provinceName}: ${rows.map((r) => r.nameTh).join(', ')}`,
    title: 'สร้างรหัสเชิญเจ้าหน้าที่อำเภอ',
    subtitle: `จังหวัด${provinceName} · เลือกอำเภอ`,
    items: rows.map((r, i) => ({
      no: `${first + i + 1}.`,
      title: `อำเภอ${r.nameTh}`,
      detail: r.officers ? `มีเจ้าหน้าที่ในระบบ ${r.officers} คน` : 'ยังไม่มีเจ้าหน้าที่ในระบบ',
      button: { label: 'สร้างรหัสเชิญ', postback: pb('inv-d', token, { d: String(r.id) }), display: `สร้างรหัสเชิญ อำเภอ${r.nameTh}`, style: 'primary' },
    })),
    footer: `${pages > 1 ? `หน้า ${page}/${pages} · ` : ''}พิมพ์ลำดับ หรือชื่ออำเภอก็ได้`,
  };
  return [card(c, choices)];
}

/** A typed choice asked about before a code is made: only "ยืนยันสร้างรหัส" (or a typed "ยืนยัน") makes it. The
 * button carries the id it was asked about, so a tap on an older question makes nothing. */
export function confirmPrompt(token: string, who: string, id: number, problem?: string): Reply[] {
  return [
    text(`${problem ? `${problem}\n\n` : ''}สร้างรหัสเชิญสำหรับ ${who} ?\nกด "ยืนยันสร้างรหัส" เพื่อสร้างรหัส หรือ "เลือกใหม่"`, [
      tap('ยืนยันสร้างรหัส', pb('inv-ok', token, { id: String(id) }), 'ยืนยันสร้างรหัส'),
      tap('เลือกใหม่', pb('inv-back', token), 'เลือกใหม่'),
      say('ยกเลิก'),
    ]),
  ];
}

/** Where src/http/add-friend-qr.ts serves the QR picture of LINE_ADD_FRIEND_URL. */
export const ADD_FRIEND_QR_PATH = '/add-friend-qr.png';

/** Where the invited person adds the bot: the configured link, and its QR picture when it can be served (https). */
export interface AddFriend {
  url: string;
  qrImageUrl: string | null;
}

/** The add-friend link of the context, with the QR picture's address when PUBLIC_BASE_URL is https (LINE fetches
 * images only from https); null when LINE_ADD_FRIEND_URL is not set. */
export function addFriendOf(ctx: { addFriendUrl?: string | null; publicBaseUrl: string }): AddFriend | null {
  if (!ctx.addFriendUrl) return null;
  return { url: ctx.addFriendUrl, qrImageUrl: ctx.publicBaseUrl.startsWith('https://') ? `${ctx.publicBaseUrl}${ADD_FRIEND_QR_PATH}` : null };
}

/** The code for the officer, then a message written for the invited person (forwardable as is), then the QR code of
 * the add-friend link when there is one. Without a configured link, nothing speaks of a link or a QR code. */
export function inviteCreated(o: { code: string; expiresAt: Date; who: string; forWhom: string; already: string | null; greeting: string; addFriend: AddFriend | null }): Reply[] {
  const until = expiryTh(o.expiresAt);
  const f = o.addFriend;
  const forOfficer = [
    'สร้างรหัสเชิญเรียบร้อย ✅',
    o.who,
    `รหัส: ${o.code}`,
    `ใช้ได้ครั้งเดียว ถึง ${until}`,
    ...(o.already ? [o.already] : []),
    '',
    `ส่งข้อความถัดไปนี้${f?.qrImageUrl ? 'และรูป QR ' : ''}ให้${o.forWhom} 👇 (กดค้างที่ข้อความ แล้วเลือก "ส่งต่อ")`,
  ].join('\n');
  const forInvitee = [
    o.greeting,
    ...(f
      ? [
          `1. เพิ่มเพื่อน LINE บัญชีระบบรายงานยอดขาย OTOP ของกรมการพัฒนาชุมชน ที่ลิงก์ ${f.url}${f.qrImageUrl ? ' หรือสแกน QR ที่ส่งมาด้วย' : ''}`,
          `2. พิมพ์รหัส ${o.code} ในห้องแชท`,
        ]
      : [`พิมพ์รหัส ${o.code} ในห้องแชทของบัญชี LINE ระบบรายงานยอดขาย OTOP ของกรมการพัฒนาชุมชน`]),
    `รหัสนี้ใช้ได้ครั้งเดียว ถึง ${until}`,
  ].join('\n');
  const qr = f?.qrImageUrl ? [image(f.qrImageUrl, `QR เพิ่มเพื่อน LINE ระบบรายงานยอดขาย OTOP: ${f.url}`)] : [];
  return [text(forOfficer), text(forInvitee, [say('สร้างรหัสเชิญ'), say('เมนู')]), ...qr];
}
