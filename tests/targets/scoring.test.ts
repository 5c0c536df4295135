import { describe, expect, it } from 'vitest';
import { BELOW_LEVEL_ONE_TH, growthThreshold, parseTargetTable, scoreOf, standing, type ParsedTarget, type ScoredTarget } from '../../src/domain/targets/index.js';
import { districtUnits, fixtureRows, provinceUnits } from './fixtures.js';

const baht = (n: number | string) => BigInt(n) * 100n;

/** ParsedTarget → what the scorer sees (as queries.ts builds it from the stored rows). */
function scored(t: ParsedTarget, fiscalYear: number): ScoredTarget {
  return {
    kind: t.kind, fiscalYear, round: t.round, baseline: t.baseline, baselineFiscalYear: t.baselineFiscalYear, floorScore: t.floorScore, floorLabel: t.floorLabel,
    tiers: t.levels.map((l) => ({ order: l.level, label: l.label, score: l.score, threshold: l.threshold ?? growthThreshold(t.baseline!, l.growthBasisPoints!), growthBasisPoints: l.growthBasisPoints })),
  };
}

function parse(name: string, units: ReturnType<typeof districtUnits>, extra = {}) {
  const r = parseTargetTable(fixtureRows(name), { units, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r;
}

describe('every growth-derived figure of the seed tables equals baseline × (1 + p), half-up to whole baht', () => {
  it('checks all 501 printed figures, recomputed independently of the importer', () => {
    let checked = 0;
    for (const [name, baseCol, cols] of [
      ['fy2561-province-targets.csv', 3, [[4, 2000], [5, 1600], [6, 1700], [7, 1800], [8, 1900], [9, 2000]]],
      ['fy2564-sakaeo-round2-sales-targets.csv', 2, [[3, 600], [4, 700], [5, 800], [6, 900], [7, 1000]]],
    ] as const) {
      for (const row of fixtureRows(name).slice(1)) {
        for (const [col, bp] of cols) {
          expect(growthThreshold(baht(row[baseCol]!), bp), `${name} ${row[2]} col ${col}`).toBe(baht(row[col]!));
          checked++;
        }
      }
    }
    expect(checked).toBe(501);
  });

  it('the importer checks the same 501 figures and accepts the three seed target files', () => {
    const fy2561 = parse('fy2561-province-targets.csv', provinceUnits);
    const sales = parse('fy2564-sakaeo-round2-sales-targets.csv', districtUnits(27), { round: 'ROUND_2' });
    const online = parse('fy2564-sakaeo-round2-online-product-targets.csv', districtUnits(27), { round: 'ROUND_2' });
    const fy2566 = parse('fy2566-chachoengsao-district-targets.csv', districtUnits(24), { allowUnorderedTiers: true });
    expect(fy2561.derivedChecked + sales.derivedChecked).toBe(501);
    expect([fy2561.targets.length, sales.targets.length, online.targets.length, fy2566.targets.length]).toEqual([76, 9, 9, 33]);
  });
});

describe('scoring as the department scores', () => {
  const fy2566 = parse('fy2566-chachoengsao-district-targets.csv', districtUnits(24), { allowUnorderedTiers: true }).targets;
  const bangKhlaR1 = scored(fy2566.find((t) => t.unit.nameTh === 'บางคล้า' && t.round === 'ROUND_1')!, 2566);

  it('3-tier tables: ขั้นต้น scores 2, ขั้นมาตรฐาน 3, ขั้นสูง 5; below ขั้นต้น reads "ยังไม่ถึงค่าคะแนนระดับ 1"', () => {
    expect(bangKhlaR1.tiers.map((t) => [t.label, t.score, t.threshold])).toEqual([
      ['ขั้นต้น', 2, baht(104517816)], ['ขั้นมาตรฐาน', 3, baht(106721530)], ['ขั้นสูง', 5, baht(108925243)],
    ]);
    expect(scoreOf(bangKhlaR1, baht(104517816)).score).toBe(2);
    expect(scoreOf(bangKhlaR1, baht(108925243)).score).toBe(5);
    expect(scoreOf(bangKhlaR1, baht(108925243)).scoreLabel).toBe('ขั้นสูง (5 คะแนน)');
    const below = scoreOf(bangKhlaR1, baht(104517815));
    expect([below.score, below.scoreLabel, below.next?.label, below.missing]).toEqual([null, BELOW_LEVEL_ONE_TH, 'ขั้นต้น', 100n]);
  });

  it('an import may override the 3-tier scores', () => {
    const t = parse('fy2566-chachoengsao-district-targets.csv', districtUnits(24), { allowUnorderedTiers: true, tierScores: [1, 2, 3] }).targets[0]!;
    expect(t.levels.map((l) => l.score)).toEqual([1, 2, 3]);
  });

  it('growth levels are reached at "ไม่น้อยกว่า" their threshold (fy2561 นนทบุรี, +16 … +20 %)', () => {
    const t = scored(parse('fy2561-province-targets.csv', provinceUnits).targets[0]!, 2561);
    expect(scoreOf(t, baht(1588887334)).score).toBe(3);
    const justBelow = scoreOf(t, baht(1588887333));
    expect([justBelow.score, justBelow.next?.label, justBelow.missing]).toEqual([2, 'ระดับ 3', 100n]);
    expect(scoreOf(t, baht(1561957039)).scoreLabel).toBe(BELOW_LEVEL_ONE_TH);
  });

  it('a growth table with a floor gives level 1 below every threshold (fy2564 สระแก้ว round 2, below +7 %)', () => {
    const t = scored(parse('fy2564-sakaeo-round2-sales-targets.csv', districtUnits(27), { round: 'ROUND_2' }).targets[0]!, 2564);
    expect(t.tiers.map((x) => x.growthBasisPoints)).toEqual([700, 800, 900, 1000]);
    const s = scoreOf(t, 0n);
    expect([s.score, s.scoreLabel, s.next?.label]).toEqual([1, 'ต่ำกว่าร้อยละ 7 (1 คะแนน)', 'ระดับ 2']);
    expect(scoreOf(t, baht(73084060)).score).toBe(2);
    expect(scoreOf(t, baht(75133146)).score).toBe(5);
  });

  it('the online-product KPI scores product counts (เมืองสระแก้ว: 29 … 45)', () => {
    const t = scored(parse('fy2564-sakaeo-round2-online-product-targets.csv', districtUnits(27), { round: 'ROUND_2' }).targets[0]!, 2564);
    expect(t.kind).toBe('ONLINE_PRODUCTS');
    expect(scoreOf(t, 33n).score).toBe(2);
    const s = standing({ target: t, achieved: 30n, monthsElapsed: 3, monthsInRound: 6 });
    expect([s.score, s.missing, s.projection]).toEqual([1, 3n, null]);
  });
});

describe('standing of a unit in a round', () => {
  const t = scored(parse('fy2564-sakaeo-round2-sales-targets.csv', districtUnits(27), { round: 'ROUND_2' }).targets[0]!, 2564);

  it('projects to the round end at the pace so far and names what is missing to the next level', () => {
    const s = standing({ target: t, achieved: baht(36_600_000), monthsElapsed: 3, monthsInRound: 6 });
    expect(s.projection).toBe(baht(73_200_000));
    expect(s.projectedScore?.score).toBe(2);
    expect(s.score).toBe(1);
    expect(s.missing).toBe(baht(73084060 - 36_600_000));
    expect(s.growthBasisPoints).toBe(-4642); // −31,702,860 ÷ 68,302,860 = −46.415 %
    expect(s.bars.map((b) => b.permille)).toEqual([500, 496, 491, 487]);
  });

  it('has no projection before the round’s first month and none beyond the figure at its end', () => {
    expect(standing({ target: t, achieved: 0n, monthsElapsed: 0, monthsInRound: 6 }).projection).toBeNull();
    expect(standing({ target: t, achieved: baht(80_000_000), monthsElapsed: 6, monthsInRound: 6 }).projection).toBe(baht(80_000_000));
    const top = standing({ target: t, achieved: baht(80_000_000), monthsElapsed: 6, monthsInRound: 6 });
    expect([top.score, top.next, top.missing, top.growthBasisPoints]).toEqual([5, null, null, 1713]);
  });
});
