// A province loads fiscal-2570 round-1 targets (the CLI's import), districts confirm October, the province confirms,
// and each officer's "เป้าหมาย" card shows the level reached and what is missing — through signed webhooks.
import { acceptPreview } from '../district-review/helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTargetFile } from '../../src/cli/targets/import-file.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { addEntries } from '../province/helpers.js';
import { everything, lastCardText, press } from '../support/screen.js';

const clock = testClock('2026-11-02T03:00:00Z'); // reporting month: ตุลาคม 2569, fiscal 2570 round 1
let bot: TestBot;
let muang: string;
let thaTakiap: string;
let prov: string;
let dept: string;
let producer: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'targets-chat-'));

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const a = await makeUser(db, 'amphoe-2401', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากรเมือง');
  muang = a.lineUserId;
  thaTakiap = (await makeUser(db, 'amphoe-2410', 'DISTRICT_OFFICER', { districtId: 2410 }, 'พัฒนากรท่าตะเกียบ')).lineUserId;
  prov = (await makeUser(db, 'prov-24', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  dept = (await makeUser(db, 'dept', 'DEPARTMENT_ADMIN', {}, 'กรมฯ')).lineUserId;
  const [entry] = await addEntries(db, { districtId: 2401, statuses: ['SUBMITTED'], by: a.user.id, baht: 600_000 });
  producer = (await makeUser(db, 'producer-x', 'PRODUCER', { producerId: entry!.producerId })).lineUserId;
  await addEntries(db, { districtId: 2401, statuses: ['SUBMITTED'], by: a.user.id, baht: 600_000 });
  await addEntries(db, { districtId: 2410, statuses: ['SUBMITTED'], by: a.user.id, baht: 550_000 });
  const now = clock.now();
  const districts = await importTargetFile(db, {
    file: csv('districts.csv', 'ที่,อำเภอ,ขั้นต้น,ขั้นมาตรฐาน,ขั้นสูง\n1,อ.เมืองฉะเชิงเทรา,"1,000,000","2,000,000","3,000,000"\n2,อำเภอ ท่าตะเกียบ,๕๐๐๐๐๐,600000,700000\n'),
    fiscalYear: 2570, round: 'ROUND_1', province: 'ฉะเชิงเทรา', now,
  });
  const province = await importTargetFile(db, {
    file: csv('province.csv', 'no,province,target_basic,target_standard,target_advanced\n1,ฉะเชิงเทรา,1500000,2500000,4000000\n'),
    fiscalYear: 2570, round: 'ROUND_1', now,
  });
  expect([districts.ok, province.ok]).toEqual([true, true]);
});
afterAll(async () => {
  await bot?.close();
});

async function districtConfirmsOctober(user: string) {
  await bot.say(user, 'ตรวจสอบ/ยืนยัน');
  await press(bot, user, 'ตุลาคม 2569');
  await press(bot, user, 'ดูรายการ');
  await bot.say(user, 'ยืนยันทั้งหมด');
  await acceptPreview(bot, user); // typed text only previews; the preview's button confirms
}

describe('targets in chat, fiscal 2570 round 1', () => {
  it('before any confirmation a district card shows the tiers and that nothing is confirmed yet', async () => {
    await bot.say(muang, 'เป้าหมาย');
    const card = lastCardText(bot, muang);
    expect(card).toContain('เป้าหมาย อำเภอเมืองฉะเชิงเทรา');
    expect(card).toMatch(/ระดับที่ได้\nยังไม่ถึงค่าคะแนนระดับ 1/);
    expect(card).toMatch(/ขั้นต้น · 2 คะแนน\n1,000,000 บาท\n/);
    expect(card).toMatch(/ขั้นสูง · 5 คะแนน\n3,000,000 บาท/);
    expect(card).toMatch(/ขาดอีกถึงขั้นต้น\n1,000,000 บาท/);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('right after a district confirms October, the officer sees the new level and what is missing', async () => {
    await districtConfirmsOctober(muang);
    const reply = everything(bot, muang, 2);
    expect(reply).toContain('เป้าหมาย อำเภอเมืองฉะเชิงเทรา รอบที่ 1 (ต.ค.–มี.ค.): ขั้นต้น (2 คะแนน) ยืนยันแล้ว 1,200,000 บาท');
    expect(reply).toMatch(/ยอดที่ยืนยันแล้ว \(1 จาก 6 เดือน\)\n1,200,000 บาท/);
    expect(reply).toMatch(/ขั้นต้น · 2 คะแนน\n1,000,000 บาท ✓/);
    expect(reply).toMatch(/ขาดอีกถึงขั้นมาตรฐาน\n800,000 บาท/);
    expect(reply).toMatch(/ถ้ารักษาระดับนี้ถึงสิ้นรอบ\n7,200,000 บาท → ขั้นสูง \(5\)/);
    await districtConfirmsOctober(thaTakiap);
    expect(everything(bot, thaTakiap, 2)).toMatch(/ขาดอีกถึงขั้นมาตรฐาน\n50,000 บาท/);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the province ranks its districts by level and share of the next tier', async () => {
    await bot.say(prov, 'ความก้าวหน้า');
    const card = lastCardText(bot, prov);
    expect(card).toMatch(/ระดับที่ได้\nขั้นต้น \(2 คะแนน\)/); // 1,750,000 district-confirmed ≥ 1,500,000
    expect(card).toMatch(/ขาดอีกถึงขั้นมาตรฐาน\n750,000 บาท/);
    expect(card).toMatch(/1\. ท่าตะเกียบ\nขั้นต้น \(2\) · 91% ของขั้นมาตรฐาน\n2\. เมืองฉะเชิงเทรา\nขั้นต้น \(2\) · 60% ของขั้นมาตรฐาน\n3\. /);
  });

  it('the department sees nothing of the province until it confirms, then drills down to exact baht', async () => {
    await bot.say(dept, 'เป้าหมาย');
    expect(everything(bot, dept, 1)).toContain('ดูเป้าหมายของจังหวัดใด?');
    await bot.say(dept, 'ฉะเชิงเทร');
    expect(everything(bot, dept, 1)).toContain('ไม่รู้จักจังหวัด "ฉะเชิงเทร" ชื่อที่ใกล้เคียง: ฉะเชิงเทรา');
    await bot.say(dept, 'จ. ฉะเชิงเทรา');
    const before = lastCardText(bot, dept);
    expect(before).toMatch(/ระดับที่ได้\nยังไม่ถึงค่าคะแนนระดับ 1/);
    expect(before).toMatch(/เมืองฉะเชิงเทรา\n0 บาท · ยังไม่ถึงระดับ 1/);

    for (const d of ['2401', '2410']) {
      await bot.say(prov, 'ยืนยันระดับจังหวัด');
      await press(bot, prov, 'ยืนยัน', `d=${d}`);
      await press(bot, prov, 'ยืนยันข้อมูลอำเภอนี้');
    }
    const reply = everything(bot, prov, 4);
    expect(reply).toContain('ยืนยันข้อมูลอำเภอท่าตะเกียบ เดือนตุลาคม 2569 แล้ว');
    expect(reply).toContain('เป้าหมาย จังหวัดฉะเชิงเทรา รอบที่ 1 (ต.ค.–มี.ค.): ขั้นต้น (2 คะแนน) ยืนยันแล้ว 1,750,000 บาท');

    await bot.say(dept, 'เป้าหมาย');
    await bot.say(dept, 'ฉะเชิงเทรา');
    const after = lastCardText(bot, dept);
    expect(after).toMatch(/ยอดที่ยืนยันแล้ว \(1 จาก 6 เดือน\)\n1,750,000 บาท/);
    expect(after).toMatch(/เมืองฉะเชิงเทรา\n1,200,000 บาท · ขั้นต้น \(2\)/);
    expect(after).toMatch(/ท่าตะเกียบ\n550,000 บาท · ขั้นต้น \(2\)/);
    expect(after).toContain('นับเฉพาะยอดที่จังหวัดยืนยันแล้ว');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a producer asking for targets sees its own fiscal year to date', async () => {
    await bot.say(producer, 'ยอดขายของฉัน');
    const mine = everything(bot, producer, 1);
    await bot.say(producer, 'เป้าหมาย');
    expect(mine).toContain('สะสมปีงบประมาณ 2570 600,000 บาท');
    expect(mine).toContain('ไม่มียอดปีที่แล้วให้เทียบ');
    expect(everything(bot, producer, 1)).toBe(mine);
  });
});
