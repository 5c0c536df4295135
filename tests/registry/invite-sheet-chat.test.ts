// The invite sheet asked for in chat by a district officer, delivered like a report: confirm → the codes are issued
// and the PDF made after commit → a pushed card whose signed link downloads the sheet; its codes redeem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { allActions, everything, press, quickLabels } from '../support/screen.js';
import { pdfText } from '../reports/pdf-text.js';

const clock = testClock('2026-12-02T03:00:00Z');
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: clock.now, env: { LINE_ADD_FRIEND_URL: 'https://line.me/R/ti/p/@otop-test' } });
});
afterAll(async () => {
  await bot?.close();
});

const links = (user: string) => allActions(bot, user).filter((a) => a.type === 'uri').map((a) => (a as unknown as { uri: string }).uri);

describe('invite sheet from chat', () => {
  it('a district officer confirms and gets a card whose link downloads a PDF with a code for each producer without LINE', async () => {
    const db = bot.services.db;
    const names = ['กลุ่มน้ำพริกบ้านใหม่', 'กลุ่มผ้าทอคลองนา'];
    for (const name of names) await makeProducer(db, { districtId: 2407, name });
    const linked = await makeProducer(db, { districtId: 2407, name: 'กลุ่มที่มี LINE แล้ว' });
    await makeUser(db, 'sheet-linked', 'PRODUCER', { producerId: linked.id });
    const gone = await makeProducer(db, { districtId: 2407, name: 'กลุ่มที่ยกเลิกแล้ว' });
    await db.producer.update({ where: { id: gone.id }, data: { active: false, deregisteredAt: new Date('2026-10-01') } });
    const { lineUserId: officer, user } = await makeUser(db, 'sheet-officer', 'DISTRICT_OFFICER', { districtId: 2407 });

    await bot.say(officer, 'ทะเบียนผู้ผลิต');
    await press(bot, officer, 'พิมพ์บัตรเชิญ');
    expect(bot.take(officer).at(-1)).toContain('บัตรเชิญอำเภอราชสาส์น: 2 บัตร');
    expect(await db.invite.count({ where: { producer: { districtId: 2407 } } })).toBe(0); // nothing issued before confirming
    await press(bot, officer, 'ยืนยัน พิมพ์บัตรเชิญ');
    expect(everything(bot, officer)).toContain('กำลังจัดทำบัตรเชิญ');
    expect(everything(bot, officer, 1)).toContain('บัตรเชิญพร้อมแล้ว: อำเภอราชสาส์น 2 บัตร');
    expect(quickLabels(bot, officer)).toEqual(['ทะเบียนผู้ผลิต', 'เมนู']);

    const invites = await db.invite.findMany({ where: { producer: { districtId: 2407 }, usedAt: null } });
    expect(invites.map((i) => i.producerId).sort()).toEqual((await db.producer.findMany({ where: { name: { in: names } } })).map((p) => p.id).sort());
    expect(invites.every((i) => i.createdById === user.id)).toBe(true);

    const [uri] = links(officer);
    const res = await fetch(`${bot.url}/reports/${uri!.split('/reports/')[1]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await res.arrayBuffer())).replace(/\s+/g, '');
    for (const name of names) expect(text).toContain(name);
    for (const i of invites) expect(text).toContain(i.code.replace(/\s+/g, ''));
    expect(text).not.toContain('กลุ่มที่มีLINEแล้ว');
    expect(text).not.toContain('กลุ่มที่ยกเลิกแล้ว');

    // the code printed on the sheet binds a producer's LINE account
    const newcomer = 'U' + 'a'.repeat(32);
    await bot.follow(newcomer);
    await bot.say(newcomer, invites[0]!.code);
    expect((await db.user.findUniqueOrThrow({ where: { lineUserId: newcomer } })).producerId).toBe(invites[0]!.producerId);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a province officer cannot print a district’s invite sheet', async () => {
    const { lineUserId: province } = await makeUser(bot.services.db, 'sheet-province', 'PROVINCE_OFFICER', { provinceId: 24 });
    await bot.say(province, 'บัตรเชิญ');
    expect(bot.take(province)[0]).toContain('เมนูนี้ใช้ได้สำหรับเจ้าหน้าที่อำเภอ');
  });
});
