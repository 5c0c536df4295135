import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCategory, SalesStatus } from '../../src/db/generated/enums.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { cardTexts as cardTextsOf } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // October 2026 (fiscal 2570) has just ended
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

const cardTexts = (user: string) => cardTextsOf(bot, user);

describe('ยอดขายของฉัน', () => {
  it('producer sees its own year-to-date', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401, name: 'กลุ่มน้ำพริกแม่ศรี', categories: ['FOOD', 'DRINK'] });
    const other = await makeProducer(db, { districtId: 2401, name: 'กลุ่มอื่น' });
    const { lineUserId: producer, user } = await makeUser(db, 'producer-ytd', 'PRODUCER', { producerId: p.id });
    const entry = (producerId: number, month: string, category: ProductCategory, baht: number, status: SalesStatus = 'SUBMITTED') =>
      db.salesEntry.create({
        data: { producerId, month: new Date(`${month}-01`), category, status, domesticOffline: BigInt(baht) * 100n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id },
      });
    await entry(p.id, '2026-10', 'FOOD', 100_000);
    await entry(p.id, '2026-10', 'DRINK', 20_000, 'RETURNED');
    await entry(p.id, '2026-09', 'FOOD', 90_000, 'PROVINCE_CONFIRMED');
    await entry(p.id, '2026-08', 'FOOD', 5_000, 'DRAFT'); // never counts
    await entry(p.id, '2025-10', 'FOOD', 100_000, 'PROVINCE_CONFIRMED'); // October a year earlier
    await entry(other.id, '2026-10', 'FOOD', 999_000);

    await bot.say(producer, 'ยอดขายของฉัน');

    const said = bot.take(producer);
    expect(said).toEqual([
      'ยอดขาย กลุ่มน้ำพริกแม่ศรี: สะสมปีงบประมาณ 2570 120,000 บาท; ตุลาคม 2569 120,000 บาท; กันยายน 2569 90,000 บาท; สิงหาคม 2569 ยังไม่ได้รายงาน',
    ]);
    const drawn = cardTexts(producer);
    expect(drawn).toEqual(expect.arrayContaining([
      'ยอดขายของฉัน',
      'ยอดสะสมปีงบประมาณ 2570',
      '120,000 บาท',
      '+20.0% (ปีที่แล้ว 100,000 บาท)',
      'เดือนตุลาคม 2569',
      '100,000 บาท · รอยืนยัน',
      '20,000 บาท · ส่งกลับแก้ไข',
      '90,000 บาท · จังหวัดยืนยันแล้ว',
      'ไม่มียอดปีที่แล้วให้เทียบ',
    ]));
    expect(drawn.join('\n')).not.toContain('999,000');
    expect(drawn.join('\n')).not.toContain('5,000 บาท');

    // A producer asking for another producer's figures gets its own.
    await bot.tap(producer, { action: 'start', params: { flow: 'my-sales', producerId: String(other.id) } });
    expect(bot.take(producer)[0]).toContain('ยอดขาย กลุ่มน้ำพริกแม่ศรี');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('an officer of another district cannot open a producer\u2019s figures', async () => {
    const db = bot.services.db;
    const p = await makeProducer(db, { districtId: 2401 });
    const { lineUserId: officer } = await makeUser(db, 'officer-2402-view', 'DISTRICT_OFFICER', { districtId: 2402 });
    await bot.tap(officer, { action: 'start', params: { flow: 'my-sales', producerId: String(p.id) } });
    expect(bot.take(officer)).toEqual(['ขออภัย คุณไม่มีสิทธิ์ทำรายการนี้']);
  });
});
