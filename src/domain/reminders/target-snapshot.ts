// The target-progress planner's snapshot of one sales month, in two SQL queries: every province with its zone,
// whether it has confirmed the month (every district with entries province-confirmed) and when, and the active
// officers of every level who may receive a standing card.
import type { Tx } from '../../db/client.js';
import { monthStart, type MonthKey } from '../fiscal-period.js';
import type { Person } from './types.js';

export interface TargetSnapshot {
  month: MonthKey;
  provinces: {
    provinceId: number;
    zoneId: number;
    name: string;
    /** Latest province confirmation of the month when every district with entries is province-confirmed; else null. */
    confirmedAt: Date | null;
    officers: Person[];
    /** Districts with at least one active district officer. */
    districts: { districtId: number; name: string; officers: Person[] }[];
  }[];
  zones: { zoneId: number; name: string; officers: Person[] }[];
  department: { officers: Person[] };
}

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const person = (r: Row): Person => ({ userId: n(r.id), lineUserId: String(r.lineUserId), optedOut: false });

export async function buildTargetSnapshot(tx: Tx, month: MonthKey): Promise<TargetSnapshot> {
  const m = monthStart(month);
  const provinceRows = await tx.$queryRaw<Row[]>`
    WITH e AS (
      SELECT p."districtId", count(*) AS n FROM "SalesEntry" s JOIN "Producer" p ON p.id = s."producerId"
      WHERE s.month = ${m}::date AND s.status <> 'DRAFT' GROUP BY 1),
    d AS (
      SELECT dt."provinceId",
             bool_and(dm."provinceConfirmedAt" IS NOT NULL) FILTER (WHERE e.n > 0) AS "allConfirmed",
             count(*) FILTER (WHERE e.n > 0) AS "withEntries",
             max(dm."provinceConfirmedAt") AS "confirmedAt"
      FROM "District" dt
      LEFT JOIN e ON e."districtId" = dt.id
      LEFT JOIN "DistrictMonth" dm ON dm."districtId" = dt.id AND dm.month = ${m}::date
      GROUP BY dt."provinceId")
    SELECT pr.id, pr."zoneId", pr."nameTh", z."nameTh" AS "zoneName",
           CASE WHEN d."withEntries" > 0 AND d."allConfirmed" THEN d."confirmedAt" END AS "confirmedAt"
    FROM "Province" pr JOIN "Zone" z ON z.id = pr."zoneId" LEFT JOIN d ON d."provinceId" = pr.id
    ORDER BY pr.id`;
  const officerRows = await tx.$queryRaw<Row[]>`
    SELECT u.id, u."lineUserId", u.role::text AS role, u."districtId", d."nameTh" AS "districtName", d."provinceId" AS "districtProvinceId",
           u."provinceId", u."zoneId"
    FROM "User" u LEFT JOIN "District" d ON d.id = u."districtId"
    WHERE u.active AND u.role IN ('DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN') ORDER BY u.id`;

  const provinces = new Map<number, TargetSnapshot['provinces'][number]>();
  const zones = new Map<number, TargetSnapshot['zones'][number]>();
  for (const r of provinceRows) {
    provinces.set(n(r.id), { provinceId: n(r.id), zoneId: n(r.zoneId), name: String(r.nameTh), confirmedAt: r.confirmedAt ? new Date(r.confirmedAt as Date) : null, officers: [], districts: [] });
    if (!zones.has(n(r.zoneId))) zones.set(n(r.zoneId), { zoneId: n(r.zoneId), name: String(r.zoneName), officers: [] });
  }
  const department: Person[] = [];
  const districts = new Map<number, TargetSnapshot['provinces'][number]['districts'][number]>();
  for (const o of officerRows) {
    if (o.role === 'DISTRICT_OFFICER') {
      const pv = provinces.get(n(o.districtProvinceId));
      if (!pv) continue;
      let d = districts.get(n(o.districtId));
      if (!d) {
        d = { districtId: n(o.districtId), name: String(o.districtName), officers: [] };
        districts.set(d.districtId, d);
        pv.districts.push(d);
      }
      d.officers.push(person(o));
    } else if (o.role === 'PROVINCE_OFFICER') provinces.get(n(o.provinceId))?.officers.push(person(o));
    else if (o.role === 'ZONE_ADMIN') zones.get(n(o.zoneId))?.officers.push(person(o));
    else department.push(person(o));
  }
  return { month, provinces: [...provinces.values()], zones: [...zones.values()].filter((z) => z.officers.length), department: { officers: department } };
}
