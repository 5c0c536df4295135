// The yearly review of the register (ทบทวนทะเบียนผู้ผลิต): the province opens it from a date; each district sees its
// registered producers that reported nothing in the idleMonths months before that date (producers registered
// after the window began are not judged yet), marks each "ยังดำเนินการ" (KEEP) or deregisters it (DEREGISTER, through
// deregisterProducer: history kept), and confirms its review complete once none remain; the province sees per
// district how many were listed, kept, deregistered and remain.
import { Prisma } from '../../db/generated/client.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { assertAllowed, placeOfDistrict, placeOfProvince } from '../authorise.js';
import { RuleError } from '../errors.js';
import { addMonths, monthKeyFromDbDate, monthKeyOf, monthStart, type MonthKey } from '../fiscal-period.js';
import { deregisterProducer } from './deregister.js';

export const REVIEW_IDLE_MONTHS = 6;
export type ReviewDecision = 'KEEP' | 'DEREGISTER';

export interface Review {
  id: number;
  provinceId: number;
  asOf: Date;
  idleMonths: number;
  /** The first and last month of the window in which a listed producer reported nothing. */
  from: MonthKey;
  to: MonthKey;
}

const windowOf = (asOf: Date, idleMonths: number) => {
  const m = monthKeyOf(asOf);
  return { from: addMonths(m, -idleMonths), to: addMonths(m, -1), end: monthStart(m) };
};

function toReview(r: { id: number; provinceId: number; asOf: Date; idleMonths: number }): Review {
  const w = windowOf(r.asOf, r.idleMonths);
  return { ...r, from: w.from, to: w.to };
}

/** Opens a review of the province's register counting back from `asOf` (a province officer, or the CLI with null). */
export async function openReview(tx: Tx, actor: Actor | null, provinceId: number, asOf: Date, idleMonths: number, now: Date, eventId?: string): Promise<Review> {
  if (actor) assertAllowed(actor, 'registry.review-open', await placeOfProvince(tx, provinceId), 'คุณเปิดการทบทวนได้เฉพาะจังหวัดของคุณ');
  if (!Number.isInteger(idleMonths) || idleMonths < 1 || idleMonths > 36) throw new RuleError('จำนวนเดือนต้องอยู่ระหว่าง 1–36', 'review-months');
  const r = await tx.registerReview.create({ data: { provinceId, asOf, idleMonths, openedAt: now, openedById: actor?.userId ?? null } });
  await audit(tx, { actorId: actor?.userId ?? null, action: 'review.open', entityType: 'RegisterReview', entityId: r.id, after: r, eventId });
  return toReview(r);
}

/** The province's latest review, or null when none was opened. */
export async function currentReview(tx: Tx, provinceId: number): Promise<Review | null> {
  const r = await tx.registerReview.findFirst({ where: { provinceId }, orderBy: { id: 'desc' } });
  return r ? toReview(r) : null;
}

export interface ReviewItem {
  producerId: number;
  districtId: number;
  name: string;
  registrationCode: string;
  tambon: string;
  /** The latest month it ever reported, null when never. */
  lastReported: MonthKey | null;
  decision: ReviewDecision | null;
}

/** The listed producers of some districts with their marks, by name. */
async function items(tx: Tx, review: Review, districtIds: number[]): Promise<ReviewItem[]> {
  if (!districtIds.length) return [];
  const w = windowOf(review.asOf, review.idleMonths);
  const rows = await tx.$queryRaw<{ id: number; districtId: number; name: string; registrationCode: string; tambon: string; last: Date | null; decision: string | null }[]>`
    SELECT p.id, p."districtId", p.name, p."registrationCode", p.tambon, m.decision,
           (SELECT max(s.month) FROM "SalesEntry" s WHERE s."producerId" = p.id AND s.status <> 'DRAFT') AS last
    FROM "Producer" p
    LEFT JOIN "RegisterReviewMark" m ON m."reviewId" = ${review.id} AND m."producerId" = p.id
    WHERE p."districtId" IN (${Prisma.join(districtIds)})
      AND p."createdAt" < ${monthStart(w.from)}
      AND (p.active OR m."producerId" IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM "SalesEntry" s WHERE s."producerId" = p.id AND s.status <> 'DRAFT'
                      AND s.month >= ${monthStart(w.from)} AND s.month < ${w.end})
    ORDER BY p.name, p.id`;
  return rows.map((r) => ({
    producerId: r.id, districtId: r.districtId, name: r.name, registrationCode: r.registrationCode, tambon: r.tambon,
    lastReported: r.last ? monthKeyFromDbDate(r.last) : null, decision: (r.decision as ReviewDecision | null) ?? null,
  }));
}

export interface DistrictReview {
  review: Review;
  districtId: number;
  items: ReviewItem[];
  completedAt: Date | null;
}

/** A district's part of the province's current review; null when no review is open. */
export async function districtReview(tx: Tx, actor: Actor, districtId: number): Promise<DistrictReview | null> {
  const place = await placeOfDistrict(tx, districtId);
  assertAllowed(actor, 'registry.view', place);
  const review = place.provinceId === null ? null : await currentReview(tx, place.provinceId);
  if (!review) return null;
  const done = await tx.registerReviewDistrict.findUnique({ where: { reviewId_districtId: { reviewId: review.id, districtId } } });
  return { review, districtId, items: await items(tx, review, [districtId]), completedAt: done?.completedAt ?? null };
}

async function openPart(tx: Tx, actor: Actor, reviewId: number, districtId: number): Promise<Review> {
  assertAllowed(actor, 'producer.register', await placeOfDistrict(tx, districtId), 'คุณทบทวนได้เฉพาะทะเบียนของอำเภอของคุณ');
  const r = await tx.registerReview.findUnique({ where: { id: reviewId } });
  if (!r) throw new RuleError('ไม่พบรอบการทบทวนนี้', 'review-missing');
  const latest = await currentReview(tx, r.provinceId);
  if (latest?.id !== r.id) throw new RuleError('รอบการทบทวนนี้ปิดแล้ว จังหวัดเปิดรอบใหม่แทน', 'review-replaced');
  const done = await tx.registerReviewDistrict.findUnique({ where: { reviewId_districtId: { reviewId, districtId } } });
  if (done) throw new RuleError('อำเภอยืนยันการทบทวนรอบนี้เสร็จแล้ว', 'review-completed');
  return toReview(r);
}

/** Marks a listed producer: KEEP, or DEREGISTER with a reason (deregisters it now). */
export async function markReviewItem(tx: Tx, actor: Actor, reviewId: number, producerId: number, decision: ReviewDecision, reason: string | null, now: Date, eventId?: string): Promise<void> {
  const p = await tx.producer.findUnique({ where: { id: producerId }, select: { districtId: true } });
  if (!p) throw new RuleError('ไม่พบผู้ผลิตรายนี้', 'producer-missing');
  const review = await openPart(tx, actor, reviewId, p.districtId);
  const listed = (await items(tx, review, [p.districtId])).find((i) => i.producerId === producerId);
  if (!listed) throw new RuleError('ผู้ผลิตรายนี้ไม่อยู่ในรายการทบทวน (มีการรายงานในช่วงที่ทบทวน)', 'review-not-listed');
  if (listed.decision) throw new RuleError('ผู้ผลิตรายนี้ทบทวนไปแล้วในรอบนี้', 'review-marked');
  if (decision === 'DEREGISTER') await deregisterProducer(tx, actor, producerId, reason ?? '', now, eventId);
  await tx.registerReviewMark.create({ data: { reviewId, producerId, districtId: p.districtId, decision, decidedById: actor.userId, decidedAt: now } });
  await audit(tx, { actorId: actor.userId, action: 'review.mark', entityType: 'Producer', entityId: producerId, after: { reviewId, decision, reason }, eventId });
}

/** The district confirms its review complete; refused while listed producers remain unmarked. */
export async function completeDistrictReview(tx: Tx, actor: Actor, reviewId: number, districtId: number, now: Date, eventId?: string): Promise<void> {
  const review = await openPart(tx, actor, reviewId, districtId);
  const remaining = (await items(tx, review, [districtId])).filter((i) => !i.decision).length;
  if (remaining) throw new RuleError(`ยังเหลือผู้ผลิตที่ยังไม่ได้ทบทวน ${remaining} ราย`, 'review-remaining');
  await tx.registerReviewDistrict.create({ data: { reviewId, districtId, completedAt: now, completedById: actor.userId } });
  await audit(tx, { actorId: actor.userId, action: 'review.complete', entityType: 'RegisterReview', entityId: reviewId, after: { districtId }, eventId });
}

export interface ReviewDistrictRow {
  districtId: number;
  nameTh: string;
  listed: number;
  kept: number;
  deregistered: number;
  remaining: number;
  completedAt: Date | null;
}

/** Per district of the review's province: listed, kept, deregistered, remaining, and whether it confirmed. */
export async function reviewSummary(tx: Tx, actor: Actor | null, review: Review): Promise<ReviewDistrictRow[]> {
  if (actor) assertAllowed(actor, 'registry.view', await placeOfProvince(tx, review.provinceId));
  const districts = await tx.district.findMany({ where: { provinceId: review.provinceId }, orderBy: { id: 'asc' }, select: { id: true, nameTh: true } });
  const all = await items(tx, review, districts.map((d) => d.id));
  const done = await tx.registerReviewDistrict.findMany({ where: { reviewId: review.id } });
  return districts.map((d) => {
    const mine = all.filter((i) => i.districtId === d.id);
    return {
      districtId: d.id, nameTh: d.nameTh, listed: mine.length,
      kept: mine.filter((i) => i.decision === 'KEEP').length,
      deregistered: mine.filter((i) => i.decision === 'DEREGISTER').length,
      remaining: mine.filter((i) => !i.decision).length,
      completedAt: done.find((x) => x.districtId === d.id)?.completedAt ?? null,
    };
  });
}
