// What the pick-producer conversation shows: one page of the district's producers as a list card (pending ones
// first), with quick replies to search, see all, register a new producer, and page.
import type { ListCard } from '../bot/cards.js';
import { card, say, tap, text, type Choice, type Reply } from '../bot/reply.js';
import { PRODUCER_TYPE_SHORT_TH } from '../domain/catalog.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { PAGE_SIZE, type ProducerPage, type ProducerRow } from '../domain/producers.js';
import { formatMonthTh } from '../domain/thai-format.js';
import type { ListStep, PickProducerState, Purpose } from './pick-producer-state.js';

export const FLOW = 'pick-producer';
export const pb = (action: string, token: string, params: Record<string, string> = {}) => ({ action, params: { t: token, ...params } });

const TITLE: Record<Purpose, string> = {
  entry: 'เลือกผู้ผลิตที่จะบันทึกยอดแทน',
  invite: 'เลือกผู้ผลิตที่จะสร้างรหัสเชิญ',
};
const PENDING_LABEL: Record<Purpose, string> = { entry: 'ยังไม่ส่งยอด', invite: 'ยังไม่มี LINE' };

function subtitle(s: ListStep, month: MonthKey, total: number): string {
  if (s.view === 'search') return `ค้นหา "${s.query}" · พบ ${total} ราย`;
  if (s.view === 'all') return `ผู้ผลิตทั้งหมด · ${total} ราย`;
  return s.purpose === 'entry' ? `ยังไม่ส่งยอดเดือน${formatMonthTh(month)} · ${total} ราย` : `ยังไม่มีผู้ใช้ LINE · ${total} ราย`;
}

function status(purpose: Purpose, r: ProducerRow): string {
  if (purpose === 'entry') return r.entriesThisMonth > 0 ? 'ส่งแล้ว' : 'ยังไม่ส่ง';
  return r.lineUsers > 0 ? `มี LINE ${r.lineUsers} คน` : 'ยังไม่มี LINE';
}

/** Entry buttons start sales entry directly (they keep working after this list is done, to go down the list);
 * invite buttons stay inside this conversation so a second tap cannot make a second code. */
function itemButton(s: ListStep, r: ProducerRow, month: MonthKey) {
  // From the "not yet reported <month>" list (or a list about an earlier open month) the month is known: sales
  // entry does not ask it again.
  const forMonth: Record<string, string> = s.view === 'pending' || s.month ? { month } : {};
  return s.purpose === 'entry'
    ? { label: 'บันทึกยอด', postback: { action: 'start', params: { flow: 'sales-entry', producerId: String(r.id), ...forMonth } }, display: `บันทึกยอดของ ${r.name}`, style: 'primary' as const }
    : { label: 'สร้างรหัสเชิญ', postback: pb('pp-pick', s.token, { p: String(r.id) }), display: `สร้างรหัสเชิญให้ ${r.name}`, style: 'primary' as const };
}

/** What the list needs besides the page: how many producers the district has, and the months open for entry. */
export interface ListContext {
  registered: number;
  months: MonthKey[];
}

export function listChoices(s: ListStep, page: Pick<ProducerPage, 'page' | 'pages'>, month: MonthKey, open: MonthKey[] = []): Choice[] {
  const c: Choice[] = [];
  if (page.page > 1) c.push(tap('◀ ก่อนหน้า', pb('pp-page', s.token, { n: String(page.page - 1) }), 'หน้าก่อนหน้า'));
  if (page.page < page.pages) c.push(tap('ถัดไป ▶', pb('pp-page', s.token, { n: String(page.page + 1) }), 'หน้าถัดไป'));
  c.push(tap('ค้นหา', pb('pp-search', s.token), 'ค้นหา'));
  if (s.view !== 'all') c.push(tap('ทั้งหมด', pb('pp-view', s.token, { v: 'all' }), 'ดูผู้ผลิตทั้งหมด'));
  if (s.view !== 'pending') c.push(tap(PENDING_LABEL[s.purpose], pb('pp-view', s.token, { v: 'pending' }), PENDING_LABEL[s.purpose]));
  for (const m of open) {
    if (m !== month) c.push(tap(`ยังไม่ส่ง ${formatMonthTh(m, { short: true })}`, pb('pp-month', s.token, { m }), `ยังไม่ส่งยอดเดือน${formatMonthTh(m)}`));
  }
  c.push(tap('ลงทะเบียนใหม่', pb('pp-reg', s.token), 'ลงทะเบียนผู้ผลิตใหม่'));
  c.push(say('ยกเลิก'));
  return c;
}

export function listPrompt(s: ListStep, page: ProducerPage, month: MonthKey, districtName: string, more: ListContext = { registered: page.total, months: [] }): Reply[] {
  const choices = listChoices(s, page, month, more.months);
  if (page.total === 0) {
    const why =
      more.registered === 0 ? `อำเภอ${districtName} ยังไม่มีผู้ผลิตที่ลงทะเบียนไว้ในระบบ กด "ลงทะเบียนใหม่" เพื่อลงทะเบียนผู้ผลิตรายแรก`
      : s.view === 'search' ? `ไม่พบผู้ผลิตที่ชื่อมีคำว่า "${s.query}" ในอำเภอ${districtName}\nพิมพ์คำอื่นเพื่อค้นหาอีกครั้ง หรือเลือกจากปุ่มด้านล่าง`
      : s.view === 'all' ? `อำเภอ${districtName} ยังไม่มีผู้ผลิตที่ลงทะเบียนไว้ กด "ลงทะเบียนใหม่" เพื่อเพิ่มผู้ผลิต`
      : s.purpose === 'entry' ? `ผู้ผลิตทุกรายในอำเภอ${districtName} ส่งยอดเดือน${formatMonthTh(month)} แล้ว 🎉\nกด "ทั้งหมด" เพื่อเลือกจากรายชื่อทั้งหมด`
      : `ผู้ผลิตทุกรายในอำเภอ${districtName} มีผู้ใช้ LINE แล้ว\nกด "ทั้งหมด" เพื่อเลือกจากรายชื่อทั้งหมด`;
    return [text(why, choices)];
  }
  const first = (page.page - 1) * PAGE_SIZE;
  const sub = subtitle(s, month, page.total);
  const c: ListCard = {
    kind: 'list',
    altText: `${TITLE[s.purpose]} (${sub}): ${page.rows.map((r) => r.name).join(', ')}`,
    title: TITLE[s.purpose],
    subtitle: sub,
    items: page.rows.map((r, i) => ({
      no: `${first + i + 1}.`,
      title: r.name,
      detail: `ต.${r.tambon} · ${PRODUCER_TYPE_SHORT_TH[r.type]}`,
      status: status(s.purpose, r),
      button: itemButton(s, r, month),
    })),
    footer: `${page.pages > 1 ? `หน้า ${page.page}/${page.pages} · ` : ''}พิมพ์ลำดับเพื่อเลือก หรือพิมพ์ส่วนหนึ่งของชื่อเพื่อค้นหา`,
  };
  return [card(c, choices)];
}

export function searchPrompt(s: PickProducerState): Reply[] {
  return [
    text('พิมพ์ส่วนหนึ่งของชื่อผู้ผลิต (อย่างน้อย 2 ตัวอักษร) เช่น "แม่บ้าน" หรือรหัสทะเบียน', [
      tap('ทั้งหมด', pb('pp-view', s.token, { v: 'all' }), 'ดูผู้ผลิตทั้งหมด'),
      say('ยกเลิก'),
    ]),
  ];
}
