// The target-progress reminder as one card, on the standing-card template: a unit's own standing (with its districts
// ranked for a province), or for a zone or the department their provinces ranked by level. Null when the unit (or
// every province of the scope) has no target: nobody is pushed an empty card.
import type { CardRow, StandingCard } from './cards.js';
import { card, say, type Reply } from './reply.js';
import { shareOfNext, shortLevel, standingCard, ROUND_TH } from '../conversations/targets-cards.js';
import type { MonthKey } from '../domain/fiscal-period.js';
import { formatMonthTh } from '../domain/thai-format.js';
import type { UnitStanding } from '../domain/targets/index.js';

const MAX_RANKED = 20;
const choices = [say('เป้าหมาย'), say('เมนู')];
const hasTarget = (u: UnitStanding) => !!(u.sales || u.online);

/** A district's or province's standing; `ranking` (a province's districts) and `above` (zone/department view). */
export function unitProgressReply(u: UnitStanding, asOf: MonthKey, lead: string, opts: { ranking?: UnitStanding[]; above?: boolean } = {}): Reply | null {
  if (!hasTarget(u)) return null;
  return card(standingCard(u, asOf, { ranking: opts.ranking, exact: opts.above, confirmedOnly: opts.above, lead }), choices);
}

/** A zone's or the nation's provinces ranked by level, with how many reached each level. */
export function scopeProgressReply(name: string, provinces: UnitStanding[], asOf: MonthKey, lead: string, rank: (a: UnitStanding, b: UnitStanding) => number): Reply | null {
  const scored = provinces.filter(hasTarget);
  if (!scored.length) return null;
  const levels = new Map<string, number>();
  for (const p of scored) {
    const label = p.sales ? shortLevel(p.sales) : 'มีเฉพาะเป้าหมายออนไลน์';
    levels.set(label, (levels.get(label) ?? 0) + 1);
  }
  // Provinces without a target go last (rankOrder alone would put them above the ones below level 1).
  const ranked = [...scored.sort(rank), ...provinces.filter((p) => !hasTarget(p))];
  const rows: CardRow[] = ranked.slice(0, MAX_RANKED).map((p, i) => ({
    label: `${i + 1}. ${p.name}`,
    value: p.sales ? `${shortLevel(p.sales)} · ${shareOfNext(p.sales)}` : p.online ? shortLevel(p.online) : 'ไม่มีเป้าหมาย',
  }));
  const round = ROUND_TH[scored[0]!.round];
  const c: StandingCard = {
    kind: 'standing',
    altText: `เป้าหมาย ${name}: จังหวัดที่มีเป้าหมาย ${scored.length} จาก ${provinces.length} จังหวัด ยืนยันแล้วถึงเดือน${formatMonthTh(asOf)}`,
    title: `เป้าหมาย ${name}`,
    subtitle: `${round} · ยืนยันแล้วถึงเดือน${formatMonthTh(asOf)}`,
    tone: 'neutral',
    summary: [
      { label: 'จังหวัดที่มีเป้าหมาย', value: `${scored.length} จาก ${provinces.length} จังหวัด`, emphasis: true },
      ...[...levels.entries()].map(([label, count]) => ({ label, value: `${count} จังหวัด` })),
    ],
    bars: [],
    ranking: { heading: 'จังหวัดเรียงตามระดับ', rows },
    note: [lead, ranked.length > MAX_RANKED ? `แสดง ${MAX_RANKED} อันดับแรกจาก ${ranked.length} จังหวัด` : '', 'นับเฉพาะยอดที่จังหวัดยืนยันแล้ว'].filter(Boolean).join(' · '),
  };
  return card(c, choices);
}
