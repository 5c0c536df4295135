// What the yearly register review shows: the province's per-district summary, a district's page of producers to
// review, and the decision on one producer.
import type { ListCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { DEREGISTER_REASONS } from '../domain/registry/deregister.js';
import type { DistrictReview, Review, ReviewDistrictRow, ReviewItem } from '../domain/registry/review.js';
import { dayKeyOf } from '../domain/fiscal-period.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';

export const FLOW = 'register-review';
export const PAGE = 10;
export const OTHER = 'อื่น ๆ';
export const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });
const cancel = say('ยกเลิก');
export const MONTH_CHOICES = [3, 6, 12] as const;

const windowTh = (r: Review) => `${formatMonthTh(r.from)} – ${formatMonthTh(r.to)}`;

export function openPrompt(token: string, current: Review | null): Reply[] {
  return [
    text(
      `${current ? `รอบปัจจุบันเปิดเมื่อ ${formatDayTh(dayKeyOf(current.asOf))} (ไม่รายงาน ${current.idleMonths} เดือน) การเปิดรอบใหม่จะแทนรอบเดิม\n\n` : ''}` +
        'เปิดการทบทวนทะเบียนผู้ผลิตของจังหวัด นับจากวันนี้\nอำเภอจะเห็นผู้ผลิตที่ไม่รายงานยอดขายติดต่อกันตามจำนวนเดือนที่เลือก',
      [...MONTH_CHOICES.map((n) => tap(`เปิด ${n} เดือน`, pb('rv-open', token, { n: String(n) }), `เปิดการทบทวน ไม่รายงาน ${n} เดือน`)), cancel],
    ),
  ];
}

export function summaryPrompt(token: string, r: Review, rows: ReviewDistrictRow[]): Reply[] {
  const c: ListCard = {
    kind: 'list',
    altText: `การทบทวนทะเบียนผู้ผลิต: ${rows.map((d) => `${d.nameTh} ทบทวน ${d.kept + d.deregistered}/${d.listed} ยกเลิก ${d.deregistered} เหลือ ${d.remaining}`).join(', ')}`,
    title: 'การทบทวนทะเบียนผู้ผลิต',
    subtitle: `ไม่รายงาน ${r.idleMonths} เดือน (${windowTh(r)})`,
    items: rows.slice(0, 12).map((d) => ({
      title: `อำเภอ${d.nameTh}`,
      detail: `ทบทวนแล้ว ${d.kept + d.deregistered}/${d.listed} · ยกเลิก ${d.deregistered} · เหลือ ${d.remaining}`,
      status: d.completedAt ? 'ยืนยันแล้ว' : d.listed === 0 ? 'ไม่มีรายการ' : 'รอทบทวน',
    })),
    ...(rows.length > 12 ? { footer: `แสดง 12 จาก ${rows.length} อำเภอ` } : {}),
  };
  return [card(c, [tap('เปิดรอบใหม่', pb('rv-new', token), 'เปิดการทบทวนรอบใหม่'), cancel])];
}

const lastTh = (i: ReviewItem) => (i.lastReported ? `รายงานล่าสุด ${formatMonthTh(i.lastReported, { short: true })}` : 'ไม่เคยรายงาน');

export function listPrompt(token: string, d: DistrictReview, districtName: string, page: number): Reply[] {
  const todo = d.items.filter((i) => !i.decision);
  const kept = d.items.filter((i) => i.decision === 'KEEP').length;
  const gone = d.items.filter((i) => i.decision === 'DEREGISTER').length;
  const head = `ทบทวนทะเบียน อำเภอ${districtName}: ผู้ผลิตที่ไม่รายงาน ${d.review.idleMonths} เดือน (${windowTh(d.review)}) ${d.items.length} ราย · ยังดำเนินการ ${kept} · ยกเลิก ${gone} · เหลือ ${todo.length}`;
  if (d.completedAt) return [text(`${head}\nอำเภอยืนยันการทบทวนรอบนี้เสร็จแล้ว ✅`, [say('เมนู')])];
  if (!todo.length) {
    return [text(`${head}\nทบทวนครบทุกรายแล้ว กด "ยืนยันทบทวนเสร็จ" เพื่อแจ้งจังหวัด`, [tap('ยืนยันทบทวนเสร็จ', pb('rv-complete', token), 'ยืนยันทบทวนเสร็จ'), cancel])];
  }
  const pages = Math.max(1, Math.ceil(todo.length / PAGE));
  const at = Math.min(Math.max(1, page), pages);
  const shown = todo.slice((at - 1) * PAGE, at * PAGE);
  const c: ListCard = {
    kind: 'list',
    altText: `${head}: ${shown.map((i) => i.name).join(', ')}`,
    title: `ทบทวนทะเบียน อ.${districtName}`,
    subtitle: `ไม่รายงาน ${d.review.idleMonths} เดือน · เหลือ ${todo.length} จาก ${d.items.length} ราย`,
    items: shown.map((i, n) => ({
      no: `${(at - 1) * PAGE + n + 1}.`,
      title: i.name,
      detail: `ต.${i.tambon} · ${lastTh(i)}`,
      button: { label: 'ทบทวน', postback: pb('rv-pick', token, { p: String(i.producerId) }), display: `ทบทวน ${i.name}`, style: 'secondary' },
    })),
    footer: `${pages > 1 ? `หน้า ${at}/${pages} · ` : ''}กด "ทบทวน" แล้วเลือก ยังดำเนินการ หรือเหตุผลที่ยกเลิก`,
  };
  const choices: Choice[] = [];
  if (at > 1) choices.push(tap('◀ ก่อนหน้า', pb('rv-page', token, { n: String(at - 1) }), 'หน้าก่อนหน้า'));
  if (at < pages) choices.push(tap('ถัดไป ▶', pb('rv-page', token, { n: String(at + 1) }), 'หน้าถัดไป'));
  choices.push(cancel);
  return [card(c, choices)];
}

export function decidePrompt(token: string, i: ReviewItem): Reply[] {
  return [
    text(`${i.name} (ต.${i.tambon}) ${lastTh(i)}\nยังดำเนินการอยู่ หรือยกเลิกการลงทะเบียนเพราะเหตุใด?`, [
      tap('ยังดำเนินการ', pb('rv-keep', token, { p: String(i.producerId) }), 'ยังดำเนินการ'),
      ...[...DEREGISTER_REASONS, OTHER].map((r, n) => tap(r, pb('rv-reason', token, { v: String(n) }), `ยกเลิก: ${r}`)),
      tap('กลับ', pb('rv-back', token), 'กลับ'),
      cancel,
    ]),
  ];
}

export function confirmDeregPrompt(token: string, name: string, reason: string): Reply[] {
  return [
    text(`ยืนยันยกเลิกการลงทะเบียน ${name}\nเหตุผล: ${reason}\nประวัติยอดขายยังอยู่ครบ ไม่ต้องรายงานตั้งแต่เดือนถัดไป`, [
      tap('ยืนยัน ยกเลิกทะเบียน', pb('rv-yes', token), 'ยืนยันยกเลิกการลงทะเบียน'),
      tap('กลับ', pb('rv-back', token), 'กลับ'),
    ]),
  ];
}
