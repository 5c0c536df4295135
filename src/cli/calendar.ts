// `npm run calendar -- show --fy 2570 [--province 24]`
// `npm run calendar -- set --month 2026-11 --field entryDue --day 2026-12-05 [--province 24]`
// `npm run calendar -- clear --month 2026-11 --field entryDue --province 24`   (back to the department's date)
// `npm run calendar -- import <file.csv>`   (header: month,province,entryDue,districtConfirmDue,provinceConfirmDue,departmentClose;
//                                            province empty = department-wide, applied first; empty cells keep the current date)
// Sets the deadline calendar as the system (no acting officer); every change is audited.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { calendarOfYear } from '../domain/calendar-view.js';
import { setDeadline, type CalendarField } from '../domain/deadlines.js';
import { RuleError } from '../domain/errors.js';
import { fiscalYearOf, monthKeyOf, parseDayKey, parseMonthKey, type DayKey, type MonthKey } from '../domain/fiscal-period.js';
import { openCliDb } from './open-db.js';
import { HELP_OPTION, readCliArgs } from './cli-args.js';

const FIELDS = ['entryDue', 'districtConfirmDue', 'provinceConfirmDue', 'departmentClose'] as const;
const Month = z.string().transform((s, ctx) => parseMonthKey(s) ?? (ctx.addIssue({ code: 'custom', message: 'expected YYYY-MM (Gregorian)' }), z.NEVER));
const Day = z.string().transform((s, ctx) => parseDayKey(s) ?? (ctx.addIssue({ code: 'custom', message: 'expected YYYY-MM-DD (Gregorian)' }), z.NEVER));
const Province = z.coerce.number().int().min(10).max(99);
const SetArgs = z.object({ month: Month, field: z.enum(FIELDS), day: Day, province: Province.optional() });
const ClearArgs = z.object({ month: Month, field: z.enum(['entryDue', 'districtConfirmDue', 'provinceConfirmDue']), province: Province });
const ShowArgs = z.object({ fy: z.coerce.number().int().min(2500).max(2700).optional(), province: Province.optional() });
const USAGE = 'usage: npm run calendar -- show [--fy 2570] [--province 24]\n       npm run calendar -- set --month 2026-11 --field entryDue|districtConfirmDue|provinceConfirmDue|departmentClose --day 2026-12-05 [--province 24]\n       npm run calendar -- clear --month 2026-11 --field entryDue|districtConfirmDue|provinceConfirmDue --province 24\n       npm run calendar -- import <file.csv>';

function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = readCliArgs({
  options: { ...HELP_OPTION, month: { type: 'string' }, field: { type: 'string' }, day: { type: 'string' }, province: { type: 'string' }, fy: { type: 'string' } },
  allowPositionals: true,
  strict: true,
}, USAGE, fail);
const [command, file] = positionals;
const issues = (e: z.ZodError) => e.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n');

interface Change { month: MonthKey; provinceId: number | null; days: Partial<Record<CalendarField, DayKey>> }

function readCsv(path: string): Change[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  const header = lines.shift()?.split(',').map((h) => h.trim()) ?? [];
  if (header[0] !== 'month' || header[1] !== 'province') fail(`${path}: the header must start with month,province`);
  const out: Change[] = [];
  lines.forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const month = parseMonthKey(cells[0] ?? '');
    if (!month) fail(`${path} line ${i + 2}: month "${cells[0]}" is not YYYY-MM`);
    const provinceId = cells[1] ? Province.safeParse(cells[1]).data ?? fail(`${path} line ${i + 2}: bad province "${cells[1]}"`) : null;
    const days: Change['days'] = {};
    header.slice(2).forEach((h, j) => {
      const v = cells[j + 2];
      if (!v) return;
      if (!FIELDS.includes(h as CalendarField)) fail(`${path}: unknown column ${h}`);
      days[h as CalendarField] = parseDayKey(v) ?? fail(`${path} line ${i + 2}: ${h} "${v}" is not YYYY-MM-DD`);
    });
    out.push({ month, provinceId, days });
  });
  return out;
}

const { db, close } = await openCliDb();
try {
  if (command === 'show') {
    const a = ShowArgs.safeParse(values);
    if (!a.success) fail(issues(a.error));
    const fy = a.data.fy ?? fiscalYearOf(monthKeyOf(new Date()));
    const rows = await calendarOfYear(db, fy, a.data.province ?? null);
    console.log(`fiscal year ${fy}${a.data.province ? `, province ${a.data.province}` : ', department-wide'}`);
    console.log(['month', ...FIELDS, 'province override'].join('\t'));
    for (const r of rows) console.log([r.month, r.entryDue, r.districtConfirmDue, r.provinceConfirmDue, r.departmentClose ?? '-', r.overridden ? 'yes' : ''].join('\t'));
  } else if (command === 'set') {
    const a = SetArgs.safeParse(values);
    if (!a.success) fail(issues(a.error));
    const d = await db.$transaction((tx) => setDeadline(tx, null, { month: a.data.month, provinceId: a.data.province ?? null, days: { [a.data.field]: a.data.day } }));
    console.log(`${a.data.month}: entry ${d.entryDue}, district ${d.districtConfirmDue}, province ${d.provinceConfirmDue}, close ${d.departmentClose ?? '-'}`);
  } else if (command === 'clear') {
    const a = ClearArgs.safeParse(values);
    if (!a.success) fail(issues(a.error));
    const d = await db.$transaction((tx) => setDeadline(tx, null, { month: a.data.month, provinceId: a.data.province, days: {}, clear: [a.data.field] }));
    console.log(`${a.data.month}, province ${a.data.province}: entry ${d.entryDue}, district ${d.districtConfirmDue}, province ${d.provinceConfirmDue}`);
  } else if (command === 'import') {
    if (!file) fail('import needs a CSV file');
    // department rows first: a province's row is checked against the department's dates of the same file
    const changes = readCsv(file).sort((a, b) => Number(a.provinceId !== null) - Number(b.provinceId !== null));
    await db.$transaction(async (tx) => {
      for (const c of changes) await setDeadline(tx, null, c);
    });
    console.log(`imported ${changes.length} dates`);
  } else fail(`unknown command ${command ?? '(none)'}`);
} catch (err) {
  if (err instanceof RuleError) fail(err.message);
  throw err;
} finally {
  await close();
}
