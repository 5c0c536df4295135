// "ยืนยันทุกอำเภอที่พร้อม": a preview card first (which districts, how many entries, the total), then one confirm
// button; typed text or one tap never writes without the preview; districts that changed after the preview are
// left and named. And a province larger than one card (นครราชสีมา, 32 districts) is listed whole in one answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { addEntries, buttons, dataOf, everything, lockedMonth, press } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z'); // October is the month to confirm
const OCT = new Date('2026-10-01');
let bot: TestBot;
let prov: string;
let korat: string;
let clerk: number;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  prov = (await makeUser(db, 'all-prov', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  korat = (await makeUser(db, 'all-korat', 'PROVINCE_OFFICER', { provinceId: 30 }, 'โคราช')).lineUserId;
  clerk = (await makeUser(db, 'all-clerk', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากร')).user.id;
});
afterAll(async () => {
  await bot?.close();
});

const confirmedMonths = (ids: number[]) =>
  bot.services.db.districtMonth.findMany({ where: { districtId: { in: ids }, month: OCT, provinceConfirmedAt: { not: null } }, orderBy: { districtId: 'asc' } });
const statuses = async (districtId: number) =>
  (await bot.services.db.salesEntry.findMany({ where: { month: OCT, producer: { districtId } }, orderBy: { id: 'asc' } })).map((e) => e.status);

describe('confirming every ready district at once', () => {
  it('shows which districts, how many entries and the total first; only the preview’s button confirms them', async () => {
    const db = bot.services.db;
    await addEntries(db, { districtId: 2401, statuses: ['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED'], by: clerk, baht: 50_000 });
    await addEntries(db, { districtId: 2404, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 120_000 });
    await addEntries(db, { districtId: 2406, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 30_000 });
    await addEntries(db, { districtId: 2402, statuses: ['SUBMITTED', 'DISTRICT_CONFIRMED'], by: clerk }); // not ready
    await lockedMonth(db, { districtId: 2407, by: clerk }); // confirmed before

    await bot.say(prov, 'ยืนยันระดับจังหวัด');
    expect(everything(bot, prov, 1)).toContain('พร้อมให้จังหวัดยืนยัน 3 อำเภอ');
    bot.take(prov);

    // Typed, the words only show the preview.
    await bot.say(prov, 'ยืนยันทุกอำเภอที่พร้อม');
    const typed = bot.take(prov);
    expect(typed).toHaveLength(1);
    expect(typed[0]).toBe(
      'ก่อนยืนยัน จังหวัดฉะเชิงเทรา เดือนตุลาคม 2569: จะยืนยัน 3 อำเภอ 4 รายการ รวม 250,000 บาท — เมืองฉะเชิงเทรา, บางปะกง, พนมสารคาม',
    );
    const card = everything(bot, prov, 1);
    expect(card).toContain('ตรวจก่อนยืนยันทุกอำเภอที่พร้อม');
    expect(card).toContain('3 อำเภอ (4 รายการ)');
    expect(card).toContain('1. อำเภอเมืองฉะเชิงเทรา\n100,000 บาท');
    expect(card).toContain('3. อำเภอพนมสารคาม\n30,000 บาท');
    expect(card).toContain('ยังไม่ยืนยันในครั้งนี้: รออำเภอยืนยัน 1 อำเภอ · ยังไม่มีรายงาน 6 อำเภอ · จังหวัดยืนยันไปแล้ว 1 อำเภอ');
    expect(await confirmedMonths([2401, 2404, 2406])).toEqual([]);
    expect(await statuses(2401)).toEqual(['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED']);

    // Back to the list, then the list's button: again only the preview.
    await press(bot, prov, 'ยังไม่ยืนยัน');
    await press(bot, prov, 'ยืนยันอำเภอที่พร้อม');
    expect(bot.take(prov).at(-1)).toMatch(/^ก่อนยืนยัน จังหวัดฉะเชิงเทรา/);
    expect(await confirmedMonths([2401, 2404, 2406])).toEqual([]);

    await press(bot, prov, 'ยืนยัน 3 อำเภอ');

    const done = bot.take(prov).join('\n');
    expect(done).toContain('ยืนยันข้อมูลเดือนตุลาคม 2569 แล้ว 3 อำเภอ ✅ รวม 250,000 บาท (4 รายการ)');
    expect(done).toContain('• อำเภอบางปะกง 120,000 บาท');
    expect((await confirmedMonths([2401, 2404, 2406])).map((d) => d.districtId)).toEqual([2401, 2404, 2406]);
    for (const d of [2401, 2404, 2406]) expect(new Set(await statuses(d))).toEqual(new Set(['PROVINCE_CONFIRMED']));
    expect((await statuses(2402)).sort()).toEqual(['DISTRICT_CONFIRMED', 'SUBMITTED']);
    const audit = await bot.services.db.auditLog.findMany({ where: { action: 'sales.province-confirm', entityId: { in: ['2401:2026-10', '2404:2026-10', '2406:2026-10'] } } });
    expect(audit).toHaveLength(3);
    expect(everything(bot, prov, 2)).toContain('จังหวัดยืนยันแล้ว 4 จาก 11 อำเภอ'); // the refreshed list: 2407 before, and these 3
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a district that changed after the preview is left and named; an older preview’s button confirms nothing', async () => {
    const db = bot.services.db;
    await addEntries(db, { districtId: 2408, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 10_000 });
    await addEntries(db, { districtId: 2409, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 20_000 });
    await bot.say(prov, 'ยืนยันระดับจังหวัด');
    await press(bot, prov, 'ยืนยันอำเภอที่พร้อม');
    const firstPreview = dataOf(bot, prov, 'ยืนยัน 2 อำเภอ', '', 1);
    bot.take(prov);

    // A newly district-confirmed entry in 2409 after the preview: not what was shown.
    await addEntries(db, { districtId: 2409, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 5_000 });
    await bot.say(prov, 'ยืนยัน');

    const said = bot.take(prov).join('\n');
    expect(said).toContain('ยืนยันข้อมูลเดือนตุลาคม 2569 แล้ว 1 อำเภอ ✅ รวม 10,000 บาท (1 รายการ)');
    const changed = (await db.district.findUniqueOrThrow({ where: { id: 2409 } })).nameTh;
    expect(said).toContain(`ไม่ได้ยืนยัน อำเภอ${changed} เพราะข้อมูลเปลี่ยนไปหลังจากที่แสดงให้ตรวจ`);
    expect((await confirmedMonths([2408, 2409])).map((d) => d.districtId)).toEqual([2408]);
    expect(await statuses(2409)).toEqual(['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED']);

    // The first preview's button, tapped now (the conversation is at the list again): nothing is confirmed.
    await bot.tap(prov, firstPreview);
    expect(bot.take(prov).join('\n')).toContain('ปุ่มนี้เป็นของขั้นตอนก่อนหน้า');
    expect((await confirmedMonths([2409])).length).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('with no district ready it says so and writes nothing', async () => {
    await bot.say(korat, 'ยืนยันระดับจังหวัด');
    bot.take(korat);
    await bot.say(korat, 'ยืนยันทุกอำเภอที่พร้อม');
    expect(bot.take(korat)[0]).toContain('เดือนตุลาคม 2569 ยังไม่มีอำเภอที่พร้อมให้จังหวัดยืนยัน');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the largest province (32 districts) is listed whole in one answer, and its 25 ready districts are confirmed from one preview', async () => {
    const db = bot.services.db;
    const ids = Array.from({ length: 32 }, (_, i) => 3001 + i);
    for (const d of ids.slice(0, 25)) await addEntries(db, { districtId: d, statuses: ['DISTRICT_CONFIRMED'], by: clerk, baht: 1_000 + d });
    await bot.say(korat, 'ยืนยันระดับจังหวัด');

    const list = bot.take(korat);
    expect(list).toHaveLength(3); // cards of 11, 11 and 10 districts
    expect(list[0]).toMatch(/^ยืนยันระดับจังหวัด นครราชสีมา เดือนตุลาคม 2569 \(1\/3\): เมืองนครราชสีมา/);
    const shown = everything(bot, korat, 3);
    for (const name of ['อำเภอเมืองนครราชสีมา', 'อำเภอพระทองคำ', 'อำเภอเฉลิมพระเกียรติ', 'อำเภอลำทะเมนชัย']) expect(shown).toContain(name);
    expect(shown).toContain('อำเภอที่ 23–32 จาก 32');
    expect(buttons(bot, korat, 3).filter((b) => b.data?.includes('pr-detail'))).toHaveLength(25);

    await press(bot, korat, 'ยืนยันอำเภอที่พร้อม');
    const preview = everything(bot, korat, 1);
    expect(preview).toContain('25 อำเภอ (25 รายการ)');
    expect(preview).toContain('25. อำเภอ');
    await press(bot, korat, 'ยืนยัน 25 อำเภอ');
    expect(bot.take(korat).join('\n')).toContain('แล้ว 25 อำเภอ ✅');
    expect((await confirmedMonths(ids)).map((d) => d.districtId)).toEqual(ids.slice(0, 25));
    expect(bot.fake.rejected()).toEqual([]);
  });
});
