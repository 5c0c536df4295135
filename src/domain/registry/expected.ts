// THE rule of which producers owe a month's figures, in one place: a producer is expected for month M when it is
// registered, or was deregistered during M or later (deregisteredAt ≥ the first of M) (it drops out of "not yet reported" lists, reminders and
// completeness counts from the month after its deregistration, and keeps its history). Pending lists, district
// confirmation counts, reminders and completeness reports filter through expectedProducers / expectedProducersSql.
import { Prisma } from '../../db/generated/client.js';
import { monthStart, type MonthKey } from '../fiscal-period.js';

/** Prisma filter on Producer for month `month`. */
export function expectedProducers(month: MonthKey): Prisma.ProducerWhereInput {
  return { OR: [{ active: true }, { deregisteredAt: { gte: monthStart(month) } }] };
}

/** The same rule as an SQL predicate on the Producer row aliased `alias` (default "p"). */
export function expectedProducersSql(month: MonthKey, alias = 'p'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`bad SQL alias ${alias}`);
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${a}."active" OR ${a}."deregisteredAt" >= ${monthStart(month)})`;
}
