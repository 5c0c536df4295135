// Helpers of the security suite: what must not leak (every figure that counts an unconfirmed entry, in Arabic and
// Thai digits), a snapshot of every row a refused request must leave alone, and a tally per group printed at the end.
import type { Db } from '../../src/db/client.js';
import { formatBaht, toThaiDigits } from '../../src/domain/thai-format.js';

/** Every total that includes at least one of `secret` (with any of `known`), as the bot would print it. */
export function forbiddenFigures(secret: bigint[], known: bigint[]): string[] {
  const all = [...secret, ...known];
  const out = new Set<string>();
  for (let mask = 1; mask < 1 << all.length; mask++) {
    if (!secret.some((_, i) => mask & (1 << i))) continue;
    const sum = all.reduce((s, v, i) => (mask & (1 << i) ? s + v : s), 0n);
    out.add(formatBaht(sum));
    out.add(toThaiDigits(formatBaht(sum)));
  }
  return [...out];
}

/** The figures of `figures` that appear in `sent` as whole numbers (not inside a longer number). */
export function leaked(sent: string, figures: string[]): string[] {
  return figures.filter((f) => new RegExp(`(?<![0-9๐-๙,.])${f.replace(/[.,]/g, '\\$&')}(?![0-9๐-๙]|[,.][0-9๐-๙])`).test(sent));
}

/** Rows a refused or read-only request must leave exactly as they were. */
export async function snapshot(db: Db): Promise<string> {
  const [entries, months, unlocks, invites, producers, users, audits] = await Promise.all([
    db.salesEntry.findMany({ orderBy: { id: 'asc' } }),
    db.districtMonth.findMany({ orderBy: [{ districtId: 'asc' }, { month: 'asc' }] }),
    db.unlockRequest.findMany({ orderBy: { id: 'asc' } }),
    db.invite.findMany({ orderBy: { id: 'asc' } }),
    db.producer.findMany({ orderBy: { id: 'asc' } }),
    db.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, role: true, producerId: true, districtId: true, provinceId: true, zoneId: true, active: true } }),
    db.auditLog.count(),
  ]);
  return JSON.stringify({ entries, months, unlocks, invites, producers, users, audits }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export interface Tally {
  tried: number;
  refused: number;
  leaked: number;
  changed: number;
}

const tallies = new Map<string, Tally>();

/** Counts one case of `group`. */
export function count(group: string, c: { refused?: boolean; leaked?: boolean; changed?: boolean }): void {
  const t = tallies.get(group) ?? { tried: 0, refused: 0, leaked: 0, changed: 0 };
  t.tried++;
  if (c.refused) t.refused++;
  if (c.leaked) t.leaked++;
  if (c.changed) t.changed++;
  tallies.set(group, t);
}

/** Prints the tallies (the figures for the note). */
export function printTallies(): void {
  for (const [group, t] of tallies) {
    process.stdout.write(`security ${group}: tried ${t.tried}, refused ${t.refused}, leaked ${t.leaked}, changed ${t.changed}\n`);
  }
}
