// `npm run producers -- import <file.csv|file.xlsx> [--province <name|code>] [--district <name|code>] [--dry-run]
//   [--skip-invalid]` · `npm run producers -- template [--out register.xlsx]` · `npm run producers -- list --district
//   <name|code>`. The district's register in bulk: every row checked, then all valid rows applied in one transaction
// (none while any row is invalid, unless --skip-invalid). Works on the embedded database with no setting.
import { z } from 'zod';
import { CATEGORY_SHORT_TH, PRODUCER_TYPE_SHORT_TH } from '../domain/catalog.js';
import { applyRegisterPlan, planRegisterImport } from '../domain/registry/import-register.js';
import { deregisterNotInFile, producersNotInFile } from '../domain/registry/replace-register.js';
import { deregisterProducer, reactivateProducer } from '../domain/registry/deregister.js';
import { issueInviteSheet } from '../domain/registry/invite-sheet.js';
import { driveStandings, setDriveWorkers } from '../domain/registry/drive.js';
import { currentReview, openReview, reviewSummary } from '../domain/registry/review.js';
import { renderInviteSheet } from '../reports/invite-sheet.js';
import { formatDayTh, formatMonthTh } from '../domain/thai-format.js';
import { dayKeyOf, monthKeyOf, monthStart, nextMonth, previousMonth } from '../domain/fiscal-period.js';
import { parseRegister, type RowError } from '../domain/registry/parse-register.js';
import type { PlaceIndex } from '../domain/registry/place-index.js';
import { loadPlaceIndex } from '../seed/place-index.js';
import { registerTemplate } from '../reports/register-template.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openCliDb } from './open-db.js';
import { readSheet } from './read-sheet.js';
import { readCliArgs } from './cli-args.js';

const USAGE = `การใช้งาน / usage:
  npm run producers -- import <ไฟล์.csv|ไฟล์.xlsx> [--province <ชื่อหรือรหัส>] [--district <ชื่อหรือรหัส>] [--dry-run] [--skip-invalid]
      นำเข้าทะเบียนผู้ผลิต: ตรวจทุกแถวก่อน แล้วบันทึกทั้งไฟล์ในครั้งเดียว (มีแถวผิดจะไม่บันทึกเลย เว้นแต่ใส่ --skip-invalid)
      import a producer register; rows matching a registered code or name update that producer; re-importing changes nothing
    --replace [--from YYYY-MM-DD]   ไฟล์คือทะเบียนทั้งหมดของอำเภอ (--district หรืออำเภอที่อยู่ในไฟล์เมื่อระบุ --province):
      ผู้ผลิตที่ลงทะเบียนอยู่แต่ไม่อยู่ในไฟล์ถูกยกเลิกการลงทะเบียน (ประวัติยังอยู่) ตั้งแต่วันนี้ หรือวันที่ --from (ไม่ก่อนต้นเดือนที่แล้ว)
      the file replaces the covered districts' register: registered producers not in it are deregistered
  npm run producers -- template [--out ทะเบียนผู้ผลิต.xlsx]   ไฟล์ตัวอย่างหัวตาราง / an empty register with one example row
  npm run producers -- list --district <ชื่อหรือรหัส> [--province <ชื่อหรือรหัส>]   รายชื่อผู้ผลิตของอำเภอ / the district's producers
  npm run producers -- deregister <รหัสผู้ผลิต> --reason <เหตุผล>   ยกเลิกการลงทะเบียน (ประวัติยังอยู่; ไม่ต้องรายงานตั้งแต่เดือนถัดไป)
  npm run producers -- reactivate <รหัสผู้ผลิต>   กลับมาลงทะเบียน / undo a deregistration
  npm run producers -- invites --district <ชื่อหรือรหัส> [--out บัตรเชิญ.pdf] [--days 30]
      บัตรเชิญแบบตัดแจก (A4) สำหรับผู้ผลิตที่ยังไม่ใช้ LINE; พิมพ์ใหม่แทนรหัสเดิมที่ยังไม่ใช้ / cut-out invite cards
  npm run producers -- drive set --district <ชื่อหรือรหัส> --workers <จำนวน>   จำนวนพัฒนากรของอำเภอ (เป้า ๑ พก. ๑ กลุ่ม)
  npm run producers -- drive --province <ชื่อหรือรหัส>   กลุ่มผู้ผลิตชุมชนใหม่ในปีงบประมาณ เทียบจำนวนพัฒนากร รายอำเภอ
  npm run producers -- review open --province <ชื่อหรือรหัส> [--from YYYY-MM-DD] [--months 6]   เปิดการทบทวนทะเบียน
  npm run producers -- review --province <ชื่อหรือรหัส>   ผลการทบทวนรายอำเภอ / per-district review status`;

const Args = z.object({
  command: z.enum(['import', 'template', 'list', 'deregister', 'reactivate', 'invites', 'drive', 'review']),
  workers: z.coerce.number().int().min(0).max(500).optional(),
  months: z.coerce.number().int().min(1).max(36).default(6),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
  days: z.coerce.number().int().min(1).max(90).default(30),
  reason: z.string().max(200).optional(),
  file: z.string().optional(),
  province: z.string().max(80).optional(),
  district: z.string().max(80).optional(),
  out: z.string().optional(),
  dryRun: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
  replace: z.boolean().default(false),
});

function fail(msg: string): never {
  console.error(`${msg}\n\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = readCliArgs({
  allowPositionals: true,
  strict: true,
  options: {
    province: { type: 'string' }, district: { type: 'string' }, out: { type: 'string' }, reason: { type: 'string' }, days: { type: 'string' },
    workers: { type: 'string' }, months: { type: 'string' }, from: { type: 'string' },
    'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
}, USAGE, fail);
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const parsed = Args.safeParse({
  command: positionals[0], file: positionals[1], reason: values.reason, days: values.days, province: values.province, district: values.district, out: values.out,
  dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], replace: values.replace, workers: values.workers, months: values.months, from: values.from,
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('\n'));
const a = parsed.data;

if (a.command === 'template') {
  const out = a.out ?? 'ทะเบียนผู้ผลิต.xlsx';
  await writeFile(out, await registerTemplate());
  console.log(`เขียน ${out} แล้ว`);
  process.exit(0);
}

function scope(index: PlaceIndex): { provinceId?: number; districtId?: number } {
  let provinceId: number | undefined;
  if (a.province) {
    const p = index.province(a.province);
    if (!p.ok) fail(`ไม่พบจังหวัด "${a.province}"${p.closest.length ? ` — ใกล้เคียง: ${p.closest.join(', ')}` : ''}`);
    provinceId = p.value.id;
  }
  if (!a.district) return { provinceId };
  const d = index.district(a.district, provinceId);
  if (!d.ok) fail(`${d.reason === 'ambiguous' ? 'ชื่ออำเภอซ้ำหลายจังหวัด ระบุ --province' : `ไม่พบอำเภอ "${a.district}"`}${d.closest.length ? ` — ${d.closest.join(', ')}` : ''}`);
  return { provinceId: d.value.provinceId, districtId: d.value.id };
}

/** When --replace takes effect: now, or --from (a day of this month or the last, not in the future). */
function replaceDate(now: Date): Date {
  if (!a.from) return now;
  const at = new Date(`${a.from}T12:00:00+07:00`);
  const earliest = monthStart(previousMonth(monthKeyOf(now)));
  if (Number.isNaN(at.getTime()) || at > now || at < earliest) fail(`--from ต้องเป็นวันที่ระหว่าง ${formatDayTh(dayKeyOf(earliest))} ถึงวันนี้`);
  return at;
}

const printErrors = (errors: RowError[]) => {
  for (const e of [...errors].sort((x, y) => x.row - y.row)) console.log(`  แถว ${e.row} คอลัมน์ ${e.column}: ${e.message}`);
};

const { db, close } = await openCliDb();
let exitCode = 0;
try {
  const index = await loadPlaceIndex(db);
  const where = scope(index);
  if (a.command === 'deregister' || a.command === 'reactivate') {
    const p = a.file ? await db.producer.findUnique({ where: { registrationCode: a.file } }) : null;
    if (!p) fail(`ไม่พบผู้ผลิตรหัส ${a.file ?? ''}`);
    if (a.command === 'deregister' && !a.reason) fail('ต้องระบุ --reason เช่น เลิกกิจการ / ย้ายพื้นที่ / รวมกลุ่ม');
    const done = await db.$transaction((tx) =>
      a.command === 'deregister' ? deregisterProducer(tx, null, p.id, a.reason!, new Date()) : reactivateProducer(tx, null, p.id),
    ).catch((e: Error) => fail(e.message));
    console.log(`${done.name} (${done.registrationCode}): ${done.active ? 'ลงทะเบียนอยู่' : `ยกเลิกการลงทะเบียนแล้ว — ${done.deregisterReason}`}`);
  } else if (a.command === 'drive') {
    if (a.file === 'set') {
      if (!where.districtId || a.workers === undefined) fail('ต้องระบุ --district และ --workers');
      await db.$transaction((tx) => setDriveWorkers(tx, where.districtId!, a.workers!, new Date()));
    }
    const districts = await db.district.findMany({
      where: where.districtId ? { id: where.districtId } : where.provinceId ? { provinceId: where.provinceId } : { id: -1 },
      orderBy: { id: 'asc' },
    });
    if (!districts.length) fail('ต้องระบุ --district หรือ --province');
    const standings = await db.$transaction((tx) => driveStandings(tx, districts.map((d) => d.id), new Date()));
    for (const d of districts) {
      const s = standings.get(d.id)!;
      console.log(`อำเภอ${d.nameTh}	กลุ่มผู้ผลิตชุมชนใหม่ปีงบประมาณ ${s.fiscalYear}: ${s.newGroups}	พัฒนากร: ${s.workers ?? 'ยังไม่ได้ตั้ง'}`);
    }
  } else if (a.command === 'review') {
    if (!where.provinceId) fail('ต้องระบุ --province');
    if (a.file === 'open') {
      const asOf = a.from ? new Date(`${a.from}T00:00:00+07:00`) : new Date();
      if (Number.isNaN(asOf.getTime())) fail(`วันที่ไม่ถูกต้อง: ${a.from}`);
      const r = await db.$transaction((tx) => openReview(tx, null, where.provinceId!, asOf, a.months, new Date())).catch((e: Error) => fail(e.message));
      console.log(`เปิดการทบทวนแล้ว (รอบ ${r.id}): ผู้ผลิตที่ไม่รายงาน ${r.idleMonths} เดือน ${r.from} ถึง ${r.to}`);
    }
    const r = await currentReview(db, where.provinceId);
    if (!r) fail('จังหวัดนี้ยังไม่ได้เปิดการทบทวน: npm run producers -- review open --province <ชื่อ>');
    for (const d of await db.$transaction((tx) => reviewSummary(tx, null, r))) {
      console.log(`อำเภอ${d.nameTh}	รายการ ${d.listed}	ยังดำเนินการ ${d.kept}	ยกเลิก ${d.deregistered}	เหลือ ${d.remaining}	${d.completedAt ? 'ยืนยันแล้ว' : 'ยังไม่ยืนยัน'}`);
    }
  } else if (a.command === 'invites') {
    if (!where.districtId) fail('ต้องระบุ --district');
    const now = new Date();
    const sheet = await db.$transaction((tx) => issueInviteSheet(tx, null, where.districtId!, now, a.days), { timeout: 300_000 });
    const out = a.out ?? `บัตรเชิญ-${sheet.districtName}.pdf`;
    const pdf = await renderInviteSheet({
      heading: `อำเภอ${sheet.districtName} จังหวัด${sheet.provinceName}`,
      cards: sheet.cards.map((c) => ({ ...c, expires: formatDayTh(dayKeyOf(c.expiresAt)) })),
      addFriendUrl: process.env.LINE_ADD_FRIEND_URL || null,
      printed: `พิมพ์เมื่อ ${formatDayTh(dayKeyOf(now))}`,
    });
    await writeFile(out, pdf);
    console.log(`เขียน ${out} แล้ว: ${sheet.cards.length} บัตร (รหัสเดิมที่ยังไม่ใช้ถูกแทนที่)${process.env.LINE_ADD_FRIEND_URL ? '' : ' — ไม่มี LINE_ADD_FRIEND_URL จึงไม่มี QR'}`);
  } else if (a.command === 'list') {
    if (!where.districtId) fail('ต้องระบุ --district');
    const rows = await db.producer.findMany({
      where: { districtId: where.districtId }, orderBy: [{ active: 'desc' }, { name: 'asc' }],
      include: { _count: { select: { users: { where: { active: true, role: 'PRODUCER' } } } } },
    });
    for (const p of rows) {
      const cats = p.categories.map((c) => CATEGORY_SHORT_TH[c]).join(', ');
      console.log([p.registrationCode, p.name, PRODUCER_TYPE_SHORT_TH[p.type], cats, `ต.${p.tambon}`, p.phone ?? '-', p._count.users ? 'LINE' : 'ยังไม่ใช้ LINE', p.active ? '' : 'ยกเลิกการลงทะเบียน'].join('\t'));
    }
    console.log(`รวม ${rows.filter((p) => p.active).length} ราย (ยกเลิกแล้ว ${rows.filter((p) => !p.active).length})`);
  } else {
    if (a.replace && !where.districtId && !where.provinceId) fail('--replace ต้องระบุ --district (หรือ --province) ของทะเบียนที่จะแทน');
    if (a.replace && a.skipInvalid) fail('--replace ใช้กับ --skip-invalid ไม่ได้: แถวที่ผิดอาจเป็นผู้ผลิตที่ยังอยู่ จะถูกยกเลิกโดยไม่ตั้งใจ');
    if (!a.file) fail('ต้องระบุไฟล์ที่จะนำเข้า');
    const now = new Date();
    const replaceAt = a.replace ? replaceDate(now) : now;
    const table = await readSheet(a.file).catch((e: Error) => fail(`อ่านไฟล์ไม่ได้: ${e.message}`));
    const started = Date.now();
    const parsedRows = parseRegister(table, { index, ...where });
    // --replace: the districts the file is the whole register of
    const covered = where.districtId ? [where.districtId] : [...new Set(parsedRows.rows.map((r) => r.districtId))];
    if (a.replace && !parsedRows.rows.length) fail('--replace: ไฟล์ไม่มีผู้ผลิตที่ถูกต้องเลย จึงไม่แทนทะเบียนใด ๆ');
    const reason = `ไม่อยู่ในทะเบียนที่นำเข้าแทน (${path.basename(a.file)})`.slice(0, 200);
    const result = await db.$transaction(async (tx) => {
      const plan = await planRegisterImport(tx, parsedRows.rows);
      const errors = [...parsedRows.errors, ...plan.errors];
      const leaving = a.replace ? await producersNotInFile(tx, plan, covered) : [];
      const write = !a.dryRun && (errors.length === 0 || a.skipInvalid);
      const done = write ? await applyRegisterPlan(tx, plan, null, now) : null;
      const left = done && a.replace ? await deregisterNotInFile(tx, leaving, reason, replaceAt) : 0;
      return { plan, errors, done, leaving, left };
    }, { timeout: 120_000 });
    const { plan, errors, done, leaving, left } = result;
    const checked = parsedRows.rows.length + new Set(parsedRows.errors.map((e) => e.row)).size;
    console.log(`ตรวจ ${checked} แถว: ใหม่ ${plan.create.length} · แก้ไข ${plan.update.length} · ไม่เปลี่ยน ${plan.unchanged} · ผิดพลาด ${errors.length}`);
    if (errors.length) printErrors(errors);
    if (a.replace) {
      const districts = await db.district.findMany({ where: { id: { in: covered } }, orderBy: { id: 'asc' }, select: { nameTh: true } });
      console.log(`แทนทะเบียนของอำเภอ${districts.map((d) => d.nameTh).join(', อำเภอ')}: ผู้ผลิตที่ไม่อยู่ในไฟล์ ${leaving.length} ราย จะถูกยกเลิกการลงทะเบียน (ไม่ต้องรายงานตั้งแต่เดือน${formatMonthTh(nextMonth(monthKeyOf(replaceAt)))})`);
      for (const p of leaving) console.log(`  ${p.registrationCode}\t${p.name}\tอำเภอ${p.districtName}`);
    }
    if (a.dryRun) console.log('(ทดลองเท่านั้น --dry-run: ยังไม่ได้บันทึก)');
    else if (done) console.log(`บันทึกแล้ว: เพิ่ม ${done.created} ราย แก้ไข ${done.updated} ราย${a.replace ? ` ยกเลิกการลงทะเบียน ${left} ราย` : ''} (${((Date.now() - started) / 1000).toFixed(1)} วินาที)`);
    else {
      console.log('ไม่ได้บันทึกอะไรเลย: แก้แถวที่ผิดแล้วนำเข้าใหม่ หรือใส่ --skip-invalid เพื่อบันทึกเฉพาะแถวที่ถูกต้อง');
      exitCode = 1;
    }
  }
} finally {
  await close();
}
process.exit(exitCode);
