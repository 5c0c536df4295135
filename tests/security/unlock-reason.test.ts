// An unlock card tapped by someone who may not decide unlocks is told the true reason (only the district's province
// officer decides), not "another province"; the request stays pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/generated/enums.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeProducer, makeUser, testClock } from '../support/people.js';
import { lockedMonth } from '../province/helpers.js';
import { count, printTallies } from './helpers.js';

const clock = testClock('2026-11-02T03:00:00Z');
let bot: TestBot;
let requestId = 0;
const who = new Map<Role, string>();

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
  const db = bot.services.db;
  const officer = await makeUser(db, 'ur-amphoe', 'DISTRICT_OFFICER', { districtId: 2401 });
  who.set('DISTRICT_OFFICER', officer.lineUserId);
  const p = await makeProducer(db, { districtId: 2401 });
  who.set('PRODUCER', (await makeUser(db, 'ur-producer', 'PRODUCER', { producerId: p.id })).lineUserId);
  who.set('ZONE_ADMIN', (await makeUser(db, 'ur-zone', 'ZONE_ADMIN', { zoneId: 3 })).lineUserId);
  who.set('DEPARTMENT_ADMIN', (await makeUser(db, 'ur-dept', 'DEPARTMENT_ADMIN', {})).lineUserId);
  await lockedMonth(db, { districtId: 2401, by: officer.user.id, month: '2026-09' });
  requestId = (await db.unlockRequest.create({ data: { districtId: 2401, month: new Date('2026-09-01'), reason: 'ยอดผิด', requestedById: officer.user.id } })).id;
});
afterAll(async () => {
  printTallies();
  await bot?.close();
});

describe('unlock card tapped by the wrong role', () => {
  it.each(['DISTRICT_OFFICER', 'PRODUCER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'] as Role[])('%s is told only the province officer decides', async (role) => {
    const line = who.get(role)!;
    await bot.tap(line, { action: 'unlock-approve', params: { id: String(requestId) } });
    const said = bot.take(line).join('\n');
    expect(said).toContain('เฉพาะเจ้าหน้าที่จังหวัด');
    expect(said).not.toContain('จังหวัดอื่น');
    expect((await bot.services.db.unlockRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('PENDING');
    count('unlock card by the wrong role', { refused: true });
  });
});
