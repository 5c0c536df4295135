// The register upkeep in chat, as a district officer and a province officer see it: signed webhooks through the
// real app, the LINE fake checking every message, a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, everything, lastCardText, press, quickLabels } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // October 2026 has just ended
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

const last = (user: string) => bot.take(user).at(-1) ?? '';

describe('a district officer keeps the producer register in chat', () => {
  it('pages the register 10 at a time, finds a producer by part of its name, and opens its card', async () => {
    const db = bot.services.db;
    for (let i = 1; i <= 11; i++) await makeProducer(db, { districtId: 2404, name: `กลุ่มทดสอบหน้า ${String(i).padStart(2, '0')}`, tambon: 'ท่าข้าม' });
    const linked = await makeProducer(db, { districtId: 2404, name: 'กลุ่มแม่บ้านปากน้ำ', tambon: 'ปากน้ำ', categories: ['FOOD', 'DRINK'] });
    await makeUser(db, 'producer-linked', 'PRODUCER', { producerId: linked.id });
    const { lineUserId: officer, user } = await makeUser(db, 'reg-officer-2404', 'DISTRICT_OFFICER', { districtId: 2404 });
    await db.salesEntry.create({
      data: { producerId: linked.id, month: new Date('2026-09-01'), category: 'FOOD', status: 'DISTRICT_CONFIRMED', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id },
    });

    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    const first = last(officer);
    expect(first).toContain('ทะเบียนผู้ผลิต อำเภอบางปะกง (ลงทะเบียนอยู่ 12 ราย)');
    expect(first).toContain('กลุ่มทดสอบหน้า 01');
    expect(first).toContain('กลุ่มทดสอบหน้า 10');
    expect(first).not.toContain('กลุ่มทดสอบหน้า 11'); // 10 per page, by name
    expect(lastCardText(bot, officer)).toContain('หน้า 1/2');
    expect(quickLabels(bot, officer)).toEqual(['ถัดไป ▶', 'ค้นหา', 'พิมพ์บัตรเชิญ', 'ยกเลิก']);
    await press(bot, officer, 'ถัดไป ▶');
    expect(lastCardText(bot, officer)).toContain('หน้า 2/2');
    bot.take(officer);

    await bot.say(officer, 'แม่บ้าน');
    expect(last(officer)).toContain('ค้นหา "แม่บ้าน" · พบ 1 ราย');
    await press(bot, officer, 'ดูข้อมูล');
    const cardAlt = last(officer);
    expect(cardAlt).toBe(`กลุ่มแม่บ้านปากน้ำ รหัส ${linked.registrationCode} ลงทะเบียนอยู่ เชื่อม LINE แล้ว รายงานล่าสุด กันยายน 2569`);
    const shown = lastCardText(bot, officer);
    for (const t of ['กลุ่มผู้ผลิตชุมชน', 'อาหาร, เครื่องดื่ม', 'ปากน้ำ', 'ไม่ระบุ', 'กันยายน 2569', 'เชื่อม LINE แล้ว']) expect(shown).toContain(t);
    // each action once: the card's own "กลับไปรายชื่อ" is not repeated as a quick reply
    expect(buttons(bot, officer, 1).map((b) => b.label)).toEqual(['แก้ไขข้อมูล', 'ยกเลิกการลงทะเบียน', 'กลับไปรายชื่อ', 'ยกเลิก']);
    await press(bot, officer, 'กลับไปรายชื่อ');
    expect(last(officer)).toContain('ค้นหา "แม่บ้าน" · พบ 1 ราย');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('edits phone, tambon, categories and name one at a time, validated as the import validates, each confirmed and audited', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2403, name: 'กลุ่มจักสานโยธะกา', tambon: 'โยธะกา' });
    await makeProducer(db, { districtId: 2403, name: 'กลุ่มชื่อซ้ำ' });
    const { lineUserId: officer, user } = await makeUser(db, 'reg-officer-2403', 'DISTRICT_OFFICER', { districtId: 2403 });
    const edit = async (field: string) => {
      await bot.say(officer, 'ทะเบียนผู้ผลิต');
      await bot.say(officer, 'จักสาน');
      await press(bot, officer, 'ดูข้อมูล');
      await press(bot, officer, 'แก้ไขข้อมูล');
      await press(bot, officer, field);
      bot.take(officer);
    };

    await edit('โทรศัพท์');
    await bot.say(officer, '12345');
    expect(bot.take(officer)[0]).toContain('เบอร์โทรศัพท์ไม่ถูกต้อง');
    await bot.say(officer, '๐๘๑-๒๓๔-๕๖๗๘');
    expect(last(officer)).toBe('ยืนยันการแก้ไขโทรศัพท์ของ กลุ่มจักสานโยธะกา\nจาก: ไม่ระบุ\nเป็น: 0812345678');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).phone).toBeNull(); // nothing written before confirming
    await press(bot, officer, 'ยืนยัน');
    expect(bot.take(officer)[0]).toBe('บันทึกแล้ว ✅ โทรศัพท์: 0812345678');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).phone).toBe('0812345678');

    await edit('ตำบล');
    await bot.say(officer, 'โยธกา');
    expect(bot.take(officer)[0]).toContain('ไม่พบตำบล "โยธกา" ในอำเภอบางน้ำเปรี้ยว\nชื่อใกล้เคียงในอำเภอบางน้ำเปรี้ยว: โยธะกา');
    await bot.say(officer, 'ต.ดอนเกาะกา');
    bot.take(officer);
    await press(bot, officer, 'ยืนยัน');
    expect(bot.take(officer)[0]).toBe('บันทึกแล้ว ✅ ตำบล: ดอนเกาะกา');

    await edit('ประเภทผลิตภัณฑ์');
    await bot.say(officer, 'อาหาร, ขนม');
    expect(bot.take(officer)[0]).toContain('ไม่รู้จักประเภทผลิตภัณฑ์ "ขนม"');
    await bot.say(officer, 'อาหาร, เครื่องดื่ม');
    bot.take(officer);
    await press(bot, officer, 'ยืนยัน');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).categories).toEqual(['FOOD', 'DRINK']);

    await edit('ชื่อ');
    await bot.say(officer, 'กลุ่มชื่อซ้ำ');
    bot.take(officer);
    await press(bot, officer, 'ยืนยัน');
    expect(bot.take(officer)[0]).toContain('อำเภอนี้มีผู้ผลิตชื่อ "กลุ่มชื่อซ้ำ" อยู่แล้ว');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).name).toBe('กลุ่มจักสานโยธะกา');

    const audits = await db.auditLog.findMany({ where: { action: 'producer.edit', entityId: String(p.id), actorId: user.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.after)).toEqual([{ phone: '0812345678' }, { tambon: 'ดอนเกาะกา' }, { categories: ['FOOD', 'DRINK'] }]);
    expect(audits[0]!.before).toEqual({ phone: null });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('deregisters with a typed reason after confirming: history kept, still owed this month, off the pending list from the month after; reactivation brings it back', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2405, name: 'กลุ่มกาแฟที่รวมกลุ่ม' });
    await makeProducer(db, { districtId: 2405, name: 'กลุ่มที่ยังดำเนินการ' });
    const { lineUserId: officer, user } = await makeUser(db, 'reg-officer-2405', 'DISTRICT_OFFICER', { districtId: 2405 });
    await db.salesEntry.create({
      data: { producerId: p.id, month: new Date('2026-09-01'), category: 'FOOD', status: 'SUBMITTED', domesticOffline: 5n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id },
    });

    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    await bot.say(officer, '1'); // typed number opens the first of the list
    expect(last(officer)).toContain('กลุ่มกาแฟที่รวมกลุ่ม รหัส');
    await press(bot, officer, 'ยกเลิกการลงทะเบียน');
    expect(quickLabels(bot, officer)).toEqual(['เลิกกิจการ', 'ย้ายพื้นที่', 'รวมกลุ่ม', 'อื่น ๆ', 'กลับ', 'ยกเลิก']);
    await press(bot, officer, 'อื่น ๆ');
    await bot.say(officer, 'x');
    expect(bot.take(officer).at(-2)).toContain('เหตุผลต้องยาว 2–200 ตัวอักษร');
    await bot.say(officer, 'ผู้ผลิตแจ้งหยุดผลิตชั่วคราวหลายปี');
    expect(last(officer)).toContain('ไม่ต้องรายงานตั้งแต่เดือนธันวาคม 2569');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).active).toBe(true);
    await press(bot, officer, 'ยืนยัน ยกเลิกทะเบียน');
    const after = bot.take(officer);
    expect(after[0]).toBe('ยกเลิกการลงทะเบียน กลุ่มกาแฟที่รวมกลุ่ม แล้ว ✅');
    expect(after[1]).toContain('ยกเลิกการลงทะเบียนแล้ว');
    expect(lastCardText(bot, officer)).toContain('ผู้ผลิตแจ้งหยุดผลิตชั่วคราวหลายปี');
    expect(await db.producer.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ active: false, deregisterReason: 'ผู้ผลิตแจ้งหยุดผลิตชั่วคราวหลายปี' });
    expect(await db.auditLog.count({ where: { action: 'producer.deregister', entityId: String(p.id), actorId: user.id } })).toBe(1);
    expect(await db.salesEntry.count({ where: { producerId: p.id } })).toBe(1);

    // October (just ended) is still owed: it is on the "not yet reported" list
    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    expect(last(officer)).toContain('กลุ่มกาแฟที่รวมกลุ่ม');
    // December, the month after deregistration (November), is not
    clock.set('2027-01-05T03:00:00Z');
    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    const dec = last(officer);
    expect(dec).toContain('ยังไม่ส่งยอดเดือนธันวาคม 2569 · 1 ราย');
    expect(dec).not.toContain('กลุ่มกาแฟที่รวมกลุ่ม');

    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    expect(last(officer)).toContain('ลงทะเบียนอยู่ 1 ราย · ยกเลิกแล้ว 1 ราย');
    await press(bot, officer, 'ดูข้อมูล', '', 1);
    bot.take(officer);
    await bot.say(officer, 'กาแฟ');
    await press(bot, officer, 'ดูข้อมูล');
    await press(bot, officer, 'กลับมาลงทะเบียน');
    await press(bot, officer, 'ยืนยัน');
    expect(bot.take(officer).at(-2)).toBe('กลุ่มกาแฟที่รวมกลุ่ม กลับมาลงทะเบียนแล้ว ✅');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).active).toBe(true);
    clock.set('2026-11-02T03:00:00Z');
    expect(bot.fake.rejected()).toEqual([]);
  });
});

describe('other roles', () => {
  it('a province officer reads its districts’ registers without edit buttons, and a forged edit tap changes nothing', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2406, name: 'กลุ่มของอำเภอพนมสารคาม' });
    const { lineUserId: province } = await makeUser(db, 'reg-province-24', 'PROVINCE_OFFICER', { provinceId: 24 });
    await bot.say(province, 'ทะเบียนผู้ผลิต');
    expect(last(province)).toContain('ทะเบียนผู้ผลิตรายอำเภอ');
    await press(bot, province, 'ดูทะเบียน', 'd=2406');
    expect(last(province)).toContain('ทะเบียนผู้ผลิต อำเภอพนมสารคาม');
    await press(bot, province, 'ดูข้อมูล');
    expect(lastCardText(bot, province)).toContain('ดูได้อย่างเดียว');
    const labels = buttons(bot, province, 1).map((b) => b.label);
    expect(labels).not.toContain('แก้ไขข้อมูล');
    expect(labels).not.toContain('ยกเลิกการลงทะเบียน');
    expect(labels).toEqual(['กลับไปรายชื่อ', 'ยกเลิก']); // once, not again as a quick reply
    const token = buttons(bot, province, 1).find((b) => b.data)!.data!.match(/t=([a-f0-9]+)/)![1]!;
    await bot.tap(province, { action: 'rg-dereg', params: { t: token, p: String(p.id) } });
    expect(everything(bot, province, 1)).not.toContain('เพราะเหตุใด');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).active).toBe(true);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a producer typing the word is told the register is for officers', async () => {
    const p = await makeProducer(bot.services.db, { districtId: 2401 });
    const { lineUserId: producer } = await makeUser(bot.services.db, 'reg-producer', 'PRODUCER', { producerId: p.id });
    await bot.say(producer, 'ทะเบียนผู้ผลิต');
    expect(bot.take(producer)[0]).toContain('เมนูนี้ใช้ได้สำหรับเจ้าหน้าที่อำเภอ');
  });
});
