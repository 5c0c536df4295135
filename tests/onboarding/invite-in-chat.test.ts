import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostback, encodePostback } from '../../src/line/postback-codec.js';
import { lineUserId, startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { allActions } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

const actions = (user: string) => allActions(bot, user);

/** The newest postback data of a button whose label is `label` and whose postback has `param` = value, if given. */
function button(user: string, label: string, param?: [string, string]): string {
  const a = actions(user).find((x) => x.label === label && x.data && (!param || decodePostback(x.data)?.params[param[0]] === param[1]));
  if (!a?.data) throw new Error(`no button "${label}" sent to ${user}`);
  return a.data;
}

const CODE = /[2-9A-Z]{4}-[2-9A-Z]{4}/;

describe('invite codes made in chat', () => {
  it('district officer creates an invite for a producer of its district; a producer of another district is not offered and cannot be forced by a crafted postback', async () => {
    const db = bot.services.db;
    const own = await makeProducer(db, { districtId: 2401, name: 'กลุ่มจักสานผักตบชวา', tambon: 'บางพระ' });
    const bound = await makeProducer(db, { districtId: 2401, name: 'กลุ่มมีไลน์แล้ว' });
    await makeUser(db, 'bound-producer', 'PRODUCER', { producerId: bound.id });
    const foreign = await makeProducer(db, { districtId: 2402, name: 'กลุ่มต่างอำเภอ' });
    const { lineUserId: officer, user: officerRow } = await makeUser(db, 'officer-2401', 'DISTRICT_OFFICER', { districtId: 2401 });

    await bot.say(officer, 'สร้างรหัสเชิญ');
    const list = bot.take(officer);
    expect(list).toHaveLength(1);
    expect(list[0]).toContain('เลือกผู้ผลิตที่จะสร้างรหัสเชิญ (ยังไม่มีผู้ใช้ LINE · 1 ราย)');
    expect(list[0]).toContain('กลุ่มจักสานผักตบชวา');
    expect(list[0]).not.toContain('กลุ่มมีไลน์แล้ว');
    expect(list[0]).not.toContain('กลุ่มต่างอำเภอ');

    await bot.tap(officer, button(officer, 'ทั้งหมด'));
    const all = bot.take(officer)[0]!;
    expect(all).toContain('กลุ่มมีไลน์แล้ว');
    expect(all).not.toContain('กลุ่มต่างอำเภอ');

    // A pick button of this very list, re-aimed at the other district's producer, is refused by the domain.
    const pick = decodePostback(button(officer, 'สร้างรหัสเชิญ', ['p', String(own.id)]))!;
    await bot.tap(officer, encodePostback({ ...pick, params: { ...pick.params, p: String(foreign.id) } }));
    expect(bot.take(officer)).toEqual(['คุณสร้างรหัสเชิญได้เฉพาะผู้ที่อยู่ในพื้นที่ความรับผิดชอบของคุณ']);
    await bot.tap(officer, { action: 'start', params: { flow: 'invite', producerId: String(foreign.id) } });
    expect(bot.take(officer)).toEqual(['คุณสร้างรหัสเชิญได้เฉพาะผู้ที่อยู่ในพื้นที่ความรับผิดชอบของคุณ']);
    expect(await db.invite.count({ where: { producerId: foreign.id } })).toBe(0);

    await bot.tap(officer, button(officer, 'สร้างรหัสเชิญ', ['p', String(own.id)]));
    const [forOfficer, forProducer, ...rest] = bot.take(officer);
    expect(rest).toEqual([]);
    const code = forOfficer!.match(CODE)![0];
    expect(forOfficer).toContain('ผู้ผลิต: กลุ่มจักสานผักตบชวา (ต.บางพระ)');
    expect(forOfficer).toContain('ใช้ได้ครั้งเดียว ถึง 16 พฤศจิกายน 2569 เวลา 10:00 น.');
    expect(forProducer).toContain(`พิมพ์รหัส ${code} ในห้องแชทของบัญชี LINE ระบบรายงานยอดขาย OTOP`);
    // No LINE_ADD_FRIEND_URL here: no link to speak of. The code itself is left out, since it may hold the letters QR.
    expect(forProducer!.replace(code, '')).not.toMatch(/QR|ลิงก์|เพิ่มเพื่อน/);
    const invite = await db.invite.findUniqueOrThrow({ where: { code } });
    expect(invite).toMatchObject({ role: 'PRODUCER', producerId: own.id, createdById: officerRow.id });

    // A second tap on the same card is stale: no second code.
    await bot.tap(officer, button(officer, 'สร้างรหัสเชิญ', ['p', String(own.id)]));
    expect(bot.take(officer)[0]).toContain('ปุ่มนี้ใช้ไม่ได้แล้ว');
    expect(await db.invite.count({ where: { producerId: own.id } })).toBe(1);

    const newcomer = lineUserId('weaver');
    bot.fake.setProfile(newcomer, { displayName: 'ป้าแดง' });
    await bot.follow(newcomer);
    await bot.say(newcomer, code);
    expect(bot.take(newcomer).join('\n')).toContain('คุณคือ ผู้รายงานยอดขายของ กลุ่มจักสานผักตบชวา');
    expect(await db.user.findUniqueOrThrow({ where: { lineUserId: newcomer } })).toMatchObject({ role: 'PRODUCER', producerId: own.id });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('province officer lists its eleven districts and creates an invite for a district officer', async () => {
    const db = bot.services.db;
    await makeUser(db, 'officer-2404', 'DISTRICT_OFFICER', { districtId: 2404 });
    const province = (await makeUser(db, 'province-24', 'PROVINCE_OFFICER', { provinceId: 24 })).lineUserId;

    await bot.say(province, 'สร้างรหัสเชิญ');
    const list = bot.take(province)[0]!;
    expect(list).toContain('จังหวัดฉะเชิงเทรา');
    for (const d of ['เมืองฉะเชิงเทรา', 'บางคล้า', 'บางปะกง', 'คลองเขื่อน']) expect(list).toContain(d);
    const buttons = actions(province).filter((a) => a.label === 'สร้างรหัสเชิญ');
    expect(buttons).toHaveLength(11);

    await bot.tap(province, { action: 'start', params: { flow: 'invite', districtId: '1001' } }); // a Bangkok district
    expect(bot.take(province)).toEqual(['คุณสร้างรหัสเชิญได้เฉพาะผู้ที่อยู่ในพื้นที่ความรับผิดชอบของคุณ']);

    await bot.say(province, 'สร้างรหัสเชิญ');
    bot.take(province);
    await bot.say(province, 'อำเภอบางปะกง');
    expect(bot.take(province)[0]).toContain('สร้างรหัสเชิญสำหรับ อำเภอบางปะกง ?');
    await bot.tap(province, button(province, 'ยืนยันสร้างรหัส'));
    const [forOfficer, forward] = bot.take(province);
    expect(forOfficer).toContain('สำหรับ: เจ้าหน้าที่อำเภอบางปะกง จังหวัดฉะเชิงเทรา');
    expect(forOfficer).toContain('อำเภอนี้มีเจ้าหน้าที่ในระบบแล้ว 1 คน');
    const code = forOfficer!.match(CODE)![0];
    expect(forward).toContain(`พิมพ์รหัส ${code}`);

    const newcomer = lineUserId('new-district-officer');
    bot.fake.setProfile(newcomer, { displayName: 'สมปอง' });
    await bot.follow(newcomer);
    await bot.say(newcomer, code);
    expect(await db.user.findUniqueOrThrow({ where: { lineUserId: newcomer } })).toMatchObject({ role: 'DISTRICT_OFFICER', districtId: 2404 });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a typed district number asks before creating a code', async () => {
    const db = bot.services.db;
    const { lineUserId: province, user } = await makeUser(db, 'province-24-typing', 'PROVINCE_OFFICER', { provinceId: 24 });
    const codes = () => db.invite.count({ where: { createdById: user.id } });

    await bot.say(province, 'สร้างรหัสเชิญ');
    bot.take(province);
    await bot.say(province, '3');
    const asked = bot.take(province);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('สร้างรหัสเชิญสำหรับ อำเภอบางน้ำเปรี้ยว ?');
    expect(actions(province).slice(0, 3).map((a) => a.label).sort()).toEqual(['ยกเลิก', 'ยืนยันสร้างรหัส', 'เลือกใหม่'].sort());
    const older = button(province, 'ยืนยันสร้างรหัส');
    await bot.say(province, 'เอาอันนี้');
    expect(bot.take(province)[0]).toContain('ยังไม่ได้สร้างรหัส กรุณากด "ยืนยันสร้างรหัส" หรือ "เลือกใหม่"');
    expect(await codes()).toBe(0);

    // เลือกใหม่ shows the list again; a new typed choice is asked about; the older question's button makes nothing
    await bot.tap(province, button(province, 'เลือกใหม่'));
    expect(bot.take(province)[0]).toContain('เลือกอำเภอที่จะสร้างรหัสเชิญเจ้าหน้าที่');
    await bot.say(province, '๒');
    expect(bot.take(province)[0]).toContain('สร้างรหัสเชิญสำหรับ อำเภอบางคล้า ?');
    await bot.tap(province, older);
    expect(bot.take(province)[0]).toContain('ปุ่มนี้เป็นของรายการก่อนหน้า');
    expect(await codes()).toBe(0);

    await bot.tap(province, button(province, 'ยืนยันสร้างรหัส'));
    expect(bot.take(province)[0]).toContain('สำหรับ: เจ้าหน้าที่อำเภอบางคล้า จังหวัดฉะเชิงเทรา');
    expect(await db.invite.findMany({ where: { createdById: user.id }, select: { role: true, districtId: true } })).toEqual([{ role: 'DISTRICT_OFFICER', districtId: 2402 }]);

    // a tap on a list button is deliberate: the code is made at once
    await bot.say(province, 'สร้างรหัสเชิญ');
    bot.take(province);
    await bot.tap(province, button(province, 'สร้างรหัสเชิญ', ['d', '2403']));
    expect(bot.take(province)[0]).toContain('สำหรับ: เจ้าหน้าที่อำเภอบางน้ำเปรี้ยว จังหวัดฉะเชิงเทรา');
    expect(await codes()).toBe(2);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a typed producer number asks before creating a code', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2403, name: 'กลุ่มทอผ้าบ้านดอน', tambon: 'ดอนฉิมพลี' });
    const { lineUserId: officer } = await makeUser(db, 'officer-2403', 'DISTRICT_OFFICER', { districtId: 2403 });

    await bot.say(officer, 'สร้างรหัสเชิญ');
    bot.take(officer);
    await bot.say(officer, '1');
    expect(bot.take(officer)).toEqual([expect.stringContaining('สร้างรหัสเชิญสำหรับ ผู้ผลิต กลุ่มทอผ้าบ้านดอน (ต.ดอนฉิมพลี) ?')]);
    expect(await db.invite.count({ where: { producerId: p.id } })).toBe(0);

    await bot.tap(officer, button(officer, 'เลือกใหม่'));
    expect(bot.take(officer)[0]).toContain('เลือกผู้ผลิตที่จะสร้างรหัสเชิญ');
    await bot.say(officer, '1');
    bot.take(officer);
    await bot.say(officer, 'ยืนยัน');
    expect(bot.take(officer)[0]).toContain('ผู้ผลิต: กลุ่มทอผ้าบ้านดอน (ต.ดอนฉิมพลี)');
    expect(await db.invite.count({ where: { producerId: p.id } })).toBe(1);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a producer cannot make invite codes', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401 });
    const producer = (await makeUser(db, 'producer-no-invites', 'PRODUCER', { producerId: p.id })).lineUserId;
    await bot.say(producer, 'สร้างรหัสเชิญ');
    expect(bot.take(producer)[0]).toContain('ใช้ได้สำหรับเจ้าหน้าที่อำเภอ');
    await bot.tap(producer, { action: 'start', params: { flow: 'invite', producerId: String(p.id) } });
    expect(bot.take(producer)[0]).toContain('ใช้ได้สำหรับเจ้าหน้าที่อำเภอ');
    expect(await db.invite.count({ where: { producerId: p.id } })).toBe(0);
  });
});
