// Builds the planner's snapshot of one sales month with a handful of aggregate SQL queries (never every entry in
// JavaScript): producers with LINE users and how many categories they still owe, each district's missing producers
// and entries awaiting confirmation, and the officers of every level.
import { poolOf, type Db } from '../../db/client.js';
import { monthStart, type MonthKey } from '../fiscal-period.js';
import type { MonthSnapshot, Person } from './types.js';

// District reminders list the first 10 missing producers by name (one tap each); the count is of all.

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/** Producer users after `afterUserId` (by user id), at most `limit`, each with what its producer still owes. */
export async function producerPage(db: Db, month: MonthKey, afterUserId: number, limit: number): Promise<{ producers: MonthSnapshot['producers']; lastUserId: number | null }> {
  const m = monthStart(month);
  // Plain pg: Prisma's raw queries keep memory that grows with the rows read (see poolOf).
  const { rows } = await poolOf(db).query<Row>(`
    SELECT p.id AS "producerId", d."provinceId",
           cardinality(p.categories) - (SELECT count(DISTINCT category) FROM "SalesEntry" s
             WHERE s."producerId" = p.id AND s.month = $1::date AND s.status IN ('SUBMITTED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED')) AS missing,
           u.id AS "userId", u."lineUserId", (o."userId" IS NOT NULL) AS "optedOut"
    FROM "User" u JOIN "Producer" p ON p.id = u."producerId" JOIN "District" d ON d.id = p."districtId"
    LEFT JOIN "ReminderOptOut" o ON o."userId" = u.id
    WHERE u.role = 'PRODUCER' AND u.active AND p.active AND u.id > $2
    ORDER BY u.id LIMIT $3`, [m, afterUserId, limit]);
  return {
    producers: rows.map((r) => ({ producerId: n(r.producerId), provinceId: n(r.provinceId), missing: n(r.missing), users: [{ userId: n(r.userId), lineUserId: String(r.lineUserId), optedOut: Boolean(r.optedOut) }] })),
    lastUserId: rows.length ? n(rows.at(-1)!.userId) : null,
  };
}

/**
 * The month's snapshot. With `producers: false` the producers are left out (the job reads them page by page with
 * producerPage, so memory stays flat as their number grows); the dry run takes them all.
 */
export async function buildSnapshot(tx: Db, month: MonthKey, opts: { producers?: boolean } = {}): Promise<MonthSnapshot> {
  const m = monthStart(month);
  const producers = new Map<number, MonthSnapshot['producers'][number]>();
  for (let after = 0; opts.producers !== false; ) {
    const page = await producerPage(tx, month, after, 10_000);
    for (const p of page.producers) {
      const seen = producers.get(p.producerId);
      if (seen) seen.users.push(...p.users);
      else producers.set(p.producerId, p);
    }
    if (page.lastUserId === null) break;
    after = page.lastUserId;
  }

  const districtRows = await tx.$queryRaw<Row[]>`
    WITH rep AS (
      SELECT "producerId", count(DISTINCT category) AS n FROM "SalesEntry"
      WHERE month = ${m}::date AND status IN ('SUBMITTED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED') GROUP BY 1),
    miss AS (
      SELECT p."districtId", count(*) AS n,
             (array_agg(json_build_object('producerId', p.id, 'name', p.name) ORDER BY p.name))[1:10] AS shown
      FROM "Producer" p LEFT JOIN rep ON rep."producerId" = p.id
      WHERE p.active AND coalesce(rep.n, 0) < cardinality(p.categories) GROUP BY 1),
    st AS (
      SELECT p."districtId", count(*) FILTER (WHERE s.status = 'SUBMITTED') AS submitted,
             count(*) FILTER (WHERE s.status = 'DISTRICT_CONFIRMED') AS "districtConfirmed",
             count(*) FILTER (WHERE s.status <> 'DRAFT') AS entries
      FROM "SalesEntry" s JOIN "Producer" p ON p.id = s."producerId" WHERE s.month = ${m}::date GROUP BY 1)
    SELECT d.id, d."provinceId", d."nameTh", pr."nameTh" AS "provinceName", pr."zoneId",
           coalesce(miss.n, 0) AS "missingCount", coalesce(to_json(miss.shown), '[]'::json) AS missing,
           coalesce(st.submitted, 0) AS submitted, coalesce(st."districtConfirmed", 0) AS "districtConfirmed",
           coalesce(st.entries, 0) AS entries, (dm."provinceConfirmedAt" IS NOT NULL) AS "provinceConfirmed"
    FROM "District" d JOIN "Province" pr ON pr.id = d."provinceId"
    LEFT JOIN miss ON miss."districtId" = d.id LEFT JOIN st ON st."districtId" = d.id
    LEFT JOIN "DistrictMonth" dm ON dm."districtId" = d.id AND dm.month = ${m}::date
    ORDER BY d.id`;

  const officerRows = await tx.$queryRaw<Row[]>`
    SELECT id, "lineUserId", role::text AS role, "districtId", "provinceId", "zoneId" FROM "User"
    WHERE active AND role IN ('DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN') ORDER BY id`;
  const officers = (role: string, key: string, id: number | null): Person[] =>
    officerRows
      .filter((o) => o.role === role && (id === null || n(o[key]) === id))
      .map((o) => ({ userId: n(o.id), lineUserId: String(o.lineUserId), optedOut: false }));
  const byDistrict = new Map<number, Person[]>();
  for (const o of officerRows.filter((x) => x.role === 'DISTRICT_OFFICER')) {
    const list = byDistrict.get(n(o.districtId)) ?? [];
    list.push({ userId: n(o.id), lineUserId: String(o.lineUserId), optedOut: false });
    byDistrict.set(n(o.districtId), list);
  }

  const provinces = new Map<number, MonthSnapshot['provinces'][number] & { entries: number; confirmedAll: boolean }>();
  const districts: MonthSnapshot['districts'] = [];
  let entries = 0;
  for (const r of districtRows) {
    const provinceId = n(r.provinceId);
    const pv = provinces.get(provinceId) ?? { provinceId, zoneId: n(r.zoneId), name: String(r.provinceName), districtsPending: [], awaitingProvince: 0, officers: [], entries: 0, confirmedAll: true };
    provinces.set(provinceId, pv);
    const e = n(r.entries);
    entries += e;
    pv.entries += e;
    if (n(r.submitted) > 0 || n(r.missingCount) > 0) pv.districtsPending.push(String(r.nameTh));
    if (e > 0 && !r.provinceConfirmed) {
      pv.awaitingProvince += n(r.districtConfirmed) > 0 ? 1 : 0;
      pv.confirmedAll = false;
    }
    const officersHere = byDistrict.get(n(r.id));
    if (officersHere) {
      districts.push({
        districtId: n(r.id), provinceId, name: String(r.nameTh), missing: (r.missing as { producerId: number; name: string }[]) ?? [],
        missingCount: n(r.missingCount), awaiting: n(r.submitted), officers: officersHere,
      });
    }
  }
  for (const pv of provinces.values()) pv.officers = officers('PROVINCE_OFFICER', 'provinceId', pv.provinceId);
  const zoneIds = [...new Set([...provinces.values()].map((p) => p.zoneId))];
  const withEntries = [...provinces.values()].filter((p) => p.entries > 0);
  return {
    month,
    producers: [...producers.values()],
    districts,
    provinces: [...provinces.values()].map(({ entries: _e, confirmedAll: _c, ...p }) => p),
    zones: zoneIds.map((zoneId) => ({ zoneId, officers: officers('ZONE_ADMIN', 'zoneId', zoneId) })).filter((z) => z.officers.length),
    department: {
      officers: officers('DEPARTMENT_ADMIN', '', null),
      provinces: provinces.size,
      provincesConfirmed: withEntries.filter((p) => p.confirmedAll).length,
      entries,
    },
  };
}
