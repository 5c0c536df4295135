// The even split of a district's gap over the remaining months of the fiscal year (the starting point a province
// may send instead of its own table). Pure. Invariants: every month is whole baht; the months sum exactly to the
// gap; months differ by at most one baht, the extra baht going to the earliest months (so a re-run gives the same
// figures and sales are asked for sooner rather than later). The gap is target − actual to date rounded UP to whole
// baht (selling the rounded gap reaches the target); a unit already at or above its target gets 0 every month.

/** Satang still needed to reach `target`, rounded up to whole baht; 0 when `actual` already reaches it. */
export function estimateGap(target: bigint, actual: bigint): bigint {
  const gap = target - actual;
  if (gap <= 0n) return 0n;
  return ((gap + 99n) / 100n) * 100n;
}

/** `gap` (satang, whole baht) over `months` months: whole baht each, earliest months take the remainder baht. */
export function evenSplit(gap: bigint, months: number): bigint[] {
  if (!Number.isInteger(months) || months <= 0) throw new RangeError(`cannot split over ${months} months`);
  if (gap < 0n || gap % 100n !== 0n) throw new RangeError(`gap must be whole baht and not negative: ${gap}`);
  const baht = gap / 100n;
  const n = BigInt(months);
  const each = baht / n;
  const extra = Number(baht % n);
  return Array.from({ length: months }, (_, i) => (each + (i < extra ? 1n : 0n)) * 100n);
}
