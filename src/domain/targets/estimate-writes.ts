// Setting and answering estimates (ประมาณการ). The province sets what each district must still sell in each remaining
// month (a table, or the even split of the gap); the district certifies (รับรอง) or types its own figure for every
// month (ไม่รับรอง โดยขอแก้ไข). Every write is authorised here (estimates.set over the province, estimates.certify
// over the district), audited with before and after, and conditional on the revision the person saw.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { assertAllowed, placeOfDistrict, placeOfProvince } from '../authorise.js';
import { RuleError } from '../errors.js';
import { fiscalYearMonths, monthKeyFromDbDate, monthStart, previousMonth, type MonthKey } from '../fiscal-period.js';
import { formatMonthTh } from '../thai-format.js';
import { estimateGap, evenSplit } from './estimate-split.js';
import { loadTarget } from './queries.js';
import { roundFigures } from './standing-query.js';

/** One district's estimate to store: target = actualToDate + the months (or more, when actual already passed it). */
export interface EstimateInput {
  districtId: number;
  target: bigint;
  targetLabel: string;
  actualToDate: bigint;
  months: { month: MonthKey; amount: bigint }[];
}

export interface SplitRow extends EstimateInput {
  name: string;
  gap: bigint;
}

export interface SplitPlan {
  fiscalYear: number;
  provinceId: number;
  months: MonthKey[];
  rows: SplitRow[];
  /** Districts without a full-year sales target (or without the level asked for): nothing is set for them. */
  skipped: { districtId: number; name: string; reason: string }[];
  /** Short hash of the figures: a confirm button carries it, so it cannot confirm figures it did not show. */
  fingerprint: string;
}

/** The months from `from` to September of the fiscal year; a RuleError when `from` is not in it. */
export function remainingMonths(fiscalYear: number, from: MonthKey): MonthKey[] {
  const all = fiscalYearMonths(fiscalYear);
  const at = all.indexOf(from);
  if (at < 0) throw new RuleError(`เดือนแรกของประมาณการ (${from}) ไม่อยู่ในปีงบประมาณ ${fiscalYear}`);
  return all.slice(at);
}

/**
 * The even split for every district of the province: gap = the full-year target's level `level` (default the
 * highest) − the district's confirmed sales before `from`, split over `from`…September (estimate-split.ts).
 * `actor` null for the command line.
 */
export async function planEvenSplit(tx: Tx, actor: Actor | null, q: { fiscalYear: number; provinceId: number; from: MonthKey; level?: number }): Promise<SplitPlan> {
  if (actor) assertAllowed(actor, 'estimates.set', await placeOfProvince(tx, q.provinceId));
  const months = remainingMonths(q.fiscalYear, q.from);
  const districts = await tx.district.findMany({ where: { provinceId: q.provinceId }, orderBy: { id: 'asc' } });
  const rows: SplitRow[] = [];
  const skipped: SplitPlan['skipped'] = [];
  for (const d of districts) {
    const target = await loadTarget(tx, { districtId: d.id }, q.fiscalYear, 'FULL_YEAR', 'SALES');
    const tier = target ? (q.level === undefined ? target.tiers.at(-1) : target.tiers.find((t) => t.order === q.level)) : undefined;
    if (!tier) {
      skipped.push({ districtId: d.id, name: d.nameTh, reason: target ? `ไม่มีระดับ ${q.level}` : 'ยังไม่มีเป้าหมายทั้งปี' });
      continue;
    }
    const before = previousMonth(q.from);
    const actual = (await roundFigures(tx, { districtId: d.id }, q.fiscalYear, 'FULL_YEAR', before, 'unit')).sales;
    const gap = estimateGap(tier.threshold, actual);
    const split = evenSplit(gap, months.length);
    rows.push({ districtId: d.id, name: d.nameTh, target: tier.threshold, targetLabel: tier.label, actualToDate: actual, gap, months: months.map((m, i) => ({ month: m, amount: split[i]! })) });
  }
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(rows.map((r) => [r.districtId, r.target.toString(), r.actualToDate.toString(), r.months.map((m) => `${m.month}:${m.amount}`)])))
    .digest('hex')
    .slice(0, 16);
  return { fiscalYear: q.fiscalYear, provinceId: q.provinceId, months, rows, skipped, fingerprint };
}

export interface SaveSummary {
  created: number;
  replaced: number;
  /** Estimate ids by district. */
  ids: Map<number, number>;
}

/** Stores the estimates of `fiscalYear`, replacing each district's previous one (months, answer reset, revision + 1). */
export async function saveEstimates(
  tx: Tx,
  input: { fiscalYear: number; method: 'IMPORT' | 'EVEN_SPLIT'; source: string; actor: Actor | null; now: Date; items: readonly EstimateInput[]; eventId?: string | null },
): Promise<SaveSummary> {
  const summary: SaveSummary = { created: 0, replaced: 0, ids: new Map() };
  for (const item of input.items) {
    if (input.actor) assertAllowed(input.actor, 'estimates.set', await placeOfDistrict(tx, item.districtId));
    if (item.months.length === 0) throw new RuleError('ประมาณการต้องมีอย่างน้อย 1 เดือน');
    const where = { fiscalYear_districtId: { fiscalYear: input.fiscalYear, districtId: item.districtId } };
    const before = await tx.districtEstimate.findUnique({ where, include: { months: { orderBy: { month: 'asc' } } } });
    const data = {
      target: item.target,
      targetLabel: item.targetLabel,
      actualToDate: item.actualToDate,
      fromMonth: monthStart(item.months[0]!.month),
      method: input.method,
      source: input.source,
      setById: input.actor?.userId ?? null,
      setAt: input.now,
      answer: 'PENDING' as const,
      answeredById: null,
      answeredAt: null,
    };
    const months = { create: item.months.map((m) => ({ month: monthStart(m.month), amount: m.amount })) };
    let id: number;
    if (before) {
      await tx.districtEstimateMonth.deleteMany({ where: { estimateId: before.id } });
      id = (await tx.districtEstimate.update({ where: { id: before.id }, data: { ...data, revision: { increment: 1 }, months } })).id;
      summary.replaced++;
    } else {
      id = (await tx.districtEstimate.create({ data: { ...data, fiscalYear: input.fiscalYear, districtId: item.districtId, months } })).id;
      summary.created++;
    }
    const after = await tx.districtEstimate.findUniqueOrThrow({ where: { id }, include: { months: { orderBy: { month: 'asc' } } } });
    await audit(tx, { actorId: input.actor?.userId ?? null, action: before ? 'estimate.replace' : 'estimate.set', entityType: 'DistrictEstimate', entityId: id, before: before ?? undefined, after, eventId: input.eventId ?? null });
    summary.ids.set(item.districtId, id);
  }
  return summary;
}

async function loadForAnswer(tx: Tx, actor: Actor, id: number, revision: number) {
  const est = await tx.districtEstimate.findUnique({ where: { id }, include: { months: { orderBy: { month: 'asc' } } } });
  if (!est) throw new RuleError('ไม่พบประมาณการนี้แล้ว กรุณาพิมพ์ "ประมาณการ" เพื่อดูฉบับปัจจุบัน');
  assertAllowed(actor, 'estimates.certify', await placeOfDistrict(tx, est.districtId));
  if (est.revision !== revision) throw new RuleError('จังหวัดเปลี่ยนประมาณการแล้ว (การ์ดนี้เป็นฉบับเก่า) กรุณาตรวจฉบับใหม่ก่อนรับรอง', 'stale');
  if (est.answer !== 'PENDING') {
    const when = est.answeredAt ? ` เมื่อ ${est.answeredAt.toISOString().slice(0, 10)}` : '';
    throw new RuleError(`อำเภอ${est.answer === 'CERTIFIED' ? 'รับรอง' : 'ส่งตัวเลขแก้ไข'}ประมาณการนี้ไปแล้ว${when} ถ้าต้องเปลี่ยน ขอให้จังหวัดตั้งประมาณการใหม่`, 'answered');
  }
  return est;
}

/** รับรอง: the district certifies the province's figures as they are (revision as shown). */
export async function certifyEstimate(tx: Tx, actor: Actor, q: { id: number; revision: number; now: Date; eventId?: string | null }) {
  const before = await loadForAnswer(tx, actor, q.id, q.revision);
  const won = await tx.districtEstimate.updateMany({ where: { id: q.id, revision: q.revision, answer: 'PENDING' }, data: { answer: 'CERTIFIED', answeredById: actor.userId, answeredAt: q.now, revision: { increment: 1 } } });
  if (won.count !== 1) throw new RuleError('ประมาณการเพิ่งถูกเปลี่ยน กรุณาพิมพ์ "ประมาณการ" เพื่อดูฉบับปัจจุบัน', 'stale');
  const after = await tx.districtEstimate.findUniqueOrThrow({ where: { id: q.id }, include: { months: { orderBy: { month: 'asc' } } } });
  await audit(tx, { actorId: actor.userId, action: 'estimate.certify', entityType: 'DistrictEstimate', entityId: q.id, before, after, eventId: q.eventId ?? null });
  return after;
}

/** ไม่รับรอง โดยขอแก้ไข: the district's own figure for every month, in the estimate's month order. */
export async function correctEstimate(tx: Tx, actor: Actor, q: { id: number; revision: number; amounts: readonly bigint[]; now: Date; eventId?: string | null }) {
  const before = await loadForAnswer(tx, actor, q.id, q.revision);
  if (q.amounts.length !== before.months.length || q.amounts.some((a) => a < 0n)) {
    throw new RuleError(`ต้องมีตัวเลขของทุกเดือน (${before.months.map((m) => formatMonthTh(monthKeyFromDbDate(m.month))).join(', ')}) และไม่ติดลบ`);
  }
  const won = await tx.districtEstimate.updateMany({ where: { id: q.id, revision: q.revision, answer: 'PENDING' }, data: { answer: 'CORRECTED', answeredById: actor.userId, answeredAt: q.now, revision: { increment: 1 } } });
  if (won.count !== 1) throw new RuleError('ประมาณการเพิ่งถูกเปลี่ยน กรุณาพิมพ์ "ประมาณการ" เพื่อดูฉบับปัจจุบัน', 'stale');
  for (const [i, m] of before.months.entries()) await tx.districtEstimateMonth.update({ where: { id: m.id }, data: { corrected: q.amounts[i]! } });
  const after = await tx.districtEstimate.findUniqueOrThrow({ where: { id: q.id }, include: { months: { orderBy: { month: 'asc' } } } });
  await audit(tx, { actorId: actor.userId, action: 'estimate.correct', entityType: 'DistrictEstimate', entityId: q.id, before, after, eventId: q.eventId ?? null });
  return after;
}
