/**
 * Target-progress reminders: plan who gets a standing card now (after a province confirmed a month, and on the
 * progress day), skip the ones already recorded, read each scope's standing once, and record one row per card in
 * the reminders table, where the ordinary sender sends it exactly once. A unit without a target gets no row.
 */
import type { Db } from '../db/client.js';
import { uuidFromKey } from '../bot/outbox.js';
import type { Reply } from '../bot/reply.js';
import { scopeProgressReply, unitProgressReply } from '../bot/target-progress-card.js';
import { addMonths, monthKeyOf, monthStart, type MonthKey } from '../domain/fiscal-period.js';
import { rankOrder, unitStanding, type UnitStanding } from '../domain/targets/index.js';
import { recordPlan, type Recorded } from '../domain/reminders/record.js';
import { buildTargetSnapshot } from '../domain/reminders/target-snapshot.js';
import { PROGRESS_KIND, planProgress, scopeKey, type PlannedProgress, type ProgressOptions, type ProgressScope } from '../domain/reminders/target-progress.js';
import { progressLead, scopeName } from '../domain/reminders/target-words.js';

/** The card of one scope for one trigger, or null without a target. */
async function progressReply(db: Db, p: PlannedProgress, provinceNames: Map<number, string>): Promise<Reply | null> {
  const s: ProgressScope = p.scope;
  const lead = progressLead(s, p.trigger, p.month);
  switch (s.kind) {
    case 'district':
      return unitProgressReply(await unitStanding(db, { districtId: s.districtId }, scopeName(s), p.month, 'unit'), p.month, lead);
    case 'province':
    case 'province-above': {
      const viewer = s.kind === 'province' ? 'unit' : 'above-province';
      const u = await unitStanding(db, { provinceId: s.provinceId }, scopeName(s), p.month, viewer);
      if (!u.sales && !u.online) return null;
      const districts: UnitStanding[] = [];
      for (const d of await db.district.findMany({ where: { provinceId: s.provinceId }, orderBy: { id: 'asc' } })) {
        districts.push(await unitStanding(db, { districtId: d.id }, d.nameTh, p.month, viewer));
      }
      return unitProgressReply(u, p.month, lead, { ranking: districts.sort(rankOrder), above: s.kind === 'province-above' });
    }
    case 'zone':
    case 'nation': {
      const provinces: UnitStanding[] = [];
      for (const id of s.provinceIds) provinces.push(await unitStanding(db, { provinceId: id }, provinceNames.get(id) ?? String(id), p.month, 'above-province'));
      return scopeProgressReply(scopeName(s), provinces, p.month, lead, rankOrder);
    }
  }
}

/** Cards planned now for the last two sales months, minus those already recorded (no standing read twice). */
export async function planProgressAt(db: Db, now: Date, o: ProgressOptions): Promise<{ month: MonthKey; cards: PlannedProgress[] }[]> {
  const out = [];
  for (const month of [addMonths(monthKeyOf(now), -1), addMonths(monthKeyOf(now), -2)]) {
    const planned = planProgress(await buildTargetSnapshot(db, month), now, o);
    if (!planned.length) continue;
    const done = new Set(
      (await db.reminder.findMany({ where: { kind: PROGRESS_KIND, month: monthStart(month) }, select: { userId: true, step: true } })).map((r) => `${r.userId}|${r.step}`),
    );
    out.push({ month, cards: planned.filter((p) => !done.has(`${p.userId}|${p.step}`)) });
  }
  return out;
}

/** Plans and records the target-progress cards due now (see the file comment). */
export async function recordProgress(db: Db, now: Date, o: ProgressOptions): Promise<Recorded & { noTarget: number }> {
  const totals = { planned: 0, inserted: 0, cancelled: 0, noTarget: 0 };
  const provinceNames = new Map((await db.province.findMany({ select: { id: true, nameTh: true } })).map((p) => [p.id, p.nameTh]));
  for (const { month, cards } of await planProgressAt(db, now, o)) {
    const replies = new Map<string, Reply | null>();
    const withCard: (PlannedProgress & { reply: Reply })[] = [];
    for (const p of cards) {
      const key = `${scopeKey(p.scope)}|${p.trigger}`;
      if (!replies.has(key)) replies.set(key, await progressReply(db, p, provinceNames));
      const reply = replies.get(key);
      if (reply) withCard.push({ ...p, reply });
      else totals.noTarget++;
    }
    const r = await recordPlan(db, month, withCard, (p) => ({
      retryKey: uuidFromKey(`reminder:${p.userId}:${p.kind}:${p.month}:${p.step}`),
      messages: [p.reply],
    }), false);
    totals.planned += r.planned;
    totals.inserted += r.inserted;
  }
  return totals;
}
