// What a province-level report leaves out: entries the province has not confirmed (still at the district or
// waiting for it), counted and summed in SQL so every report can say so in a line.
import type { Tx } from '../../db/client.js';
import { formatBaht } from '../thai-format.js';
import { ABOVE_DISTRICT_COUNTED, sqlBounds, type ReportPeriod } from './period.js';

/** Scope of a report above the district; every field unset means the whole country. */
export interface AreaScope {
  provinceId?: number;
  zoneId?: number;
}

/** "ไม่รวม N รายการ ยอด X บาท ที่จังหวัดยังไม่ยืนยัน" (or that nothing was left out) for the period, fiscal year to date. */
export async function notCountedNote(tx: Tx, scope: AreaScope, p: ReportPeriod): Promise<string> {
  const b = sqlBounds(p);
  const [r] = await tx.$queryRaw<{ count: number; total: string }[]>`
    SELECT COUNT(*)::int AS "count",
      COALESCE(SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline"), 0)::text AS "total"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
      JOIN "Province" pv ON pv."id" = d."provinceId"
    WHERE e."month" BETWEEN ${b.fyStart}::date AND ${b.to}::date
      AND (${scope.provinceId ?? null}::int IS NULL OR d."provinceId" = ${scope.provinceId ?? null}::int)
      AND (${scope.zoneId ?? null}::int IS NULL OR pv."zoneId" = ${scope.zoneId ?? null}::int)
      AND e."status"::text IN ('SUBMITTED', 'DISTRICT_CONFIRMED', 'RETURNED')
      AND NOT (e."status"::text = ANY(${[...ABOVE_DISTRICT_COUNTED]}::text[]))`;
  const head = 'นับเฉพาะรายการที่จังหวัดยืนยันแล้ว';
  return r!.count
    ? `${head} ไม่รวม ${r!.count} รายการ ยอด ${formatBaht(BigInt(r!.total), { decimals: 2 })} บาท ที่จังหวัดยังไม่ยืนยัน (ตั้งแต่ต้นปีงบประมาณ)`
    : `${head} ไม่มีรายการที่รอจังหวัดยืนยัน`;
}
