// Pure, deterministic demo data for ฉะเชิงเทรา (province 24): producers in every district and plausible monthly
// sales. No database, no clock, no Math.random: the same input always gives the same output.
import {
  DEMO_PRODUCER_TABLE,
  type DemoCategory,
  type DemoExportMarket,
  type DemoProducerType,
} from './demo-producers.js';
import { issuedCode } from '../domain/registry/codes.js';

export type { DemoCategory, DemoExportMarket, DemoProducerType } from './demo-producers.js';

/** A demo producer, shaped like the Producer model (districtCode is the District id). */
export interface DemoProducer {
  /** An issued code like those of chat and import, `<district code>-C-<n>` (domain/registry/codes.ts). */
  registrationCode: string;
  /** The code demo databases made before that format used ("24-DD-NNNN"); it also seeds the pseudo-random
   * figures, so the demo sales stay the same. */
  legacyCode: string;
  name: string;
  type: DemoProducerType;
  categories: DemoCategory[];
  districtCode: number;
  tambon: string;
  /** Ten digits, fake but shaped like a Thai mobile number. */
  phone: string;
  /** Set for the few producers that export; null otherwise. */
  exportMarket: DemoExportMarket | null;
}

/** One month's sales of a producer, satang (always whole baht). */
export interface DemoSalesAmounts {
  domesticOffline: bigint;
  domesticOnline: bigint;
  exportOffline: bigint;
  exportOnline: bigint;
}

/**
 * Yearly sales the demo producers of each district add up to (on average), whole baht: the district's
 * fiscal-2566 full-year ขั้นต้น target, capped at twice its fiscal-2565 sales. บ้านโพธิ์ (2405) is the outlier of
 * the letter (3.5 billion baht in 2563–2564, 59 million in 2565, ขั้นสูง 3.46 billion); its ขั้นต้น target of
 * 77.6 million is in line with its 2565 sales, so the demo uses that and not the standard/advanced levels.
 */
export const DEMO_DISTRICT_ANNUAL_BASIS_BAHT: Readonly<Record<number, number>> = {
  2401: 211_974_487,
  2402: 164_739_578,
  2403: 72_066_218,
  2404: 52_369_147,
  2405: 77_637_363,
  2406: 114_774_721,
  2407: 34_460_860,
  2408: 114_822_450,
  2409: 39_761_073,
  2410: 23_696_925,
  2411: 19_367_179,
};

/** Relative monthly sales by fiscal month (October first); December fairs (OTOP City) peak, rainy season dips. */
const SEASON = [0.95, 1.0, 1.35, 1.15, 0.95, 1.0, 1.05, 0.9, 0.85, 0.85, 0.9, 1.05];
/** Year-on-year growth for month indexes past the first fiscal year. */
const YEARLY_GROWTH = 1.06;
const TYPE_WEIGHT: Record<DemoProducerType, number> = { SME: 2.2, COMMUNITY_GROUP: 1, SINGLE_OWNER: 0.55 };
const PHONE_PREFIXES = ['081', '082', '083', '084', '086', '087', '089', '092', '095', '098', '061', '063'];

/** FNV-1a hash of a string, then one mulberry32 step: a uniform number in [0, 1) for that key. */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function fakePhone(registrationCode: string): string {
  const prefix = PHONE_PREFIXES[Math.floor(unit(`${registrationCode}:phone-prefix`) * PHONE_PREFIXES.length)] ?? '081';
  const rest = Math.floor(unit(`${registrationCode}:phone`) * 10_000_000);
  return `${prefix}${String(rest).padStart(7, '0')}`;
}

function buildProducers(): DemoProducer[] {
  const seq = new Map<number, number>();
  return DEMO_PRODUCER_TABLE.map(([districtCode, tambon, name, type, categories, exportMarket]) => {
    const n = (seq.get(districtCode) ?? 0) + 1;
    seq.set(districtCode, n);
    const legacyCode = `24-${String(districtCode % 100).padStart(2, '0')}-${String(n).padStart(4, '0')}`;
    return {
      registrationCode: issuedCode(districtCode, n),
      legacyCode,
      name,
      type,
      categories: [...categories],
      districtCode,
      tambon,
      phone: fakePhone(legacyCode),
      exportMarket: exportMarket ? { ...exportMarket } : null,
    };
  });
}

const PRODUCERS: readonly DemoProducer[] = buildProducers();

/** The demo producers, 3–6 in each of the 11 districts of ฉะเชิงเทรา; a fresh copy on every call. */
export function demoProducers(): DemoProducer[] {
  return buildProducers();
}

/** A producer's share weight in its district: type, times a fixed per-producer factor of 0.75–1.25. */
function weight(p: Pick<DemoProducer, 'legacyCode' | 'type'>): number {
  return TYPE_WEIGHT[p.type] * (0.75 + 0.5 * unit(`${p.legacyCode}:size`));
}

const baht = (amount: number): bigint => BigInt(Math.round(amount)) * 100n;

type AmountKey = keyof DemoSalesAmounts;
const mapAmounts = (f: (key: AmountKey) => bigint): DemoSalesAmounts => ({
  domesticOffline: f('domesticOffline'),
  domesticOnline: f('domesticOnline'),
  exportOffline: f('exportOffline'),
  exportOnline: f('exportOnline'),
});

/**
 * Deterministic sales of `producer` in month `monthIndex`: 0 is October of the first demo fiscal year,
 * 11 is September, 12 the next October, and so on (each later year grows 6%). Over a fiscal year the producers
 * of a district add up to about DEMO_DISTRICT_ANNUAL_BASIS_BAHT; online is a minority of each channel, and only
 * producers with an export market export (in most months, not all).
 */
export function demoMonthlySales(producer: DemoProducer, monthIndex: number): DemoSalesAmounts {
  if (!Number.isInteger(monthIndex) || monthIndex < 0) throw new RangeError(`monthIndex must be ≥ 0, got ${monthIndex}`);
  const basis = DEMO_DISTRICT_ANNUAL_BASIS_BAHT[producer.districtCode];
  if (basis === undefined) throw new RangeError(`no demo sales basis for district ${producer.districtCode}`);
  const peers = PRODUCERS.filter((p) => p.districtCode === producer.districtCode && p.registrationCode !== producer.registrationCode);
  const own = weight(producer);
  const annual = (basis * own) / (own + peers.reduce((sum, p) => sum + weight(p), 0));
  const key = `${producer.legacyCode}:${monthIndex}`;
  const season = SEASON[monthIndex % 12] ?? 1;
  const total = (annual / 12) * season * YEARLY_GROWTH ** Math.floor(monthIndex / 12) * (0.85 + 0.3 * unit(key));

  const exports = producer.exportMarket !== null && unit(`${key}:ships`) < 0.75;
  const exportTotal = exports ? total * (0.15 + 0.2 * unit(`${producer.legacyCode}:export`)) : 0;
  const exportOnline = Math.round(exportTotal * 0.1);
  const domestic = total - exportTotal;
  const onlineBase = producer.type === 'SME' ? 0.15 : 0.06;
  const domesticOnline = domestic * (onlineBase + 0.1 * unit(`${producer.legacyCode}:online`) + 0.02 * unit(`${key}:online`));
  return {
    domesticOffline: baht(domestic) - baht(domesticOnline),
    domesticOnline: baht(domesticOnline),
    exportOffline: baht(exportTotal) - baht(exportOnline),
    exportOnline: baht(exportOnline),
  };
}

/**
 * The same month split into one entry per product category (SalesEntry is per category): the first category
 * takes 70% (all of it when there is only one), the others share the rest; the parts add up exactly.
 */
export function demoMonthlySalesByCategory(
  producer: DemoProducer,
  monthIndex: number,
): { category: DemoCategory; amounts: DemoSalesAmounts }[] {
  const total = demoMonthlySales(producer, monthIndex);
  const [first, ...others] = producer.categories;
  if (first === undefined) throw new RangeError(`producer ${producer.registrationCode} has no category`);
  const part = (amount: bigint): bigint => (((amount / 100n) * 30n) / (100n * BigInt(others.length))) * 100n;
  const rest = others.map((category) => ({ category, amounts: mapAmounts((k) => part(total[k])) }));
  const firstAmounts = mapAmounts((k) => total[k] - rest.reduce((sum, r) => sum + r.amounts[k], 0n));
  return [{ category: first, amounts: firstAmounts }, ...rest];
}
