// Every role × every read path: above the province (zone, department) no figure counting an entry the province has
// not confirmed may appear in anything the bot sends, whatever started the flow (typed word or forged postback);
// a person outside the producer's area sees none of its figures; a flow the role may not start is refused at
// start; and nothing of this changes a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCategory, Role, SalesStatus } from '../../src/db/generated/enums.js';
import { rolesForFlow } from '../../src/conversations/start-rights.js';
import { botDefinition } from '../../src/conversations/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { count, forbiddenFigures, leaked, printTallies, snapshot } from './helpers.js';

const clock = testClock('2026-12-02T03:00:00Z'); // November 2026 (fiscal 2570) has just ended
let bot: TestBot;
let producerId = 0;
const people: { name: string; role: Role; line: string; inArea: boolean }[] = [];

const baht = (n: number) => BigInt(n) * 100n;
/** The producer's figures the province confirmed, and those it has not. */
const CONFIRMED = [baht(31_415), baht(50_000)];
const UNCONFIRMED = [baht(70_098), baht(12_345), baht(4_321), baht(23_456)];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const p = await makeProducer(db, { districtId: 2401, name: 'กลุ่มน้ำพริกแม่ศรี', categories: ['FOOD', 'DRINK'] });
  const other = await makeProducer(db, { districtId: 2410, name: 'กลุ่มท่าตะเกียบ' });
  producerId = p.id;
  const add = async (role: Role, seed: string, scope: object, inArea: boolean) => {
    const { lineUserId } = await makeUser(db, seed, role, scope);
    people.push({ name: seed, role, line: lineUserId, inArea });
    return lineUserId;
  };
  await add('PRODUCER', 'sec-producer', { producerId: p.id }, true);
  const officer = await makeUser(db, 'sec-amphoe', 'DISTRICT_OFFICER', { districtId: 2401 });
  people.push({ name: 'sec-amphoe', role: 'DISTRICT_OFFICER', line: officer.lineUserId, inArea: true });
  await add('PROVINCE_OFFICER', 'sec-province', { provinceId: 24 }, true);
  await add('ZONE_ADMIN', 'sec-zone', { zoneId: 3 }, true);
  await add('DEPARTMENT_ADMIN', 'sec-dept', {}, true);
  await add('DISTRICT_OFFICER', 'sec-amphoe-other', { districtId: 2402 }, false);
  await add('PROVINCE_OFFICER', 'sec-province-other', { provinceId: 20 }, false);
  await add('ZONE_ADMIN', 'sec-zone-other', { zoneId: 9 }, false);

  const by = officer.user.id;
  const entry = (pid: number, month: string, category: ProductCategory, amount: bigint, status: SalesStatus) =>
    db.salesEntry.create({
      data: {
        producerId: pid, month: new Date(`${month}-01`), category, status, domesticOffline: amount, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: by,
        ...(status === 'DISTRICT_CONFIRMED' || status === 'PROVINCE_CONFIRMED' ? { districtConfirmedAt: new Date('2026-11-05'), districtConfirmedById: by } : {}),
        ...(status === 'PROVINCE_CONFIRMED' ? { provinceConfirmedAt: new Date('2026-11-06'), provinceConfirmedById: by } : {}),
      },
    });
  await entry(p.id, '2026-10', 'FOOD', CONFIRMED[0]!, 'PROVINCE_CONFIRMED');
  await db.districtMonth.create({ data: { districtId: 2401, month: new Date('2026-10-01'), provinceConfirmedAt: new Date('2026-11-06'), provinceConfirmedById: by } });
  await entry(p.id, '2025-11', 'FOOD', CONFIRMED[1]!, 'PROVINCE_CONFIRMED'); // November a year earlier
  await entry(p.id, '2026-11', 'FOOD', UNCONFIRMED[0]!, 'SUBMITTED');
  await entry(p.id, '2026-09', 'DRINK', UNCONFIRMED[1]!, 'DISTRICT_CONFIRMED');
  await entry(p.id, '2026-11', 'DRINK', UNCONFIRMED[2]!, 'RETURNED');
  await entry(other.id, '2026-11', 'FOOD', UNCONFIRMED[3]!, 'DISTRICT_CONFIRMED');
});
afterAll(async () => {
  printTallies();
  await bot?.close();
});

type Path = { name: string; flow: string | null; run: (line: string) => Promise<void> };
const tapStart = (flow: string, params: Record<string, string> = {}) => (line: string) => bot.tap(line, { action: 'start', params: { flow, ...params } });
const PATHS: Path[] = [
  { name: 'typed ยอดขายของฉัน', flow: 'my-sales', run: (l) => bot.say(l, 'ยอดขายของฉัน') },
  { name: 'postback my-sales of the producer', flow: 'my-sales', run: (l) => tapStart('my-sales', { producerId: String(producerId) })(l) },
  { name: 'typed ความคืบหน้า', flow: 'progress', run: (l) => bot.say(l, 'ความคืบหน้า') },
  ...['2026-11', '2026-10', '2026-09'].map((m): Path => ({ name: `postback progress ${m}`, flow: 'progress', run: tapStart('progress', { m }) })),
  { name: 'typed ตรวจสอบ/ยืนยัน', flow: 'district-review', run: (l) => bot.say(l, 'ตรวจสอบ/ยืนยัน') },
  { name: 'postback district-review', flow: 'district-review', run: tapStart('district-review') },
  { name: 'typed ยืนยันระดับจังหวัด', flow: 'province-review', run: (l) => bot.say(l, 'ยืนยันระดับจังหวัด') },
  { name: 'postback province-review 2026-11', flow: 'province-review', run: tapStart('province-review', { m: '2026-11' }) },
  { name: 'postback sales-entry of the producer', flow: 'sales-entry', run: tapStart('sales-entry', { producerId: String(producerId), month: '2026-11' }) },
  { name: 'postback pick-producer', flow: 'pick-producer', run: tapStart('pick-producer') },
  { name: 'postback register-producer', flow: 'register-producer', run: tapStart('register-producer') },
  { name: 'postback invite', flow: 'invite', run: tapStart('invite') },
  { name: 'postback unlock-request', flow: 'unlock-request', run: tapStart('unlock-request') },
  { name: 'postback unlock-pending', flow: 'unlock-pending', run: tapStart('unlock-pending') },
];
const REFUSAL = /ขออภัย เมนูนี้ใช้ได้สำหรับ|ขออภัย คุณไม่มีสิทธิ์ทำรายการนี้/;

const SEEDS = ['sec-producer', 'sec-amphoe', 'sec-province', 'sec-zone', 'sec-dept', 'sec-amphoe-other', 'sec-province-other', 'sec-zone-other'];

describe('every role × every read path', () => {
  it.each(SEEDS)('%s: zone and department see only province-confirmed figures, outsiders none, and a role may not start what it may not do', async (seed) => {
    const db = bot.services.db;
    const aboveProvince = forbiddenFigures(UNCONFIRMED, CONFIRMED);
    const anyOfTheProducer = forbiddenFigures([...UNCONFIRMED, ...CONFIRMED], []);
    const failures: string[] = [];
    for (const who of people.filter((p) => p.name === seed)) {
      for (const path of PATHS) {
        const before = await snapshot(db);
        const from = bot.fake.messagesTo(who.line).length;
        await path.run(who.line);
        const answer = bot.fake.messagesTo(who.line).slice(from);
        const shown = JSON.stringify(answer);
        if (!answer.length) failures.push(`${who.name} ${path.name}: no answer`);
        await bot.say(who.line, 'ยกเลิก');
        bot.take(who.line);
        const after = await snapshot(db);
        const mustNotShow = !who.inArea ? anyOfTheProducer : who.role === 'ZONE_ADMIN' || who.role === 'DEPARTMENT_ADMIN' ? aboveProvince : [];
        const leaks = leaked(shown, mustNotShow);
        const mayStart = path.flow === null || (rolesForFlow(path.flow) ?? []).includes(who.role);
        const refused = REFUSAL.test(shown);
        if (leaks.length) failures.push(`${who.name} ${path.name}: showed ${leaks.join(', ')}`);
        if (!mayStart && !refused) failures.push(`${who.name} ${path.name}: not refused: ${shown.slice(0, 300)}`);
        if (before !== after) failures.push(`${who.name} ${path.name}: rows changed`);
        count('role × read path', { refused: !mayStart && refused, leaked: leaks.length > 0, changed: before !== after });
      }
    }
    expect(failures).toEqual([]);
    expect(bot.fake.rejected()).toEqual([]);
  }, 120_000);

  it('the zone user sees the confirmed figures of its area (the check above can fail)', async () => {
    const zone = people.find((p) => p.name === 'sec-zone')!.line;
    await tapStart('my-sales', { producerId: String(producerId) })(zone);
    const shown = JSON.stringify(bot.fake.messagesTo(zone).at(-1));
    expect(leaked(shown, ['31,415'])).toEqual(['31,415']);
    expect(leaked(shown, forbiddenFigures(UNCONFIRMED, CONFIRMED))).toEqual([]);
    const province = people.find((p) => p.name === 'sec-province')!.line;
    await tapStart('my-sales', { producerId: String(producerId) })(province);
    expect(leaked(JSON.stringify(bot.fake.messagesTo(province).at(-1)), ['70,098'])).toEqual(['70,098']);
  });

  it('every flow of the bot declares who may start it', () => {
    const undeclared = botDefinition({ db: bot.services.db }).flows.map((f) => f.name).filter((name) => rolesForFlow(name) === null);
    expect(undeclared).toEqual([]);
  });
});
