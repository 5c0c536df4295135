// THE rule of who sees which figures, in one place: above the province (zone and department) only entries the
// province has confirmed exist; district and province officers and producers see every status of their reach
// (each read service still leaves drafts out where drafts never count). Every read of SalesEntry figures — flows,
// cards, reports, CLIs — filters through visibleEntries (Prisma) or visibleEntriesSql (raw SQL); reach (which
// producers, districts, provinces) is checked separately by assertAllowed.
import { Prisma } from '../db/generated/client.js';
import type { SalesStatus } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { VISIBLE_ABOVE_PROVINCE } from './sales-status.js';

const ALL_STATUSES: readonly SalesStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];

/** Who the actor is for the rule: a role above the province (zone, department) or not. */
export function seesConfirmedOnly(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'ZONE_ADMIN' || actor.role === 'DEPARTMENT_ADMIN';
}

/** Statuses of entries whose figures the actor may read. */
export function visibleStatuses(actor: Pick<Actor, 'role'>): readonly SalesStatus[] {
  return seesConfirmedOnly(actor) ? VISIBLE_ABOVE_PROVINCE : ALL_STATUSES;
}

/** Prisma filter on SalesEntry: combine with the query's own filters through `AND: [visibleEntries(actor), …]`. */
export function visibleEntries(actor: Pick<Actor, 'role'>): Prisma.SalesEntryWhereInput {
  return { status: { in: [...visibleStatuses(actor)] } };
}

/** The same rule as an SQL predicate on the SalesEntry row aliased `alias` (default "e"). */
export function visibleEntriesSql(actor: Pick<Actor, 'role'>, alias = 'e'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`bad SQL alias ${alias}`);
  return Prisma.sql`${Prisma.raw(`"${alias}"."status"`)}::text = ANY(${[...visibleStatuses(actor)]}::text[])`;
}

/** True when the actor may read this entry's figures (for code holding a row already). */
export function isVisibleEntry(actor: Pick<Actor, 'role'>, entry: { status: SalesStatus }): boolean {
  return visibleStatuses(actor).includes(entry.status);
}
