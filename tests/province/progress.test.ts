import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeUser, testClock } from '../support/people.js';
import { addEntries, buttons, everything, press } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let amphoe: string;
let prov: string;
let zone: string;
let dept: string;

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const a = await makeUser(db, 'amphoe-2401', 'DISTRICT_OFFICER', { districtId: 2401 }, 'พัฒนากรเมือง');
  amphoe = a.lineUserId;
  prov = (await makeUser(db, 'prov-a', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี')).lineUserId;
  zone = (await makeUser(db, 'zone-3', 'ZONE_ADMIN', { zoneId: 3 }, 'ศูนย์เขต 3')).lineUserId;
  dept = (await makeUser(db, 'dept', 'DEPARTMENT_ADMIN', {}, 'กรมฯ')).lineUserId;
  const by = a.user.id;
  // เมืองฉะเชิงเทรา, fiscal 2569: March (round 1), August confirmed, September partly confirmed
  await addEntries(db, { districtId: 2401, month: '2026-03', statuses: ['PROVINCE_CONFIRMED'], by, baht: 1_000_000 });
  await addEntries(db, { districtId: 2401, month: '2026-08', statuses: ['PROVINCE_CONFIRMED'], by, baht: 300_000 });
  await addEntries(db, { districtId: 2401, month: '2026-09', statuses: ['DISTRICT_CONFIRMED'], by, baht: 200_000 });
  await addEntries(db, { districtId: 2401, month: '2026-09', statuses: ['SUBMITTED'], by, baht: 100_000 });
  await db.target.create({
    data: {
      fiscalYear: 2569, round: 'ROUND_2', districtId: 2401, baseline: 400_000_00n, baselineFiscalYear: 2568, source: 'ทดสอบ',
      levels: { create: [{ level: 1, label: 'ขั้นต้น', threshold: 500_000_00n }, { level: 2, label: 'มาตรฐาน', threshold: 700_000_00n }, { level: 3, label: 'ขั้นสูง', threshold: 900_000_00n }] },
    },
  });
  // ท่าตะเกียบ, October: confirmed by the district, waiting for the province
  await addEntries(db, { districtId: 2410, statuses: ['DISTRICT_CONFIRMED', 'DISTRICT_CONFIRMED'], by, baht: 150_000 });
  await db.target.create({
    data: {
      fiscalYear: 2570, round: 'FULL_YEAR', provinceId: 24, baseline: 1_000_000_00n, baselineFiscalYear: 2569, source: 'ทดสอบ',
      levels: { create: [1, 2, 3, 4, 5].map((n) => ({ level: n, label: `คะแนน ${n}`, growthBasisPoints: 1500 + 100 * n })) },
    },
  });
});
afterAll(async () => {
  await bot?.close();
});

describe('progress', () => {
  it('district officer sees its district by status, the year to date and the level of its round target', async () => {
    await bot.say(amphoe, 'ความคืบหน้า');
    expect(bot.take(amphoe).join('\n')).toContain('ความคืบหน้า อำเภอเมืองฉะเชิงเทรา เดือนตุลาคม 2569: ยอดรวม 0 บาท');
    await press(bot, amphoe, '◀ เดือนก่อน', '', 1);
    const card = everything(bot, amphoe, 1);
    expect(card).toContain('ยอดรวม 300,000 บาท สะสมปีงบประมาณ 2569 1,600,000 บาท');
    expect(card).toMatch(/อำเภอยืนยันแล้ว รอจังหวัด\n200,000 บาท/);
    expect(card).toMatch(/รออำเภอยืนยัน\n100,000 บาท/);
    expect(card).toMatch(/ยอดสะสมในรอบ\n600,000 บาท/); // August + September; March is round 1
    expect(card).toMatch(/เป้าหมายรอบที่ 2 \(เม\.ย\.–ก\.ย\.\)\nถึงระดับ ขั้นต้น/);
    expect(card).toMatch(/ขาดอีกถึง มาตรฐาน\n100,000 บาท/);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('department sees a province\'s October total only after the province confirmed it', async () => {
    await bot.say(dept, 'ความคืบหน้า');
    const before = everything(bot, dept, 1);
    expect(before).toContain('ความคืบหน้า ทั่วประเทศ เดือนตุลาคม 2569: ยอดที่จังหวัดยืนยันแล้ว 0 บาท');
    expect(before).not.toContain('ฉะเชิงเทรา');
    await bot.say(zone, 'ความคืบหน้า');
    const zoneBefore = everything(bot, zone, 1);
    expect(zoneBefore).toContain('ความคืบหน้า เขต 3 เดือนตุลาคม 2569: ยอดที่จังหวัดยืนยันแล้ว 0 บาท');
    expect(zoneBefore).toMatch(/ฉะเชิงเทรา\n0 \/ 0/);

    await bot.say(prov, 'ความคืบหน้า');
    const provCard = everything(bot, prov, 1);
    expect(provCard).toContain('ยอดรวม 300,000 บาท'); // the province sees what its districts confirmed
    expect(provCard).toMatch(/ท่าตะเกียบ\n300,000 \/ 300,000/);
    expect(provCard).toMatch(/เป้าหมายทั้งปี\nยังไม่ถึง คะแนน 1/);
    expect(provCard).toMatch(/ขาดอีกถึง คะแนน 1\n860,000 บาท/); // 1,000,000 + 16% − 300,000

    await bot.say(prov, 'ยืนยันระดับจังหวัด');
    await press(bot, prov, 'ยืนยัน', 'd=2410');
    await press(bot, prov, 'ยืนยันข้อมูลอำเภอนี้');
    expect(bot.take(prov).join('\n')).toContain('ยืนยันข้อมูลอำเภอท่าตะเกียบ เดือนตุลาคม 2569 แล้ว');

    await bot.say(dept, 'ความคืบหน้า');
    const after = everything(bot, dept, 1);
    expect(after).toContain('ยอดที่จังหวัดยืนยันแล้ว 300,000 บาท');
    // one district of eleven: the province is not confirmed yet, it is shown as partial
    expect(after).toMatch(/จังหวัดที่ยืนยันครบทุกอำเภอ\n0 จาก 76 จังหวัด/);
    expect(after).toContain('ยืนยันบางอำเภอ: ฉะเชิงเทรา 1/11 อำเภอ');
    expect(after).toMatch(/ฉะเชิงเทรา\n1\/11 อำเภอ/);
    expect(after).toMatch(/เขต 3\n300,000 \/ 300,000/);
    expect(after).toMatch(/ฉะเชิงเทรา\n300,000 \/ 300,000/);
    await bot.say(zone, 'ความคืบหน้า');
    const zoneAfter = everything(bot, zone, 1);
    expect(zoneAfter).toMatch(/ฉะเชิงเทรา\n300,000 \/ 300,000/);
    expect(zoneAfter).toMatch(/จังหวัดที่ยืนยันครบทุกอำเภอ\n0 จาก 5 จังหวัด/);
    expect(zoneAfter).toContain('ฉะเชิงเทรา 1/11 อำเภอ');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('the department drills down to a province’s districts in exact baht, seeing only what the province confirmed', async () => {
    // ท่าตะเกียบ's October was confirmed above; บางน้ำเปรี้ยว has October entries the province has not confirmed
    const by = (await bot.services.db.user.findUniqueOrThrow({ where: { lineUserId: amphoe } })).id;
    await addEntries(bot.services.db, { districtId: 2403, statuses: ['DISTRICT_CONFIRMED'], by, baht: 123_456 });
    await bot.say(dept, 'ความคืบหน้า');
    await press(bot, dept, 'ดูรายเขต', '', 1);
    const zones = everything(bot, dept, 2);
    expect(zones).toContain('ความคืบหน้ารายเขต เดือนตุลาคม 2569');
    expect(zones).toMatch(/เขต 3\nเดือนนี้ 300,000 บาท · สะสม 300,000 บาท/);
    await press(bot, dept, 'ดูรายจังหวัด', 'z=3', 2);
    expect(everything(bot, dept, 1)).toContain('ความคืบหน้า เขต 3 เดือนตุลาคม 2569: ยอดที่จังหวัดยืนยันแล้ว 300,000 บาท');
    await press(bot, dept, 'จ.ฉะเชิงเทรา', '', 1);

    const card = everything(bot, dept, 1);
    expect(card).toContain('ความคืบหน้า จังหวัดฉะเชิงเทรา เดือนตุลาคม 2569: ยอดที่จังหวัดยืนยันแล้ว 300,000 บาท');
    expect(card).toContain('รายอำเภอ (เดือนนี้ / สะสม บาท)');
    expect(card).toMatch(/ท่าตะเกียบ\n300,000 \/ 300,000/);
    expect(card).toMatch(/บางน้ำเปรี้ยว\n0 \/ 0/); // 123,456 awaits the province: not visible to the department
    expect(card).not.toContain('123,456');
    expect(card).toMatch(/เมืองฉะเชิงเทรา\n0 \/ 0/); // its fiscal-2569 figures are in the previous fiscal year
    expect(card).not.toMatch(/ล้าน/); // one format on the card: exact baht
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('a zone admin drills into its provinces only; another zone’s province is refused', async () => {
    await bot.say(zone, 'ความคืบหน้า');
    await press(bot, zone, 'จ.ฉะเชิงเทรา', '', 1);
    expect(everything(bot, zone, 1)).toMatch(/ท่าตะเกียบ\n300,000 \/ 300,000/);
    expect(everything(bot, zone, 1)).not.toContain('123,456');
    await bot.tap(zone, { action: 'start', params: { flow: 'progress', m: '2026-10', p: '50' } }); // เชียงใหม่, zone 13
    const refused = bot.take(zone).at(-1)!;
    expect(refused).not.toContain('เชียงใหม่');
    expect(refused).not.toContain('ความคืบหน้า จังหวัด');
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('every level browses any month of the current and previous fiscal year, and no further back', async () => {
    await bot.say(amphoe, 'ความคืบหน้า');
    await press(bot, amphoe, 'เลือกเดือน', '', 1);
    const picker = buttons(bot, amphoe, 1).map((b) => b.label);
    expect(picker).toEqual(['ตุลาคม 2569', 'ปีงบประมาณ 2569']); // fiscal 2570 has only October so far
    await press(bot, amphoe, 'ปีงบประมาณ 2569', '', 1);
    const previous = buttons(bot, amphoe, 1).map((b) => b.label);
    expect(previous).toHaveLength(13);
    expect(previous[0]).toBe('ตุลาคม 2568');
    expect(previous[11]).toBe('กันยายน 2569');
    expect(previous[12]).toBe('ปีงบประมาณ 2570');
    await press(bot, amphoe, 'มีนาคม 2569', '', 1);
    expect(everything(bot, amphoe, 1)).toContain('ความคืบหน้า อำเภอเมืองฉะเชิงเทรา เดือนมีนาคม 2569: ยอดรวม 1,000,000 บาท');

    for (const [who, user] of [['zone', zone], ['department', dept], ['province', prov]] as const) {
      await bot.tap(user, { action: 'start', params: { flow: 'progress', m: '2025-10' } });
      expect(everything(bot, user, 1), who).toContain('เดือนตุลาคม 2568');
      expect(buttons(bot, user, 1).map((b) => b.label), who).not.toContain('◀ เดือนก่อน'); // the first month offered
    }
    await bot.tap(dept, { action: 'start', params: { flow: 'progress', m: '2025-09' } });
    expect(everything(bot, dept, 2)).toContain('ดูย้อนหลังได้ถึงเดือนตุลาคม 2568');
    expect(bot.fake.rejected()).toEqual([]);
  });
});
