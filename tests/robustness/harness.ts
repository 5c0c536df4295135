// Throws random strings at every step a scripted conversation passes through, and checks that nothing crashes
// and no business data changes. Each step's saved conversation row is restored before every string, for many
// users in parallel (one webhook carries one event per user).
import { createHash } from 'node:crypto';
import type { TestBot } from '../support/bot.js';
import { randomString, rng } from './fuzz-strings.js';

export interface CapturedStep {
  flow: string;
  step: string;
  version: number;
  state: unknown;
}

/** Business tables whose content must not change when only garbage is typed. */
export async function businessFingerprint(bot: TestBot): Promise<string> {
  const db = bot.services.db;
  const parts = await Promise.all([
    db.salesEntry.findMany({ orderBy: { id: 'asc' } }),
    db.exportDetail.findMany({ orderBy: { id: 'asc' } }),
    db.producer.findMany({ orderBy: { id: 'asc' } }),
    db.districtMonth.findMany({ orderBy: [{ districtId: 'asc' }, { month: 'asc' }] }),
    db.unlockRequest.findMany({ orderBy: { id: 'asc' } }),
    db.invite.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
  ]);
  return createHash('sha256').update(JSON.stringify(parts, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).digest('hex');
}

/** Drives the script (each item is sent by `user`, a step function) and records every distinct step visited. */
export async function captureSteps(bot: TestBot, user: string, script: (() => Promise<void>)[]): Promise<CapturedStep[]> {
  const u = await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } });
  const seen = new Map<string, CapturedStep>();
  for (const stepFn of script) {
    await stepFn();
    const c = await bot.services.db.conversation.findUnique({ where: { userId: u.id } });
    if (!c) continue;
    const step = (c.state as { step: string }).step;
    const key = `${c.flow}:${step}`;
    if (!seen.has(key)) seen.set(key, { flow: c.flow, step, version: c.version, state: c.state });
  }
  return [...seen.values()];
}

const CONFIRM_WORDS = new Set(['ใช่', 'ใช่ถูกต้อง', 'ถูกต้อง', 'ยืนยัน', 'ok', 'โอเค', 'yes', 'ยืนยันทั้งหมด']);

export async function fuzzStep(
  bot: TestBot,
  users: string[],
  captured: CapturedStep,
  opts: { strings: number; seed: number; /** Sent first, before the random strings (counted in `strings`). */ fixed?: readonly string[] },
): Promise<{ sent: number; errors: string[] }> {
  const db = bot.services.db;
  const rows = await db.user.findMany({ where: { lineUserId: { in: users } } });
  const next = rng(opts.seed);
  const errors: string[] = [];
  let sent = 0;
  const fixed = [...(opts.fixed ?? [])];
  for (const u of users) bot.take(u);
  while (sent < opts.strings) {
    await db.$executeRaw`
      INSERT INTO "Conversation" ("userId", "flow", "version", "state", "expiresAt", "updatedAt")
      SELECT u, ${captured.flow}, ${captured.version}, ${JSON.stringify(captured.state)}::jsonb, now() + interval '1 hour', now()
      FROM unnest(${rows.map((r) => r.id)}::int[]) AS u
      ON CONFLICT ("userId") DO UPDATE SET "flow" = EXCLUDED."flow", "version" = EXCLUDED."version",
        "state" = EXCLUDED."state", "expiresAt" = EXCLUDED."expiresAt"`;
    const batch = rows.slice(0, Math.min(rows.length, opts.strings - sent)).map((r) => {
      const given = fixed.shift();
      if (given !== undefined) return { user: r.lineUserId, text: given };
      let s = randomString(next);
      while (CONFIRM_WORDS.has(s.replace(/\s+/g, '').toLowerCase())) s = randomString(next);
      return { user: r.lineUserId, text: s };
    });
    await bot.send(
      ...batch.map((b) => bot.event(b.user, { type: 'message', message: { type: 'text', id: '1', quoteToken: 'q', text: b.text } })),
    );
    for (const b of batch) {
      const said = bot.take(b.user);
      if (said.length === 0) errors.push(`no answer to ${JSON.stringify(b.text.slice(0, 80))} at ${captured.flow}:${captured.step}`);
      if (said.some((t) => t.includes('เกิดข้อผิดพลาดในระบบ'))) errors.push(`crash on ${JSON.stringify(b.text.slice(0, 80))} at ${captured.flow}:${captured.step}`);
    }
    sent += batch.length;
  }
  return { sent, errors };
}
