// `targets list` and `targets show` as text lines (the CLI prints them; tests read them).
import type { Db } from '../../db/client.js';
import { compareMonths, defaultReportingMonth, roundMonths, type MonthKey } from '../../domain/fiscal-period.js';
import { formatBaht, formatMonthTh } from '../../domain/thai-format.js';
import { listTargetSets, standingOf, type Standing, type TargetRoundName, type UnitKey } from '../../domain/targets/index.js';

export const ROUND_TH: Record<TargetRoundName, string> = { FULL_YEAR: 'ทั้งปี', ROUND_1: 'รอบที่ 1 (ต.ค.–มี.ค.)', ROUND_2: 'รอบที่ 2 (เม.ย.–ก.ย.)' };

export async function listLines(db: Db): Promise<string[]> {
  const sets = await db.$transaction((tx) => listTargetSets(tx));
  if (sets.length === 0) return ['ยังไม่มีเป้าหมายในระบบ (no targets loaded)'];
  return sets.map((s) =>
    `ปีงบประมาณ ${s.fiscalYear}\t${ROUND_TH[s.round]}\t${s.kind === 'SALES' ? 'ยอดขาย' : 'ผลิตภัณฑ์ขายออนไลน์'}\t${s.units} หน่วย\t${s.source}${s.importedAt ? `\tนำเข้า ${s.importedAt.toISOString()}` : ''}`);
}

const fig = (s: Standing, v: bigint) => (s.target.kind === 'SALES' ? `${formatBaht(v)} บาท` : `${v} ผลิตภัณฑ์`);

/** Lines of one unit: thresholds with their scores, then where it stands. */
export function standingLines(name: string, s: Standing): string[] {
  const lines = [`${name}${s.target.kind === 'ONLINE_PRODUCTS' ? ' (ผลิตภัณฑ์ขายออนไลน์)' : ''}`];
  if (s.target.floorScore !== null) lines.push(`  ${s.target.floorLabel}: ${s.target.floorScore} คะแนน`);
  for (const t of s.target.tiers) lines.push(`  ${t.label}: ไม่น้อยกว่า ${fig(s, t.threshold)} = ${t.score} คะแนน`);
  lines.push(`  ยืนยันแล้ว ${s.monthsElapsed}/${s.monthsInRound} เดือน: ${fig(s, s.achieved)} → ${s.scoreLabel}`);
  if (s.growthBasisPoints !== null) lines.push(`  เทียบปีฐาน ${s.target.baselineFiscalYear}: ${s.growthBasisPoints >= 0 ? '+' : ''}${(s.growthBasisPoints / 100).toFixed(2)}%`);
  if (s.next) lines.push(`  ขาดอีก ${fig(s, s.missing!)} ถึง ${s.next.label}`);
  if (s.projection !== null) lines.push(`  ถ้ารักษาระดับนี้ถึงสิ้นรอบ: ${fig(s, s.projection)} → ${s.projectedScore!.scoreLabel}`);
  return lines;
}

/** Every unit of the province (itself, then its districts) or every province, that has a target for the round. */
export async function showLines(db: Db, q: { fiscalYear: number; round: TargetRoundName; provinceId: number | null; now: Date; asOf?: MonthKey }): Promise<string[]> {
  const months = roundMonths(q.fiscalYear, q.round);
  const latest = q.asOf ?? defaultReportingMonth(q.now);
  const asOf = compareMonths(latest, months.at(-1)!) > 0 ? months.at(-1)! : latest;
  const units: { key: UnitKey; name: string }[] = [];
  if (q.provinceId === null) {
    for (const p of await db.province.findMany({ orderBy: { id: 'asc' } })) units.push({ key: { provinceId: p.id }, name: `จังหวัด${p.nameTh}` });
  } else {
    const p = await db.province.findUniqueOrThrow({ where: { id: q.provinceId }, include: { districts: { orderBy: { id: 'asc' } } } });
    units.push({ key: { provinceId: p.id }, name: `จังหวัด${p.nameTh}` }, ...p.districts.map((d) => ({ key: { districtId: d.id }, name: `อำเภอ${d.nameTh}` })));
  }
  const lines = [`เป้าหมายปีงบประมาณ ${q.fiscalYear} ${ROUND_TH[q.round]} — ยอดที่ยืนยันแล้วถึงเดือน${formatMonthTh(asOf)}`];
  let shown = 0;
  await db.$transaction(async (tx) => {
    for (const u of units) {
      for (const kind of ['SALES', 'ONLINE_PRODUCTS'] as const) {
        const s = await standingOf(tx, u.key, { fiscalYear: q.fiscalYear, round: q.round, asOf, viewer: 'unit', kind });
        if (s) { lines.push(...standingLines(u.name, s)); shown++; }
      }
    }
  }, { timeout: 60_000 });
  if (!shown) lines.push('ไม่มีเป้าหมายของปีและรอบนี้ (npm run targets -- list ดูที่มีอยู่)');
  return lines;
}
