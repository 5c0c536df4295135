// Local mode after a restart: the built-in LINE fake starts empty, so the rich menus stored in the database are
// unknown to it ("The richmenu is not found", HTTP 400 on link). The bot creates them again and links the person,
// with no error logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/bot/dispatcher.js';
import { LOCAL_CHANNEL_SECRET, loadConfig } from '../../src/config.js';
import { createInvite } from '../../src/domain/invites.js';
import { startServices, type Services } from '../../src/services.js';
import { eventId, lineUserId, sign } from '../support/bot.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let database: TestDatabase;
let services: Services | null = null;
const problems: string[] = [];
const log: Logger = { info: () => {}, warn: (m, x) => problems.push(`${m} ${JSON.stringify(x ?? {})}`), error: (m, x) => problems.push(`${m} ${JSON.stringify(x ?? {})}`) };

/** `npm start` in local mode (no LINE credentials): its own LINE fake on a free port, on the test database. */
async function start(): Promise<Services> {
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LINE_FAKE_PORT: '0', CRON: 'off', DEMO_DATA: 'no', LOG_LEVEL: 'silent' });
  expect(config.localMode).toBe(true);
  return (services = await startServices(config, log));
}

async function say(s: Services, user: string, text: string): Promise<void> {
  const body = JSON.stringify({
    destination: 'U' + '0'.repeat(32),
    events: [{ type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: eventId(), deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: user }, replyToken: s.fake!.issueReplyToken(user), message: { type: 'text', id: '1', quoteToken: 'q', text } }],
  });
  const res = await fetch(`http://127.0.0.1:${s.port}/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, LOCAL_CHANNEL_SECRET) }, body,
  });
  expect(res.status).toBe(200);
  await s.dispatcher.idle();
}

const code = async (s: Services, districtId: number) =>
  (await s.db.$transaction((tx) => createInvite(tx, null, { role: 'DISTRICT_OFFICER', districtId }, new Date()))).code;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await services?.close();
  await database?.drop();
});

describe('rich menus after a restart in local mode', () => {
  it('a menu the fresh LINE fake no longer knows is created again and linked, with nothing logged as an error', async () => {
    const first = await start();
    const before = lineUserId('menu-before-restart');
    await say(first, before, await code(first, 2401));
    const oldId = first.fake!.userRichMenu.get(before)!;
    expect(oldId).toBeTruthy();
    await first.close();

    const second = await start(); // a new process: its fake has no menus, the database still names the old one
    expect(second.fake!.richMenus.size).toBe(0);
    expect((await second.db.richMenu.findUniqueOrThrow({ where: { role: 'DISTRICT_OFFICER' } })).richMenuId).toBe(oldId);
    const after = lineUserId('menu-after-restart');

    await say(second, after, await code(second, 2402));

    const newId = second.fake!.userRichMenu.get(after);
    expect(newId).toBeTruthy();
    expect(newId).not.toBe(oldId);
    expect(second.fake!.richMenus.get(newId!)?.image).toBeTruthy();
    expect((await second.db.richMenu.findUniqueOrThrow({ where: { role: 'DISTRICT_OFFICER' } })).richMenuId).toBe(newId);
    const links = second.fake!.requests.filter((r) => r.endpoint === 'richmenu.link').map((r) => r.status);
    expect(links).toEqual([400, 200]); // "The richmenu is not found", then the re-created menu
    expect(problems).toEqual([]);

    // The person bound before the restart comes back (follows again): linked to the same re-created menu.
    const follow = JSON.stringify({
      destination: 'U' + '0'.repeat(32),
      events: [{ type: 'follow', mode: 'active', timestamp: Date.now(), webhookEventId: eventId(), deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId: before }, replyToken: second.fake!.issueReplyToken(before), follow: { isUnblocked: true } }],
    });
    await fetch(`http://127.0.0.1:${second.port}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(follow, LOCAL_CHANNEL_SECRET) }, body: follow });
    await second.dispatcher.idle();
    expect(second.fake!.userRichMenu.get(before)).toBe(newId);
    expect(second.fake!.richMenus.size).toBe(1);
    expect(problems).toEqual([]);
  });
});
