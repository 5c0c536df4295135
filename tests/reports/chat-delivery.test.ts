// Reports asked for in chat, through signed webhooks and the LINE fake: "รายงาน" → type → month → format; the file is
// made after commit and pushed as a card whose signed link downloads it from the app. The place comes from who asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/seed/seed-demo.js';
import { formatBaht } from '../../src/domain/thai-format.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { allActions, everything, quickLabels } from '../support/screen.js';
import { pdfText } from './pdf-text.js';

const clock = testClock('2026-09-20T03:00:00Z'); // reporting month สิงหาคม 2569; demo data up to กรกฎาคม 2569
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  await seedDemoData(bot.services.db, clock.now());
}, 120_000);
afterAll(async () => {
  await bot?.close();
});

/** The download links the user was sent, newest first. */
const links = (user: string) => allActions(bot, user).filter((a) => a.type === 'uri').map((a) => (a as unknown as { uri: string }).uri);
const keyOf = (uri: string) => JSON.parse(Buffer.from(uri.split('/reports/')[1]!.split('.')[0]!, 'base64url').toString()).k as string;

async function download(uri: string) {
  const res = await fetch(`${bot.url}/reports/${uri.split('/reports/')[1]}`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function ask(user: string, ...answers: string[]) {
  await bot.say(user, 'รายงาน');
  for (const a of answers) await bot.say(user, a);
}

describe('reports delivered in chat', () => {
  it('a district officer asks for รต.2 of a month and gets a card whose link downloads the district PDF; asking again gives the same file', async () => {
    const { lineUserId: a } = await makeUser(bot.services.db, 'rep-district-a', 'DISTRICT_OFFICER', { districtId: 2401 });
    await bot.say(a, 'รายงาน');
    expect(quickLabels(bot, a)).toEqual(['รต.1', 'รต.1 ฟอร์มเปล่า', 'รต.2', 'แบบรับรองประมาณการ']);
    await bot.say(a, 'รต.2');
    const months = quickLabels(bot, a);
    expect(months[0]).toBe('ส.ค. 69');
    expect(months.at(-1)).toBe('ต.ค. 68');
    expect(months.every((l) => l.length <= 20)).toBe(true);
    await bot.say(a, 'ก.ค. 69');
    expect(quickLabels(bot, a)).toEqual(['PDF', 'Excel']);
    await bot.say(a, 'PDF');
    expect(everything(bot, a)).toContain('กำลังจัดทำรต.2');
    expect(bot.fake.requests.some((r) => r.endpoint === 'loading' && r.status < 300)).toBe(true);
    expect(everything(bot, a, 1)).toContain('รายงานพร้อมแล้ว');
    const [uri] = links(a);
    expect(uri).toMatch(/\/reports\/[\w-]+\.[\w-]+$/);
    // PORT=0 and no PUBLIC_BASE_URL: the link names the port the server really listens on
    expect(uri!.startsWith(`http://localhost:${bot.services.port}/reports/`)).toBe(true);
    const file = await download(uri!);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const text = pdfText(file.bytes);
    expect(text).toContain('เมืองฉะเชิงเทรา');
    expect(text).toContain('กรกฎาคม 2569');

    clock.advance(60_000);
    await ask(a, 'รต.2', 'ก.ค. 69', 'PDF');
    const [again] = links(a);
    expect(again).not.toBe(uri);
    expect(keyOf(again!)).toBe(keyOf(uri!));
    expect(bot.fake.rejected()).toEqual([]);
  });

  it("a district officer of another district gets its own district's report and nothing of the first one's", async () => {
    const { lineUserId: a } = await makeUser(bot.services.db, 'rep-district-a', 'DISTRICT_OFFICER', { districtId: 2401 });
    const { lineUserId: b } = await makeUser(bot.services.db, 'rep-district-b', 'DISTRICT_OFFICER', { districtId: 2402 });
    await ask(b, 'รต.2', 'ก.ค. 69', 'PDF');
    const mine = links(b);
    expect(mine).toHaveLength(1);
    expect(links(a).map(keyOf)).not.toContain(keyOf(mine[0]!));
    const text = pdfText((await download(mine[0]!)).bytes);
    expect(text).toContain('บางคล้า');
    expect(text).not.toContain('เมืองฉะเชิงเทรา');
    // typing another type or a province is not a way out of the district
    await ask(b, 'รต.4');
    expect(everything(bot, b, 2)).toContain('กรุณาเลือกรายงานจากปุ่มด้านล่าง');
    await bot.say(b, 'ยกเลิก');
  });

  it('a zone user picks a province of its zone and its รต.4 counts only province-confirmed figures', async () => {
    const db = bot.services.db;
    const entries = await db.$queryRaw<{ id: number }[]>`
      SELECT e.id FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId"
      WHERE p."districtId" = 2401 AND e.month = '2026-07-01' ORDER BY e.id LIMIT 1`;
    await db.salesEntry.update({ where: { id: entries[0]!.id }, data: { status: 'DISTRICT_CONFIRMED', provinceConfirmedAt: null } });
    const sum = async (statuses: string[]) => {
      const [r] = await db.$queryRawUnsafe<{ s: string }[]>(`
        SELECT SUM(e."domesticOffline" + e."domesticOnline" + e."exportOffline" + e."exportOnline")::text AS s
        FROM "SalesEntry" e JOIN "Producer" p ON p.id = e."producerId"
        WHERE p."districtId" = 2401 AND e.month = '2026-07-01' AND e.status::text = ANY($1::text[])`, statuses);
      return BigInt(r!.s);
    };
    const confirmed = formatBaht(await sum(['PROVINCE_CONFIRMED']), { decimals: 2 });
    const withUnconfirmed = formatBaht(await sum(['PROVINCE_CONFIRMED', 'DISTRICT_CONFIRMED']), { decimals: 2 });
    const province = await db.province.findUniqueOrThrow({ where: { id: 24 } });
    const { lineUserId: z } = await makeUser(db, 'rep-zone', 'ZONE_ADMIN', { zoneId: province.zoneId });
    const other = await db.province.findFirstOrThrow({ where: { zoneId: { not: province.zoneId } } });
    await ask(z, 'รต.4', other.nameTh);
    expect(everything(bot, z, 2)).toContain('ไม่พบจังหวัด');
    await bot.say(z, 'ฉะเชิงเทรา');
    await bot.say(z, 'ก.ค. 69');
    await bot.say(z, 'PDF');
    const [uri] = links(z);
    const text = pdfText((await download(uri!)).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('ฉะเชิงเทรา');
    expect(text).toContain(confirmed);
    expect(text).not.toContain(withUnconfirmed);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a report asked for just before a crash (request committed, file never made) arrives once when pending requests are picked up', async () => {
    const db = bot.services.db;
    const { lineUserId: a } = await makeUser(db, 'rep-crash', 'DISTRICT_OFFICER', { districtId: 2401 });
    await ask(a, 'รต.2', 'ก.ค. 69', 'Excel');
    const asked = await db.reportRequest.findFirstOrThrow({ where: { lineUserId: a } });
    expect(asked).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(links(a)).toHaveLength(1);
    // As a crash between the conversation's commit and the delivery leaves it: the request recorded, nothing queued.
    await db.reportRequest.create({
      data: { key: `${asked.key}-crashed`, lineUserId: a, request: asked.request as object, createdAt: new Date(clock.now().getTime() - 120_000) },
    });
    await db.reportRequest.create({ data: { key: `${asked.key}-fresh`, lineUserId: a, request: asked.request as object, createdAt: clock.now() } });
    expect(await bot.services.reports.resume()).toBe(1); // the fresh one may be in delivery elsewhere: left alone
    await bot.services.dispatcher.idle();
    expect(links(a)).toHaveLength(2);
    expect(everything(bot, a, 1)).toContain('รายงานพร้อมแล้ว');
    expect(await bot.services.reports.resume(0)).toBe(1);
    expect(await bot.services.reports.resume(0)).toBe(0);
    await bot.services.dispatcher.idle();
    expect(links(a)).toHaveLength(3);
    expect(await db.reportRequest.count({ where: { lineUserId: a, status: 'PENDING' } })).toBe(0);
    const [file] = links(a);
    expect((await download(file!)).type).toContain('spreadsheetml');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a department user gets the national summary with no province to pick; a zone user gets its own zone only; a province officer is not offered it', async () => {
    const db = bot.services.db;
    const { lineUserId: d } = await makeUser(db, 'rep-dept', 'DEPARTMENT_ADMIN', {});
    await bot.say(d, 'รายงาน');
    expect(quickLabels(bot, d)).toContain('สรุปรายเขต/ประเทศ');
    await bot.say(d, 'สรุปรายเขต/ประเทศ');
    expect(quickLabels(bot, d)[0]).toBe('ส.ค. 69'); // straight to the month
    await bot.say(d, 'ก.ค. 69');
    await bot.say(d, 'PDF');
    const [uri] = links(d);
    const text = pdfText((await download(uri!)).bytes).replace(/\s+/g, '');
    expect(text).toContain('ทั่วประเทศ');
    expect(text).toContain('รวมทั้งหมด');
    expect(text).toContain('นนทบุรี');

    const province = await db.province.findUniqueOrThrow({ where: { id: 24 }, include: { zone: true } });
    const { lineUserId: z } = await makeUser(db, 'rep-zone-summary', 'ZONE_ADMIN', { zoneId: province.zoneId });
    await ask(z, 'สรุปรายเขต/ประเทศ', 'ก.ค. 69', 'Excel');
    const [zuri] = links(z);
    const file = await download(zuri!);
    expect(file.type).toContain('spreadsheetml');
    const outside = await db.province.findFirstOrThrow({ where: { zoneId: { not: province.zoneId } } });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('ฉะเชิงเทรา');
    expect(cells).not.toContain(outside.nameTh);

    const { lineUserId: p } = await makeUser(db, 'rep-province', 'PROVINCE_OFFICER', { provinceId: 24 });
    await bot.say(p, 'รายงาน');
    expect(quickLabels(bot, p)).toContain('เป้าหมายและคะแนน');
    expect(quickLabels(bot, p)).not.toContain('สรุปรายเขต/ประเทศ');
    await bot.say(p, 'ยกเลิก');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
