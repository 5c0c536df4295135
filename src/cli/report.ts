// `npm run report -- --type rt2 --province ฉะเชิงเทรา --district เมืองฉะเชิงเทรา --fy 2570 --month 11 --format pdf --out rt2.pdf`
// `npm run report -- --type rt4 --province 24 --fy 2570 --from 10 --to 12 --format xlsx --out rt4.xlsx`
// Writes one report file from the database (the embedded one under DATA_DIR when DATABASE_URL is unset).
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { REPORT_TYPES, REPORTS, type ReportScope } from '../domain/reports/catalogue.js';
import { periodOf, wholeYearPeriod } from '../domain/reports/period.js';
import { generateReportFile } from '../reports/generate.js';
import { openCliDb } from './open-db.js';
import { HELP_OPTION, readCliArgs } from './cli-args.js';

const month = z.coerce.number().int().min(1).max(12);
const Args = z.object({
  type: z.enum(REPORT_TYPES as [string, ...string[]]),
  province: z.string().min(1).optional(),
  district: z.string().optional(),
  producer: z.string().min(1).optional(),
  zone: z.coerce.number().int().min(1).optional(),
  fy: z.coerce.number().int().min(2500).max(2700),
  month: month.optional(),
  from: month.optional(),
  to: month.optional(),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  out: z.string().optional(),
  'thai-digits': z.boolean().default(false),
}).refine((a) => a.month !== undefined || a.from !== undefined || REPORTS[a.type as (typeof REPORT_TYPES)[number]].wholeYear,
  { message: 'give --month, or --from and --to', path: ['month'] })
  .refine((a) => !(REPORTS[a.type as (typeof REPORT_TYPES)[number]].wholeYear && (a.month ?? a.from ?? a.to) !== undefined),
    { message: 'this form covers the whole fiscal year: give --fy only, no --month / --from / --to', path: ['month'] });

const USAGE =
  `usage: npm run report -- --type ${REPORT_TYPES.join('|')} --province <name or code> [--district <name or code>]\n` +
  '         (--type producer: --producer <registration code> instead of --province;\n' +
  '          --type summary: [--zone <zone number>], the whole country without it)\n' +
  '         --fy <BE fiscal year> (--month <1-12> | --from <1-12> --to <1-12>) [--format pdf|xlsx] [--out file] [--thai-digits]\n' +
  '         (--type estimate | certification: forms of the whole fiscal year, no --month)';

function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

const { values } = readCliArgs({
  options: {
    ...HELP_OPTION,
    type: { type: 'string' }, province: { type: 'string' }, district: { type: 'string' }, producer: { type: 'string' }, zone: { type: 'string' }, fy: { type: 'string' },
    month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
    out: { type: 'string' }, 'thai-digits': { type: 'boolean' },
  },
  strict: true,
}, `รายงานเป็นไฟล์ PDF หรือ Excel จากฐานข้อมูล (writes one report file from the database)
${USAGE}`, fail);
const { help: _help, ...args } = values;
const parsed = Args.safeParse(args);
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
const a = parsed.data;
const type = a.type as (typeof REPORT_TYPES)[number];

let period;
try {
  period = REPORTS[type].wholeYear ? wholeYearPeriod(a.fy) : periodOf(a.fy, a.month ?? a.from!, a.month ?? a.to ?? a.from!);
} catch (err) {
  fail((err as Error).message);
}

const { db, close } = await openCliDb();
try {
  let scope: ReportScope;
  if (REPORTS[type].level === 'producer') {
    if (!a.producer) fail(`--producer is required for ${type}`);
    const pr = await db.producer.findFirst({ where: { registrationCode: a.producer } });
    if (!pr) fail(`no producer ${a.producer}`);
    scope = { producerId: pr.id };
  } else if (REPORTS[type].level === 'area') {
    if (a.zone !== undefined && !(await db.zone.findUnique({ where: { id: a.zone } }))) fail(`no zone ${a.zone}`);
    scope = a.zone !== undefined ? { zoneId: a.zone } : { nation: true };
  } else scope = await unitScope();
  const file = await generateReportFile(db, { type, scope, period, format: a.format, thaiDigits: a['thai-digits'] }, new Date());
  const out = a.out ?? file.fileName;
  writeFileSync(out, file.bytes);
  console.log(`${out}\t${file.bytes.length} bytes`);
} finally {
  await close();
}

/** The district or province scope named by --province / --district. */
async function unitScope(): Promise<ReportScope> {
  if (!a.province) fail(`--province is required for ${type}`);
  const province = await db.province.findFirst({ where: /^\d+$/.test(a.province) ? { id: Number(a.province) } : { nameTh: a.province } });
  if (!province) fail(`no province ${a.province}`);
  if (REPORTS[type].level === 'district') {
    if (!a.district) fail(`--district is required for ${type}`);
    const d = await db.district.findFirst({
      where: { provinceId: province.id, ...(/^\d+$/.test(a.district) ? { id: Number(a.district) } : { nameTh: a.district }) },
    });
    if (!d) fail(`no district ${a.district} in ${province.nameTh}`);
    return { districtId: d.id };
  }
  return { provinceId: province.id };
}
