import { describe, expect, it } from 'vitest';
import { readCsv, intCell } from '../../src/seed/csv.js';
import {
  DEMO_DISTRICT_ANNUAL_BASIS_BAHT,
  demoMonthlySales,
  demoMonthlySalesByCategory,
  demoProducers,
  type DemoSalesAmounts,
} from '../../src/seed/demo-data.js';
import { loadFy2566ChachoengsaoDistrictTargets } from '../../src/seed/reference-data.js';
import { z } from 'zod';

const CHACHOENGSAO = [2401, 2402, 2403, 2404, 2405, 2406, 2407, 2408, 2409, 2410, 2411];
const producers = demoProducers();
const sum = (a: DemoSalesAmounts) => a.domesticOffline + a.domesticOnline + a.exportOffline + a.exportOnline;
const tambons = readCsv(
  new URL('../../prisma/reference/tambons.csv', import.meta.url),
  z.object({ code: intCell, district_code: intCell, name_th: z.string(), name_en: z.string() }),
).filter((t) => Math.floor(t.district_code / 100) === 24);

describe('demo producers', () => {
  it('cover all 11 districts of ฉะเชิงเทรา with 3–6 producers each', () => {
    for (const code of CHACHOENGSAO) {
      const n = producers.filter((p) => p.districtCode === code).length;
      expect(n, `district ${code}`).toBeGreaterThanOrEqual(3);
      expect(n, `district ${code}`).toBeLessThanOrEqual(6);
    }
    expect(new Set(producers.map((p) => p.districtCode))).toEqual(new Set(CHACHOENGSAO));
  });

  it('sit in real tambons of their district', () => {
    for (const p of producers) {
      const ok = tambons.some((t) => t.district_code === p.districtCode && t.name_th === p.tambon);
      expect(ok, `${p.name}: ${p.tambon}`).toBe(true);
    }
    expect(tambons).toHaveLength(93);
  });

  it('have unique well-formed registration codes, phones, types and categories', () => {
    expect(new Set(producers.map((p) => p.registrationCode)).size).toBe(producers.length);
    expect(new Set(producers.map((p) => p.name)).size).toBe(producers.length);
    for (const p of producers) {
      expect(p.registrationCode).toMatch(new RegExp(`^24-${String(p.districtCode % 100).padStart(2, '0')}-\\d{4}$`));
      expect(p.phone).toMatch(/^0[689]\d{8}$/);
      expect(['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME']).toContain(p.type);
      expect(p.categories.length).toBeGreaterThan(0);
      for (const c of p.categories) expect(['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL']).toContain(c);
    }
    expect(producers.filter((p) => p.exportMarket !== null).length).toBeGreaterThanOrEqual(3);
  });
});

describe('demo monthly sales', () => {
  it('are deterministic', () => {
    const again = demoProducers();
    for (let m = 0; m < 24; m += 1) {
      producers.forEach((p, i) => expect(demoMonthlySales(p, m)).toEqual(demoMonthlySales(again[i]!, m)));
    }
    expect(demoMonthlySales(producers[0]!, 0)).toEqual(demoMonthlySales(producers[0]!, 0));
    expect(demoMonthlySales(producers[0]!, 0)).not.toEqual(demoMonthlySales(producers[0]!, 1));
  });

  it('are whole baht, online below offline, export only for exporters', () => {
    for (const p of producers) {
      for (let m = 0; m < 12; m += 1) {
        const a = demoMonthlySales(p, m);
        for (const v of Object.values(a)) expect(v % 100n === 0n && v >= 0n).toBe(true);
        expect(a.domesticOnline < a.domesticOffline).toBe(true);
        expect(a.exportOnline <= a.exportOffline).toBe(true);
        if (p.exportMarket === null) expect(a.exportOffline + a.exportOnline).toBe(0n);
      }
    }
  });

  it('add up per district to about the fiscal-2566 basis (target ÷ producers each)', () => {
    for (const code of CHACHOENGSAO) {
      const yearly = producers
        .filter((p) => p.districtCode === code)
        .reduce((total, p) => total + Array.from({ length: 12 }, (_, m) => sum(demoMonthlySales(p, m))).reduce((a, b) => a + b), 0n);
      const ratio = Number(yearly / 100n) / (DEMO_DISTRICT_ANNUAL_BASIS_BAHT[code] ?? 0);
      expect(ratio, `district ${code}`).toBeGreaterThan(0.8);
      expect(ratio, `district ${code}`).toBeLessThan(1.25);
    }
  });

  it('use the ขั้นต้น full-year target, capped at twice fiscal-2565 sales, as the basis', () => {
    for (const t of loadFy2566ChachoengsaoDistrictTargets().filter((x) => x.round === 'FULL_YEAR')) {
      const basic = (t.levels[0]?.thresholdSatang ?? 0n) / 100n;
      const cap = (2n * (t.historicalSales[2]?.amountSatang ?? 0n)) / 100n;
      expect(BigInt(DEMO_DISTRICT_ANNUAL_BASIS_BAHT[t.districtCode] ?? 0)).toBe(basic < cap ? basic : cap);
    }
  });

  it('split by category into parts that add up exactly', () => {
    for (const p of producers) {
      const parts = demoMonthlySalesByCategory(p, 5);
      expect(parts.map((x) => x.category)).toEqual(p.categories);
      const total = demoMonthlySales(p, 5);
      for (const k of ['domesticOffline', 'domesticOnline', 'exportOffline', 'exportOnline'] as const) {
        expect(parts.reduce((s, x) => s + x.amounts[k], 0n)).toBe(total[k]);
      }
    }
  });

  it('reject a bad month index', () => {
    expect(() => demoMonthlySales(producers[0]!, -1)).toThrow(RangeError);
    expect(() => demoMonthlySales(producers[0]!, 1.5)).toThrow(RangeError);
  });
});
