import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite, type InviteScope } from '../../src/domain/invites.js';
import { richMenuDesign } from '../../src/line/rich-menu-design.js';
import { lineUserId, startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, testClock } from '../support/people.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 10:00 in Bangkok
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(() => {
  clock.set('2026-11-02T03:00:00Z');
});

async function newcomer(name = 'สมศรี'): Promise<string> {
  const user = lineUserId(`newcomer-${++n}`);
  bot.fake.setProfile(user, { displayName: name });
  await bot.follow(user);
  return user;
}

function makeCode(scope: InviteScope, opts: { days?: number } = {}) {
  return bot.services.db.$transaction((tx) => createInvite(tx, null, scope, clock.now(), opts));
}

const userRow = (user: string) => bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } });

/** The actions of the rich menu linked to the user, as the texts its buttons send. */
function linkedMenuTexts(user: string): string[] {
  const id = bot.fake.userRichMenu.get(user);
  const menu = id ? (bot.fake.richMenus.get(id)?.menu as { areas: { action: { text?: string } }[] } | undefined) : undefined;
  return menu?.areas.map((a) => a.action.text ?? '') ?? [];
}

describe('onboarding with an invite code', () => {
  it("a new user follows, types a district invite code and becomes that district's officer with the district rich menu linked", async () => {
    const user = await newcomer('สมชาย');
    expect(bot.take(user).join('\n')).toMatch(/คุณสมชาย.*ยินดีต้อนรับ[\s\S]*รหัสเชิญ/);
    const { code } = await makeCode({ role: 'DISTRICT_OFFICER', districtId: 2401 });

    await bot.say(user, code);

    const said = bot.take(user);
    expect(said[0]).toContain('ยืนยันตัวตนเรียบร้อย');
    expect(said[0]).toContain('คุณคือ เจ้าหน้าที่อำเภอเมืองฉะเชิงเทรา จังหวัดฉะเชิงเทรา');
    expect(said[1]).toContain('ต้องการทำรายการใด');
    expect(await userRow(user)).toMatchObject({ role: 'DISTRICT_OFFICER', districtId: 2401, producerId: null, active: true, inviteFailures: 0 });
    const row = await bot.services.db.richMenu.findUniqueOrThrow({ where: { role: 'DISTRICT_OFFICER' } });
    expect(bot.fake.userRichMenu.get(user)).toBe(row.richMenuId);
    expect(bot.fake.richMenus.get(row.richMenuId)?.menu).toEqual(richMenuDesign('DISTRICT_OFFICER').menu);
    expect(linkedMenuTexts(user)).toContain('บันทึกแทนผู้ผลิต');
    const invite = await bot.services.db.invite.findUniqueOrThrow({ where: { code } });
    expect(invite.usedById).toBe((await userRow(user)).id);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('lower-case code with spaces is accepted', async () => {
    const producer = await makeProducer(bot.services.db, { districtId: 2402, name: 'กลุ่มแม่บ้านบางคล้า' });
    const user = await newcomer();
    const { code } = await makeCode({ role: 'PRODUCER', producerId: producer.id });

    await bot.say(user, ` ${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()} `);

    expect(bot.take(user).join('\n')).toContain('คุณคือ ผู้รายงานยอดขายของ กลุ่มแม่บ้านบางคล้า');
    expect(await userRow(user)).toMatchObject({ role: 'PRODUCER', producerId: producer.id });
    expect(linkedMenuTexts(user)).toEqual(['รายงานยอดขาย', 'ยอดขายของฉัน', 'ช่วยเหลือ']);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('five wrong codes lock the person out for 15 minutes, then a right code works', async () => {
    const user = await newcomer();
    const { code } = await makeCode({ role: 'DISTRICT_OFFICER', districtId: 2403 });
    bot.take(user);

    for (let i = 1; i <= 4; i++) {
      await bot.say(user, 'ZZZZ-ZZZ' + 'Z234'[i - 1]);
      expect(bot.take(user)[0]).toMatch(new RegExp(`^รหัสไม่ถูกต้อง เหลือโอกาสอีก ${5 - i} ครั้ง`));
    }
    await bot.say(user, 'ZZZZ-ZZZ6');
    expect(bot.take(user)).toEqual(['ใส่รหัสผิดหลายครั้ง กรุณารอ 15 นาที (ถึง 10:15 น.) แล้วลองใหม่']);

    clock.advance(14 * 60_000);
    await bot.say(user, code);
    expect(bot.take(user)[0]).toMatch(/^ใส่รหัสผิดหลายครั้ง กรุณารอ 1 นาที \(ถึง 10:15 น\.\)/);
    expect((await userRow(user)).role).toBeNull();

    clock.advance(60_000);
    await bot.say(user, code);
    expect(bot.take(user)[0]).toContain('คุณคือ เจ้าหน้าที่อำเภอบางน้ำเปรี้ยว จังหวัดฉะเชิงเทรา');
    expect(await userRow(user)).toMatchObject({ role: 'DISTRICT_OFFICER', districtId: 2403, inviteFailures: 0, inviteLockedUntil: null });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('chit-chat is not counted as a wrong code', async () => {
    const user = await newcomer();
    bot.take(user);
    for (const chat of ['สวัสดี', 'hello', 'ขอรหัสหน่อยค่ะ', '555', 'OK', 'สวัสดีครับ ผมชื่อสมชาย']) await bot.say(user, chat);
    const said = bot.take(user);
    expect(said).toHaveLength(6);
    for (const s of said) expect(s).toContain('รหัสเชิญ');
    expect(said[0]).toContain('K7P4-MXQ2');
    await bot.say(user, 'K7P4-MXQ'); // a character short: told, not counted
    expect(bot.take(user)[0]).toContain('รหัสที่พิมพ์มามี 7 ตัว');
    await bot.say(user, 'ABCD-EFGHJ');
    expect(bot.take(user)[0]).toContain('รหัสที่พิมพ์มามี 9 ตัว');
    expect(await userRow(user)).toMatchObject({ inviteFailures: 0, inviteLockedUntil: null });
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a used code cannot bind a second person, and does not cost one of the 5 attempts', async () => {
    const producer = await makeProducer(bot.services.db, { districtId: 2401 });
    const { code } = await makeCode({ role: 'PRODUCER', producerId: producer.id });
    const first = await newcomer();
    const second = await newcomer();
    await bot.say(first, code);
    bot.take(second);

    await bot.say(second, code);

    expect(bot.take(second)).toEqual(['รหัสนี้ถูกใช้แล้ว (ใช้ได้ครั้งเดียว) กรุณาขอรหัสใหม่จากเจ้าหน้าที่\n(ไม่นับเป็นการใส่รหัสผิด)']);
    expect(await userRow(second)).toMatchObject({ role: null, producerId: null, inviteFailures: 0 });
    expect(bot.fake.userRichMenu.has(second)).toBe(false);
    expect((await bot.services.db.invite.findUniqueOrThrow({ where: { code } })).usedById).toBe((await userRow(first)).id);
  });

  it('an expired code is refused without costing an attempt', async () => {
    const { code } = await makeCode({ role: 'PROVINCE_OFFICER', provinceId: 24 }, { days: 1 });
    const user = await newcomer();
    bot.take(user);
    clock.advance(25 * 3_600_000);

    await bot.say(user, code);

    expect(bot.take(user)[0]).toMatch(/^รหัสนี้หมดอายุแล้ว \(เมื่อ 3 พฤศจิกายน 2569\) กรุณาขอรหัสใหม่จากเจ้าหน้าที่\n\(ไม่นับเป็นการใส่รหัสผิด\)/);
    expect(await userRow(user)).toMatchObject({ role: null, inviteFailures: 0 });
    expect((await bot.services.db.invite.findUniqueOrThrow({ where: { code } })).usedAt).toBeNull();
  });

  it('a bound person who unfollows is marked inactive, and following again welcomes them back with their menu relinked', async () => {
    const { code } = await makeCode({ role: 'PROVINCE_OFFICER', provinceId: 24 });
    const user = await newcomer('วิภา');
    await bot.say(user, code);
    expect(bot.take(user).join('\n')).toContain('คุณคือ เจ้าหน้าที่จังหวัดฉะเชิงเทรา');
    await bot.send(bot.event(user, { type: 'unfollow', replyToken: undefined }));
    expect((await userRow(user)).active).toBe(false);
    bot.fake.userRichMenu.delete(user);

    await bot.follow(user);

    const said = bot.take(user);
    expect(said[0]).toBe('ยินดีต้อนรับกลับค่ะ คุณวิภา');
    expect(said[1]).toContain('ต้องการทำรายการใด');
    expect(await userRow(user)).toMatchObject({ active: true, role: 'PROVINCE_OFFICER', provinceId: 24 });
    expect(linkedMenuTexts(user)).toContain('ยืนยันระดับจังหวัด');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
