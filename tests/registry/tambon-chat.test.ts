// Issue 7 point 7 (ตำบล): a tambon typed in chat — registering a producer, and editing the tambon in the register
// upkeep — is checked against the district's tambons from the reference data. Signed webhooks through the real app,
// the LINE fake checking every message, a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { everything, press, quickLabels } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let officer: string; // อำเภอบางปะกง (2404)

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  officer = (await makeUser(bot.services.db, 'tambon-officer-2404', 'DISTRICT_OFFICER', { districtId: 2404 })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

const last = (user = officer) => everything(bot, user, 1);

/** Registers `name` up to the tambon question. */
async function upToTambon(name: string) {
  await bot.say(officer, 'ยกเลิก');
  await bot.say(officer, 'ลงทะเบียนผู้ผลิต');
  await bot.say(officer, name);
  await press(bot, officer, 'กลุ่มผู้ผลิตชุมชน');
  await press(bot, officer, 'อาหาร');
  expect(last()).toContain('(4/6) ผู้ผลิตอยู่ตำบลอะไรคะ?');
}

async function finish() {
  await press(bot, officer, 'ข้าม');
  await press(bot, officer, 'ไม่มี');
  await press(bot, officer, 'ยืนยัน ลงทะเบียน');
}

describe('a tambon typed while registering a producer', () => {
  it('offers the district’s tambons from the reference data before any producer exists there', async () => {
    await upToTambon('กลุ่มแม่บ้านทดสอบตำบล');
    const labels = quickLabels(bot, officer);
    for (const t of ['บางปะกง', 'ท่าสะอ้าน', 'ท่าข้าม', 'เขาดิน']) expect(labels).toContain(t);
    expect(labels.at(-1)).toBe('ยกเลิก');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('refuses a name that is no tambon of the district, lists the district’s tambons as buttons, and a tap on one goes on', async () => {
    await upToTambon('กลุ่มน้ำพริกดาวอังคาร');
    await bot.say(officer, 'ดาวอังคาร');
    const said = last();
    expect(said).toContain('ไม่พบตำบล "ดาวอังคาร" ในอำเภอบางปะกง');
    expect(said).toContain('ตำบลในอำเภอบางปะกง: บางปะกง, ท่าสะอ้าน');
    expect(said).not.toContain('(5/6)');
    const labels = quickLabels(bot, officer);
    expect(labels).toEqual(expect.arrayContaining(['บางปะกง', 'ท่าข้าม', 'ใช้ชื่อตามที่พิมพ์', 'ยกเลิก']));
    expect(labels.length).toBeLessThanOrEqual(13);
    await press(bot, officer, 'ท่าข้าม');
    expect(last()).toContain('(5/6)');
    await finish();
    const p = await bot.services.db.producer.findFirstOrThrow({ where: { name: 'กลุ่มน้ำพริกดาวอังคาร' } });
    expect(p).toMatchObject({ tambon: 'ท่าข้าม', districtId: 2404 });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a misspelt tambon gets the closest names as buttons; a prefix and stray spaces are accepted and the official spelling kept', async () => {
    await upToTambon('กลุ่มข้าวหลามสะกดผิด');
    await bot.say(officer, 'ท่าสอ้าน');
    expect(last()).toContain('ไม่พบตำบล "ท่าสอ้าน" ในอำเภอบางปะกง\nชื่อใกล้เคียงในอำเภอบางปะกง: ท่าสะอ้าน');
    expect(quickLabels(bot, officer)[0]).toBe('ท่าสะอ้าน');
    await bot.say(officer, 'ต. ท่า สะอ้าน');
    expect(last()).toContain('(5/6)');
    await finish();
    expect((await bot.services.db.producer.findFirstOrThrow({ where: { name: 'กลุ่มข้าวหลามสะกดผิด' } })).tambon).toBe('ท่าสะอ้าน');
  });

  it('a tambon of another district says which district it belongs to', async () => {
    await upToTambon('กลุ่มผิดอำเภอ');
    await bot.say(officer, 'บางน้ำเปรี้ยว');
    expect(last()).toContain('ตำบลบางน้ำเปรี้ยว อยู่ในอำเภอบางน้ำเปรี้ยว จังหวัดฉะเชิงเทรา ไม่ใช่อำเภอบางปะกง');
    expect(last()).not.toContain('(5/6)');
    await bot.say(officer, 'ยกเลิก');
    expect(await bot.services.db.producer.count({ where: { name: 'กลุ่มผิดอำเภอ' } })).toBe(0);
  });

  it('a real name the reference list lacks is kept only when the officer says so', async () => {
    await upToTambon('กลุ่มบ้านใหม่ตามที่พิมพ์');
    await bot.say(officer, 'ใช้ชื่อตามที่พิมพ์');
    expect(everything(bot, officer, 2)).toContain('กรุณาพิมพ์ชื่อตำบลก่อน'); // nothing typed yet: nothing to keep
    await bot.say(officer, 'ตำบลบ้านใหม่พัฒนา');
    expect(last()).toContain('ไม่พบตำบล "บ้านใหม่พัฒนา" ในอำเภอบางปะกง');
    await press(bot, officer, 'ใช้ชื่อตามที่พิมพ์');
    expect(last()).toContain('(5/6)');
    await finish();
    expect((await bot.services.db.producer.findFirstOrThrow({ where: { name: 'กลุ่มบ้านใหม่ตามที่พิมพ์' } })).tambon).toBe('บ้านใหม่พัฒนา');
  });

  it('digits are no tambon: the question stays, with the district’s names', async () => {
    await upToTambon('กลุ่มตัวเลขล้วน');
    await bot.say(officer, '12345');
    expect(last()).toContain('กรุณาพิมพ์ชื่อตำบล');
    expect(quickLabels(bot, officer)).not.toContain('ใช้ชื่อตามที่พิมพ์');
    await bot.say(officer, 'เขาดิน');
    expect(last()).toContain('(5/6)');
  });
});

describe('the tambon edited in the register upkeep', () => {
  it('is checked the same way: unknown, another district’s, closest as buttons, kept as typed on request; confirmed and audited', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2404, name: 'กลุ่มแก้ตำบลบางปะกง', tambon: 'บางวัว' });
    await bot.say(officer, 'ยกเลิก');
    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    await bot.say(officer, 'แก้ตำบล');
    await press(bot, officer, 'ดูข้อมูล');
    await press(bot, officer, 'แก้ไขข้อมูล');
    await press(bot, officer, 'ตำบล');
    expect(quickLabels(bot, officer)).toEqual(expect.arrayContaining(['บางปะกง', 'หอมศีล', 'กลับ', 'ยกเลิก']));

    await bot.say(officer, 'ดาวอังคาร');
    expect(last()).toContain('ไม่พบตำบล "ดาวอังคาร" ในอำเภอบางปะกง');
    await bot.say(officer, 'โยธะกา');
    expect(last()).toContain('ตำบลโยธะกา อยู่ในอำเภอบางน้ำเปรี้ยว จังหวัดฉะเชิงเทรา ไม่ใช่อำเภอบางปะกง');
    await bot.say(officer, 'หอมศิล');
    expect(quickLabels(bot, officer)).toEqual(['หอมศีล', 'ใช้ชื่อตามที่พิมพ์', 'กลับ', 'ยกเลิก']);
    await press(bot, officer, 'หอมศีล');
    expect(last()).toBe('ยืนยันการแก้ไขตำบลของ กลุ่มแก้ตำบลบางปะกง\nจาก: บางวัว\nเป็น: หอมศีล');
    await press(bot, officer, 'ยืนยัน');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).tambon).toBe('หอมศีล');

    await press(bot, officer, 'แก้ไขข้อมูล');
    await press(bot, officer, 'ตำบล');
    await bot.say(officer, 'คลองตะเคียนใหม่');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).tambon).toBe('หอมศีล'); // not written
    await press(bot, officer, 'ใช้ชื่อตามที่พิมพ์');
    expect(last()).toBe('ยืนยันการแก้ไขตำบลของ กลุ่มแก้ตำบลบางปะกง\nจาก: หอมศีล\nเป็น: คลองตะเคียนใหม่');
    await press(bot, officer, 'ยืนยัน');
    expect((await db.producer.findUniqueOrThrow({ where: { id: p.id } })).tambon).toBe('คลองตะเคียนใหม่');
    const audits = await db.auditLog.findMany({ where: { action: 'producer.edit', entityId: String(p.id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.after)).toEqual([{ tambon: 'หอมศีล' }, { tambon: 'คลองตะเคียนใหม่' }]);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
