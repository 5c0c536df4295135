// What a district confirmation would do, before it does it, and the one way to close a month for producers that
// have not reported: recording "no sales this month" (four zero amounts per category) for them, entered by the
// officer. Reads in confirmPreview; markNoSales writes only through submitEntry (authorised, audited, late-flagged).
import type { Tx } from '../db/client.js';
import type { Actor } from './actor.js';
import { CATEGORIES } from './catalog.js';
import { assertDistrict, listDistrictEntries, monthLock, pendingProducers, type PendingProducer, type ReviewEntry, type SeenEntry } from './district-review-queries.js';
import type { MonthKey } from './fiscal-period.js';
import { submitEntry } from './sales.js';
import { canTransition } from './sales-status.js';

export interface ConfirmPreview {
  districtName: string;
  /** Entries a confirmation with these exceptions would confirm now (awaiting, seen as they are). */
  toConfirm: ReviewEntry[];
  total: bigint;
  /** Excepted numbers that await confirmation (they stay awaiting). */
  excepted: number[];
  /** Awaiting entries that would NOT be confirmed because they changed since, or were never shown. */
  notSeen: number[];
  /** Numbers asked to be excepted that do not exist. */
  missing: number[];
  /** Active producers with no entry for the month. */
  pending: PendingProducer[];
  locked: boolean;
}

/** The preview of "ยืนยันทั้งหมด [ยกเว้น …]": nothing is written. */
export async function confirmPreview(
  tx: Tx,
  actor: Actor,
  districtId: number,
  month: MonthKey,
  except: readonly number[],
  seen: readonly SeenEntry[],
): Promise<ConfirmPreview> {
  const districtName = await assertDistrict(tx, actor, 'sales.district-confirm', districtId);
  const entries = await listDistrictEntries(tx, actor, districtId, month, seen);
  const numbers = new Set(entries.map((e) => e.no));
  const skip = new Set(except);
  const waiting = entries.filter((e) => canTransition('district-confirm', e.status, actor.role));
  const inScope = waiting.filter((e) => !skip.has(e.no));
  const toConfirm = inScope.filter((e) => e.seenRevision === e.revision);
  return {
    districtName,
    toConfirm,
    total: toConfirm.reduce((s, e) => s + e.total, 0n),
    excepted: waiting.filter((e) => skip.has(e.no)).map((e) => e.no),
    notSeen: inScope.filter((e) => e.seenRevision !== e.revision).map((e) => e.no),
    missing: [...skip].filter((n) => !numbers.has(n)).sort((a, b) => a - b),
    pending: await pendingProducers(tx, actor, districtId, month),
    locked: !!(await monthLock(tx, districtId, month)),
  };
}

/**
 * Records "ไม่มียอดขายเดือนนี้" for the producers that still have no entry for the month: one zero entry per
 * category they registered (FOOD when none), submitted by the officer. Returns the ids of the new entries.
 */
export async function markNoSales(tx: Tx, actor: Actor, districtId: number, month: MonthKey, now: Date, eventId?: string): Promise<number[]> {
  const zero = { domesticOffline: 0n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n };
  const ids: number[] = [];
  for (const p of await pendingProducers(tx, actor, districtId, month)) {
    const producer = await tx.producer.findUniqueOrThrow({ where: { id: p.id }, select: { categories: true } });
    const categories = CATEGORIES.filter((c) => producer.categories.includes(c));
    for (const category of categories.length ? categories : (['FOOD'] as const)) {
      const r = await submitEntry(tx, actor, { producerId: p.id, month, category, amounts: zero, exports: [], expectedRevision: null }, now, eventId);
      ids.push(r.entry.id);
    }
  }
  return ids;
}
