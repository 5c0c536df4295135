// Done-when of the register issue: a district of the demo data (ราชสาส์น) is replaced by an imported register — a
// generated CSV read and imported as `npm run producers -- import` does, the demo producers not in it deregistered
// before the month — and the month cycle works on it through chat: entry for every imported producer, district
// confirmation, province confirmation; the replaced producers keep their history and owe nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/cli/read-sheet.js';
import { actorOf } from '../../src/domain/actor.js';
import { districtMonthOverview } from '../../src/domain/district-review-queries.js';
import { deregisterNotInFile, producersNotInFile } from '../../src/domain/registry/replace-register.js';
import { applyRegisterPlan, planRegisterImport } from '../../src/domain/registry/import-register.js';
import { parseRegister } from '../../src/domain/registry/parse-register.js';
import { parseMonthKey } from '../../src/domain/fiscal-period.js';
import { loadPlaceIndex } from '../../src/seed/place-index.js';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { everything, press } from '../support/screen.js';

const clock = testClock('2026-09-02T03:00:00Z'); // August 2569 has just ended; the demo data runs to July
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  await seedDemoData(bot.services.db, clock.now());
}, 300_000);
afterAll(async () => {
  await bot?.close();
});

const REGISTER = [
  ['ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP อำเภอราชสาส์น'],
  [],
  ['ลำดับ', 'รหัสผู้ผลิต', 'ชื่อผู้ผลิต/ผู้ประกอบการ', 'ประเภทผู้ผลิต', 'ประเภทผลิตภัณฑ์', 'ตำบล', 'อำเภอ', 'จังหวัด', 'โทรศัพท์'],
  ['1', '', 'กลุ่มวิสาหกิจชุมชนข้าวกล้องงอกบ้านบางคา', 'กลุ่มผู้ผลิตชุมชน', 'อาหาร', 'บางคา', 'ราชสาส์น', 'ฉะเชิงเทรา', '๐๘๑-๑๑๑-๒๒๒๒'],
  ['2', '2407-0101', 'กลุ่มทอเสื่อกกบ้านเมืองใหม่', 'กลุ่ม', 'ของใช้ ของตกแต่ง ของที่ระลึก', 'ต.เมืองใหม่', 'อ.ราชสาส์น', 'ฉะเชิงเทรา', '038-123-456'],
  ['3', '2407-0102', 'ร้านน้ำพริกแม่สมใจ', 'รายเดียว', 'อาหาร', 'ดงน้อย', 'ราชสาส์น', 'ฉะเชิงเทรา', ''],
  ['4', '2407-0103', 'บริษัทสมุนไพรราชสาส์น จำกัด', 'SMEs', 'สมุนไพร', 'บางคา', 'ราชสาส์น', 'ฉะเชิงเทรา', '0899999999'],
];
const csv = REGISTER.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

describe('a demo district replaced by an imported register', () => {
  it('imports the file, deregisters the demo producers not in it, and runs August through entry, district and province confirmation', async () => {
    const db = bot.services.db;
    const demoBefore = await db.producer.findMany({ where: { districtId: 2407 } });
    expect(demoBefore.length).toBeGreaterThan(1);

    // the generated register through the import
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'h7-register-')), 'ราชสาส์น.csv');
    writeFileSync(file, csv);
    const parsed = parseRegister(await readSheet(file), { index: await loadPlaceIndex(db), districtId: 2407 });
    expect(parsed.errors).toEqual([]);
    // as `--district ราชสาส์น --replace --from 2026-07-31` does: the demo producers not in the register leave it at
    // the end of July (their history stays)
    const imported = new Set(REGISTER.slice(3).map((r) => r[2]));
    const replaced = demoBefore.filter((p) => !imported.has(p.name));
    const done = await db.$transaction(async (tx) => {
      const plan = await planRegisterImport(tx, parsed.rows);
      expect(plan.errors).toEqual([]);
      const leaving = await producersNotInFile(tx, plan, [2407]);
      expect(leaving.map((p) => p.id).sort()).toEqual(replaced.map((p) => p.id).sort());
      const applied = await applyRegisterPlan(tx, plan, null, clock.now());
      return { ...applied, deregistered: await deregisterNotInFile(tx, leaving, 'แทนด้วยทะเบียนที่นำเข้า', new Date('2026-07-31T10:00:00Z')) };
    });
    // the rice group was in the demo: its phone is updated, not doubled
    expect(done).toEqual({ created: 3, updated: 1, deregistered: replaced.length });
    const register = await db.producer.findMany({ where: { districtId: 2407, active: true }, orderBy: { name: 'asc' } });
    expect(register.map((p) => p.name).sort()).toEqual([...imported].sort());

    const { lineUserId: officer } = await makeUser(db, 'imp-officer-2407', 'DISTRICT_OFFICER', { districtId: 2407 });
    const { lineUserId: province } = await makeUser(db, 'imp-province-24', 'PROVINCE_OFFICER', { provinceId: 24 });

    // entry: the pending list is exactly the imported register
    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    expect(bot.take(officer).at(-1)).toContain('ยังไม่ส่งยอดเดือนสิงหาคม 2569 · 4 ราย');
    for (const [i, p] of register.entries()) {
      if (i > 0) await bot.say(officer, 'บันทึกแทนผู้ผลิต');
      await press(bot, officer, 'บันทึกยอด', `producerId=${p.id}`);
      await bot.say(officer, `${(i + 1) * 10000} 0 0 0`);
      await press(bot, officer, 'ยืนยัน ส่งข้อมูล');
      expect(bot.take(officer).join('\n')).toContain('บันทึกยอดขายเรียบร้อยแล้ว');
    }
    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    expect(bot.take(officer).at(-1)).toContain('ผู้ผลิตทุกรายในอำเภอราชสาส์น ส่งยอดเดือนสิงหาคม 2569 แล้ว');

    // district confirmation
    await bot.say(officer, 'ตรวจสอบ/ยืนยัน');
    await press(bot, officer, 'สิงหาคม 2569');
    await press(bot, officer, 'ยืนยันทั้งหมด');
    await press(bot, officer, 'ยืนยัน 4 รายการ', '', 1);
    const august = { producer: { districtId: 2407 }, month: new Date('2026-08-01') };
    expect((await db.salesEntry.findMany({ where: august })).map((e) => e.status)).toEqual(Array(4).fill('DISTRICT_CONFIRMED'));

    // province confirmation
    await bot.say(province, 'ยืนยันระดับจังหวัด');
    await press(bot, province, 'ยืนยัน', 'd=2407');
    await press(bot, province, 'ยืนยันข้อมูลอำเภอนี้');
    expect(everything(bot, province)).toContain('ยืนยันข้อมูลอำเภอราชสาส์น เดือนสิงหาคม 2569 แล้ว');
    expect((await db.salesEntry.findMany({ where: august })).map((e) => e.status)).toEqual(Array(4).fill('PROVINCE_CONFIRMED'));

    // completeness counts the imported register only; the replaced producers keep their July history
    const officerActor = actorOf(await db.user.findFirstOrThrow({ where: { districtId: 2407, role: 'DISTRICT_OFFICER' } }))!;
    const overview = await db.$transaction((tx) => districtMonthOverview(tx, officerActor, 2407, parseMonthKey('2026-08')!));
    expect(overview.producers.active).toBe(4);
    const july = await db.salesEntry.count({ where: { producerId: { in: replaced.map((p) => p.id) }, month: new Date('2026-07-01') } });
    expect(july).toBeGreaterThan(0);
    expect(await db.salesEntry.count({ where: { producerId: { in: replaced.map((p) => p.id) }, month: new Date('2026-08-01') } })).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  }, 600_000);
});
