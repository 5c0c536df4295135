import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, type Actor } from '../../src/domain/actor.js';
import { confirmDistrictMonth, returnEntry } from '../../src/domain/district-review.js';
import { RuleError } from '../../src/domain/errors.js';
import type { MonthKey } from '../../src/domain/fiscal-period.js';
import { confirmedText } from '../../src/conversations/district-review-prompts.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { buttons, OCTOBER, press, seedDistrict, statuses } from './helpers.js';

const clock = testClock('2026-11-02T07:02:00Z'); // 14:02 in Bangkok
const OCT = '2026-10' as MonthKey;
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
afterAll(async () => {
  await bot?.close();
});

async function officerOf(districtId: number, seed: string, name: string): Promise<{ line: string; actor: Actor }> {
  const u = await makeUser(bot.services.db, seed, 'DISTRICT_OFFICER', { districtId }, name);
  return { line: u.lineUserId, actor: actorOf(u.user)! };
}

const three = [
  { producer: 'กลุ่มหนึ่ง', category: 'FOOD' as const, baht: 1_000 },
  { producer: 'กลุ่มสอง', category: 'FOOD' as const, baht: 2_000 },
  { producer: 'กลุ่มสาม', category: 'FOOD' as const, baht: 3_000 },
];

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition never became true');
}

describe('district review rules', () => {
  it('two officers confirming at once: one wins, the other is told who confirmed and when', async () => {
    const db = bot.services.db;
    const a = await officerOf(2403, 'dr-2403-a', 'สมชาย');
    const b = await officerOf(2403, 'dr-2403-b', 'สมหญิง');
    const { entries } = await seedDistrict(db, 2403, a.actor.userId, three);

    // A confirms and holds its transaction open; B reads the same entries and blocks on the first write
    let aConfirmed = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = db.$transaction(async (tx) => {
      const r = await confirmDistrictMonth(tx, a.actor, 2403, OCT, { except: [] }, clock.now(), 'evt-a');
      aConfirmed = true;
      await gate;
      return r;
    }, { timeout: 20_000 });
    await until(async () => aConfirmed);
    const second = db.$transaction((tx) => confirmDistrictMonth(tx, b.actor, 2403, OCT, { except: [] }, clock.now(), 'evt-b'), { timeout: 20_000 });
    await until(async () => {
      const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return rows[0]!.n > 0;
    });
    release();
    const [ra, rb] = await Promise.all([first, second]);

    expect(ra.confirmed).toHaveLength(3);
    expect(rb.confirmed).toHaveLength(0);
    expect(confirmedText(rb, OCT)).toContain('รายการทั้งหมดยืนยันแล้วโดย คุณสมชาย เมื่อ 2 พ.ย. 69 14:02 น.');
    const rows = await db.salesEntry.findMany({ where: { id: { in: entries } } });
    expect(rows.every((r) => r.status === 'DISTRICT_CONFIRMED' && r.districtConfirmedById === a.actor.userId && r.revision === 2)).toBe(true);
    expect(await db.auditLog.count({ where: { action: 'sales.district-confirm', entityId: { in: entries.map(String) } } })).toBe(3);
  });

  it('two officers pressing ยืนยันทั้งหมด in the same second: one confirms, the other is told by whom', async () => {
    const db = bot.services.db;
    const a = await officerOf(2404, 'dr-2404-a', 'สมชาย');
    const b = await officerOf(2404, 'dr-2404-b', 'สมหญิง');
    const { entries } = await seedDistrict(db, 2404, a.actor.userId, three);
    for (const o of [a, b]) {
      await bot.say(o.line, 'ตรวจสอบ/ยืนยัน');
      await press(bot, o.line, 'ตุลาคม 2569');
      bot.take(o.line);
    }
    for (const o of [a, b]) await bot.say(o.line, 'ยืนยันทั้งหมด'); // each sees the preview
    const ok = (line: string) => buttons(bot, line, 1).find((x) => (x.data ?? '').includes('dr-confirm-ok'))!.data!;
    const [okA, okB] = [ok(a.line), ok(b.line)];
    for (const o of [a, b]) bot.take(o.line);
    await bot.send(
      bot.event(a.line, { type: 'postback', postback: { data: okA } }),
      bot.event(b.line, { type: 'postback', postback: { data: okB } }),
    );
    const replies = [bot.take(a.line).join('\n'), bot.take(b.line).join('\n')];
    const winner = replies.findIndex((r) => r.includes('ยืนยัน 3 รายการ รวม 6,000 บาท'));
    expect(winner).toBeGreaterThanOrEqual(0);
    const winnerName = winner === 0 ? 'สมชาย' : 'สมหญิง';
    expect(replies[1 - winner]).toContain(`รายการทั้งหมดยืนยันแล้วโดย คุณ${winnerName} เมื่อ 2 พ.ย. 69 14:02 น.`);
    expect(await statuses(db, entries)).toEqual(['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED']);
    expect(await db.auditLog.count({ where: { action: 'sales.district-confirm', entityId: { in: entries.map(String) } } })).toBe(3);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('an officer of another district cannot review this district', async () => {
    const db = bot.services.db;
    const own = await officerOf(2405, 'dr-2405', 'มานพ');
    const other = await officerOf(2406, 'dr-2406', 'ชูใจ');
    const { entries } = await seedDistrict(db, 2405, own.actor.userId, three);

    await expect(db.$transaction((tx) => confirmDistrictMonth(tx, other.actor, 2405, OCT, { except: [] }, clock.now()))).rejects.toMatchObject({ code: 'not-authorised' });
    await expect(db.$transaction((tx) => returnEntry(tx, other.actor, entries[0]!, 'ยอดไม่ตรงกับสมุดบัญชี', 1, clock.now()))).rejects.toMatchObject({ code: 'not-authorised' });

    // in chat the other officer sees only their own district, and a forged send-back button is refused
    await bot.say(other.line, 'ตรวจสอบ/ยืนยัน');
    await press(bot, other.line, 'ตุลาคม 2569');
    const overview = bot.take(other.line).join('\n');
    expect(overview).toContain('อำเภอ');
    expect(overview).not.toContain('อำเภอ' + (await db.district.findUniqueOrThrow({ where: { id: 2405 } })).nameTh);
    expect(overview).toContain('รายงานแล้ว 0 ราย');
    await bot.say(other.line, 'ยกเลิก');
    await bot.tap(other.line, { action: 'dr-return', params: { t: 'forged', e: String(entries[0]), r: '1', n: '1' } });
    expect(bot.take(other.line).join('\n')).toContain('ไม่มีสิทธิ์');
    expect(await statuses(db, entries)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    expect(await db.auditLog.count({ where: { entityId: { in: entries.map(String) }, action: { startsWith: 'sales.district' } } })).toBe(0);
  });

  it('a province-confirmed month cannot be confirmed or sent back', async () => {
    const db = bot.services.db;
    const o = await officerOf(2407, 'dr-2407', 'ประยูร');
    const prov = await makeUser(db, 'pv-24', 'PROVINCE_OFFICER', { provinceId: 24 }, 'จังหวัดใจดี');
    const { entries } = await seedDistrict(db, 2407, o.actor.userId, [
      { producer: 'กลุ่มหนึ่ง', category: 'FOOD', baht: 1_000 },
      { producer: 'กลุ่มสอง', category: 'FOOD', baht: 2_000, status: 'DISTRICT_CONFIRMED' },
    ]);
    await db.districtMonth.create({ data: { districtId: 2407, month: OCTOBER, provinceConfirmedAt: new Date('2026-11-02T02:30:00Z'), provinceConfirmedById: prov.user.id } });

    const confirm = db.$transaction((tx) => confirmDistrictMonth(tx, o.actor, 2407, OCT, { except: [] }, clock.now()));
    await expect(confirm).rejects.toBeInstanceOf(RuleError);
    await expect(confirm).rejects.toMatchObject({ code: 'month-locked' });
    await expect(db.$transaction((tx) => returnEntry(tx, o.actor, entries[1]!, 'ตัวเลขสูงผิดปกติ', 1, clock.now()))).rejects.toMatchObject({ code: 'month-locked' });

    await bot.say(o.line, 'ตรวจสอบ/ยืนยัน');
    await press(bot, o.line, 'ตุลาคม 2569');
    expect(bot.take(o.line).join('\n')).toContain('จังหวัดยืนยันแล้ว (ล็อก)');
    const labels = buttons(bot, o.line).map((b) => b.label);
    expect(labels).toContain('ขอปลดล็อก');
    expect(labels.some((l) => l?.startsWith('ยืนยันทั้งหมด'))).toBe(false);
    await bot.say(o.line, 'ยืนยันทั้งหมด');
    expect(bot.take(o.line).join('\n')).toContain('จังหวัดยืนยันแล้วโดย คุณจังหวัดใจดี เมื่อ 2 พ.ย. 69 09:30 น. จึงยืนยันหรือส่งกลับไม่ได้ หากต้องแก้ไข พิมพ์ "ขอปลดล็อก"');
    await bot.say(o.line, 'ส่งกลับ 2');
    expect(bot.take(o.line).join('\n')).toContain('จังหวัดยืนยันแล้วโดย คุณจังหวัดใจดี');
    expect(await statuses(db, entries)).toEqual(['SUBMITTED', 'DISTRICT_CONFIRMED']);
    expect(await db.auditLog.count({ where: { entityId: { in: entries.map(String) }, action: { startsWith: 'sales.district' } } })).toBe(0);
    expect(bot.fake.rejected()).toEqual([]);
  });
});
