// Pure loaders for the reference data committed in prisma/reference/ (no database). Provenance: SOURCE.md there.
// Money is satang (bigint): the letters print whole baht, so every amount here is a multiple of 100n.
import { z } from 'zod';
import { bahtCell, intCell, readCsv } from './csv.js';

const referenceFile = (name: string): URL => new URL(`../../prisma/reference/${name}`, import.meta.url);

/** A province (จังหวัด) with its official DOPA code and the department's zone. */
export interface ProvinceRow {
  /** Two-digit DOPA code, e.g. 24. */
  code: number;
  nameTh: string;
  nameEn: string;
  /** Zone (ศูนย์ศึกษาและพัฒนาชุมชน เขต) 1–18 as printed in the fiscal-2561 letter. */
  zoneId: number;
}

/** A district (อำเภอ) with its official DOPA code. */
export interface DistrictRow {
  /** Four-digit DOPA code; its first two digits are the province code, e.g. 2401. */
  code: number;
  provinceCode: number;
  /** Without the "อำเภอ" prefix, e.g. "เมืองฉะเชิงเทรา". */
  nameTh: string;
  nameEn: string;
}

export interface ZoneRow {
  id: number;
  /** e.g. "เขต 3". */
  nameTh: string;
}

/** One score level of a target: `thresholdSatang` is the absolute sales needed. */
export interface TargetLevelRow {
  level: number;
  /** Thai label as printed, e.g. "คะแนน 1" or "ขั้นต้น". */
  label: string;
  /** Growth over the baseline in basis points (1600 = +16%); absent for absolute targets. */
  growthBasisPoints?: number;
  thresholdSatang: bigint;
}

/** A province's fiscal-2561 target from the national letter (baseline = fiscal-2560 sales). */
export interface Fy2561ProvinceTarget {
  provinceCode: number;
  provinceNameTh: string;
  zoneId: number;
  /** Row number in the letter, 1–76. */
  no: number;
  fiscalYear: 2561;
  baselineFiscalYear: 2560;
  baselineSatang: bigint;
  /** The +20% target (equal to level 5). */
  targetSatang: bigint;
  /** Levels 1–5 at +16 … +20%. */
  levels: TargetLevelRow[];
}

export type TargetRoundName = 'FULL_YEAR' | 'ROUND_1' | 'ROUND_2';

/** A ฉะเชิงเทรา district's fiscal-2566 target for one round. */
export interface Fy2566DistrictTarget {
  districtCode: number;
  districtNameTh: string;
  /** Row number in the letter, 1–11. */
  no: number;
  fiscalYear: 2566;
  round: TargetRoundName;
  /** Sales of the same round in fiscal 2563, 2564 and 2565, oldest first. */
  historicalSales: { fiscalYear: number; amountSatang: bigint }[];
  /** Levels 1–3: ขั้นต้น, ขั้นมาตรฐาน, ขั้นสูง (absolute thresholds). */
  levels: TargetLevelRow[];
}

/** The fiscal-2561 table as forwarded by Chiang Rai (OCR of the scan reads "ขร"; the province's prefix is ชร). */
export const FY2561_TARGET_SOURCE = 'หนังสือจังหวัดเชียงราย ที่ ชร ๐๐๑๙.๒/ว ๒๘๓ ลงวันที่ ๑๑ มกราคม ๒๕๖๑';
/** The fiscal-2566 ฉะเชิงเทรา letter (OCR reads "ขษ"; the province's prefix is ฉช). */
export const FY2566_CHACHOENGSAO_TARGET_SOURCE = 'หนังสือจังหวัดฉะเชิงเทรา ที่ ฉช ๐๐๑๙/ว ๓๓๕๑ ลงวันที่ ๗ มีนาคม ๒๕๖๖';

const thaiName = z.string().regex(/^[\u0E00-\u0E7F-]+$/);
const englishName = z.string().regex(/^[A-Z][A-Za-z-]*( [A-Z][A-Za-z-]*)*$/);

const provinceSchema = z
  .object({ code: intCell, name_th: thaiName, name_en: englishName, zone: intCell })
  .transform((r): ProvinceRow => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en, zoneId: r.zone }));

const districtSchema = z
  .object({ code: intCell, province_code: intCell, name_th: thaiName, name_en: englishName })
  .transform((r): DistrictRow => ({ code: r.code, provinceCode: r.province_code, nameTh: r.name_th, nameEn: r.name_en }));

/** The 76 provinces of the department's OTOP structure (every province but Bangkok), by code. */
export function loadProvinces(): ProvinceRow[] {
  return readCsv(referenceFile('provinces.csv'), provinceSchema);
}

/** Every district (อำเภอ) of those 76 provinces, by code. */
export function loadDistricts(): DistrictRow[] {
  return readCsv(referenceFile('districts.csv'), districtSchema);
}

/** Zones 1–18, named "เขต N". */
export function loadZones(): ZoneRow[] {
  const ids = [...new Set(loadProvinces().map((p) => p.zoneId))].sort((a, b) => a - b);
  return ids.map((id) => ({ id, nameTh: `เขต ${id}` }));
}

const fy2561Schema = z.object({
  zone: intCell,
  no: intCell,
  province: thaiName,
  sales_fy2560_baht: bahtCell,
  target_fy2561_plus20pct: bahtCell,
  level1_plus16pct: bahtCell,
  level2_plus17pct: bahtCell,
  level3_plus18pct: bahtCell,
  level4_plus19pct: bahtCell,
  level5_plus20pct: bahtCell,
});

/** The fiscal-2561 province targets, matched to DOPA province codes, in the letter's order. */
export function loadFy2561ProvinceTargets(): Fy2561ProvinceTarget[] {
  const byName = new Map(loadProvinces().map((p) => [p.nameTh, p]));
  return readCsv(referenceFile('fy2561-province-targets.csv'), fy2561Schema).map((r) => {
    const province = byName.get(r.province);
    if (province === undefined) throw new Error(`fy2561 targets: unknown province "${r.province}"`);
    if (province.zoneId !== r.zone) throw new Error(`fy2561 targets: ${r.province} is in zone ${province.zoneId}`);
    const thresholds = [r.level1_plus16pct, r.level2_plus17pct, r.level3_plus18pct, r.level4_plus19pct, r.level5_plus20pct];
    return {
      provinceCode: province.code,
      provinceNameTh: r.province,
      zoneId: r.zone,
      no: r.no,
      fiscalYear: 2561,
      baselineFiscalYear: 2560,
      baselineSatang: r.sales_fy2560_baht,
      targetSatang: r.target_fy2561_plus20pct,
      levels: thresholds.map((thresholdSatang, i) => ({
        level: i + 1,
        label: `คะแนน ${i + 1}`,
        growthBasisPoints: 1600 + 100 * i,
        thresholdSatang,
      })),
    };
  });
}

const ROUNDS = {
  full_year: 'FULL_YEAR',
  round1_oct_mar: 'ROUND_1',
  round2_apr_sep: 'ROUND_2',
} as const satisfies Record<string, TargetRoundName>;

const fy2566Schema = z.object({
  round: z.enum(['full_year', 'round1_oct_mar', 'round2_apr_sep']),
  no: intCell,
  district: thaiName,
  sales_fy2563_baht: bahtCell,
  sales_fy2564_baht: bahtCell,
  sales_fy2565_baht: bahtCell,
  target_basic: bahtCell,
  target_standard: bahtCell,
  target_advanced: bahtCell,
});

export const CHACHOENGSAO_PROVINCE_CODE = 24;

/** The fiscal-2566 ฉะเชิงเทรา district targets (11 districts × 3 rounds), matched to DOPA district codes. */
export function loadFy2566ChachoengsaoDistrictTargets(): Fy2566DistrictTarget[] {
  const districts = loadDistricts().filter((d) => d.provinceCode === CHACHOENGSAO_PROVINCE_CODE);
  const byName = new Map(districts.map((d) => [d.nameTh, d.code]));
  return readCsv(referenceFile('fy2566-chachoengsao-district-targets.csv'), fy2566Schema).map((r) => {
    const districtCode = byName.get(r.district);
    if (districtCode === undefined) throw new Error(`fy2566 targets: unknown district "${r.district}"`);
    const levels: [string, bigint][] = [
      ['ขั้นต้น', r.target_basic],
      ['ขั้นมาตรฐาน', r.target_standard],
      ['ขั้นสูง', r.target_advanced],
    ];
    return {
      districtCode,
      districtNameTh: r.district,
      no: r.no,
      fiscalYear: 2566,
      round: ROUNDS[r.round],
      historicalSales: [
        { fiscalYear: 2563, amountSatang: r.sales_fy2563_baht },
        { fiscalYear: 2564, amountSatang: r.sales_fy2564_baht },
        { fiscalYear: 2565, amountSatang: r.sales_fy2565_baht },
      ],
      levels: levels.map(([label, thresholdSatang], i) => ({ level: i + 1, label, thresholdSatang })),
    };
  });
}
