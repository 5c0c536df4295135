// The arguments of `npm run targets`, checked before any database is opened: parseTargetsArgs(argv) gives the
// help, a Thai refusal, or the checked arguments. Kept apart from the command so tests run it in-process.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseMonthKey } from '../../domain/fiscal-period.js';

export const HELP = `npm run targets -- <import|list|show|estimates> [options]

  import <file.csv|file.xlsx> --fy <ปี พ.ศ.> [--round full|1|2] [--province <ชื่อหรือรหัส>]
         [--scores 2,3,5] [--allow-unordered-tiers] [--source "<หนังสือที่ …>"]
      นำเข้าตารางเป้าหมายของกรมฯ/จังหวัด ทั้งไฟล์หรือไม่เลย: ถ้ามีแถวผิด จะบอกแถว คอลัมน์ และเหตุผล และไม่บันทึกอะไร
      นำเข้าปี/รอบ/หน่วยเดิมซ้ำ = แทนที่ของเดิม (บันทึกใครและเมื่อไรใน audit log)
      Import a target table, all or nothing: a bad file is refused with row, column and reason; nothing is written.
      Re-importing the same year/round/unit replaces it (audited).
      --round     รอบของทั้งไฟล์เมื่อไฟล์ไม่มีคอลัมน์ round: full = ทั้งปี, 1 = ต.ค.–มี.ค., 2 = เม.ย.–ก.ย. (default full)
      --province  จำกัดชื่ออำเภอให้อยู่ในจังหวัดนี้ (limit district names to this province)
      --scores    คะแนนของ ขั้นต้น,ขั้นมาตรฐาน,ขั้นสูง (default 2,3,5 as the department scores 3-tier tables)
      --allow-unordered-tiers  รับแถวที่เกณฑ์ขั้นสูงกว่าไม่มากกว่าขั้นต่ำกว่า ตามที่หนังสือพิมพ์ไว้จริง
  list
      เป้าหมายที่มีในระบบ (what is loaded)
  show --fy <ปี พ.ศ.> [--round full|1|2] [--province <ชื่อหรือรหัส>] [--as-of YYYY-MM]
      เกณฑ์แต่ละระดับเป็นบาท คะแนนของแต่ละระดับ และสถานะปัจจุบันของแต่ละหน่วย (ยอดที่ยืนยันแล้ว)
      Each unit's thresholds in baht, the score each stands for, and its current standing (confirmed sales).
  estimates import <file.csv|file.xlsx> --fy <ปี พ.ศ.> --province <ชื่อหรือรหัส> [--source "<หนังสือที่ …>"]
      ประมาณการรายเดือนของแต่ละอำเภอ (เดือนที่เหลือถึงกันยายน) ตามตารางของจังหวัด ทั้งไฟล์หรือไม่เลย
      Import a province's monthly estimates per district, all or nothing (row, column and reason in Thai).
  estimates split --fy <ปี พ.ศ.> --province <ชื่อหรือรหัส> [--level <ระดับ>] [--from YYYY-MM] [--dry-run]
      แบ่งส่วนต่าง (เป้าทั้งปี − ยอดที่ยืนยันแล้วก่อนเดือนแรก) เท่ากันทุกเดือนที่เหลือ เป็นจำนวนเต็มบาท
      (เศษบาทให้เดือนแรก ๆ) — --level ระดับของเป้าที่ใช้ (default ระดับสูงสุด), --from เดือนแรก (default เดือนนี้)
      Split each district's gap evenly over the remaining months (whole baht, remainder to the earliest months).
  estimates show --fy <ปี พ.ศ.> --province <ชื่อหรือรหัส>
      ใครรับรองแล้ว ตัวเลขที่อำเภอขอแก้ไข และยอดจริงรายเดือน (who certified, corrected figures, actuals)`;

const Args = z.object({
  command: z.enum(['import', 'list', 'show', 'estimates'], { message: 'คำสั่งต้องเป็น import, list, show หรือ estimates' }),
  sub: z.enum(['import', 'split', 'show'], { message: 'estimates ต้องตามด้วย import, split หรือ show' }).optional(),
  level: z.coerce.number({ message: '--level ต้องเป็นเลขระดับ เช่น 3' }).int().min(1).max(9).optional(),
  from: z.string().refine((s) => parseMonthKey(s) !== null, '--from ต้องเป็นเดือน YYYY-MM').optional(),
  'dry-run': z.boolean().optional(),
  file: z.string().optional(),
  fy: z.coerce.number({ message: '--fy ต้องเป็นปี พ.ศ. เช่น 2570' }).int().min(2550, '--fy ต้องเป็นปี พ.ศ. เช่น 2570').max(2700, '--fy ต้องเป็นปี พ.ศ. เช่น 2570').optional(),
  round: z.enum(['full', '1', '2'], { message: '--round ต้องเป็น full, 1 หรือ 2' }).optional(),
  province: z.string().min(1).optional(),
  scores: z.string().regex(/^\d+,\d+,\d+$/, '--scores ต้องเป็นตัวเลข 3 ตัว เช่น 2,3,5').optional(),
  'allow-unordered-tiers': z.boolean().optional(),
  source: z.string().min(1).optional(),
  'as-of': z.string().refine((s) => parseMonthKey(s) !== null, '--as-of ต้องเป็นเดือน YYYY-MM').optional(),
});

export type TargetsArgs = z.infer<typeof Args>;

const KNOWN = new Set(['fy', 'round', 'province', 'scores', 'allow-unordered-tiers', 'source', 'as-of', 'help', 'level', 'from', 'dry-run']);

/** The command line as given (without `node script`): help asked, a Thai refusal, or the checked arguments. */
export function parseTargetsArgs(argv: string[]): { kind: 'help' } | { kind: 'refused'; message: string } | { kind: 'ok'; args: TargetsArgs } {
  const refused = (message: string) => ({ kind: 'refused' as const, message });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      fy: { type: 'string' }, round: { type: 'string' }, province: { type: 'string' }, scores: { type: 'string' },
      'allow-unordered-tiers': { type: 'boolean' }, source: { type: 'string' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      level: { type: 'string' }, from: { type: 'string' }, 'dry-run': { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const unknown = Object.keys(values).filter((k) => !KNOWN.has(k));
  if (unknown.length) return refused(`ไม่รู้จักตัวเลือก ${unknown.map((k) => `--${k}`).join(', ')}`);
  const isEstimates = positionals[0] === 'estimates';
  const parsed = Args.safeParse({ command: positionals[0], ...(isEstimates ? { sub: positionals[1] ?? '', file: positionals[2] } : { file: positionals[1] }), ...values });
  if (!parsed.success) return refused(parsed.error.issues.map((i) => i.message).join('\n'));
  const a = parsed.data;
  if (a.command !== 'list' && a.fy === undefined) return refused('ต้องระบุ --fy (ปี พ.ศ.)');
  if ((a.command === 'import' || a.sub === 'import') && !a.file) return refused('ต้องระบุไฟล์ .csv หรือ .xlsx');
  if (a.command === 'estimates' && !a.province) return refused('estimates ต้องระบุ --province (ชื่อหรือรหัสจังหวัด)');
  return { kind: 'ok', args: a };
}
