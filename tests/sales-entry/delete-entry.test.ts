// Issue 7 point 17: a producer (or a district officer entering for it) deletes an entry the district has not
// confirmed yet, after seeing it in full; the delete is audited. A confirmed entry stays, and the person is told why
// and what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesStatus } from '../../src/db/generated/enums.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { buttons, everything, lastCardText, press } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // 2 Nov 2569: October is the month to report
let bot: TestBot;
let officer: { lineUserId: string; id: number };

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const o = await makeUser(bot.services.db, 'del-officer', 'DISTRICT_OFFICER', { districtId: 2403 });
  officer = { lineUserId: o.lineUserId, id: o.user.id };
});
afterAll(async () => {
  await bot?.close();
});

async function producerWith(seed: string, entries: { month: string; category: 'FOOD' | 'DRINK'; status: SalesStatus; exportTo?: string }[]) {
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2403, name: `กลุ่ม ${seed}`, categories: ['FOOD', 'DRINK'] });
  const { lineUserId: user, user: row } = await makeUser(db, seed, 'PRODUCER', { producerId: p.id });
  const ids: number[] = [];
  for (const e of entries) {
    const confirmed = e.status === 'DISTRICT_CONFIRMED' || e.status === 'PROVINCE_CONFIRMED';
    const created = await db.salesEntry.create({
      data: {
        producerId: p.id, month: new Date(`${e.month}-01`), category: e.category, status: e.status, enteredById: row.id,
        domesticOffline: 120_000_00n, domesticOnline: 5_000_00n, exportOffline: e.exportTo ? 30_000_00n : 0n, exportOnline: 0n,
        ...(confirmed ? { districtConfirmedAt: new Date('2026-11-01T04:00:00Z'), districtConfirmedById: officer.id } : {}),
      },
    });
    if (e.exportTo) {
      await db.exportDetail.create({ data: { producerId: p.id, salesEntryId: created.id, month: created.month, product: 'อาหาร', value: 30_000_00n, country: e.exportTo, channel: 'SELF' } });
    }
    ids.push(created.id);
  }
  return { id: p.id, user, ids };
}
const entry = (id: number) => bot.services.db.salesEntry.findUnique({ where: { id } });
const lastText = (user: string) => everything(bot, user, 1);

describe('deleting a sales entry', () => {
  it('producer deletes a sent entry from "ยอดขายของฉัน" after seeing it in full; export details go with it and the delete is audited', async () => {
    const { user, ids } = await producerWith('del-producer', [{ month: '2026-10', category: 'FOOD', status: 'SUBMITTED', exportTo: 'ญี่ปุ่น' }]);
    await bot.say(user, 'ยอดขายของฉัน');
    await press(bot, user, 'ลบรายการ');
    expect(lastText(user)).toContain('1. ตุลาคม 2569 · อาหาร 155,000 บาท · รอยืนยัน');
    await press(bot, user, 'ข้อ 1 อาหาร');
    const shown = lastCardText(bot, user);
    expect(shown).toContain('ลบรายการนี้?');
    expect(shown).toContain('155,000 บาท');
    expect(shown).toContain('ญี่ปุ่น');
    expect(await entry(ids[0]!)).not.toBeNull(); // nothing is deleted before the confirmation

    await press(bot, user, 'ยืนยันลบรายการ');
    expect(lastText(user)).toContain('ลบรายการแล้ว');
    expect(await entry(ids[0]!)).toBeNull();
    expect(await bot.services.db.exportDetail.count({ where: { salesEntryId: ids[0]! } })).toBe(0);
    const log = await bot.services.db.auditLog.findFirstOrThrow({ where: { action: 'sales.delete', entityId: String(ids[0]) } });
    const me = await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: user } });
    expect(log.actorId).toBe(me.id);
    expect(log.before).toMatchObject({ category: 'FOOD', month: '2026-10', status: 'SUBMITTED', domesticOffline: '12000000', exports: [{ country: 'ญี่ปุ่น' }] });

    // "รายงานใหม่" opens the very month and category again, now empty.
    await press(bot, user, 'รายงานใหม่');
    expect(lastText(user)).toContain('เดือนตุลาคม 2569 · อาหาร');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a district-confirmed entry cannot be deleted: it has no button, and the message says why and to ask the district', async () => {
    const { id, user, ids } = await producerWith('del-confirmed', [
      { month: '2026-10', category: 'FOOD', status: 'DISTRICT_CONFIRMED' },
      { month: '2026-10', category: 'DRINK', status: 'RETURNED' },
    ]);
    await bot.say(user, 'ลบรายการ');
    expect(lastText(user)).toContain('1. ตุลาคม 2569 · อาหาร 125,000 บาท · อำเภอยืนยันแล้ว (ลบไม่ได้)');
    const labels = buttons(bot, user, 1).map((b) => b.label);
    expect(labels).toContain('ข้อ 2 เครื่องดื่ม');
    expect(labels).not.toContain('ข้อ 1 อาหาร');
    await bot.say(user, '1');
    expect(lastText(user)).toMatch(/^รายการนี้อำเภอยืนยันแล้ว เมื่อ .* จึงลบไม่ได้ หากต้องการลบ ให้ติดต่อเจ้าหน้าที่อำเภอเพื่อส่งรายการกลับมาก่อน/);

    // A forged start naming the confirmed entry gets the same answer and changes nothing.
    await bot.tap(user, { action: 'start', params: { flow: 'delete-entry', producerId: String(id), entry: String(ids[0]) } });
    expect(lastText(user)).toContain('จึงลบไม่ได้');
    expect(await entry(ids[0]!)).not.toBeNull();
  });

  it('an entry the district confirms while the delete card is open is not deleted', async () => {
    const { user, ids } = await producerWith('del-race', [{ month: '2026-10', category: 'FOOD', status: 'SUBMITTED' }]);
    await bot.say(user, 'ลบรายการ');
    await press(bot, user, 'ข้อ 1 อาหาร');
    await bot.services.db.salesEntry.update({ where: { id: ids[0]! }, data: { status: 'DISTRICT_CONFIRMED', districtConfirmedAt: clock.now(), districtConfirmedById: officer.id, revision: { increment: 1 } } });
    await press(bot, user, 'ยืนยันลบรายการ');
    expect(lastText(user)).toContain('อำเภอยืนยันแล้ว');
    expect(await entry(ids[0]!)).not.toBeNull();
    expect(await bot.services.db.auditLog.count({ where: { action: 'sales.delete', entityId: String(ids[0]) } })).toBe(0);
  });

  it('a province-confirmed entry: the officer is told to ask for an unlock first', async () => {
    const { id, ids } = await producerWith('del-province', [{ month: '2026-09', category: 'FOOD', status: 'PROVINCE_CONFIRMED' }]);
    await bot.tap(officer.lineUserId, { action: 'start', params: { flow: 'delete-entry', producerId: String(id), entry: String(ids[0]) } });
    expect(lastText(officer.lineUserId)).toContain('รายการนี้จังหวัดยืนยันแล้ว');
    expect(lastText(officer.lineUserId)).toContain('พิมพ์ "ขอปลดล็อก"');
    expect(await entry(ids[0]!)).not.toBeNull();
  });

  it('a district officer entering for a producer deletes the existing entry with "ลบรายการนี้"; "ไม่ลบ" keeps it', async () => {
    const { id, ids } = await producerWith('del-onbehalf', [{ month: '2026-10', category: 'DRINK', status: 'SUBMITTED' }]);
    const o = officer.lineUserId;
    await bot.tap(o, { action: 'start', params: { flow: 'sales-entry', producerId: String(id), month: '2026-10', category: 'DRINK' } });
    expect(everything(bot, o, 2)).toContain('ถ้าไม่ควรมีรายการนี้ กด "ลบรายการนี้"');
    await press(bot, o, 'ลบรายการนี้');
    expect(lastCardText(bot, o)).toContain('เครื่องดื่ม · รอยืนยัน');
    await press(bot, o, 'ไม่ลบ');
    expect(lastText(o)).toContain('ไม่ได้ลบ');
    expect(await entry(ids[0]!)).not.toBeNull();

    await bot.tap(o, { action: 'start', params: { flow: 'sales-entry', producerId: String(id), month: '2026-10', category: 'DRINK' } });
    await press(bot, o, 'ลบรายการนี้');
    await press(bot, o, 'ยืนยันลบรายการ');
    expect(await entry(ids[0]!)).toBeNull();
    const log = await bot.services.db.auditLog.findFirstOrThrow({ where: { action: 'sales.delete', entityId: String(ids[0]) } });
    expect(log.actorId).toBe(officer.id);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('an officer of another district cannot delete a producer\u2019s entry', async () => {
    const { id, ids } = await producerWith('del-foreign', [{ month: '2026-10', category: 'FOOD', status: 'SUBMITTED' }]);
    const { lineUserId: other } = await makeUser(bot.services.db, 'del-other-officer', 'DISTRICT_OFFICER', { districtId: 2401 });
    await bot.tap(other, { action: 'start', params: { flow: 'delete-entry', producerId: String(id), entry: String(ids[0]) } });
    expect(lastText(other)).toBe('ขออภัย คุณไม่มีสิทธิ์ทำรายการนี้');
    expect(await entry(ids[0]!)).not.toBeNull();
  });
});
