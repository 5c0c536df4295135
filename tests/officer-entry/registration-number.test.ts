// Issue 7 point 21: registering a producer in chat asks for its official OTOP registration number when it has one
// ("ไม่มี" skips it and a code is issued), checked for shape and uniqueness; issued codes have one format,
// <district code>-C-<n>, in chat, in the register import and in the demo seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { everything, press } from '../support/screen.js';
import { isIssuedCode, officialCodeProblem } from '../../src/domain/registry/codes.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let officer: string;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  officer = (await makeUser(bot.services.db, 'regno-officer', 'DISTRICT_OFFICER', { districtId: 2404 })).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

const last = () => everything(bot, officer, 1);

/** Registers `name` up to the registration-number question. */
async function upToNumber(name: string) {
  await bot.say(officer, 'ลงทะเบียนผู้ผลิต');
  await bot.say(officer, name);
  await press(bot, officer, 'กลุ่มผู้ผลิตชุมชน');
  await press(bot, officer, 'อาหาร');
  await bot.say(officer, 'ท่าข้าม');
  await press(bot, officer, 'ข้าม');
}

describe('the official registration number in chat', () => {
  it('a typed official number is checked for shape, stored as the producer\u2019s code, and refused for a second producer', async () => {
    await upToNumber('กลุ่มน้ำพริกบ้านโยธะกา');
    expect(last()).toContain('(6/6) กลุ่มน้ำพริกบ้านโยธะกา มีเลขทะเบียนผู้ผลิต OTOP ไหม');
    await bot.say(officer, 'ab');
    expect(last()).toContain('เลขทะเบียนต้องยาว 3–40 ตัวอักษร');
    await bot.say(officer, 'กลุ่มน้ำพริก');
    expect(last()).toContain('เลขทะเบียนต้องมีตัวเลข');
    await bot.say(officer, '2404-C-9');
    expect(last()).toContain('เป็นรหัสที่ระบบออกให้เอง');
    await bot.say(officer, 'OTOP ๒๔-๐๔๑๒');
    expect(everything(bot, officer, 1)).toContain('เลขทะเบียน');
    await press(bot, officer, 'ยืนยัน ลงทะเบียน');
    expect(everything(bot, officer, 3)).toContain('รหัสทะเบียน OTOP24-0412');
    expect(await bot.services.db.producer.findUniqueOrThrow({ where: { registrationCode: 'OTOP24-0412' } })).toMatchObject({ name: 'กลุ่มน้ำพริกบ้านโยธะกา', districtId: 2404 });

    await bot.say(officer, 'ยกเลิก');
    await upToNumber('กลุ่มขนมหวานบ้านสาวชะโงก');
    await bot.say(officer, 'otop24-0412');
    expect(last()).toContain('เลขทะเบียน otop24-0412 เป็นของ "กลุ่มน้ำพริกบ้านโยธะกา" (อำเภอบางปะกง) อยู่แล้ว');
    expect(await bot.services.db.producer.count({ where: { name: 'กลุ่มขนมหวานบ้านสาวชะโงก' } })).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('"ไม่มี" issues the next <district>-C-<n> code of the district', async () => {
    await bot.say(officer, 'ยกเลิก');
    await upToNumber('กลุ่มไข่เค็มบ้านดอนเกาะกา');
    await press(bot, officer, 'ไม่มี');
    expect(everything(bot, officer, 1)).toContain('ไม่มี (ระบบออกรหัสให้)');
    await press(bot, officer, 'ยืนยัน ลงทะเบียน');
    expect(everything(bot, officer, 3)).toContain('รหัสทะเบียน 2404-C-1');
    await bot.say(officer, 'ยกเลิก');
    await upToNumber('กลุ่มปลาแห้งบ้านหมอนทอง');
    await bot.say(officer, 'ไม่มี');
    await press(bot, officer, 'ยืนยัน ลงทะเบียน');
    expect(everything(bot, officer, 3)).toContain('รหัสทะเบียน 2404-C-2');
  });

  it('the register import applies the same shape rule to its code column', () => {
    expect(officialCodeProblem('R24-00001')).toBeNull();
    expect(officialCodeProblem('-R24')).not.toBeNull();
    expect(isIssuedCode('2401-C-12')).toBe(true);
    expect(isIssuedCode('24-01-0001')).toBe(false);
  });
});
