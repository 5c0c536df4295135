// The district's producer register in chat ("ทะเบียนผู้ผลิต"): a page of its producers (search by typing part of a
// name) → a producer's card → edit one field (validated as an import validates), deregister with a reason, or
// reactivate; each change is confirmed first and only the confirming step writes (domain/registry). A province
// officer picks one of its districts and sees the same register read-only.
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { text, type Reply } from '../bot/reply.js';
import { RuleError } from '../domain/errors.js';
import { CATEGORY_TH, PRODUCER_TYPE_TH } from '../domain/catalog.js';
import { DEREGISTER_REASON_MAX, DEREGISTER_REASONS, deregisterProducer, reactivateProducer } from '../domain/registry/deregister.js';
import { driveStanding, driveStandings } from '../domain/registry/drive.js';
import { editProducerField, producerDetails, readFieldValue, registerPage, REGISTER_PAGE_SIZE, type ProducerDetails, type ReadField } from '../domain/registry/upkeep.js';
import { normaliseProducerName } from '../domain/producers.js';
import { toArabicDigits } from '../domain/thai-format.js';
import { assertAllowed, placeOfProvince } from '../domain/authorise.js';
import { loadPlaceIndex } from '../seed/place-index.js';
import { checkTambon, cleanTambon } from '../domain/places.js';
import { KEEP_AS_TYPED } from './tambon-prompts.js';
import { MENU_WORDS } from './menu.js';
import type { BotModule } from './module.js';
import * as P from './registry-prompts.js';
import { RegistryState, type Field, type RegistryStep } from './registry-state.js';
import { newToken } from './sales-entry-state.js';

type S = RegistryState;
type Out = Outcome<S>;
const MENU = new Set(Object.values(MENU_WORDS).flat().map(normaliseWord));
const YES = new Set(['ยืนยัน', 'ใช่', 'ตกลง', 'ok']);
const FIELD_WORDS: Record<string, Field> = { ชื่อ: 'name', ประเภท: 'type', ประเภทผู้ผลิต: 'type', ผลิตภัณฑ์: 'categories', ประเภทผลิตภัณฑ์: 'categories', ตำบล: 'tambon', โทรศัพท์: 'phone', เบอร์: 'phone', เบอร์โทร: 'phone' };

const base = (s: S) => ({ token: s.token, districtId: s.districtId, readOnly: s.readOnly, query: s.query, page: s.page });
const onProducer = (s: S, producerId: number) => ({ ...base(s), producerId });

async function districtName(ctx: Ctx, id: number): Promise<string> {
  return (await ctx.tx.district.findUnique({ where: { id }, select: { nameTh: true } }))?.nameTh ?? '';
}

async function provinceDistricts(ctx: Ctx) {
  const provinceId = ctx.actor!.provinceId!;
  assertAllowed(ctx.actor!, 'registry.view', await placeOfProvince(ctx.tx, provinceId));
  const districts = await ctx.tx.district.findMany({ where: { provinceId }, orderBy: { id: 'asc' }, select: { id: true, nameTh: true } });
  const counts = await ctx.tx.producer.groupBy({ by: ['districtId'], where: { districtId: { in: districts.map((d) => d.id) }, active: true }, _count: { _all: true } });
  const drives = await driveStandings(ctx.tx, districts.map((d) => d.id), ctx.now);
  return districts.map((d) => ({ ...d, registered: counts.find((c) => c.districtId === d.id)?._count._all ?? 0, drive: drives.get(d.id)! }));
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  const province = ctx.actor!.role === 'PROVINCE_OFFICER';
  switch (s.step) {
    case 'districts':
      return P.districtsPrompt(s, await provinceDistricts(ctx), s.page);
    case 'list': {
      const page = await registerPage(ctx.tx, ctx.actor!, s.districtId, { query: s.query, page: s.page });
      return P.listPrompt({ ...s, page: page.page }, page, await districtName(ctx, s.districtId), await driveStanding(ctx.tx, ctx.actor!, s.districtId, ctx.now), province);
    }
    case 'search':
      return P.searchPrompt(s);
    case 'card':
      return P.cardPrompt(s, await producerDetails(ctx.tx, ctx.actor!, s.producerId), s.readOnly);
    case 'edit-field':
      return P.fieldPrompt(s, (await producerDetails(ctx.tx, ctx.actor!, s.producerId)).name);
    case 'edit-value':
      return P.valuePrompt(s, await producerDetails(ctx.tx, ctx.actor!, s.producerId), (await ctx.places.tambonsOf(s.districtId)) ?? []);
    case 'edit-confirm': {
      const p = await producerDetails(ctx.tx, ctx.actor!, s.producerId);
      const read = await readTyped(ctx, s);
      return P.editConfirmPrompt(s, p.name, shownField(p, s.field), read.ok ? read.value.shown : s.typed);
    }
    case 'dereg-reason':
      return P.reasonPrompt(s, (await producerDetails(ctx.tx, ctx.actor!, s.producerId)).name);
    case 'dereg-other':
      return P.otherReasonPrompt();
    case 'dereg-confirm':
      return P.deregConfirmPrompt(s, (await producerDetails(ctx.tx, ctx.actor!, s.producerId)).name, ctx.now);
    case 'react-confirm':
      return P.reactConfirmPrompt(s, (await producerDetails(ctx.tx, ctx.actor!, s.producerId)).name);
  }
}

function shownField(p: ProducerDetails, f: Field): string {
  switch (f) {
    case 'name': return p.name;
    case 'type': return PRODUCER_TYPE_TH[p.type];
    case 'categories': return p.categories.map((c) => CATEGORY_TH[c]).join(', ');
    case 'tambon': return p.tambon;
    case 'phone': return p.phone ?? 'ไม่ระบุ';
  }
}

/** The value an edit-confirm step would write: a tambon is checked against the district's reference list (or taken
 * as typed when the officer kept it), every other field as the import reads it. */
async function readTyped(ctx: Ctx, s: RegistryStep<'edit-confirm'>): Promise<ReadField> {
  if (s.field !== 'tambon') return readFieldValue(s.field, s.typed, { index: await loadPlaceIndex(ctx.tx), districtId: s.districtId });
  const check = await checkTambon(ctx.places, s.districtId, s.typed);
  if (check.kind === 'ok') return { ok: true, value: { field: 'tambon', value: check.name, shown: check.name } };
  if (s.asTyped && check.kind !== 'invalid') return { ok: true, value: { field: 'tambon', value: check.typed, shown: check.typed } };
  return { ok: false, message: `ไม่พบตำบล "${cleanTambon(s.typed).slice(0, 40)}" ในอำเภอนี้` };
}

/** A typed tambon: one of the district's goes to the confirmation; anything else is explained and kept in `typed`. */
async function takeTambon(ctx: Ctx, s: RegistryStep<'edit-value'>, raw: string): Promise<Out> {
  const check = await checkTambon(ctx.places, s.districtId, raw);
  if (check.kind === 'ok') return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-confirm', field: 'tambon', typed: check.name });
  const list = (await ctx.places.tambonsOf(s.districtId)) ?? [];
  const problem = P.tambonProblemPrompt(s, check, await districtName(ctx, s.districtId), list);
  if (check.kind === 'invalid') return stay(...problem);
  return next({ ...s, typed: check.typed }, ...problem);
}

async function go(ctx: Ctx, s: S, ...pre: Reply[]): Promise<Out> {
  if (s.step === 'list') {
    // clamp the page to what exists so "ถัดไป" never points past the end
    const page = await registerPage(ctx.tx, ctx.actor!, s.districtId, { query: s.query, page: s.page });
    s = { ...s, page: page.page };
  }
  return next(s, ...pre, ...(await prompt(ctx, s)));
}

const list = (s: S, query: string | null = s.query, page = s.page): S => ({ ...base(s), query, page, step: 'list' });

/** Opens a producer's card when it belongs to the register shown (a forged id of another district says so). */
async function open(ctx: Ctx, s: S, producerId: number, ...pre: Reply[]): Promise<Out> {
  const p = await ctx.tx.producer.findUnique({ where: { id: producerId }, select: { districtId: true } });
  if (!p || p.districtId !== s.districtId) return stay(text('ไม่พบผู้ผลิตรายนี้ในทะเบียนของอำเภอ'), ...(await prompt(ctx, s)));
  return go(ctx, { ...onProducer(s, producerId), step: 'card' }, ...pre);
}

async function start(ctx: Ctx): Promise<Out> {
  const actor = ctx.actor!;
  const token = newToken();
  if (actor.role === 'DISTRICT_OFFICER' && actor.districtId) {
    return go(ctx, { step: 'list', token, districtId: actor.districtId, readOnly: false, query: null, page: 1 });
  }
  if (actor.role === 'PROVINCE_OFFICER' && actor.provinceId) {
    const first = await ctx.tx.district.findFirst({ where: { provinceId: actor.provinceId }, orderBy: { id: 'asc' }, select: { id: true } });
    if (!first) return done(text('จังหวัดนี้ยังไม่มีอำเภอในระบบ'));
    return go(ctx, { step: 'districts', token, districtId: first.id, readOnly: true, query: null, page: 1 });
  }
  return done(text('ทะเบียนผู้ผลิตใช้ได้สำหรับเจ้าหน้าที่อำเภอและจังหวัดเท่านั้น'));
}

async function search(ctx: Ctx, s: S, raw: string): Promise<Out> {
  const query = normaliseProducerName(raw);
  if (query.length < 2 || query.length > 100) return stay(text('กรุณาพิมพ์อย่างน้อย 2 ตัวอักษรของชื่อผู้ผลิต'), ...P.searchPrompt(s));
  return go(ctx, list(s, query, 1));
}

/** Writes the confirmed change through the domain; a rule broken meanwhile (name taken, already deregistered) is
 * told and the card shown again. */
async function commit(ctx: Ctx, s: RegistryStep<'edit-confirm' | 'dereg-confirm' | 'react-confirm'>): Promise<Out> {
  const back = { ...onProducer(s, s.producerId), step: 'card' as const };
  try {
    if (s.step === 'edit-confirm') {
      const read = await readTyped(ctx, s);
      if (!read.ok) return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-value', field: s.field }, text(read.message));
      await editProducerField(ctx.tx, ctx.actor!, s.producerId, read.value, ctx.event.id);
      return go(ctx, back, text(`บันทึกแล้ว ✅ ${P.FIELD_TH[s.field]}: ${read.value.shown}`));
    }
    if (s.step === 'dereg-confirm') {
      const p = await deregisterProducer(ctx.tx, ctx.actor!, s.producerId, s.reason, ctx.now, ctx.event.id);
      return go(ctx, back, text(`ยกเลิกการลงทะเบียน ${p.name} แล้ว ✅`));
    }
    const p = await reactivateProducer(ctx.tx, ctx.actor!, s.producerId, ctx.event.id);
    return go(ctx, back, text(`${p.name} กลับมาลงทะเบียนแล้ว ✅`));
  } catch (err) {
    if (err instanceof RuleError) return go(ctx, back, text(err.message));
    throw err;
  }
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('rg-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังดูทะเบียนผู้ผลิตรายการนี้:'), ...(await prompt(ctx, s)));
  }
  const action = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? input.text.trim() : '';
  const word = normaliseWord(raw);
  if (raw && MENU.has(word)) return pass(); // a menu word starts its own flow
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));
  const writes = !s.readOnly;
  const id = Number(params.p);

  // taps valid from anywhere in the conversation
  if (action === 'rg-districts' && ctx.actor!.role === 'PROVINCE_OFFICER') return go(ctx, { ...base(s), step: 'districts', query: null, page: 1 });
  if (action === 'rg-back' || word === 'กลับไปรายชื่อ') return go(ctx, list(s));
  if (action === 'rg-open') return open(ctx, s, id);
  if (action === 'rg-search' || word === 'ค้นหา') return next({ ...base(s), step: 'search' }, ...P.searchPrompt(s));
  if (action === 'rg-all' || word === 'ทั้งหมด') return go(ctx, list(s, null, 1));
  if (writes && action === 'rg-edit' && id === ('producerId' in s ? s.producerId : -1)) return go(ctx, { ...onProducer(s, id), step: 'edit-field' });
  if (writes && action === 'rg-dereg' && id === ('producerId' in s ? s.producerId : -1)) return go(ctx, { ...onProducer(s, id), step: 'dereg-reason' });
  if (writes && action === 'rg-react' && id === ('producerId' in s ? s.producerId : -1)) return go(ctx, { ...onProducer(s, id), step: 'react-confirm' });

  switch (s.step) {
    case 'districts': {
      if (action === 'rg-dpage') return go(ctx, { ...s, page: Math.max(1, Number(params.n) || 1) });
      if (action === 'rg-district') {
        const d = await ctx.tx.district.findUnique({ where: { id: Number(params.d) }, select: { id: true, provinceId: true } });
        if (!d || d.provinceId !== ctx.actor!.provinceId) return again(text('อำเภอนี้ไม่อยู่ในจังหวัดของคุณ'));
        return go(ctx, { ...base(s), districtId: d.id, step: 'list', query: null, page: 1 });
      }
      return again(text('กรุณาเลือกอำเภอจากปุ่ม "ดูทะเบียน"'));
    }
    case 'search':
      return raw ? search(ctx, s, raw) : again();
    case 'list': {
      if (action === 'rg-page' || word === 'ถัดไป' || word === 'ก่อนหน้า') {
        const n = action === 'rg-page' ? Number(params.n) : s.page + (word === 'ถัดไป' ? 1 : -1);
        return go(ctx, { ...s, page: Number.isInteger(n) && n > 0 ? n : 1 });
      }
      const digits = toArabicDigits(raw);
      if (/^\d{1,4}$/.test(digits)) {
        const n = Number(digits);
        const page = await registerPage(ctx.tx, ctx.actor!, s.districtId, { query: s.query, page: Math.ceil(n / REGISTER_PAGE_SIZE) || 1 });
        const row = n >= 1 && n <= page.total ? page.rows[(n - 1) % REGISTER_PAGE_SIZE] : undefined;
        if (!row) return again(text(`ไม่มีลำดับที่ ${digits} ในรายการนี้${page.total ? ` กรุณาพิมพ์ 1–${page.total}` : ''}`));
        return open(ctx, s, row.id);
      }
      return raw ? search(ctx, s, raw) : again();
    }
    case 'card':
      return raw ? search(ctx, s, raw) : again();
    case 'edit-field': {
      const field = action === 'rg-field' ? (Object.keys(P.FIELD_TH) as Field[]).find((f) => f === params.v) : FIELD_WORDS[word];
      if (!field) return again(text('กรุณาเลือกช่องที่จะแก้ไขจากปุ่มด้านล่าง'));
      return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-value', field });
    }
    case 'edit-value': {
      if (action === 'rg-field') return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-value', field: (Object.keys(P.FIELD_TH) as Field[]).find((f) => f === params.v) ?? s.field });
      if (s.field === 'tambon' && (action === 'rg-keep' || word === normaliseWord(KEEP_AS_TYPED))) {
        if (!s.typed) return again(text('กรุณาพิมพ์ชื่อตำบลก่อน'));
        return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-confirm', field: 'tambon', typed: s.typed, asTyped: true });
      }
      if (!raw) return again();
      if (s.field === 'tambon') return takeTambon(ctx, s, raw);
      const read = readFieldValue(s.field, raw, { index: await loadPlaceIndex(ctx.tx), districtId: s.districtId });
      if (!read.ok) return again(text(read.message));
      return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-confirm', field: s.field, typed: raw.slice(0, 300) });
    }
    case 'edit-confirm': {
      if (action === 'rg-yes' || YES.has(word)) return commit(ctx, s);
      if (action === 'rg-field') return go(ctx, { ...onProducer(s, s.producerId), step: 'edit-value', field: s.field });
      return again(text('กรุณากด "ยืนยัน" หรือ "พิมพ์ใหม่"'));
    }
    case 'dereg-reason': {
      const reasons = [...DEREGISTER_REASONS, P.OTHER_REASON];
      const picked = action === 'rg-reason' ? reasons[Number(params.v)] : reasons.find((r) => normaliseWord(r) === word);
      if (picked === P.OTHER_REASON || (!picked && (word === 'อื่นๆ' || word === 'อื่น'))) return go(ctx, { ...onProducer(s, s.producerId), step: 'dereg-other' });
      if (!picked) return again(text('กรุณาเลือกเหตุผลจากปุ่มด้านล่าง หรือกด "อื่น ๆ" เพื่อพิมพ์เหตุผลเอง'));
      return go(ctx, { ...onProducer(s, s.producerId), step: 'dereg-confirm', reason: picked });
    }
    case 'dereg-other': {
      const reason = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (reason.length < 2 || reason.length > DEREGISTER_REASON_MAX) return again(text(`เหตุผลต้องยาว 2–${DEREGISTER_REASON_MAX} ตัวอักษร`));
      return go(ctx, { ...onProducer(s, s.producerId), step: 'dereg-confirm', reason });
    }
    case 'dereg-confirm':
    case 'react-confirm':
      if (action === 'rg-yes' || YES.has(word)) return commit(ctx, s);
      return again(text('กรุณากดปุ่มยืนยัน หรือ "กลับ"'));
  }
}

export const registryFlow: Flow<S> = { name: P.FLOW, version: 1, schema: RegistryState, start, advance, prompt };

export const registryModule: BotModule = {
  flows: [registryFlow],
  startWords: { ทะเบียนผู้ผลิต: { flow: P.FLOW }, ทะเบียน: { flow: P.FLOW } },
};
