import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostback } from '../../src/line/postback-codec.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { allActions } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // October 2026 has just ended
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

const actions = (user: string) => allActions(bot, user);

/** Taps the newest button labelled `label` (optionally the one whose postback carries `param`). */
async function press(user: string, label: string, param?: [string, string]): Promise<void> {
  const a = actions(user).find((x) => x.label === label && (!param || (x.data && decodePostback(x.data)?.params[param[0]] === param[1])));
  if (!a) throw new Error(`no button "${label}" sent to ${user}; saw ${actions(user).slice(0, 15).map((x) => x.label).join(' | ')}`);
  if (a.data) await bot.tap(user, a.data);
  else await bot.say(user, a.text!);
}

/** From where sales entry stands to the saved entry: the taps still needed (month, category), four amounts, confirm. */
async function enterOctober(officer: string, ...taps: string[]): Promise<string[]> {
  for (const t of taps) await press(officer, t);
  await bot.say(officer, 'ในประเทศ 120,000 ออนไลน์ 5,000 ส่งออก 0 ส่งออกออนไลน์ 0');
  const seen = bot.take(officer);
  expect(seen.at(-1)).toContain('สรุปยอดขาย');
  await press(officer, 'ยืนยัน ส่งข้อมูล');
  return bot.take(officer);
}

describe('a district officer enters sales for a producer', () => {
  it('officer enters October for a producer without LINE: the entry is marked as entered by an officer', async () => {
    const db = bot.services.db;
    const late = await makeProducer(db, { districtId: 2401, name: 'กลุ่มขนมไทยบ้านใหม่' });
    const reported = await makeProducer(db, { districtId: 2401, name: 'กลุ่มรายงานแล้ว' });
    const gone = await makeProducer(db, { districtId: 2401, name: 'กลุ่มเลิกกิจการ' });
    await db.producer.update({ where: { id: gone.id }, data: { active: false } });
    await makeProducer(db, { districtId: 2402, name: 'กลุ่มอำเภออื่น' });
    const { lineUserId: officer, user } = await makeUser(db, 'officer-a', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากรสมใจ');
    await db.salesEntry.create({
      data: { producerId: reported.id, month: new Date('2026-10-01'), category: 'FOOD', domesticOffline: 1n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id },
    });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    const list = bot.take(officer);
    expect(list).toEqual([expect.stringContaining('เลือกผู้ผลิตที่จะบันทึกยอดแทน (ยังไม่ส่งยอดเดือนตุลาคม 2569 · 1 ราย): กลุ่มขนมไทยบ้านใหม่')]);
    for (const other of ['กลุ่มรายงานแล้ว', 'กลุ่มเลิกกิจการ', 'กลุ่มอำเภออื่น']) expect(list[0]).not.toContain(other);

    await press(officer, 'บันทึกยอด', ['producerId', String(late.id)]);
    // Picked from the "not yet reported October" list, with a single category: neither is asked again
    expect(bot.take(officer)[0]).toContain('กลุ่มขนมไทยบ้านใหม่\nเดือนตุลาคม 2569 · อาหาร');
    const saved = await enterOctober(officer);
    expect(saved[0]).toContain('บันทึกยอดขายเรียบร้อยแล้ว');

    const entry = await db.salesEntry.findUniqueOrThrow({
      where: { producerId_month_category: { producerId: late.id, month: new Date('2026-10-01'), category: 'FOOD' } },
    });
    expect(entry).toMatchObject({ enteredByOfficer: true, enteredById: user.id, status: 'SUBMITTED', domesticOffline: 12_000_000n, domesticOnline: 500_000n });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    expect(bot.take(officer)[0]).toContain('ผู้ผลิตทุกรายในอำเภอเมืองฉะเชิงเทรา ส่งยอดเดือนตุลาคม 2569 แล้ว');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('officer registers a new producer in chat and enters its sales', async () => {
    const db = bot.services.db;
    await makeProducer(db, { districtId: 2403, name: 'กลุ่มทอผ้าโบราณ', tambon: 'โพรงอากาศ' });
    const { lineUserId: officer, user } = await makeUser(db, 'officer-b', 'DISTRICT_OFFICER', { districtId: 2403 });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    await press(officer, 'ลงทะเบียนใหม่');
    expect(bot.take(officer).at(-1)).toContain('ชื่อกลุ่ม/ผู้ผลิต');
    await bot.say(officer, 'กลุ่มทอผ้าโบราณ');
    expect(bot.take(officer)[0]).toContain('อำเภอนี้มีผู้ผลิตชื่อนี้อยู่แล้ว');
    await bot.say(officer, 'ab');
    expect(bot.take(officer)[0]).toContain('ชื่อผู้ผลิตต้องยาว 3–200 ตัวอักษร');
    await bot.say(officer, '  กลุ่มจักสาน   ไม้ไผ่ ');
    expect(bot.take(officer)[0]).toContain('กลุ่มจักสาน ไม้ไผ่ เป็นผู้ผลิตประเภทไหน');
    await press(officer, 'เจ้าของรายเดียว');
    await press(officer, 'ของใช้/ของที่ระลึก');
    expect(actions(officer).some((a) => a.label === 'โพรงอากาศ')).toBe(true); // tambons of the district suggested
    await bot.say(officer, 'ตำบลดอนเกาะกา');
    expect(bot.take(officer).at(-1)).toContain('(5/6) เบอร์โทรศัพท์ติดต่อผู้ผลิต');
    await bot.say(officer, '12345');
    expect(bot.take(officer)).toEqual([expect.stringContaining('เบอร์โทรศัพท์ไม่ถูกต้อง'), expect.stringContaining('(5/6)')]);
    await bot.say(officer, '081-234 5678');
    expect(bot.take(officer).at(-1)).toContain('(6/6) กลุ่มจักสาน ไม้ไผ่ มีเลขทะเบียนผู้ผลิต OTOP ไหม');
    await press(officer, 'ไม่มี');
    expect(bot.take(officer).at(-1)).toContain('ตรวจสอบก่อนลงทะเบียนผู้ผลิต กลุ่มจักสาน ไม้ไผ่ ต.ดอนเกาะกา');
    await press(officer, 'ยืนยัน ลงทะเบียน');

    const after = bot.take(officer);
    expect(after[0]).toMatch(/^ลงทะเบียนเรียบร้อย ✅\nกลุ่มจักสาน ไม้ไผ่ \(ต\.ดอนเกาะกา\)\nรหัสทะเบียน 2403-C-1$/);
    expect(after[1]).toContain('กลุ่มจักสาน ไม้ไผ่\nเดือนตุลาคม 2569 · ของใช้ ของตกแต่ง ของที่ระลึก'); // straight to its entry
    const p = await db.producer.findUniqueOrThrow({ where: { registrationCode: '2403-C-1' } });
    expect(p).toMatchObject({ name: 'กลุ่มจักสาน ไม้ไผ่', type: 'SINGLE_OWNER', categories: ['HOUSEHOLD'], tambon: 'ดอนเกาะกา', phone: '0812345678', districtId: 2403, createdById: user.id, active: true });
    expect(await db.auditLog.count({ where: { action: 'producer.register', entityId: String(p.id), actorId: user.id } })).toBe(1);

    const saved = await enterOctober(officer);
    expect(saved[0]).toContain('บันทึกยอดขายเรียบร้อยแล้ว');
    expect(await db.salesEntry.findFirstOrThrow({ where: { producerId: p.id } })).toMatchObject({ enteredByOfficer: true, category: 'HOUSEHOLD' });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('search by part of the name', async () => {
    const db = bot.services.db;
    for (const name of ['กลุ่มแม่บ้านเกษตรกรบางคล้า', 'วิสาหกิจชุมชนแม่บ้านหัวไทร', 'กลุ่มสมุนไพรปากน้ำ']) await makeProducer(db, { districtId: 2402, name });
    await makeProducer(db, { districtId: 2405, name: 'กลุ่มแม่บ้านบ้านโพธิ์' });
    const { lineUserId: officer } = await makeUser(db, 'officer-c', 'DISTRICT_OFFICER', { districtId: 2402 });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    bot.take(officer);
    await bot.say(officer, 'แม่บ้าน');
    const found = bot.take(officer)[0]!;
    expect(found).toContain('ค้นหา "แม่บ้าน" · พบ 2 ราย');
    expect(found).toContain('กลุ่มแม่บ้านเกษตรกรบางคล้า');
    expect(found).toContain('วิสาหกิจชุมชนแม่บ้านหัวไทร');
    expect(found).not.toContain('สมุนไพร');
    expect(found).not.toContain('บ้านโพธิ์');

    await press(officer, 'ค้นหา');
    expect(bot.take(officer)[0]).toContain('พิมพ์ส่วนหนึ่งของชื่อผู้ผลิต');
    await bot.say(officer, 'ไม่มีชื่อนี้');
    expect(bot.take(officer)[0]).toContain('ไม่พบผู้ผลิตที่ชื่อมีคำว่า "ไม่มีชื่อนี้" ในอำเภอบางคล้า');
    await bot.say(officer, 'สมุนไพร');
    expect(bot.take(officer)[0]).toContain('พบ 1 ราย): กลุ่มสมุนไพรปากน้ำ');
    await bot.say(officer, '1');
    expect(bot.take(officer)[0]).toContain('รายงานยอดขายของ กลุ่มสมุนไพรปากน้ำ');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the producer list pages by ten and a number typed picks from the whole list', async () => {
    const db = bot.services.db;
    const names = Array.from({ length: 12 }, (_, i) => `กลุ่มทดสอบหน้า ${String(i + 1).padStart(2, '0')}`);
    for (const name of names) await makeProducer(db, { districtId: 2406, name });
    const { lineUserId: officer } = await makeUser(db, 'officer-d', 'DISTRICT_OFFICER', { districtId: 2406 });

    await bot.say(officer, 'บันทึกแทนผู้ผลิต');
    const first = bot.take(officer)[0]!;
    expect(first).toContain('12 ราย');
    expect(first).toContain(names[9]);
    expect(first).not.toContain(names[10]);
    await press(officer, 'ถัดไป ▶');
    const second = bot.take(officer)[0]!;
    expect(second).toContain(names[10]);
    expect(second).not.toContain(names[0]);
    await bot.say(officer, '12');
    expect(bot.take(officer)[0]).toContain(`${names[11]}\nเดือนตุลาคม 2569 · อาหาร`);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
