// Forged postbacks and prototype keys: every shape a person could send by hand (unknown and prototype action names,
// prototype parameter names, ids past the integer column, negative / hex / exponent ids, wrong versions, odd
// characters) is answered in Thai, never with the internal-error reply, and changes no row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/generated/enums.js';
import { POSTBACK_MAX } from '../../src/line/postback-codec.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { addEntries, lockedMonth } from '../province/helpers.js';
import { count, printTallies, snapshot } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
const users = new Map<Role, string>();
let unlockId = 0;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2401 });
  users.set('PRODUCER', (await makeUser(db, 'fp-producer', 'PRODUCER', { producerId: p.id })).lineUserId);
  const officer = await makeUser(db, 'fp-amphoe', 'DISTRICT_OFFICER', { districtId: 2401 });
  users.set('DISTRICT_OFFICER', officer.lineUserId);
  const province = await makeUser(db, 'fp-province', 'PROVINCE_OFFICER', { provinceId: 24 });
  users.set('PROVINCE_OFFICER', province.lineUserId);
  users.set('ZONE_ADMIN', (await makeUser(db, 'fp-zone', 'ZONE_ADMIN', { zoneId: 3 })).lineUserId);
  users.set('DEPARTMENT_ADMIN', (await makeUser(db, 'fp-dept', 'DEPARTMENT_ADMIN', {})).lineUserId);
  await lockedMonth(db, { districtId: 2401, by: officer.user.id, month: '2026-09' });
  await addEntries(db, { districtId: 2401, statuses: ['SUBMITTED', 'DISTRICT_CONFIRMED'], by: officer.user.id });
  const req = await db.unlockRequest.create({
    data: { districtId: 2401, month: new Date('2026-09-01'), reason: 'ทดสอบ', requestedById: officer.user.id },
  });
  unlockId = req.id;
});
afterAll(async () => {
  printTallies();
  await bot?.close();
});

const HUGE = '99999999999999999999';
const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const forgedData = (): string[] => [
  ...PROTO.map((a) => `1|${a}|`),
  ...PROTO.map((a) => `1|${a}|id=1`),
  ...PROTO.map((f) => `1|start|flow=${f}`),
  ...PROTO.map((k) => `1|start|flow=my-sales&${k}=1`),
  `1|unlock-approve|id=${HUGE}`,
  `1|unlock-refuse|id=${HUGE}`,
  '1|unlock-approve|id=2147483648',
  '1|unlock-approve|id=-1',
  '1|unlock-approve|id=0x10',
  '1|unlock-approve|id=1e3',
  '1|unlock-approve|id=1.5',
  '1|unlock-approve|id=',
  '1|unlock-approve|',
  `1|unlock-approve|id=${unlockId}&id=${unlockId}`,
  `1|start|flow=my-sales&producerId=${HUGE}`,
  '1|start|flow=my-sales&producerId=-1',
  `1|start|flow=sales-entry&producerId=${HUGE}&month=2026-10`,
  '1|start|flow=sales-entry&month=2026-13',
  `1|start|flow=progress&m=${HUGE}`,
  '1|start|flow=progress&m=0000-00',
  `1|start|flow=province-review&m=2026-10&d=${HUGE}`,
  `1|start|flow=district-review&entry=${HUGE}&rev=${HUGE}`,
  `1|pr-detail|m=2026-10&d=${HUGE}`,
  `1|pr-confirm|t=aaaa&d=${HUGE}&r=${HUGE}`,
  `1|dr-return|t=aaaa&e=${HUGE}`,
  `1|dr-old-return|e=${HUGE}&r=1`,
  `1|pp-pick|t=aaaa&p=${HUGE}`,
  `1|inv-d|t=aaaa&d=${HUGE}`,
  '1|start|flow=my-sales&producerId=1%00',
  '1|start|flow=my-sales&x=%ED%A0%80',
  '1|start|flow=my-sales&t=' + 'a'.repeat(250),
  '2|start|flow=my-sales',
  '1|start',
  '1||',
  '|||',
  '',
  '1|START|flow=my-sales',
  '1|start|flow=my-sales&producerId=1'.padEnd(POSTBACK_MAX + 1, 'x'),
  '{"action":"start"}',
];

const INTERNAL = 'เกิดข้อผิดพลาดในระบบ';
const ROLES: Role[] = ['PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'];

describe('forged postbacks', () => {
  it.each(ROLES)('%s: every forged postback gets a Thai answer, never an internal error, and changes nothing', async (role) => {
    const line = users.get(role)!;
    const failures: string[] = [];
    for (const data of forgedData()) {
      const before = await snapshot(bot.services.db);
      const from = bot.fake.messagesTo(line).length;
      await bot.tap(line, data);
      const answer = bot.fake.messagesTo(line).slice(from) as { type: string; text?: string; altText?: string }[];
      const said = answer.map((m) => m.text ?? m.altText ?? '').join('\n');
      const changed = (await snapshot(bot.services.db)) !== before;
      const ok = answer.length > 0 && /[\u0E00-\u0E7F]/.test(said) && !said.includes(INTERNAL);
      if (!ok) failures.push(`${data.slice(0, 80)} → ${answer.length ? said.slice(0, 120) : 'no answer'}`);
      if (changed) failures.push(`${data.slice(0, 80)} changed rows`);
      count('forged postbacks', { refused: ok, changed });
    }
    bot.take(line);
    expect(failures).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  }, 120_000);

  it('an id past the integer column on unlock-approve is refused in Thai and the request stays pending', async () => {
    const prov = users.get('PROVINCE_OFFICER')!;
    await bot.tap(prov, `1|unlock-approve|id=${HUGE}`);
    expect(bot.take(prov).join('\n')).toMatch(/ปุ่มนี้ใช้ไม่ได้แล้ว/);
    expect((await bot.services.db.unlockRequest.findUniqueOrThrow({ where: { id: unlockId } })).status).toBe('PENDING');
  });

  it.each(PROTO)('typed "%s" is answered like any unknown word, in and out of a conversation', async (word) => {
    const officer = users.get('DISTRICT_OFFICER')!;
    const before = await snapshot(bot.services.db);
    for (const start of [null, 'ตรวจสอบ/ยืนยัน', 'บันทึกแทนผู้ผลิต', 'ขอปลดล็อก']) {
      if (start) await bot.say(officer, start);
      bot.take(officer);
      await bot.say(officer, word);
      const said = bot.take(officer).join('\n');
      expect(said, `${start} → ${word}`).toMatch(/[\u0E00-\u0E7F]/);
      expect(said).not.toContain(INTERNAL);
      await bot.say(officer, 'ยกเลิก');
      count('typed prototype words', { refused: !said.includes(INTERNAL) });
    }
    expect(await snapshot(bot.services.db)).toBe(before);
  }, 60_000);
});
