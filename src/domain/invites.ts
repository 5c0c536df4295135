// One-time invite codes that bind a LINE user to a role and scope. District officers invite their producers,
// province officers invite their district officers; the CLI and the demo seed act as the system.
import { randomInt } from 'node:crypto';
import type { Tx } from '../db/client.js';
import type { Role } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfDistrict, placeOfProducer } from './authorise.js';
import { NotAuthorisedError, RuleError } from './errors.js';
import { DEFAULT_INVITE_GUARD, globalLockout, recordWrongCode, type GlobalLockout, type InviteGuardSettings } from './invite-guard.js';

/** No 0/O, 1/I/L, 5/S: easy to read aloud and to type on a phone. */
const ALPHABET = '2346789ABCDEFGHJKMNPQRTUVWXYZ';
export const CODE_LENGTH = 8;
export const DEFAULT_INVITE_DAYS = 14;
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function generateCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a person typed, reduced to the canonical code ("k7p4 mxq2" → "K7P4-MXQ2"), or null if it cannot be one. */
export function canonicalCode(typed: string): string | null {
  const s = typed.normalize('NFKC').toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (s.length !== CODE_LENGTH || [...s].some((c) => !/[0-9A-Z]/.test(c))) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export type InviteScope =
  | { role: 'PRODUCER'; producerId: number }
  | { role: 'DISTRICT_OFFICER'; districtId: number }
  | { role: 'PROVINCE_OFFICER'; provinceId: number }
  | { role: 'ZONE_ADMIN'; zoneId: number }
  | { role: 'DEPARTMENT_ADMIN' };

/** May `actor` (null = system: CLI, seed) invite someone into `scope`? District officers invite their own
 * active producers, province officers the district officers of their province. */
async function authoriseInvite(tx: Tx, actor: Actor | null, scope: InviteScope): Promise<void> {
  if (actor === null) return;
  const message = 'คุณสร้างรหัสเชิญได้เฉพาะผู้ที่อยู่ในพื้นที่ความรับผิดชอบของคุณ';
  if (scope.role === 'PRODUCER') {
    // scope first: a crafted request about another district's producer learns nothing about it
    assertAllowed(actor, 'invite.producer', await placeOfProducer(tx, scope.producerId), message);
    const p = await tx.producer.findUnique({ where: { id: scope.producerId }, select: { active: true } });
    if (!p?.active) throw new RuleError('ผู้ผลิตรายนี้ถูกยกเลิกการลงทะเบียนแล้ว', 'producer-inactive');
    return;
  }
  if (scope.role === 'DISTRICT_OFFICER') {
    return assertAllowed(actor, 'invite.district-officer', await placeOfDistrict(tx, scope.districtId), message);
  }
  throw new NotAuthorisedError(message);
}

export async function createInvite(
  tx: Tx,
  actor: Actor | null,
  scope: InviteScope,
  now: Date,
  opts: { days?: number; code?: string; eventId?: string } = {},
): Promise<{ id: number; code: string; expiresAt: Date }> {
  await authoriseInvite(tx, actor, scope);
  const expiresAt = new Date(now.getTime() + (opts.days ?? DEFAULT_INVITE_DAYS) * 86_400_000);
  for (let i = 0; i < 5; i++) {
    const code = opts.code ?? generateCode();
    const clash = await tx.invite.findUnique({ where: { code } });
    if (clash) {
      if (opts.code) throw new Error(`invite code ${code} exists`);
      continue;
    }
    const invite = await tx.invite.create({
      data: { code, expiresAt, createdById: actor?.userId ?? null, createdAt: now, ...scope },
    });
    await audit(tx, { actorId: actor?.userId ?? null, action: 'invite.create', entityType: 'Invite', entityId: invite.id, after: { code, ...scope, expiresAt }, eventId: opts.eventId });
    return { id: invite.id, code, expiresAt };
  }
  throw new Error('could not find a free invite code');
}

export type RedeemResult =
  | { ok: true; role: Role; scopeName: string }
  | { ok: false; reason: 'locked'; until: Date }
  | { ok: false; reason: 'not-a-code' }
  | { ok: false; reason: 'wrong'; remaining: number }
  /** A real code that was already used or has expired: not a guess, so it does not count as a wrong attempt. */
  | { ok: false; reason: 'used' }
  | { ok: false; reason: 'expired'; expiresAt: Date }
  | { ok: false; reason: 'locked-now'; until: Date }
  /** Too many wrong codes from all accounts: every code is refused until `until`. `tripped`: this attempt closed
   * it (once per lockout: the department is alerted). */
  | { ok: false; reason: 'closed'; until: Date; tripped: GlobalLockout | null };

/**
 * Redeems a typed code for the user. Wrong codes count; the fifth locks the user out for 15 minutes. A used or
 * expired code is a real code (the person was given it), so it is explained and does not count. A code binds once
 * (conditional update on usedAt), and only before it expires. Wrong codes also count towards the global limit
 * (invite-guard.ts): while it is closed, no code is looked up at all, right or wrong.
 */
export async function redeemInvite(
  tx: Tx,
  userId: number,
  typed: string,
  now: Date,
  eventId?: string,
  guard: InviteGuardSettings = DEFAULT_INVITE_GUARD,
): Promise<RedeemResult> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.inviteLockedUntil && user.inviteLockedUntil > now) return { ok: false, reason: 'locked', until: user.inviteLockedUntil };
  const code = canonicalCode(typed);
  if (!code) return { ok: false, reason: 'not-a-code' };
  const closed = await globalLockout(tx, now);
  if (closed) return { ok: false, reason: 'closed', until: closed.until, tripped: null };
  const invite = await tx.invite.findUnique({
    where: { code },
    include: { producer: true, district: { include: { province: true } }, province: true, zone: true },
  });
  if (invite?.usedAt) return { ok: false, reason: 'used' };
  if (invite && invite.expiresAt <= now) return { ok: false, reason: 'expired', expiresAt: invite.expiresAt };
  if (!invite) {
    const tripped = await recordWrongCode(tx, userId, now, guard, eventId);
    const failures = (user.inviteLockedUntil && user.inviteLockedUntil <= now ? 0 : user.inviteFailures) + 1;
    if (failures >= MAX_FAILURES) {
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await tx.user.update({ where: { id: userId }, data: { inviteFailures: 0, inviteLockedUntil: until } });
      await audit(tx, { actorId: userId, action: 'invite.lockout', entityType: 'User', entityId: userId, after: { until }, eventId });
      if (tripped) return { ok: false, reason: 'closed', until: tripped.until, tripped };
      return { ok: false, reason: 'locked-now', until };
    }
    await tx.user.update({ where: { id: userId }, data: { inviteFailures: failures, inviteLockedUntil: null } });
    if (tripped) return { ok: false, reason: 'closed', until: tripped.until, tripped };
    return { ok: false, reason: 'wrong', remaining: MAX_FAILURES - failures };
  }
  const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now, usedById: userId } });
  if (claimed.count !== 1) throw new RuleError('รหัสเชิญนี้ถูกใช้ไปแล้ว กรุณาขอรหัสใหม่จากเจ้าหน้าที่', 'invite-used');
  const before = { role: user.role, producerId: user.producerId, districtId: user.districtId, provinceId: user.provinceId, zoneId: user.zoneId };
  // The scope is exactly the invite's; the hierarchy above it is looked up, never copied onto the user.
  const after = { role: invite.role, producerId: invite.producerId, districtId: invite.districtId, provinceId: invite.provinceId, zoneId: invite.zoneId };
  await tx.user.update({ where: { id: userId }, data: { ...after, inviteFailures: 0, inviteLockedUntil: null, active: true } });
  await audit(tx, { actorId: userId, action: 'invite.redeem', entityType: 'User', entityId: userId, before, after: { ...after, inviteId: invite.id }, eventId });
  const scopeName =
    invite.producer?.name ??
    (invite.district ? `อำเภอ${invite.district.nameTh} จังหวัด${invite.district.province.nameTh}` : null) ??
    (invite.province ? `จังหวัด${invite.province.nameTh}` : null) ??
    (invite.zone ? invite.zone.nameTh : 'ทั้งประเทศ');
  return { ok: true, role: invite.role, scopeName };
}
