import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { explore } from './explore.js';
import { LONG_INPUTS } from './fuzz-strings.js';
import { businessFingerprint, fuzzStep, type CapturedStep } from './harness.js';

const clock = testClock('2026-11-02T03:00:00Z');
const USERS = 25;
// 300 random strings (plus the long inputs) per step: about 9,000 events over the officers' ~30 steps, as many as
// the sales-entry fuzz sends. FUZZ_STRINGS=1000 for a deeper run by hand.
const STRINGS = Number(process.env.FUZZ_STRINGS ?? 300);
let bot: TestBot;
const found: { role: string; fuzzers: string[]; steps: CapturedStep[] }[] = [];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const district = await makeUser(db, 'fo-district', 'DISTRICT_OFFICER', { districtId: 2401 }, 'สมชาย');
  const province = await makeUser(db, 'fo-province', 'PROVINCE_OFFICER', { provinceId: 24 }, 'สมศรี');
  const entry = (producerId: number, status: 'SUBMITTED' | 'DISTRICT_CONFIRMED' | 'PROVINCE_CONFIRMED', month = '2026-10-01') =>
    db.salesEntry.create({ data: { producerId, month: new Date(month), category: 'FOOD', domesticOffline: 50_000_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, status, enteredById: district.user.id } });
  for (let i = 0; i < 12; i++) {
    const p = await makeProducer(db, { districtId: 2401, name: `กลุ่มทดสอบลำดับ ${i}` });
    if (i < 8) await entry(p.id, i < 5 ? 'SUBMITTED' : 'DISTRICT_CONFIRMED');
    await entry(p.id, 'PROVINCE_CONFIRMED', '2026-09-01');
  }
  await db.districtMonth.create({ data: { districtId: 2401, month: new Date('2026-09-01'), provinceConfirmedAt: new Date('2026-10-05'), provinceConfirmedById: province.user.id } });
  const p2 = await makeProducer(db, { districtId: 2402 });
  await entry(p2.id, 'DISTRICT_CONFIRMED');
  await db.unlockRequest.create({ data: { districtId: 2401, month: new Date('2026-09-01'), reason: 'ยอดผิด', requestedById: district.user.id } });

  const plan = [
    { role: 'district officer', driver: district.lineUserId, scope: { districtId: 2401 }, dbRole: 'DISTRICT_OFFICER' as const, words: ['ตรวจสอบ/ยืนยัน', 'บันทึกแทนผู้ผลิต', 'สร้างรหัสเชิญ', 'ขอปลดล็อก', 'ความคืบหน้า', 'ลงทะเบียนผู้ผลิต'] },
    { role: 'province officer', driver: province.lineUserId, scope: { provinceId: 24 }, dbRole: 'PROVINCE_OFFICER' as const, words: ['ยืนยันระดับจังหวัด', 'คำขอปลดล็อก', 'สร้างรหัสเชิญ', 'ความคืบหน้า'] },
  ];
  for (const p of plan) {
    const steps = await explore(bot, p.driver, p.words, { walks: 4, depth: 8, seed: 7 });
    const fuzzers: string[] = [];
    for (let i = 0; i < USERS; i++) fuzzers.push((await makeUser(db, `fo-${p.role}-${i}`, p.dbRole, p.scope)).lineUserId);
    found.push({ role: p.role, fuzzers, steps });
  }
}, 300_000);
afterAll(async () => {
  await bot?.close();
});

describe(`${STRINGS} random strings at every step of the officers\u2019 conversations`, () => {
  it('the walk reaches the steps of review, confirmation, unlock, producer picking, registration and invites', () => {
    const flows = new Set(found.flatMap((f) => f.steps.map((s) => s.flow)));
    expect([...flows].sort()).toEqual(expect.arrayContaining(['district-review', 'province-review', 'unlock-request', 'pick-producer', 'register-producer', 'invite']));
    expect(found.reduce((n, f) => n + f.steps.length, 0)).toBeGreaterThanOrEqual(12);
  });

  it('no crash, always an answer, and no business data changes', async () => {
    const before = await businessFingerprint(bot);
    const errors: string[] = [];
    let total = 0;
    let seed = 5000;
    for (const f of found) {
      for (const step of f.steps) {
        const b0 = await businessFingerprint(bot);
        const r = await fuzzStep(bot, f.fuzzers, step, { strings: STRINGS, seed: seed++, fixed: LONG_INPUTS });
        total += r.sent;
        errors.push(...r.errors);
        if ((await businessFingerprint(bot)) !== b0) errors.push(`stored change at ${step.flow}:${step.step}`);
      }
    }
    expect(errors.slice(0, 10)).toEqual([]);
    expect(total).toBe(STRINGS * found.reduce((n, f) => n + f.steps.length, 0));
    expect(await businessFingerprint(bot)).toBe(before);
    expect(bot.fake.rejected().map((r) => `${r.error} ${JSON.stringify(r.details ?? '')}`.slice(0, 300))).toEqual([]);
  }, 900_000);
});
