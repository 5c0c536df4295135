// The data of a district's invite sheet: one fresh one-time code per registered producer that has no LINE user
// yet. Printing again expires the unused producer codes of the earlier sheet (audited), so only one sheet's
// codes ever work.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { assertAllowed, placeOfDistrict } from '../authorise.js';
import { generateCode } from '../invites.js';

export interface InviteCard {
  producerName: string;
  registrationCode: string;
  tambon: string;
  code: string;
  expiresAt: Date;
}

export interface InviteSheetData {
  districtName: string;
  provinceName: string;
  cards: InviteCard[];
}

export const INVITE_SHEET_DAYS = 30;

export async function issueInviteSheet(tx: Tx, actor: Actor | null, districtId: number, now: Date, days = INVITE_SHEET_DAYS): Promise<InviteSheetData> {
  if (actor) assertAllowed(actor, 'invite.producer', await placeOfDistrict(tx, districtId), 'คุณพิมพ์บัตรเชิญได้เฉพาะผู้ผลิตในอำเภอของคุณ');
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId }, select: { nameTh: true, province: { select: { nameTh: true } } } });
  const producers = await tx.producer.findMany({
    where: { districtId, active: true, users: { none: { active: true, role: 'PRODUCER' } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, registrationCode: true, tambon: true },
  });
  const stale = await tx.invite.findMany({
    where: { role: 'PRODUCER', producerId: { in: producers.map((p) => p.id) }, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, code: true, expiresAt: true },
  });
  if (stale.length) {
    await tx.invite.updateMany({ where: { id: { in: stale.map((i) => i.id) } }, data: { expiresAt: now } });
    await tx.auditLog.createMany({
      data: stale.map((i) => ({ actorId: actor?.userId ?? null, action: 'invite.replace', entityType: 'Invite', entityId: String(i.id), before: { expiresAt: i.expiresAt.toISOString() }, after: { expiresAt: now.toISOString() }, at: now })),
    });
  }
  // One INSERT for all codes (a district has hundreds of producers); a code that clashes is drawn again.
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const codeOf = new Map<number, string>();
  for (let round = 0; codeOf.size < producers.length; round++) {
    if (round >= 5) throw new Error('could not find free invite codes');
    const todo = producers.filter((p) => !codeOf.has(p.id));
    const made = await tx.$queryRaw<{ id: number; code: string; producerId: number }[]>`
      INSERT INTO "Invite" (code, role, "producerId", "createdById", "createdAt", "expiresAt")
      SELECT code, 'PRODUCER'::"Role", pid, ${actor?.userId ?? null}::int, ${now}, ${expiresAt}
      FROM unnest(${todo.map(() => generateCode())}::text[], ${todo.map((p) => p.id)}::int[]) AS t(code, pid)
      ON CONFLICT (code) DO NOTHING
      RETURNING id, code, "producerId"`;
    for (const m of made) codeOf.set(m.producerId, m.code);
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", after, at)
      SELECT ${actor?.userId ?? null}::int, 'invite.create', 'Invite', id::text, after, ${now}
      FROM unnest(${made.map((m) => m.id)}::int[], ${made.map((m) => JSON.stringify({ code: m.code, role: 'PRODUCER', producerId: m.producerId, expiresAt }))}::jsonb[]) AS t(id, after)`;
  }
  const cards: InviteCard[] = producers.map((p) => ({ producerName: p.name, registrationCode: p.registrationCode, tambon: p.tambon, code: codeOf.get(p.id)!, expiresAt }));
  return { districtName: district.nameTh, provinceName: district.province.nameTh, cards };
}
