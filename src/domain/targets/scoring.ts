// Scoring exactly as the department scores (letters in ../shared/seeds): a unit reaches a level when its figure is
// "ไม่น้อยกว่า" (at least) the level's threshold; the score is the highest score among the levels reached. 3-tier
// tables score ขั้นต้น 2, ขั้นมาตรฐาน 3, ขั้นสูง 5 (the fy2567 ฉะเชิงเทรา round-1 result table) unless the import says
// otherwise; growth tables may define a floor score given below every threshold ("น้อยกว่าร้อยละ ๗" = 1). Pure.

/** Thai wording of the department for a unit below every scored level. */
export const BELOW_LEVEL_ONE_TH = 'ยังไม่ถึงค่าคะแนนระดับ 1';

/** The 3 tiers of the department's tables, lowest first. */
export const THREE_TIERS = ['ขั้นต้น', 'ขั้นมาตรฐาน', 'ขั้นสูง'] as const;
export type ThreeTier = (typeof THREE_TIERS)[number];

/** Default scores of the 3 tiers (the department's fy2567 round-1 result table for ฉะเชิงเทรา). */
export const DEFAULT_THREE_TIER_SCORES: Readonly<Record<ThreeTier, number>> = { ขั้นต้น: 2, ขั้นมาตรฐาน: 3, ขั้นสูง: 5 };

export type TargetKindName = 'SALES' | 'ONLINE_PRODUCTS';
export type TargetRoundName = 'FULL_YEAR' | 'ROUND_1' | 'ROUND_2';

/** One level of a target, its threshold resolved: satang for SALES, a product count for ONLINE_PRODUCTS. */
export interface Tier {
  /** Position in the table, 1 = first printed (lowest). */
  order: number;
  /** As printed: "ขั้นต้น", "คะแนน 3", "ระดับ 2". */
  label: string;
  score: number;
  threshold: bigint;
  /** Growth over the baseline the threshold stands for, basis points; null for absolute thresholds. */
  growthBasisPoints: number | null;
}

/** A target ready to score. */
export interface ScoredTarget {
  kind: TargetKindName;
  fiscalYear: number;
  round: TargetRoundName;
  /** Satang (SALES) or count; null when the table prints none. */
  baseline: bigint | null;
  baselineFiscalYear: number | null;
  tiers: Tier[];
  /** Score given below every threshold, or null ("ยังไม่ถึงค่าคะแนนระดับ 1"). */
  floorScore: number | null;
  floorLabel: string | null;
}

/** baseline × (1 + basis points / 10,000), half-up to whole baht (as the department's letters compute it). */
export function growthThreshold(baselineSatang: bigint, basisPoints: number): bigint {
  const baht = baselineSatang / 100n;
  return ((baht * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n) * 100n;
}

/** The same rule for a count baseline (no baht rounding): half-up to a whole count. */
export function growthCount(baseline: bigint, basisPoints: number): bigint {
  return (baseline * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n;
}

/** Stored level row → Tier: absolute threshold, or derived from the baseline; score defaults to the level number. */
export function tierOf(
  target: { kind: TargetKindName; baseline: bigint | null },
  l: { level: number; label: string; threshold: bigint | null; growthBasisPoints: number | null; score?: number | null },
): Tier {
  let threshold = l.threshold;
  if (threshold === null) {
    if (target.baseline === null || l.growthBasisPoints === null) throw new Error(`level ${l.level} has neither threshold nor baseline`);
    threshold = target.kind === 'SALES' ? growthThreshold(target.baseline, l.growthBasisPoints) : growthCount(target.baseline, l.growthBasisPoints);
  }
  return { order: l.level, label: l.label, score: l.score ?? l.level, threshold, growthBasisPoints: l.growthBasisPoints };
}

/** What a figure scores against a target. */
export interface Score {
  /** The highest-scoring level reached, or null below every level. */
  reached: Tier | null;
  /** Score of `reached`, else the floor score, else null. */
  score: number | null;
  /** "ขั้นสูง (5 คะแนน)", "ต่ำกว่าร้อยละ 7 (1 คะแนน)" or BELOW_LEVEL_ONE_TH. */
  scoreLabel: string;
  /** The cheapest level not reached that would raise the score, or null at the top. */
  next: Tier | null;
  /** next.threshold − figure, or null at the top. */
  missing: bigint | null;
}

/** Scores `figure` (satang or count): a level is reached at "ไม่น้อยกว่า" its threshold. */
export function scoreOf(target: Pick<ScoredTarget, 'tiers' | 'floorScore' | 'floorLabel'>, figure: bigint): Score {
  const reachedTiers = target.tiers.filter((t) => figure >= t.threshold);
  const reached = reachedTiers.reduce<Tier | null>((best, t) => (best === null || t.score > best.score ? t : best), null);
  const score = reached?.score ?? target.floorScore;
  const floor = target.floorScore !== null ? target.floorScore : null;
  const better = target.tiers
    .filter((t) => figure < t.threshold && t.score > (score ?? Number.NEGATIVE_INFINITY))
    .sort((a, b) => (a.threshold < b.threshold ? -1 : a.threshold > b.threshold ? 1 : a.score - b.score));
  const next = better[0] ?? null;
  const scoreLabel = reached
    ? `${reached.label} (${reached.score} คะแนน)`
    : floor !== null
      ? `${target.floorLabel ?? 'ต่ำกว่าระดับแรก'} (${floor} คะแนน)`
      : BELOW_LEVEL_ONE_TH;
  return { reached, score, scoreLabel, next, missing: next ? next.threshold - figure : null };
}

/** Tiers whose thresholds do not rise with their order (the fy2566 ราชสาส์น round-2 row prints them falling). */
export function unorderedTiers(tiers: readonly Tier[]): Tier[] {
  const sorted = [...tiers].sort((a, b) => a.order - b.order);
  return sorted.filter((t, i) => i > 0 && t.threshold <= sorted[i - 1]!.threshold);
}
