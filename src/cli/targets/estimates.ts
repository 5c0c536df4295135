// `targets estimates import|split|show`: the province's monthly estimates (ประมาณการ) for its districts. Import is
// whole-file, all-or-nothing (row, column and reason in Thai); split stores the even split of each district's gap;
// show prints the sheet (who certified, the corrected figures, confirmed actuals).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import { monthKeyOf, type MonthKey } from '../../domain/fiscal-period.js';
import { formatBaht, formatMonthTh } from '../../domain/thai-format.js';
import {
  estimateSheet, matchUnit, parseEstimateTable, planEvenSplit, saveEstimates, unitsForImport,
  type SaveSummary, type SplitPlan, type TableProblem,
} from '../../domain/targets/index.js';
import { RuleError } from '../../domain/errors.js';
import { readSheet } from '../read-sheet.js';

export type EstimateOutcome = { ok: true; summary: SaveSummary; units: number } | { ok: false; problems: TableProblem[] };

async function provinceOf(db: Db, written: string): Promise<{ ok: true; id: number } | { ok: false; problems: TableProblem[] }> {
  const m = matchUnit(written, await db.$transaction((tx) => unitsForImport(tx, { kind: 'province' })));
  return m.ok ? { ok: true, id: m.unit.code } : { ok: false, problems: [{ row: 0, column: null, message: `--province: ${m.message}` }] };
}

/** Imports an estimate table (CSV or XLSX) for one province and fiscal year; nothing is written unless every row is right. */
export async function importEstimateFile(db: Db, req: { file: string; fiscalYear: number; province: string; source?: string; now: Date }): Promise<EstimateOutcome> {
  let rows: string[][];
  try {
    rows = await readSheet(req.file, { cells: 'values' }, await readFile(req.file));
  } catch (e) {
    return { ok: false, problems: [{ row: 0, column: null, message: `อ่านไฟล์ไม่ได้: ${(e as Error).message}` }] };
  }
  const p = await provinceOf(db, req.province);
  if (!p.ok) return p;
  const units = await db.$transaction((tx) => unitsForImport(tx, { kind: 'district', provinceId: p.id }));
  const parsed = parseEstimateTable(rows, { fiscalYear: req.fiscalYear, units });
  if (!parsed.ok) return parsed;
  const source = req.source ?? `นำเข้าจากไฟล์ ${path.basename(req.file)}`;
  const items = parsed.estimates.map((e) => ({ districtId: e.unit.code, target: e.target, targetLabel: 'เป้ารายได้ตามตาราง', actualToDate: e.actualToDate, months: e.months }));
  const summary = await db.$transaction((tx) => saveEstimates(tx, { fiscalYear: req.fiscalYear, method: 'IMPORT', source, actor: null, now: req.now, items }), { timeout: 60_000 });
  return { ok: true, summary, units: items.length };
}

/** The even split for every district of the province with a full-year target; `save` false only previews. */
export async function splitEstimates(
  db: Db,
  req: { fiscalYear: number; province: string; level?: number; from?: MonthKey; now: Date; save: boolean },
): Promise<{ ok: true; plan: SplitPlan; summary: SaveSummary | null } | { ok: false; problems: TableProblem[] }> {
  const p = await provinceOf(db, req.province);
  if (!p.ok) return p;
  const from = req.from ?? monthKeyOf(req.now);
  try {
    return await db.$transaction(async (tx) => {
      const plan = await planEvenSplit(tx, null, { fiscalYear: req.fiscalYear, provinceId: p.id, from, level: req.level });
      if (plan.rows.length === 0) throw new RuleError(`ไม่มีอำเภอใดมีเป้าหมายทั้งปี ${req.fiscalYear} ให้แบ่ง — นำเข้าเป้าหมายก่อน (npm run targets -- import)`);
      const summary = req.save
        ? await saveEstimates(tx, { fiscalYear: req.fiscalYear, method: 'EVEN_SPLIT', source: 'แบ่งส่วนต่างเท่ากันทุกเดือน (npm run targets)', actor: null, now: req.now, items: plan.rows })
        : null;
      return { ok: true as const, plan, summary };
    }, { timeout: 60_000 });
  } catch (e) {
    if (e instanceof RuleError) return { ok: false, problems: [{ row: 0, column: null, message: e.message }] };
    throw e;
  }
}

const baht = (s: bigint) => formatBaht(s);

/** Lines of `estimates split`: each district's target, actual, gap and months. */
export function planLines(plan: SplitPlan): string[] {
  const head = `อำเภอ | เป้า | ยอดจริงถึงก่อน${formatMonthTh(plan.months[0]!)} | ส่วนต่าง | ${plan.months.map((m) => formatMonthTh(m, { short: true })).join(' | ')}`;
  const lines = plan.rows.map((r) => `${r.name} | ${baht(r.target)} (${r.targetLabel}) | ${baht(r.actualToDate)} | ${baht(r.gap)} | ${r.months.map((m) => baht(m.amount)).join(' | ')}`);
  const skipped = plan.skipped.map((s) => `ข้าม ${s.name}: ${s.reason}`);
  return [head, ...lines, ...skipped];
}

/** Lines of `estimates show`. */
export async function sheetLines(db: Db, q: { fiscalYear: number; province: string }): Promise<string[]> {
  const p = await provinceOf(db, q.province);
  if (!p.ok) return p.problems.map((x) => x.message);
  const sheet = await db.$transaction((tx) => estimateSheet(tx, { fy: q.fiscalYear, provinceId: p.id }));
  const answer = { PENDING: 'รอรับรอง', CERTIFIED: 'รับรองแล้ว', CORRECTED: 'ไม่รับรอง ขอแก้ไข' } as const;
  const lines = [`ประมาณการ จังหวัด${sheet.province.nameTh} ปีงบประมาณ ${sheet.fiscalYear}: รับรอง ${sheet.counts.certified}, ขอแก้ไข ${sheet.counts.corrected}, รอ ${sheet.counts.pending}, ยังไม่ตั้ง ${sheet.counts.notSet}`];
  for (const r of sheet.rows) {
    const e = r.estimate;
    if (!e) { lines.push(`${r.nameTh}: ยังไม่ได้ตั้งประมาณการ`); continue; }
    const months = e.months.map((m) => `${formatMonthTh(m.month, { short: true })} ${baht(m.amount)}${m.corrected !== null ? ` → ${baht(m.corrected)}` : ''} (จริง ${baht(m.actual)})`).join(', ');
    lines.push(`${r.nameTh}: ${answer[e.answer]}${e.answeredBy ? ` โดย ${e.answeredBy}` : ''} · เป้า ${baht(e.target)} · ${months} · รวม ${baht(e.total)}${e.answer === 'CORRECTED' ? ` → แก้ไขเป็น ${baht(e.effectiveTotal)}` : ''}`);
  }
  lines.push(`รวมประมาณการ ${baht(sheet.totals.amount)} บาท · หลังแก้ไข ${baht(sheet.totals.effective)} บาท`);
  return lines;
}
