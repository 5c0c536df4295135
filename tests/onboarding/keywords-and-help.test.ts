// Issue 7 point 22: common phrasings get an answer for the person's role (pointing only to built features), and
// help is per role (amount tips only for those who type amounts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botDefinition } from '../../src/conversations/index.js';
import { KEYWORD_TABLE } from '../../src/conversations/keywords.js';
import { MENU_WORDS } from '../../src/conversations/menu.js';
import { normaliseWord } from '../../src/bot/router.js';
import { setDeadline } from '../../src/domain/deadlines.js';
import type { DayKey, MonthKey } from '../../src/domain/fiscal-period.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { everything, quickLabels, sent } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let producer: string;
let district: string;
let department: string;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2401 });
  producer = (await makeUser(db, 'kw-producer', 'PRODUCER', { producerId: p.id })).lineUserId;
  district = (await makeUser(db, 'kw-district', 'DISTRICT_OFFICER', { districtId: 2401 })).lineUserId;
  department = (await makeUser(db, 'kw-dept', 'DEPARTMENT_ADMIN')).lineUserId;
});
afterAll(async () => {
  await bot?.close();
});

const ask = async (user: string, t: string) => {
  await bot.say(user, t);
  return everything(bot, user, 1);
};

describe('keywords per role', () => {
  it('"กำหนดส่งวันไหน" gives the due dates of the month to report', async () => {
    const a = await ask(producer, 'กำหนดส่งวันไหนคะ');
    expect(a).toContain('กำหนดส่งยอดขายเดือนตุลาคม 2569');
    expect(a).toContain('3 พฤศจิกายน 2569');
    expect(a).not.toContain('ไม่เข้าใจ');
  });

  it('"ส่งวันไหน" gives a producer its province\u2019s own date, and the department the department\u2019s', async () => {
    await bot.services.db.$transaction((tx) => setDeadline(tx, null, { month: '2026-10' as MonthKey, provinceId: 24, days: { entryDue: '2026-11-02' as DayKey } }));
    expect(await ask(producer, 'ส่งวันไหน')).toContain('ภายใน 2 พฤศจิกายน 2569');
    expect(await ask(department, 'ส่งวันไหน')).toContain('ภายใน 3 พฤศจิกายน 2569');
    await bot.services.db.$transaction((tx) => setDeadline(tx, null, { month: '2026-10' as MonthKey, provinceId: 24, days: {}, clear: ['entryDue'] }));
  });

  it('"ส่งยอด" and "ยอดขาย" point a producer to reporting and an officer to entering for producers', async () => {
    expect(await ask(producer, 'ส่งยอด')).not.toContain('ไม่เข้าใจ');
    expect(quickLabels(bot, producer)).toContain('รายงานยอดขาย');
    await ask(producer, 'ยอดขาย');
    expect(quickLabels(bot, producer)).toEqual(['รายงานยอดขาย', 'ยอดขายของฉัน', 'เมนู']);
    await ask(district, 'ส่งยอด');
    expect(quickLabels(bot, district)).toContain('บันทึกแทนผู้ผลิต');
    expect(quickLabels(bot, district)).not.toContain('รายงานยอดขาย');
  });

  it('"รายงาน" points the department to progress, never to a feature it cannot use', async () => {
    const a = await ask(department, 'ขอรายงาน');
    expect(a).not.toContain('ไม่เข้าใจ');
    expect(quickLabels(bot, department)).toEqual(['ความคืบหน้า', 'เมนู']);
  });

  it('every button of every keyword answer is a start word or a global word that exists', async () => {
    const def = botDefinition({ db: bot.services.db });
    const known = new Set([...Object.keys(def.startWords), 'เมนู', 'ยกเลิก', 'ช่วยเหลือ']);
    const roles = ['PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'] as const;
    const users: Record<string, string> = { PRODUCER: producer, DISTRICT_OFFICER: district, DEPARTMENT_ADMIN: department };
    for (const role of roles) {
      const user = users[role];
      if (!user) continue;
      for (const k of KEYWORD_TABLE.filter((x) => x.roles.includes(role))) {
        await bot.say(user, 'ยกเลิก');
        await bot.say(user, k.words[0]!);
        const items = sent(bot, user).at(-1)?.quickReply?.items ?? [];
        for (const i of items) {
          const said = i.action.text ? normaliseWord(i.action.text) : null;
          if (said) expect(known.has(said), `${role} "${k.words[0]}" → ${i.action.text}`).toBe(true);
        }
      }
    }
    for (const role of roles) for (const w of MENU_WORDS[role]) expect(known.has(normaliseWord(w)), w).toBe(true);
  });

  it('help is per role: amount tips for producers and district officers, not for the department', async () => {
    await bot.say(producer, 'ช่วยเหลือ');
    expect(everything(bot, producer, 1)).toContain('การพิมพ์ยอดขาย');
    await bot.say(district, 'ช่วยเหลือ');
    expect(everything(bot, district, 1)).toContain('การพิมพ์ยอดขาย');
    await bot.say(department, 'ช่วยเหลือ');
    const d = everything(bot, department, 1);
    expect(d).not.toContain('การพิมพ์ยอดขาย');
    expect(d).not.toContain('1.2 ล้าน');
    expect(d).toContain('ความคืบหน้า');
    expect(d).toContain('แก้ไขกำหนดส่ง'); // only those who may set dates are told of it
    expect(everything(bot, district, 2)).not.toContain('แก้ไขกำหนดส่ง');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
