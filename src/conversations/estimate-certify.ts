// The district's answer to its estimates (แบบรับรองข้อมูลรายได้ฯ): "รับรอง" certifies the province's figures with one
// tap; "ไม่รับรอง ขอแก้ไข" asks the district's own figure for each month in turn (typed, read by the one amount
// parser; "เท่าเดิม" keeps the province's figure; "ย้อนกลับ" goes back a month), then shows them beside the
// province's and only the review card's button sends them. A card of an older revision writes nothing: the person
// gets the current card. Steps: start → month (× n) → review → done.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { card, quoted, say, text, type Reply } from '../bot/reply.js';
import type { Ctx } from '../bot/context.js';
import { parseAmount } from '../domain/amount-parser.js';
import { defaultReportingMonth, type MonthKey } from '../domain/fiscal-period.js';
import { formatBaht, formatMonthTh } from '../domain/thai-format.js';
import { certifyEstimate, correctEstimate, districtEstimate, type DistrictEstimateView } from '../domain/targets/index.js';
import type { BotModule } from './module.js';
import { CERTIFY_FLOW, correctionReviewCard, districtEstimateCard } from './estimate-cards.js';
import { estimateYear } from './estimates.js';

const satang = z.string().regex(/^\d{1,18}$/);
const Common = { id: z.number().int(), rev: z.number().int(), name: z.string(), fy: z.number().int(), months: z.array(z.string()).min(1), province: z.array(satang), typed: z.array(satang) };
const State = z.discriminatedUnion('step', [
  z.object({ step: z.literal('month'), ...Common }),
  z.object({ step: z.literal('review'), ...Common, h: z.string() }),
]);
type S = z.infer<typeof State>;

const KEEP = new Set(['เท่าเดิม', '=', 'ตามจังหวัด']);
const BACK = new Set(['ย้อนกลับ', 'กลับ']);
const CEILING = 1_000_000_000_000n * 100n;

async function current(ctx: Ctx): Promise<DistrictEstimateView | null> {
  return districtEstimate(ctx.tx, ctx.actor!, { fy: estimateYear(ctx).fy, districtId: ctx.actor!.districtId ?? -1 });
}

const none = (fy: number) => text(`จังหวัดยังไม่ได้ส่งประมาณการของปีงบประมาณ ${fy} ให้อำเภอ เมื่อจังหวัดส่งแล้ว จะมีการ์ดให้รับรองที่นี่`, [say('เป้าหมาย'), say('เมนู')]);
const ownCard = (ctx: Ctx, e: DistrictEstimateView, lead?: string): Reply => card(districtEstimateCard(e, defaultReportingMonth(ctx.now), lead), [say('เป้าหมาย'), say('เมนู')]);

function ask(s: Extract<S, { step: 'month' }>): Reply {
  const i = s.typed.length;
  const m = s.months[i] as MonthKey;
  return text(
    `ไม่รับรอง โดยขอแก้ไข (เดือนที่ ${i + 1} จาก ${s.months.length})\nพิมพ์ยอดที่อำเภอประมาณการสำหรับเดือน${formatMonthTh(m)} เป็นบาท เช่น 1,250,000 หรือ 1.25 ล้าน\n(จังหวัดประมาณการไว้ ${formatBaht(BigInt(s.province[i]!))} บาท — พิมพ์ "เท่าเดิม" ถ้าใช้ตัวเลขนี้)`,
    [say('เท่าเดิม'), ...(i > 0 ? [say('ย้อนกลับ')] : []), say('ยกเลิก')],
  );
}

/** Tells the province officers of the district's province what the district answered (sent after commit). */
async function tellProvince(ctx: Ctx, e: DistrictEstimateView): Promise<void> {
  const district = await ctx.tx.district.findUniqueOrThrow({ where: { id: e.districtId }, select: { provinceId: true } });
  const officers = await ctx.tx.user.findMany({ where: { role: 'PROVINCE_OFFICER', active: true, provinceId: district.provinceId }, select: { id: true, lineUserId: true } });
  const what = e.answer === 'CERTIFIED' ? `รับรองประมาณการแล้ว (รวม ${formatBaht(e.total)} บาท)` : `ไม่รับรองประมาณการ ขอแก้ไขเป็นรวม ${formatBaht(e.effectiveTotal)} บาท (จังหวัดตั้งไว้ ${formatBaht(e.total)} บาท)`;
  const reply = text(`อำเภอ${e.nameTh}${what} — พิมพ์ "ประมาณการ" เพื่อดูทุกอำเภอ`, [say('ประมาณการ')]);
  for (const o of officers) await ctx.push(o.lineUserId, [reply], `estimate-answer:${e.id}:${e.revision}:${o.id}`);
}

const fingerprint = (typed: string[]) => createHash('sha256').update(typed.join(',')).digest('hex').slice(0, 16);

function review(s: Extract<S, { step: 'month' }>): Outcome<S> {
  const h = fingerprint(s.typed);
  const c = correctionReviewCard({ ...s, months: s.months as MonthKey[], province: s.province.map(BigInt), typed: s.typed.map(BigInt), h });
  return next({ ...s, step: 'review', h }, card(c, [say('ยกเลิก')]));
}

export const estimateCertifyFlow: Flow<S> = {
  name: CERTIFY_FLOW,
  version: 1,
  schema: State,
  async start(ctx, args) {
    const e = await current(ctx);
    if (!e) return done(none(estimateYear(ctx).fy));
    const tapped = args.x === 'certify' || args.x === 'correct';
    if (tapped && (String(e.id) !== args.id || String(e.revision) !== args.rev)) {
      return done(text('การ์ดนั้นเป็นฉบับเก่า ประมาณการเปลี่ยนไปแล้ว ยังไม่ได้บันทึกอะไร นี่คือฉบับปัจจุบัน'), ownCard(ctx, e));
    }
    if (tapped && e.answer !== 'PENDING') return done(text(`อำเภอ${e.answer === 'CERTIFIED' ? 'รับรอง' : 'ส่งตัวเลขแก้ไข'}ประมาณการนี้ไปแล้ว ถ้าต้องเปลี่ยน ขอให้จังหวัดตั้งประมาณการใหม่`), ownCard(ctx, e));
    if (!tapped) return done(ownCard(ctx, e));
    if (args.x === 'certify') {
      await certifyEstimate(ctx.tx, ctx.actor!, { id: e.id, revision: e.revision, now: ctx.now, eventId: ctx.event.id });
      const after = (await current(ctx))!;
      await tellProvince(ctx, after);
      return done(text(`รับรองประมาณการของอำเภอ${e.nameTh}แล้ว แจ้งจังหวัดแล้ว`), ownCard(ctx, after));
    }
    const s = { step: 'month' as const, id: e.id, rev: e.revision, name: e.nameTh, fy: e.fiscalYear, months: e.months.map((m) => m.month), province: e.months.map((m) => m.amount.toString()), typed: [] };
    return next(s, ask(s));
  },
  async advance(ctx, state, input) {
    if (state.step === 'review') {
      if (input.kind === 'text') return stay(text('ตัวเลขยังไม่ได้ส่ง แตะ "ส่งตัวเลขที่แก้ไข" บนการ์ด หรือ "พิมพ์ใหม่" หรือพิมพ์ "ยกเลิก"'));
      if (input.postback.action !== 'estimate-correct-send') return pass();
      if (input.postback.params.h !== state.h) return stay(text('ปุ่มนั้นเป็นของตัวเลขชุดก่อน กรุณาแตะ "ส่งตัวเลขที่แก้ไข" บนการ์ดล่าสุด'));
      await correctEstimate(ctx.tx, ctx.actor!, { id: state.id, revision: state.rev, amounts: state.typed.map(BigInt), now: ctx.now, eventId: ctx.event.id });
      const e = (await current(ctx))!;
      await tellProvince(ctx, e);
      return done(text(`ส่งตัวเลขที่อำเภอขอแก้ไขแล้ว รวม ${formatBaht(e.effectiveTotal)} บาท (จังหวัดประมาณการไว้ ${formatBaht(e.total)} บาท)`), ownCard(ctx, e));
    }
    if (input.kind !== 'text') return pass();
    const typed = input.text.trim();
    const i = state.typed.length;
    if (BACK.has(typed)) {
      if (i === 0) return stay(text('นี่คือเดือนแรกแล้ว'), ask(state));
      const back = { ...state, typed: state.typed.slice(0, -1) };
      return next(back, ask(back));
    }
    let amount: bigint;
    if (KEEP.has(typed)) amount = BigInt(state.province[i]!);
    else {
      const a = parseAmount(typed, { ceilingSatang: CEILING });
      if (!a.ok) return stay(text(`${quoted(typed)}: ${a.message}`), ask(state));
      if (a.satang % 100n !== 0n) return stay(text(`ประมาณการใส่เป็นจำนวนเต็มบาท ไม่ต้องมีสตางค์ (พิมพ์ ${quoted(typed)})`), ask(state));
      amount = a.satang;
    }
    const s = { ...state, typed: [...state.typed, amount.toString()] };
    return s.typed.length === s.months.length ? review(s) : next(s, ask(s));
  },
  draft(state) {
    return state.typed.length ? `ตัวเลขประมาณการที่อำเภอขอแก้ไข ${state.typed.length} เดือน ที่ยังไม่ได้ส่ง` : null;
  },
};

export const estimateCertifyModule: BotModule = { flows: [estimateCertifyFlow] };
