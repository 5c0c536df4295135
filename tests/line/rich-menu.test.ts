import { messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/generated/enums.js';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import type { LineClients } from '../../src/line/messenger.js';
import { RICH_MENU_ROLES, richMenuDesign } from '../../src/line/rich-menu-design.js';
import { createRichMenus, type RichMenuLog } from '../../src/line/rich-menu.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TOKEN = 'rich-menu-test-token';
const USER_1 = `U${'1'.repeat(32)}`;
const USER_2 = `U${'2'.repeat(32)}`;

let fake: LineFake;
let tdb: TestDatabase;
let clients: LineClients;
let warnings: string[];
const log: RichMenuLog = { info: () => {}, warn: (msg) => warnings.push(msg) };

const count = (endpoint: string, status = 200) => fake.requests.filter((r) => r.endpoint === endpoint && r.status === status).length;
const menus = () => createRichMenus(tdb.db, clients, { log });

beforeAll(async () => {
  fake = await startLineFake({ channelAccessToken: TOKEN });
  tdb = await createTestDatabase();
  clients = {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: fake.url }),
  };
});

afterAll(async () => {
  await fake?.close();
  await tdb?.drop();
});

beforeEach(async () => {
  fake.reset();
  warnings = [];
  await tdb.db.richMenu.deleteMany();
  await tdb.db.user.deleteMany({ where: { lineUserId: { in: [USER_1, USER_2] } } });
});

describe('createRichMenus', () => {
  it('creates the menu, uploads its image and records it on first use', async () => {
    const id = await menus().menuFor('PRODUCER');
    expect(count('richmenu.create')).toBe(1);
    expect(count('richmenu.upload')).toBe(1); // the fake checked PNG type, 2500×843 and ≤ 1 MB
    const entry = fake.richMenus.get(id);
    expect(entry?.contentType).toBe('image/png');
    expect({ width: entry?.image?.readUInt32BE(16), height: entry?.image?.readUInt32BE(20) }).toEqual({ width: 2500, height: 843 });
    expect(entry?.menu).toEqual(richMenuDesign('PRODUCER').menu);
    const row = await tdb.db.richMenu.findUnique({ where: { role: 'PRODUCER' } });
    expect(row).toMatchObject({ richMenuId: id, designHash: richMenuDesign('PRODUCER').designHash });
  });

  it('reuses the stored menu, also after a restart', async () => {
    const first = menus();
    const id = await first.menuFor('DISTRICT_OFFICER');
    expect(await first.menuFor('DISTRICT_OFFICER')).toBe(id);
    expect(await menus().menuFor('DISTRICT_OFFICER')).toBe(id); // a new instance = a restarted process
    expect(count('richmenu.create')).toBe(1);
    expect(count('richmenu.upload')).toBe(1);
  });

  it('creates one menu for concurrent calls in one process', async () => {
    const rm = menus();
    const ids = await Promise.all(Array.from({ length: 8 }, () => rm.menuFor('PROVINCE_OFFICER')));
    expect(new Set(ids).size).toBe(1);
    expect(count('richmenu.create')).toBe(1);
    expect(fake.richMenus.size).toBe(1);
  });

  it('lets the stored row win when two processes race, deleting the loser', async () => {
    const [a, b] = await Promise.all([menus().menuFor('ZONE_ADMIN'), menus().menuFor('ZONE_ADMIN')]);
    expect(a).toBe(b);
    const row = await tdb.db.richMenu.findUnique({ where: { role: 'ZONE_ADMIN' } });
    expect(row?.richMenuId).toBe(a);
    expect([...fake.richMenus.keys()]).toEqual([a]); // at most one extra menu was created, and it was deleted
    expect(count('richmenu.delete')).toBe(count('richmenu.create') - 1); // in practice both create: 2 and 1
  });

  it('recreates a changed design, moves the role’s users to it and deletes the old menu', async () => {
    const role: Role = 'DEPARTMENT_ADMIN';
    const oldId = await menus().menuFor(role);
    await tdb.db.user.create({ data: { lineUserId: USER_1, role } });
    await clients.api.linkRichMenuIdToUser(USER_1, oldId);
    await tdb.db.richMenu.update({ where: { role }, data: { designHash: 'an-older-design' } });

    const rm = menus();
    const newId = await rm.menuFor(role);
    await rm.idle();
    expect(newId).not.toBe(oldId);
    expect(count('richmenu.create')).toBe(2);
    expect(fake.richMenus.has(oldId)).toBe(false);
    expect(fake.richMenus.has(newId)).toBe(true);
    expect(fake.userRichMenu.get(USER_1)).toBe(newId);
    const row = await tdb.db.richMenu.findUnique({ where: { role } });
    expect(row).toMatchObject({ richMenuId: newId, designHash: richMenuDesign(role).designHash });
    expect(warnings).toEqual([]);
  });

  it('ignores an old menu that is already gone from LINE', async () => {
    const oldId = await menus().menuFor('PRODUCER');
    await clients.api.deleteRichMenu(oldId);
    await tdb.db.richMenu.update({ where: { role: 'PRODUCER' }, data: { designHash: 'an-older-design' } });
    const rm = menus();
    const newId = await rm.menuFor('PRODUCER');
    await rm.idle();
    expect(fake.richMenus.has(newId)).toBe(true);
    expect(fake.requests.filter((r) => r.endpoint === 'richmenu.delete').map((r) => r.status)).toEqual([200, 404]);
    expect(warnings).toEqual([]);
  });

  it('deletes a menu whose image upload failed and stores nothing', async () => {
    fake.failNext('richmenu.upload', 500);
    const rm = menus();
    await expect(rm.menuFor('PRODUCER')).rejects.toThrow();
    expect(fake.richMenus.size).toBe(0);
    expect(await tdb.db.richMenu.count()).toBe(0);
    const id = await rm.menuFor('PRODUCER'); // a failed attempt is not memoised
    expect(fake.richMenus.get(id)?.image).toBeDefined();
  });

  it('gives every role a menu that users can be linked to', async () => {
    const rm = menus();
    for (const role of RICH_MENU_ROLES) {
      const id = await rm.menuFor(role);
      await clients.api.linkRichMenuIdToUser(USER_2, id); // 400 from the fake if the menu had no image
      expect(fake.userRichMenu.get(USER_2)).toBe(id);
    }
    expect(count('richmenu.upload')).toBe(RICH_MENU_ROLES.length);
    expect(fake.rejected()).toEqual([]);
  });
});
