// The full data export: one line per sales entry the area may see above the district (province-confirmed), read
// through a server-side cursor in batches so memory stays flat at any size — the caller consumes each batch (e.g.
// the streamed XLSX writer) before the next is fetched; never every row in JavaScript at once.
import type { Tx } from '../../db/client.js';
import { CATEGORY_TH } from '../catalog.js';
import { visibleStatuses } from '../visibility.js';
import { sqlBounds, type ReportPeriod } from './period.js';

export interface ExportLine {
  province: string;
  district: string;
  registrationCode: string;
  producer: string;
  /** "2026-09" */
  month: string;
  category: string;
  domesticOffline: bigint;
  domesticOnline: bigint;
  exportOffline: bigint;
  exportOnline: bigint;
}

export const EXPORT_BATCH = 5_000;

/** Batches of export lines for the period, in province, district, producer, month order. Run inside one transaction. */
export async function* exportLines(tx: Tx, scope: { provinceId?: number; zoneId?: number }, p: ReportPeriod, batch = EXPORT_BATCH): AsyncGenerator<ExportLine[]> {
  const b = sqlBounds(p);
  const cursor = `export_${process.pid}_${Date.now()}`;
  await tx.$executeRawUnsafe(`DECLARE "${cursor}" NO SCROLL CURSOR FOR
    SELECT pv."nameTh" AS province, d."nameTh" AS district, pr."registrationCode", pr."name" AS producer,
      to_char(e."month", 'YYYY-MM') AS month, e."category"::text AS category,
      e."domesticOffline"::text AS "domesticOffline", e."domesticOnline"::text AS "domesticOnline",
      e."exportOffline"::text AS "exportOffline", e."exportOnline"::text AS "exportOnline"
    FROM "SalesEntry" e JOIN "Producer" pr ON pr."id" = e."producerId" JOIN "District" d ON d."id" = pr."districtId"
      JOIN "Province" pv ON pv."id" = d."provinceId"
    WHERE e."month" BETWEEN $1::date AND $2::date AND e."status"::text = ANY($5::text[])
      AND ($3::int IS NULL OR d."provinceId" = $3::int) AND ($4::int IS NULL OR pv."zoneId" = $4::int)
    ORDER BY pv."id", d."id", pr."id", e."month", e."category"`, b.from, b.to, scope.provinceId ?? null, scope.zoneId ?? null,
  [...visibleStatuses({ role: 'DEPARTMENT_ADMIN' })]);
  try {
    for (;;) {
      const rows = await tx.$queryRawUnsafe<Record<string, string>[]>(`FETCH ${Math.max(1, Math.floor(batch))} FROM "${cursor}"`);
      if (!rows.length) return;
      yield rows.map((r) => ({
        province: r.province!, district: r.district!, registrationCode: r.registrationCode!, producer: r.producer!, month: r.month!,
        category: CATEGORY_TH[r.category as keyof typeof CATEGORY_TH] ?? r.category!,
        domesticOffline: BigInt(r.domesticOffline!), domesticOnline: BigInt(r.domesticOnline!),
        exportOffline: BigInt(r.exportOffline!), exportOnline: BigInt(r.exportOnline!),
      }));
    }
  } finally {
    await tx.$executeRawUnsafe(`CLOSE "${cursor}"`).catch(() => {});
  }
}
