// The global limit on wrong invite codes. The per-account lockout (invites.ts) stops one LINE account guessing;
// many accounts together are stopped here: more than `maxFailures` wrong codes from all accounts within `windowMs`
// close code entry for everyone for `lockMs`. The lockout that trips is returned once (to alert the department);
// the transaction that writes it holds a lock, so concurrent wrong codes trip it once.
import type { Tx } from '../db/client.js';
import { audit } from './audit.js';

export interface InviteGuardSettings {
  /** Wrong codes from all accounts within the window that close code entry (the next one past it trips). */
  maxFailures: number;
  windowMs: number;
  /** How long code entry stays closed once tripped. */
  lockMs: number;
}

export const DEFAULT_INVITE_GUARD: InviteGuardSettings = { maxFailures: 30, windowMs: 10 * 60_000, lockMs: 30 * 60_000 };

const KEEP_MS = 86_400_000;

export interface GlobalLockout {
  id: number;
  from: Date;
  until: Date;
  failures: number;
}

/** The lockout in force at `now`, if any. */
export async function globalLockout(tx: Tx, now: Date): Promise<GlobalLockout | null> {
  return tx.inviteLockout.findFirst({ where: { from: { lte: now }, until: { gt: now } }, orderBy: { until: 'desc' } });
}

/**
 * Records a wrong code and trips the global lockout when the window holds more than `maxFailures` of them. Wrong
 * codes from before the last lockout ended do not count again. Returns the lockout only to the caller that tripped it.
 */
export async function recordWrongCode(tx: Tx, userId: number, now: Date, s: InviteGuardSettings, eventId?: string): Promise<GlobalLockout | null> {
  await tx.inviteFailure.create({ data: { userId, at: now } });
  // Older rows can never count again: the table stays as small as one day of wrong codes.
  await tx.inviteFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - Math.max(s.windowMs, KEEP_MS)) } } });
  const last = await tx.inviteLockout.findFirst({ where: { from: { lte: now } }, orderBy: { until: 'desc' }, select: { until: true } });
  const since = new Date(Math.max(now.getTime() - s.windowMs, last?.until.getTime() ?? 0));
  const failures = await tx.inviteFailure.count({ where: { at: { gt: since, lte: now } } });
  if (failures <= s.maxFailures) return null;
  // Serialise the trip: a concurrent transaction that tripped first has committed when this lock is granted.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('invite-global-lockout'))`;
  if (await globalLockout(tx, now)) return null;
  const lockout = await tx.inviteLockout.create({ data: { from: now, until: new Date(now.getTime() + s.lockMs), failures } });
  await audit(tx, { actorId: userId, action: 'invite.global-lockout', entityType: 'InviteLockout', entityId: lockout.id, after: lockout, eventId });
  return lockout;
}
