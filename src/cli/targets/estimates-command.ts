// `npm run targets -- estimates …` once its arguments are checked: prints what was done, returns the exit code.
import type { Db } from '../../db/client.js';
import type { MonthKey } from '../../domain/fiscal-period.js';
import { problemLine } from './import-file.js';
import { importEstimateFile, planLines, sheetLines, splitEstimates } from './estimates.js';

export async function runEstimates(
  db: Db,
  a: { sub?: 'import' | 'split' | 'show'; file?: string; fy: number; province: string; source?: string; level?: number; from?: MonthKey; 'dry-run'?: boolean },
): Promise<number> {
  const now = new Date();
  if (a.sub === 'import') {
    const out = await importEstimateFile(db, { file: a.file!, fiscalYear: a.fy, province: a.province, source: a.source, now });
    if (!out.ok) {
      console.error(`ไม่ได้นำเข้า (ไม่มีการบันทึกใดๆ) พบปัญหา ${out.problems.length} จุด:\n${out.problems.map(problemLine).join('\n')}`);
      return 1;
    }
    console.log(`นำเข้าประมาณการแล้ว ${out.units} อำเภอ: ใหม่ ${out.summary.created}, แทนที่ของเดิม ${out.summary.replaced} (อำเภอต้องรับรองใหม่)`);
    return 0;
  }
  if (a.sub === 'split') {
    const out = await splitEstimates(db, { fiscalYear: a.fy, province: a.province, level: a.level, from: a.from, now, save: !a['dry-run'] });
    if (!out.ok) {
      console.error(out.problems.map((p) => p.message).join('\n'));
      return 1;
    }
    console.log(planLines(out.plan).join('\n'));
    console.log(out.summary ? `บันทึกแล้ว ${out.plan.rows.length} อำเภอ: ใหม่ ${out.summary.created}, แทนที่ของเดิม ${out.summary.replaced}` : '(--dry-run: ไม่ได้บันทึก)');
    return 0;
  }
  console.log((await sheetLines(db, { fiscalYear: a.fy, province: a.province })).join('\n'));
  return 0;
}
