// The global limit on wrong invite codes: many LINE accounts guessing together (each under its own 5-attempt
// lockout) close code entry for everyone for a while, and the department's users are alerted once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createInvite } from '../../src/domain/invites.js';
import { lineUserId, startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 10:00 in Bangkok
let bot: TestBot;
let n = 0;
let admin: string;
let resting: string;

beforeAll(async () => {
  // more than 6 wrong codes in 10 minutes close code entry for 30 minutes
  bot = await startTestBot({
    now: clock.now,
    env: { INVITE_GLOBAL_MAX_FAILURES: '6', INVITE_GLOBAL_WINDOW_MINUTES: '10', INVITE_GLOBAL_LOCK_MINUTES: '30' },
  });
  admin = (await makeUser(bot.services.db, 'guard-dept-admin', 'DEPARTMENT_ADMIN')).lineUserId;
  const other = await makeUser(bot.services.db, 'guard-dept-admin-away', 'DEPARTMENT_ADMIN');
  await bot.services.db.user.update({ where: { id: other.user.id }, data: { active: false } });
  resting = other.lineUserId;
  await makeUser(bot.services.db, 'guard-zone', 'ZONE_ADMIN', { zoneId: 1 });
});
afterAll(async () => {
  await bot?.close();
});
beforeEach(async () => {
  clock.set('2026-11-02T03:00:00Z');
  await bot.services.db.inviteFailure.deleteMany();
  await bot.services.db.inviteLockout.deleteMany();
});

async function newcomer(): Promise<string> {
  const user = lineUserId(`guard-newcomer-${++n}`);
  bot.fake.setProfile(user, { displayName: `ผู้มาใหม่ ${n}` });
  await bot.follow(user);
  bot.take(user);
  return user;
}

const wrong = (i: number) => `ZZZZ-${1000 + i}`; // 0 and 1 are never in a real code
const makeCode = () => bot.services.db.$transaction((tx) => createInvite(tx, null, { role: 'PROVINCE_OFFICER', provinceId: 24 }, clock.now()));
const userRow = (user: string) => bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } });

describe('global limit on wrong invite codes', () => {
  it('wrong codes from many accounts close code entry for everyone, refuse even a right code, and alert the department once', async () => {
    const guessers = [await newcomer(), await newcomer(), await newcomer(), await newcomer()];
    bot.take(admin);
    let i = 0;
    for (const g of guessers.slice(0, 3)) {
      for (let k = 0; k < 2; k++) {
        await bot.say(g, wrong(++i));
        expect(bot.take(g)[0]).toMatch(/^รหัสไม่ถูกต้อง เหลือโอกาสอีก [34] ครั้ง/); // each account is far from its own lockout
      }
    }
    expect(bot.take(admin)).toEqual([]);

    await bot.say(guessers[3]!, wrong(++i)); // the 7th wrong code within 10 minutes

    expect(bot.take(guessers[3]!)).toEqual([
      'รหัสไม่ถูกต้อง\nขณะนี้ระบบปิดรับรหัสเชิญชั่วคราว เพราะมีการใส่รหัสผิดจำนวนมาก กรุณาพิมพ์รหัสอีกครั้งหลังเวลา 10:30 น.\n' +
        'รหัสที่ได้รับจากเจ้าหน้าที่ (ที่ยังไม่หมดอายุ) ยังใช้ได้ตามเดิม',
    ]);
    const alert = bot.take(admin);
    expect(alert).toHaveLength(1);
    expect(alert[0]).toMatch(/^⚠️ แจ้งเตือนความปลอดภัย: มีการใส่รหัสเชิญผิด 7 ครั้ง ภายใน 10 นาที \(จากทุกบัญชีรวมกัน\)\nระบบปิดรับรหัสเชิญทั้งหมดชั่วคราวถึง 10:30 น\./);
    expect(bot.take(resting)).toEqual([]); // an inactive department user gets no push
    expect(bot.take(lineUserId('guard-zone'))).toEqual([]);
    const pushes = await bot.services.db.outboundMessage.findMany({ where: { kind: 'push', recipients: { has: admin } } });
    expect(pushes).toHaveLength(1);

    // A real code from a fresh account is refused without being looked up, and costs nothing.
    const { code } = await makeCode();
    const honest = await newcomer();
    clock.advance(5 * 60_000);
    await bot.say(honest, code);
    expect(bot.take(honest)).toEqual([
      'ขณะนี้ระบบปิดรับรหัสเชิญชั่วคราว เพราะมีการใส่รหัสผิดจำนวนมาก กรุณาพิมพ์รหัสอีกครั้งหลังเวลา 10:30 น.\n' +
        'รหัสที่ได้รับจากเจ้าหน้าที่ (ที่ยังไม่หมดอายุ) ยังใช้ได้ตามเดิม (ครั้งนี้ไม่นับเป็นการใส่รหัสผิด)',
    ]);
    expect(await userRow(honest)).toMatchObject({ role: null, inviteFailures: 0 });
    expect((await bot.services.db.invite.findUniqueOrThrow({ where: { code } })).usedAt).toBeNull();

    // More guesses while closed: refused, not counted, no second alert; chit-chat still gets its answer.
    for (const g of guessers) await bot.say(g, wrong(++i));
    for (const g of guessers) expect(bot.take(g)[0]).toMatch(/^ขณะนี้ระบบปิดรับรหัสเชิญชั่วคราว/);
    await bot.say(honest, 'สวัสดีค่ะ');
    expect(bot.take(honest)[0]).toContain('เริ่มใช้งานโดยพิมพ์รหัสเชิญ');
    expect(await bot.services.db.inviteFailure.count()).toBe(7);
    expect(await bot.services.db.inviteLockout.count()).toBe(1);
    expect(bot.take(admin)).toEqual([]);

    // After 30 minutes the right code binds; one more wrong code does not trip again on the old count.
    clock.advance(25 * 60_000);
    await bot.say(honest, code);
    expect(bot.take(honest)[0]).toContain('ยืนยันตัวตนเรียบร้อย');
    expect(await userRow(honest)).toMatchObject({ role: 'PROVINCE_OFFICER', provinceId: 24 });
    await bot.say(guessers[0]!, wrong(++i));
    expect(bot.take(guessers[0]!)[0]).toMatch(/^รหัสไม่ถูกต้อง เหลือโอกาสอีก/);
    expect(bot.take(admin)).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('counts wrong codes in a sliding window: those older than the window no longer count', async () => {
    const guessers = [await newcomer(), await newcomer(), await newcomer()];
    bot.take(admin);
    let i = 100;
    for (const g of guessers) for (let k = 0; k < 2; k++) await bot.say(g, wrong(++i)); // 6: at the limit, not past it
    clock.advance(11 * 60_000);
    const late = await newcomer();
    await bot.say(late, wrong(++i));
    expect(bot.take(late)[0]).toMatch(/^รหัสไม่ถูกต้อง เหลือโอกาสอีก 4 ครั้ง/);
    expect(await bot.services.db.inviteLockout.count()).toBe(0);
    expect(bot.take(admin)).toEqual([]);
  });

  it('has sane defaults and refuses a limit of zero', () => {
    expect(loadConfig({}).inviteGuard).toEqual({ maxFailures: 30, windowMs: 600_000, lockMs: 1_800_000 });
    expect(() => loadConfig({ INVITE_GLOBAL_MAX_FAILURES: '0' })).toThrow('INVITE_GLOBAL_MAX_FAILURES');
  });
});
