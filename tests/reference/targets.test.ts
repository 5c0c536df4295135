import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadDistricts,
  loadFy2561ProvinceTargets,
  loadFy2566ChachoengsaoDistrictTargets,
  loadProvinces,
} from '../../src/seed/reference-data.js';

const reference = (name: string) => new URL(`../../prisma/reference/${name}`, import.meta.url);
const shared = (name: string) => new URL(`../../../shared/data/${name}`, import.meta.url);

/** baseline × (1 + bp/10000), rounded half-up to whole baht; amounts in satang of whole baht. */
function growth(baselineSatang: bigint, basisPoints: number): bigint {
  const baht = baselineSatang / 100n;
  return ((baht * BigInt(10_000 + basisPoints) + 5_000n) / 10_000n) * 100n;
}

describe('committed copies of the shared target tables', () => {
  for (const name of ['fy2561-province-targets.csv', 'fy2566-chachoengsao-district-targets.csv']) {
    it.skipIf(!existsSync(shared(name)))(`${name} equals shared/data/${name}`, () => {
      expect(readFileSync(reference(name)).equals(readFileSync(shared(name)))).toBe(true);
    });
  }
});

describe('fiscal-2561 province targets', () => {
  const targets = loadFy2561ProvinceTargets();

  it('cover the 76 provinces in the letter’s order', () => {
    expect(targets.map((t) => t.no)).toEqual(Array.from({ length: 76 }, (_, i) => i + 1));
    expect(new Set(targets.map((t) => t.provinceCode))).toEqual(new Set(loadProvinces().map((p) => p.code)));
  });

  it('have levels 1–5 equal to baseline × (1 + 16…20%), half-up to whole baht (76 × 5)', () => {
    let checked = 0;
    for (const t of targets) {
      expect(t.levels.map((l) => [l.level, l.label, l.growthBasisPoints])).toEqual(
        [1, 2, 3, 4, 5].map((n) => [n, `คะแนน ${n}`, 1500 + 100 * n]),
      );
      for (const l of t.levels) {
        expect(l.thresholdSatang, `${t.provinceNameTh} level ${l.level}`).toBe(growth(t.baselineSatang, l.growthBasisPoints ?? 0));
        checked += 1;
      }
      expect(t.targetSatang).toBe(t.levels[4]?.thresholdSatang);
    }
    expect(checked).toBe(380);
  });

  it('give money in satang', () => {
    const chachoengsao = targets.find((t) => t.provinceCode === 24);
    expect(chachoengsao?.baselineSatang).toBe(274_600_458_400n);
    expect(chachoengsao?.targetSatang).toBe(329_520_550_100n);
    const total = targets.reduce((sum, t) => sum + t.baselineSatang, 0n);
    expect(total).toBe(153_510_732_855_00n); // "รวมทั้งหมด" of the letter
  });
});

describe('fiscal-2566 ฉะเชิงเทรา district targets', () => {
  const targets = loadFy2566ChachoengsaoDistrictTargets();
  const districts = new Map(loadDistricts().map((d) => [d.code, d.nameTh]));

  it('are 11 districts × 3 rounds whose names match district codes 2401–2411', () => {
    expect(targets).toHaveLength(33);
    for (const round of ['FULL_YEAR', 'ROUND_1', 'ROUND_2'] as const) {
      const rows = targets.filter((t) => t.round === round);
      expect(rows.map((t) => t.districtCode).sort()).toEqual([2401, 2402, 2403, 2404, 2405, 2406, 2407, 2408, 2409, 2410, 2411]);
    }
    for (const t of targets) expect(districts.get(t.districtCode)).toBe(t.districtNameTh);
  });

  it('carry sales of 2563–2565 and the three absolute levels in satang', () => {
    const banPho = targets.find((t) => t.districtCode === 2405 && t.round === 'FULL_YEAR');
    expect(banPho?.historicalSales).toEqual([
      { fiscalYear: 2563, amountSatang: 3_577_794_657_00n },
      { fiscalYear: 2564, amountSatang: 3_475_562_647_00n },
      { fiscalYear: 2565, amountSatang: 59_112_473_00n },
    ]);
    expect(banPho?.levels).toEqual([
      { level: 1, label: 'ขั้นต้น', thresholdSatang: 77_637_363_00n },
      { level: 2, label: 'ขั้นมาตรฐาน', thresholdSatang: 1_770_825_533_00n },
      { level: 3, label: 'ขั้นสูง', thresholdSatang: 3_464_013_704_00n },
    ]);
    for (const t of targets) {
      for (const l of t.levels) expect(l.thresholdSatang % 100n).toBe(0n);
    }
  });
});
