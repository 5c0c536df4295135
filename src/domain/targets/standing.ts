// Where a unit stands in a round: the figure so far (confirmed sales, or online products counted), the level reached,
// growth over the baseline, what is still missing to the next level, and a projection to the round's end at the
// pace so far. Pure: the caller (standing-query.ts) reads the figures; reports and reminders call this directly.
import { scoreOf, type Score, type ScoredTarget, type Tier } from './scoring.js';

export interface StandingInput {
  target: ScoredTarget;
  /** Satang for SALES targets, a count for ONLINE_PRODUCTS. */
  achieved: bigint;
  /** Months of the round counted so far (0 … monthsInRound). */
  monthsElapsed: number;
  /** 6 for a half-year round, 12 for the full year. */
  monthsInRound: number;
}

/** One bar of the card: how full the tier is, in thousandths (0–1000). */
export interface TierBar {
  tier: Tier;
  reached: boolean;
  permille: number;
}

export interface Standing extends Score {
  target: ScoredTarget;
  achieved: bigint;
  /** Growth of `achieved` over the baseline in basis points (half away from zero), or null without a baseline. */
  growthBasisPoints: number | null;
  /** achieved ÷ monthsElapsed × monthsInRound (half-up), SALES only; null before the first month or for counts. */
  projection: bigint | null;
  /** What the projection would score; null with it. */
  projectedScore: Score | null;
  bars: TierBar[];
  monthsElapsed: number;
  monthsInRound: number;
}

const divHalfUp = (a: bigint, b: bigint): bigint => (a >= 0n ? (2n * a + b) / (2n * b) : -((2n * -a + b) / (2n * b)));

/** Growth of `now` over `base`, basis points, half away from zero; null when base ≤ 0. */
export function growthBasisPoints(now: bigint, base: bigint | null): number | null {
  if (base === null || base <= 0n) return null;
  return Number(divHalfUp((now - base) * 10_000n, base));
}

/** The unit's standing for the round (see the file comment). */
export function standing(input: StandingInput): Standing {
  const { target, achieved, monthsElapsed, monthsInRound } = input;
  const score = scoreOf(target, achieved);
  const canProject = target.kind === 'SALES' && monthsElapsed > 0 && monthsInRound > 0;
  const projection = canProject
    ? monthsElapsed >= monthsInRound ? achieved : divHalfUp(achieved * BigInt(monthsInRound), BigInt(monthsElapsed))
    : null;
  const bars = [...target.tiers]
    .sort((a, b) => a.order - b.order)
    .map((tier) => ({
      tier,
      reached: achieved >= tier.threshold,
      permille: tier.threshold <= 0n ? 1000 : Number(achieved >= tier.threshold ? 1000n : (achieved * 1000n) / tier.threshold),
    }));
  return {
    ...score,
    target,
    achieved,
    growthBasisPoints: growthBasisPoints(achieved, target.baseline),
    projection,
    projectedScore: projection === null ? null : scoreOf(target, projection),
    bars,
    monthsElapsed,
    monthsInRound,
  };
}
