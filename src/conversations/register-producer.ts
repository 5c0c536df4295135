// A district officer registers a producer that is not in the system yet: name (warned when the district already
// has one of that name) → type → main product category → tambon → phone (optional) → official OTOP registration
// number (optional: "ไม่มี" issues <district>-C-<n>, see domain/registry/codes.ts) → summary → ยืนยัน. Only the
// last step writes (registerProducer); then sales entry (or an invite code) for the new producer follows.
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { cancelled, done, next, pass, stay, switchTo, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { defaultReportingMonth } from '../domain/fiscal-period.js';
import { text, type Reply } from '../bot/reply.js';
import { CATEGORIES, CATEGORY_SHORT_TH, CATEGORY_TH, PRODUCER_TYPE_SHORT_TH, PRODUCER_TYPE_TH } from '../domain/catalog.js';
import {
  districtTambons,
  checkOfficialCode,
  normalisePhone,
  normaliseProducerName,
  PRODUCER_NAME_MAX,
  PRODUCER_NAME_MIN,
  registerProducer,
  sameNameProducers,
} from '../domain/producers.js';
import { checkTambon } from '../domain/places.js';
import type { BotModule } from './module.js';
import { KEEP_AS_TYPED } from './tambon-prompts.js';
import * as P from './register-producer-prompts.js';
import { RegisterProducerState, type RegStep } from './register-producer-state.js';
import { newToken } from './sales-entry-state.js';

type S = RegisterProducerState;
type Out = Outcome<S>;
const YES = new Set(['ยืนยัน', 'ใช่', 'ตกลง', 'ok', 'โอเค']);
const SKIP = new Set(['ข้าม', 'ไม่มี', 'ไม่ทราบ', '-']);

const districtId = (ctx: Ctx): number => ctx.actor!.districtId!;

async function districtName(ctx: Ctx): Promise<string> {
  return (await ctx.tx.district.findUnique({ where: { id: districtId(ctx) }, select: { nameTh: true } }))?.nameTh ?? '';
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  switch (s.step) {
    case 'name': return P.namePrompt();
    case 'same-name': return P.sameNamePrompt(s, await sameNameProducers(ctx.tx, ctx.actor!, districtId(ctx), s.name));
    case 'type': return P.typePrompt(s);
    case 'category': return P.categoryPrompt(s);
    case 'tambon': return P.tambonPrompt(await tambonSuggestions(ctx));
    case 'phone': return P.phonePrompt(s);
    case 'code': return P.codePrompt(s);
    case 'summary': return P.summaryCard(s, await districtName(ctx));
  }
}

/** The district's tambons that already have producers first (most first), then the rest of its reference list. */
async function tambonSuggestions(ctx: Ctx): Promise<string[]> {
  const used = await districtTambons(ctx.tx, ctx.actor!, districtId(ctx), 12);
  const listed = (await ctx.places.tambonsOf(districtId(ctx))) ?? [];
  return [...new Set([...used.filter((t) => !listed.length || listed.includes(t)), ...listed])];
}

/** A typed tambon: one of the district's (official spelling) goes on; anything else is explained and kept in
 * `typed` so that "ใช้ชื่อตามที่พิมพ์" can take it. */
async function takeTambon(ctx: Ctx, s: RegStep<'tambon'>, raw: string): Promise<Out> {
  const { typed: _, ...rest } = s;
  const check = await checkTambon(ctx.places, districtId(ctx), raw);
  if (check.kind === 'ok') return goTo(ctx, { ...rest, step: 'phone', tambon: check.name });
  const list = (await ctx.places.tambonsOf(districtId(ctx))) ?? [];
  const problem = P.tambonProblemPrompt(s, check, await districtName(ctx), list);
  if (check.kind === 'invalid') return stay(...problem);
  return next({ ...rest, typed: check.typed }, ...problem);
}

const matchType = (raw: string) => {
  const t = normaliseWord(raw);
  return P.TYPES.find((x) => [PRODUCER_TYPE_TH[x], PRODUCER_TYPE_SHORT_TH[x], x].some((n) => normaliseWord(n) === t)) ??
    (t === 'กลุ่ม' ? 'COMMUNITY_GROUP' : t === 'รายเดียว' ? 'SINGLE_OWNER' : t === 'sme' ? 'SME' : undefined);
};
const matchCategory = (raw: string) => {
  const t = normaliseWord(raw);
  return CATEGORIES.find((c) => normaliseWord(CATEGORY_TH[c]) === t || normaliseWord(CATEGORY_SHORT_TH[c]) === t || (t.length >= 3 && normaliseWord(CATEGORY_TH[c]).startsWith(t)));
};

async function goTo(ctx: Ctx, s: S, ...pre: Reply[]): Promise<Out> {
  return next(s, ...pre, ...(await prompt(ctx, s)));
}

async function takeName(ctx: Ctx, s: S, raw: string): Promise<Out> {
  const name = normaliseProducerName(raw);
  if (name.length < PRODUCER_NAME_MIN || name.length > PRODUCER_NAME_MAX || /^\d+$/.test(name)) {
    return stay(text(`ชื่อผู้ผลิตต้องยาว ${PRODUCER_NAME_MIN}–${PRODUCER_NAME_MAX} ตัวอักษร (ไม่ใช่ตัวเลขล้วน) กรุณาพิมพ์ใหม่`), ...P.namePrompt());
  }
  const base = { then: s.then, token: s.token, name };
  const same = await sameNameProducers(ctx.tx, ctx.actor!, districtId(ctx), name);
  if (same.length) return goTo(ctx, { ...base, step: 'same-name' });
  return goTo(ctx, { ...base, step: 'type' });
}

async function confirm(ctx: Ctx, s: RegStep<'summary'>): Promise<Out> {
  const p = await registerProducer(ctx.tx, ctx.actor!, {
    districtId: districtId(ctx), name: s.name, type: s.type, category: s.category, tambon: s.tambon, phone: s.phone, registrationCode: s.code,
  }, ctx.now, ctx.event.id);
  const saved = text(`ลงทะเบียนเรียบร้อย ✅\n${p.name} (ต.${p.tambon})\nรหัสทะเบียน ${p.registrationCode}`);
  // Straight to the new producer's entry for the month just ended (or its invite code).
  if (s.then === 'invite') return switchTo('invite', { producerId: String(p.id) }, saved);
  return switchTo('sales-entry', { producerId: String(p.id), month: defaultReportingMonth(ctx.now) }, saved);
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  if (actor.role !== 'DISTRICT_OFFICER' || !actor.districtId) return done(text('การลงทะเบียนผู้ผลิตใช้ได้สำหรับเจ้าหน้าที่อำเภอเท่านั้น'));
  return next({ step: 'name', then: args.then === 'invite' ? 'invite' : 'entry', token: newToken() }, ...P.namePrompt());
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('rp-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังลงทะเบียนผู้ผลิตรายนี้อยู่:'), ...(await prompt(ctx, s)));
  }
  const action = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? input.text.trim() : '';
  const again = async (...pre: Reply[]) => stay<S>(...pre, ...(await prompt(ctx, s)));

  switch (s.step) {
    case 'name':
      return raw ? takeName(ctx, s, raw) : again();
    case 'same-name': {
      if (action === 'rp-use') {
        const same = await sameNameProducers(ctx.tx, ctx.actor!, districtId(ctx), s.name);
        const chosen = same.find((p) => String(p.id) === params.p);
        if (!chosen) return again();
        return switchTo(s.then === 'invite' ? 'invite' : 'sales-entry', { producerId: String(chosen.id) });
      }
      if (action === 'rp-new' || normaliseWord(raw) === 'ลงทะเบียนใหม่') return goTo(ctx, { ...s, step: 'type' });
      return raw ? takeName(ctx, s, raw) : again();
    }
    case 'type': {
      const type = action === 'rp-type' ? P.TYPES.find((t) => t === params.v) : matchType(raw);
      if (!type) return again(text('กรุณาเลือกประเภทผู้ผลิตจากปุ่มด้านล่าง'));
      return goTo(ctx, { ...s, step: 'category', type });
    }
    case 'category': {
      const category = action === 'rp-cat' ? CATEGORIES.find((c) => c === params.c) : matchCategory(raw);
      if (!category) return again(text('กรุณาเลือกประเภทผลิตภัณฑ์จากปุ่มด้านล่าง'));
      return goTo(ctx, { ...s, step: 'tambon', category });
    }
    case 'tambon': {
      if (action === 'rp-keep' || normaliseWord(raw) === normaliseWord(KEEP_AS_TYPED)) {
        const { typed, ...rest } = s;
        if (!typed) return again(text('กรุณาพิมพ์ชื่อตำบลก่อน'));
        return goTo(ctx, { ...rest, step: 'phone', tambon: typed });
      }
      return raw ? takeTambon(ctx, s, raw) : again();
    }
    case 'phone': {
      if (action === 'rp-skip' || SKIP.has(normaliseWord(raw))) return goTo(ctx, { ...s, step: 'code', phone: null });
      const phone = normalisePhone(raw);
      if (!phone) return again(text('เบอร์โทรศัพท์ไม่ถูกต้อง กรุณาพิมพ์ตัวเลข 9–10 หลัก เช่น 0812345678 หรือกด "ข้าม"'));
      return goTo(ctx, { ...s, step: 'code', phone });
    }
    case 'code': {
      if (action === 'rp-nocode' || SKIP.has(normaliseWord(raw))) return goTo(ctx, { ...s, step: 'summary', code: null });
      if (!raw) return again();
      const checked = await checkOfficialCode(ctx.tx, raw);
      if (!checked.ok) return stay(...P.codePrompt(s, `${checked.message} กรุณาพิมพ์ใหม่ หรือกด "ไม่มี"`));
      return goTo(ctx, { ...s, step: 'summary', code: checked.code });
    }
    case 'summary': {
      if (action === 'rp-confirm' || YES.has(normaliseWord(raw))) return confirm(ctx, s);
      if (action === 'rp-edit' || normaliseWord(raw) === 'แก้ไข') return next({ step: 'name', then: s.then, token: s.token }, ...P.namePrompt());
      if (action === 'rp-cancel') return cancelled(text('ยกเลิกแล้ว ไม่มีการลงทะเบียน'));
      return again(text('กรุณากด "ยืนยัน ลงทะเบียน" หรือ "แก้ไข"'));
    }
  }
}

export const registerProducerFlow: Flow<S> = { name: P.FLOW, version: 2, schema: RegisterProducerState, start, advance };

export const registerProducerModule: BotModule = {
  flows: [registerProducerFlow],
  startWords: { ลงทะเบียนผู้ผลิต: { flow: P.FLOW }, ลงทะเบียนผู้ผลิตใหม่: { flow: P.FLOW } },
};
