// The district's producer register imported in bulk: every bad row named with its row and column, all or nothing,
// idempotent re-import, updates through re-import (audited), XLSX laid out with title rows read like CSV.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvCells, readSheet } from '../../src/cli/read-sheet.js';
import { applyRegisterPlan, planRegisterImport } from '../../src/domain/registry/import-register.js';
import { parseRegister } from '../../src/domain/registry/parse-register.js';
import type { PlaceIndex } from '../../src/domain/registry/place-index.js';
import { loadPlaceIndex } from '../../src/seed/place-index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const run = promisify(execFile);
let t: TestDatabase;
let index: PlaceIndex;
const dir = mkdtempSync(path.join(os.tmpdir(), 'otop-registry-'));
const HEADER = 'ลำดับ,รหัสผู้ผลิต,ชื่อผู้ผลิต/ผู้ประกอบการ,ประเภทผู้ผลิต,ประเภทผลิตภัณฑ์,ตำบล,อำเภอ,จังหวัด,โทรศัพท์';
const TAMBONS = ['หน้าเมือง', 'ท่าไข่', 'บ้านใหม่', 'คลองนา', 'บางตีนเป็ด'];

/** Row i of a generated register of อ.เมืองฉะเชิงเทรา: varied but valid. */
function goodRow(i: number, phone = `08${String(10000000 + i).slice(-8)}`): string {
  const type = ['กลุ่มผู้ผลิตชุมชน', 'เจ้าของรายเดียว', 'SMEs'][i % 3];
  const cats = ['อาหาร', '"อาหาร, เครื่องดื่ม"', 'ผ้า เครื่องแต่งกาย', 'ของใช้', 'สมุนไพร'][i % 5];
  const district = ['เมืองฉะเชิงเทรา', 'อ.เมืองฉะเชิงเทรา', '2401', 'อำเภอ เมืองฉะเชิงเทรา'][i % 4];
  return `${i},R24-${String(i).padStart(5, '0')},กลุ่มทดสอบนำเข้าที่ ${i},${type},${cats},ต.${TAMBONS[i % TAMBONS.length]},${district},ฉะเชิงเทรา,${phone}`;
}

async function importText(csv: string, opts: { skipInvalid?: boolean; dryRun?: boolean } = {}) {
  const parsed = parseRegister(parseCsvCells(csv), { index });
  return t.db.$transaction(async (tx) => {
    const plan = await planRegisterImport(tx, parsed.rows);
    const errors = [...parsed.errors, ...plan.errors];
    const done = !opts.dryRun && (errors.length === 0 || opts.skipInvalid) ? await applyRegisterPlan(tx, plan, null, new Date()) : null;
    return { plan, errors, done };
  }, { timeout: 60_000 });
}

const count = () => t.db.producer.count({ where: { registrationCode: { startsWith: 'R24-' } } });

beforeAll(async () => {
  t = await createTestDatabase();
  index = await loadPlaceIndex(t.db);
});
afterAll(async () => {
  await t?.drop();
});

describe('producer register import', () => {
  it('reports every error class of a 1,000-row file with its row and column, and writes nothing', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 1000; i++) lines.push(goodRow(i));
    const bad: Record<number, [string, RegExp]> = {
      10: ['10,,กลุ่มอำเภอผิด,กลุ่มผู้ผลิตชุมชน,อาหาร,หน้าเมือง,เมืองฉะเชิงเทร,ฉะเชิงเทรา,', /อำเภอ.*ไม่พบอำเภอ.*เมืองฉะเชิงเทรา/],
      20: ['20,,กลุ่มตำบลผิด,กลุ่มผู้ผลิตชุมชน,อาหาร,ดาวอังคาร,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,', /ตำบล.*ไม่พบตำบล "ดาวอังคาร".*ใกล้เคียง/],
      30: ['30,,กลุ่มประเภทผิด,สหกรณ์ใหญ่,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,', /ประเภทผู้ผลิต.*ไม่รู้จักประเภท "สหกรณ์ใหญ่"/],
      40: ['40,,กลุ่มหมวดผิด,SMEs,เครื่องจักร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,', /ประเภทผลิตภัณฑ์.*ไม่รู้จักประเภทผลิตภัณฑ์ "เครื่องจักร"/],
      50: [`50,R24-00001,กลุ่มรหัสซ้ำ,SMEs,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,`, /รหัสผู้ผลิต.*ซ้ำกับแถว 2/],
      60: ['60,,กลุ่มทดสอบนำเข้าที่ 1,SMEs,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,', /ชื่อผู้ผลิต.*ซ้ำกับแถว 2/],
      70: ['70,,กลุ่มโทรผิด,SMEs,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,12', /โทรศัพท์.*ไม่ถูกต้อง/],
      80: ['80,,,SMEs,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,', /ชื่อผู้ผลิต.*ชื่อต้องยาว/],
      90: ['90,,กลุ่มจังหวัดผิด,SMEs,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทาร,', /จังหวัด.*ไม่พบจังหวัด.*ใกล้เคียง: ฉะเชิงเทรา/],
    };
    for (const [i, [line]] of Object.entries(bad)) lines[Number(i)] = line;
    const { errors, done } = await importText(lines.join('\n'));
    expect(done).toBeNull();
    expect(await count()).toBe(0);
    const text = errors.map((e) => `แถว ${e.row} ${e.column}: ${e.message}`);
    for (const [i, [, re]] of Object.entries(bad)) {
      const row = Number(i) + 1; // sheet rows are 1-based and the header is row 1
      expect(text.filter((l) => l.startsWith(`แถว ${row} `)).join('\n'), `row ${row}`).toMatch(re);
    }
    expect(new Set(errors.map((e) => e.row)).size).toBe(Object.keys(bad).length);
  });

  it('with --skip-invalid writes the valid rows only; re-importing the same file changes nothing', async () => {
    const lines = [HEADER, ...Array.from({ length: 200 }, (_, i) => goodRow(i + 1))];
    lines.push('201,,กลุ่มตำบลผิด,กลุ่มผู้ผลิตชุมชน,อาหาร,ดาวอังคาร,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,');
    const first = await importText(lines.join('\n'), { skipInvalid: true });
    expect(first.done).toEqual({ created: 200, updated: 0 });
    expect(await count()).toBe(200);
    const p = await t.db.producer.findUniqueOrThrow({ where: { registrationCode: 'R24-00001' } });
    expect(p).toMatchObject({ name: 'กลุ่มทดสอบนำเข้าที่ 1', type: 'SINGLE_OWNER', categories: ['FOOD', 'DRINK'], districtId: 2401, tambon: 'ท่าไข่', phone: '0810000001' });
    const again = await importText(lines.join('\n'), { skipInvalid: true });
    expect(again.done).toEqual({ created: 0, updated: 0 });
    expect(again.plan.unchanged).toBe(200);
    expect(await count()).toBe(200);
  });

  it('an updated file updates only the changed fields, audited with before and after', async () => {
    const lines = [HEADER, ...Array.from({ length: 200 }, (_, i) => goodRow(i + 1))];
    lines[5] = goodRow(5, '038-511-234');
    lines[6] = goodRow(6).replace('กลุ่มทดสอบนำเข้าที่ 6', 'กลุ่มทดสอบนำเข้าที่ 6 (ใหม่)');
    const { done } = await importText(lines.join('\n'));
    expect(done).toEqual({ created: 0, updated: 2 });
    const p5 = await t.db.producer.findUniqueOrThrow({ where: { registrationCode: 'R24-00005' } });
    expect(p5.phone).toBe('038511234');
    const log = await t.db.auditLog.findFirstOrThrow({ where: { action: 'producer.import-update', entityId: String(p5.id) } });
    expect(log.before).toMatchObject({ phone: '0810000005' });
    expect(log.after).toEqual({ phone: '038511234' });
  });

  it('a name already registered in the district updates that producer instead of registering it twice', async () => {
    const existing = await t.db.producer.create({
      data: { registrationCode: '2402-C-1', name: 'กลุ่มจักสานบ้านเก่า', type: 'COMMUNITY_GROUP', categories: ['HOUSEHOLD'], districtId: 2402, tambon: 'บางคล้า' },
    });
    const csv = `${HEADER}\n1,,กลุ่มจักสานบ้านเก่า,กลุ่มผู้ผลิตชุมชน,"ของใช้ ของตกแต่ง ของที่ระลึก, ผ้า",บางคล้า,บางคล้า,ฉะเชิงเทรา,๐๘๑-๒๓๔-๕๖๗๘`;
    const { done } = await importText(csv);
    expect(done).toEqual({ created: 0, updated: 1 });
    expect(await t.db.producer.count({ where: { name: 'กลุ่มจักสานบ้านเก่า' } })).toBe(1);
    expect(await t.db.producer.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ categories: ['HOUSEHOLD', 'TEXTILE'], phone: '0812345678' });
  });

  it('reads an XLSX with merged title rows and number-typed phones the same as the CSV, through the CLI', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ทะเบียน');
    ws.addRow(['ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP อำเภอพนมสารคาม']);
    ws.mergeCells('A1:I1');
    ws.addRow([]);
    ws.addRow(HEADER.split(','));
    ws.addRow([1, '', 'กลุ่มทอผ้าพนมสารคาม', 'กลุ่มผู้ผลิตชุมชน', 'ผ้า เครื่องแต่งกาย', 'เกาะขนุน', 'พนมสารคาม', 'ฉะเชิงเทรา', 891234567]);
    ws.addRow([2, '', 'ร้านขนมเกาะขนุน', 'ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว', 'อาหาร', 'เกาะขนุน', 'พนมสารคาม', 'ฉะเชิงเทรา', '']);
    ws.addRow(['', '', 'รวม 2 ราย']);
    const file = path.join(dir, 'register.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readSheet(file))[3]?.[8]).toBe('891234567');
    const env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
    const dry = await run('npx', ['tsx', 'src/cli/producers.ts', 'import', file, '--dry-run'], { env });
    expect(dry.stdout).toMatch(/ใหม่ 2 · แก้ไข 0 · ไม่เปลี่ยน 0 · ผิดพลาด 0/);
    expect(await t.db.producer.count({ where: { districtId: 2406 } })).toBe(0);
    await run('npx', ['tsx', 'src/cli/producers.ts', 'import', file], { env });
    const rows = await t.db.producer.findMany({ where: { districtId: 2406 }, orderBy: { name: 'asc' } });
    expect(rows.map((r) => [r.name, r.type, r.tambon, r.phone, r.registrationCode])).toEqual([
      ['กลุ่มทอผ้าพนมสารคาม', 'COMMUNITY_GROUP', 'เกาะขนุน', '0891234567', '2406-C-1'],
      ['ร้านขนมเกาะขนุน', 'SINGLE_OWNER', 'เกาะขนุน', null, '2406-C-2'],
    ]);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, `${HEADER}\n1,,กลุ่มใหม่,กลุ่ม,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,\n2,,ก,กลุ่ม,อาหาร,หน้าเมือง,เมืองฉะเชิงเทรา,ฉะเชิงเทรา,`);
    const refused = await run('npx', ['tsx', 'src/cli/producers.ts', 'import', bad], { env }).catch((e: { code: number; stdout: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stdout: string }).stdout).toMatch(/แถว 3 คอลัมน์ ชื่อผู้ผลิต\/ผู้ประกอบการ/);
    expect(await t.db.producer.count({ where: { name: 'กลุ่มใหม่' } })).toBe(0);
  }, 180_000);
});
