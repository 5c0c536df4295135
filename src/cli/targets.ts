// `npm run targets -- import|list|show …` — load the department's target tables and see where units stand.
// Works on DATABASE_URL, or the embedded database under DATA_DIR when none is set (like `npm run invite`).
import { matchUnit, unitsForImport, type TargetRoundName } from '../domain/targets/index.js';
import { importTargetFile, problemLine } from './targets/import-file.js';
import { listLines, showLines } from './targets/show.js';
import { openCliDb } from './open-db.js';
import { runEstimates } from './targets/estimates-command.js';
import { HELP, parseTargetsArgs } from './targets/args.js';
import { parseMonthKey } from '../domain/fiscal-period.js';

const ROUND: Record<string, TargetRoundName> = { full: 'FULL_YEAR', '1': 'ROUND_1', '2': 'ROUND_2' };

function fail(msg: string): never {
  console.error(`${msg}\n\n${HELP}`);
  process.exit(2);
}

const given = parseTargetsArgs(process.argv.slice(2));
if (given.kind === 'help') {
  console.log(HELP);
  process.exit(0);
}
if (given.kind === 'refused') fail(given.message);
const a = given.args;

const { db, close } = await openCliDb();
let code = 0;
try {
  if (a.command === 'list') console.log((await listLines(db)).join('\n'));
  else if (a.command === 'estimates') code = await runEstimates(db, { ...a, fy: a.fy!, province: a.province!, from: a.from ? parseMonthKey(a.from)! : undefined });
  else if (a.command === 'import') {
    const out = await importTargetFile(db, {
      file: a.file!, fiscalYear: a.fy!, round: a.round ? ROUND[a.round] : undefined, province: a.province,
      tierScores: a.scores ? (a.scores.split(',').map(Number) as [number, number, number]) : undefined,
      allowUnorderedTiers: a['allow-unordered-tiers'], source: a.source, now: new Date(),
    });
    if (out.ok) console.log(`นำเข้าแล้ว ${out.units} หน่วย: ใหม่ ${out.summary.created}, แทนที่ของเดิม ${out.summary.replaced}`);
    else {
      console.error(`ไม่ได้นำเข้า (ไม่มีการบันทึกใดๆ) พบปัญหา ${out.problems.length} จุด:\n${out.problems.map(problemLine).join('\n')}`);
      code = 1;
    }
  } else {
    let provinceId: number | null = null;
    if (a.province) {
      const m = matchUnit(a.province, await db.$transaction((tx) => unitsForImport(tx, { kind: 'province' })));
      if (!m.ok) fail(`--province: ${m.message}`);
      provinceId = m.unit.code;
    }
    const asOf = a['as-of'] ? parseMonthKey(a['as-of'])! : undefined;
    console.log((await showLines(db, { fiscalYear: a.fy!, round: ROUND[a.round ?? 'full']!, provinceId, now: new Date(), asOf })).join('\n'));
  }
} finally {
  await close();
}
process.exit(code);
