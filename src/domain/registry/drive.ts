// The registration drive ("๑ พก. ๑ กลุ่มผู้ผลิตชุมชน"): each community development worker (พัฒนากร) of a district
// registers at least one new community producer group in the fiscal year. New groups are producers of type
// กลุ่มผู้ผลิตชุมชน registered in chat (createdById set) during the fiscal year, deregistered or not; producers
// that arrived by importing a register (createdById null) already existed and do not count.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { assertAllowed, placeOfDistrict } from '../authorise.js';
import { BANGKOK_OFFSET_MS, fiscalYearMonths, fiscalYearOf, monthKeyOf, monthStart, nextMonth } from '../fiscal-period.js';

export interface DriveStanding {
  districtId: number;
  fiscalYear: number;
  newGroups: number;
  /** Community development workers of the district; null when not set yet. */
  workers: number | null;
}

export const WORKERS_MAX = 500;

/** The instants [from, to) of a BE fiscal year in Bangkok time. */
function fiscalYearSpan(fiscalYear: number): { from: Date; to: Date } {
  const months = fiscalYearMonths(fiscalYear);
  return { from: new Date(monthStart(months[0]!).getTime() - BANGKOK_OFFSET_MS), to: new Date(monthStart(nextMonth(months[11]!)).getTime() - BANGKOK_OFFSET_MS) };
}

/** Drive standing of several districts for the fiscal year of `now` (no authorisation: callers check the place). */
export async function driveStandings(tx: Tx, districtIds: number[], now: Date): Promise<Map<number, DriveStanding>> {
  const fiscalYear = fiscalYearOf(monthKeyOf(now));
  const { from, to } = fiscalYearSpan(fiscalYear);
  const [groups, settings] = await Promise.all([
    tx.producer.groupBy({
      by: ['districtId'],
      where: { districtId: { in: districtIds }, type: 'COMMUNITY_GROUP', createdById: { not: null }, createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    tx.driveSetting.findMany({ where: { districtId: { in: districtIds } } }),
  ]);
  return new Map(
    districtIds.map((id) => [id, {
      districtId: id,
      fiscalYear,
      newGroups: groups.find((g) => g.districtId === id)?._count._all ?? 0,
      workers: settings.find((s) => s.districtId === id)?.communityWorkers ?? null,
    }]),
  );
}

/** One district's drive, for an officer who may see its register. */
export async function driveStanding(tx: Tx, actor: Actor, districtId: number, now: Date): Promise<DriveStanding> {
  assertAllowed(actor, 'registry.view', await placeOfDistrict(tx, districtId));
  return (await driveStandings(tx, [districtId], now)).get(districtId)!;
}

/** Sets a district's number of community development workers (CLI; audited as the system). */
export async function setDriveWorkers(tx: Tx, districtId: number, workers: number, now: Date): Promise<void> {
  if (!Number.isInteger(workers) || workers < 0 || workers > WORKERS_MAX) throw new RangeError(`workers must be 0–${WORKERS_MAX}`);
  const before = await tx.driveSetting.findUnique({ where: { districtId } });
  const after = await tx.driveSetting.upsert({ where: { districtId }, create: { districtId, communityWorkers: workers, updatedAt: now }, update: { communityWorkers: workers, updatedAt: now } });
  await audit(tx, { actorId: null, action: 'drive.set-workers', entityType: 'District', entityId: districtId, before, after });
}
