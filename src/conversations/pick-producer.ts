// A district officer chooses one of the district's producers: those still pending first (no entry for the month
// just ended, or no LINE user when inviting), then all, or by part of the name; 10 per page. The choice hands over
// to sales-entry or invite with the producerId; those re-check in the domain that the producer is the officer's.
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, switchTo, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { text, type Reply } from '../bot/reply.js';
import { defaultReportingMonth, type MonthKey } from '../domain/fiscal-period.js';
import { districtOpenMonths, findDistrictProducers, normaliseProducerName, type ProducerView } from '../domain/producers.js';
import { toArabicDigits } from '../domain/thai-format.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import * as P from './pick-producer-prompts.js';
import { Purpose, PickProducerState, type ListStep } from './pick-producer-state.js';
import { newToken } from './sales-entry-state.js';

type S = PickProducerState;
/** Menu words of every role: typed here they leave the list (the router starts their flow). */
const MENU = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord));
type Out = Outcome<S>;

const WORDS: Record<string, 'search' | 'all' | 'pending' | 'register' | 'next' | 'prev'> = {
  ค้นหา: 'search', ค้นหาใหม่: 'search', ทั้งหมด: 'all', ดูทั้งหมด: 'all', ดูผู้ผลิตทั้งหมด: 'all',
  ยังไม่ส่ง: 'pending', ยังไม่ส่งยอด: 'pending', ยังไม่มีline: 'pending', ลงทะเบียนใหม่: 'register', ลงทะเบียน: 'register',
  ลงทะเบียนผู้ผลิตใหม่: 'register', ถัดไป: 'next', หน้าถัดไป: 'next', ก่อนหน้า: 'prev', หน้าก่อนหน้า: 'prev',
};

function viewOf(s: ListStep): ProducerView {
  if (s.view === 'search') return { kind: 'search', query: s.query ?? '' };
  if (s.view === 'all') return { kind: 'all' };
  return s.purpose === 'entry' ? { kind: 'pending-entry' } : { kind: 'no-line-user' };
}

async function districtName(ctx: Ctx): Promise<string> {
  const d = await ctx.tx.district.findUnique({ where: { id: ctx.actor!.districtId! }, select: { nameTh: true } });
  return d?.nameTh ?? '';
}

const monthOf = (ctx: Ctx, s: { month?: string | undefined }): MonthKey => (s.month as MonthKey | undefined) ?? defaultReportingMonth(ctx.now);

/** The list page as shown, with what the empty case needs: the open months, and whether the district has producers. */
async function listReplies(ctx: Ctx, s: ListStep): Promise<{ s: ListStep; replies: Reply[] }> {
  const actor = ctx.actor!;
  const month = monthOf(ctx, s);
  const page = await findDistrictProducers(ctx.tx, actor, actor.districtId!, viewOf(s), { month, page: s.page });
  const registered = page.total ? page.total : (await findDistrictProducers(ctx.tx, actor, actor.districtId!, { kind: 'all' }, { month, page: 1, pageSize: 1 })).total;
  const months = s.purpose === 'entry' ? await districtOpenMonths(ctx.tx, actor, actor.districtId!, ctx.now) : [];
  const st = { ...s, page: page.page };
  return { s: st, replies: P.listPrompt(st, page, month, await districtName(ctx), { registered, months }) };
}

async function show(ctx: Ctx, s: ListStep, ...pre: Reply[]): Promise<Out> {
  const r = await listReplies(ctx, s);
  return next(r.s, ...pre, ...r.replies);
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  if (s.step === 'search') return P.searchPrompt(s);
  return (await listReplies(ctx, s)).replies;
}

/** Picked: sales entry (for the listed month when picked from the "not yet reported" list or a list about an
 * earlier open month) or an invite code. */
const handOver = (ctx: Ctx, s: S, producerId: number): Out => {
  if (s.purpose !== 'entry') return switchTo('invite', { producerId: String(producerId) });
  const known = s.step === 'list' && (s.view === 'pending' || s.month !== undefined);
  return switchTo('sales-entry', { producerId: String(producerId), ...(known ? { month: monthOf(ctx, s) } : {}) });
};

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  if (actor.role !== 'DISTRICT_OFFICER' || !actor.districtId) return done(text('การเลือกผู้ผลิตใช้ได้สำหรับเจ้าหน้าที่อำเภอเท่านั้น'));
  const purpose = Purpose.catch('entry').parse(args.for);
  return show(ctx, { step: 'list', purpose, view: 'pending', query: null, page: 1, token: newToken() });
}

async function search(ctx: Ctx, s: S, raw: string): Promise<Out> {
  const query = normaliseProducerName(raw);
  if (query.length < 2 || query.length > 100) return stay(text('กรุณาพิมพ์อย่างน้อย 2 ตัวอักษรของชื่อผู้ผลิต'), ...P.searchPrompt(s));
  return show(ctx, { purpose: s.purpose, token: s.token, step: 'list', view: 'search', query, page: 1 });
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('pp-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังเลือกผู้ผลิตจากรายการนี้:'), ...(await prompt(ctx, s)));
  }
  const action = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? input.text.trim() : '';
  if (raw && MENU.has(normaliseWord(raw))) return pass(); // a menu word starts its own flow, it is not a search
  const word = raw ? WORDS[normaliseWord(raw)] : undefined;
  const list = (view: ListStep['view'], page = 1, query: string | null = null): ListStep => ({ purpose: s.purpose, token: s.token, step: 'list', view, query, page });

  if (action === 'pp-reg' || word === 'register') return switchTo('register-producer', s.purpose === 'invite' ? { then: 'invite' } : {});
  if (action === 'pp-search' || word === 'search') return next({ purpose: s.purpose, token: s.token, step: 'search' }, ...P.searchPrompt(s));
  if (action === 'pp-view' || word === 'all' || word === 'pending') {
    const v = action === 'pp-view' ? params.v : word;
    return show(ctx, { ...list(v === 'pending' ? 'pending' : 'all'), ...(s.step === 'list' && s.month ? { month: s.month } : {}) });
  }
  if (action === 'pp-month') {
    const open = await districtOpenMonths(ctx.tx, ctx.actor!, ctx.actor!.districtId!, ctx.now);
    const m = open.find((x) => x === params.m);
    if (!m) return stay(text('เดือนนี้ไม่เปิดให้บันทึกแล้ว (จังหวัดยืนยันแล้ว หรือเก่าเกินไป)'), ...(await prompt(ctx, s)));
    return show(ctx, { ...list('pending'), month: m });
  }
  if (action === 'pp-pick') {
    const id = Number(params.p);
    return Number.isInteger(id) && id > 0 ? handOver(ctx, s, id) : stay(...(await prompt(ctx, s)));
  }

  if (s.step === 'search') return raw ? search(ctx, s, raw) : stay(...P.searchPrompt(s));

  if (action === 'pp-page' || word === 'next' || word === 'prev') {
    const n = action === 'pp-page' ? Number(params.n) : s.page + (word === 'next' ? 1 : -1);
    return show(ctx, { ...s, page: Number.isInteger(n) && n > 0 ? n : 1 });
  }
  const digits = toArabicDigits(raw);
  if (/^\d{1,4}$/.test(digits)) {
    const month = monthOf(ctx, s);
    const one = await findDistrictProducers(ctx.tx, ctx.actor!, ctx.actor!.districtId!, viewOf(s), { month, page: Number(digits), pageSize: 1 });
    if (Number(digits) < 1 || Number(digits) > one.total) {
      const hint = one.total ? `กรุณาพิมพ์ลำดับ 1–${one.total} หรือกดปุ่มในรายการ` : 'รายการนี้ไม่มีผู้ผลิต';
      return stay(text(`ไม่มีลำดับที่ ${digits} ในรายการนี้ ${hint}`), ...(await prompt(ctx, s)));
    }
    return handOver(ctx, s, one.rows[0]!.id);
  }
  if (raw) return search(ctx, s, raw);
  return stay(...(await prompt(ctx, s)));
}

export const pickProducerFlow: Flow<S> = { name: P.FLOW, version: 1, schema: PickProducerState, start, advance };

export const pickProducerModule: BotModule = { flows: [pickProducerFlow] };
