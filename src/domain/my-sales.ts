// A producer's own sales at a glance (read-only): the fiscal year to date, the last few months by category with
// their status, and each month against the same month a year earlier. Drafts never count; a zone or department
// user opening a producer's figures sees only what the province confirmed (visibleEntries).
import type { Tx } from '../db/client.js';
import type { ProductCategory, SalesStatus } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { assertAllowed, placeOfProducer } from './authorise.js';
import { CATEGORIES, totalOf } from './catalog.js';
import {
  addMonths,
  compareMonths,
  defaultReportingMonth,
  fiscalYearMonths,
  fiscalYearOf,
  monthKeyFromDbDate,
  monthStart,
  sameMonthLastYear,
  type MonthKey,
} from './fiscal-period.js';
import { amountsOf } from './sales.js';
import { visibleEntries } from './visibility.js';

export const RECENT_MONTHS = 3;

export interface CategoryLine {
  category: ProductCategory;
  total: bigint;
  status: SalesStatus;
  late: boolean;
}

export interface MonthSummary {
  month: MonthKey;
  /** In the catalogue's category order; empty when nothing was reported. */
  lines: CategoryLine[];
  /** Null when nothing was reported for the month. */
  total: bigint | null;
  /** Null when nothing was reported a year earlier. */
  sameMonthLastYear: bigint | null;
}

export interface MySales {
  producerName: string;
  /** Buddhist-era fiscal year of the month just ended. */
  fiscalYear: number;
  /** First and last month counted in the year to date. */
  from: MonthKey;
  to: MonthKey;
  yearToDate: bigint;
  /** The same months a year earlier; null when nothing was reported then. */
  lastYearToDate: bigint | null;
  /** The month just ended first. */
  recent: MonthSummary[];
}

/** The producer's sales up to the month just ended at `now`. */
export async function mySales(tx: Tx, actor: Actor, producerId: number, now: Date): Promise<MySales> {
  assertAllowed(actor, 'sales.view', await placeOfProducer(tx, producerId));
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: producerId }, select: { name: true } });
  const to = defaultReportingMonth(now);
  const fiscalYear = fiscalYearOf(to);
  const ytd = fiscalYearMonths(fiscalYear).filter((m) => compareMonths(m, to) <= 0);
  const recent = Array.from({ length: RECENT_MONTHS }, (_, i) => addMonths(to, -i));
  const needed = new Set<MonthKey>([...ytd, ...ytd.map(sameMonthLastYear), ...recent, ...recent.map(sameMonthLastYear)]);

  const entries = await tx.salesEntry.findMany({
    where: { producerId, month: { in: [...needed].map(monthStart) }, AND: [visibleEntries(actor), { status: { not: 'DRAFT' } }] },
    select: { month: true, category: true, status: true, late: true, domesticOffline: true, domesticOnline: true, exportOffline: true, exportOnline: true },
  });
  const byMonth = new Map<MonthKey, CategoryLine[]>();
  for (const e of entries) {
    const key = monthKeyFromDbDate(e.month);
    const lines = byMonth.get(key) ?? [];
    lines.push({ category: e.category, total: totalOf(amountsOf(e)), status: e.status, late: e.late });
    byMonth.set(key, lines);
  }
  const totalOfMonths = (months: MonthKey[]): bigint | null => {
    const lines = months.flatMap((m) => byMonth.get(m) ?? []);
    return lines.length ? lines.reduce((s, l) => s + l.total, 0n) : null;
  };

  return {
    producerName: producer.name,
    fiscalYear,
    from: ytd[0]!,
    to,
    yearToDate: totalOfMonths(ytd) ?? 0n,
    lastYearToDate: totalOfMonths(ytd.map(sameMonthLastYear)),
    recent: recent.map((month) => ({
      month,
      lines: (byMonth.get(month) ?? []).sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category)),
      total: totalOfMonths([month]),
      sameMonthLastYear: totalOfMonths([sameMonthLastYear(month)]),
    })),
  };
}
