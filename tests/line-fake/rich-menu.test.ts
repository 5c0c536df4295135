import { randomBytes } from 'node:crypto';
import type { messagingApi } from '@line/bot-sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { clients, expectDetail, expectLineError, makeJpegHeader, makePng, rawPost, USER_A, USER_B } from './helpers.js';

const fake: LineFake = await startLineFake();
const { api, blob } = clients(fake);
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const officerMenu = (areas = 2): messagingApi.RichMenuRequest => ({
  size: { width: 2500, height: 843 },
  selected: true,
  name: 'officer-menu',
  chatBarText: 'เมนูหลัก',
  areas: Array.from({ length: areas }, (_, i) => ({
    bounds: { x: i * 100, y: 0, width: 100, height: 843 },
    action: { type: 'postback', data: `menu|${i}` },
  })),
});

const png = (width: number, height: number): Blob => new Blob([makePng(width, height)], { type: 'image/png' });

async function menuWithImage(): Promise<string> {
  const { richMenuId } = await api.createRichMenu(officerMenu());
  await blob.setRichMenuImage(richMenuId, png(2500, 843));
  return richMenuId;
}

describe('rich menu flow', () => {
  it('creates a menu, uploads its PNG, links it to a user and lists it', async () => {
    const { richMenuId } = await api.createRichMenu(officerMenu());
    await blob.setRichMenuImage(richMenuId, png(2500, 843));
    await api.linkRichMenuIdToUser(USER_A, richMenuId);
    const { richmenus } = await api.getRichMenuList();

    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect(fake.userRichMenu.get(USER_A)).toBe(richMenuId);
    expect(fake.richMenus.get(richMenuId)?.contentType).toBe('image/png');
    expect(fake.richMenus.get(richMenuId)?.image?.equals(makePng(2500, 843))).toBe(true);
    expect(richmenus).toEqual([{ richMenuId, ...officerMenu() }]);
    expect(fake.requests.map((r) => r.endpoint)).toEqual(['richmenu.create', 'richmenu.upload', 'richmenu.link', 'richmenu.list']);
  });

  it('refuses to link a menu that has no image yet, or does not exist, with 400', async () => {
    const { richMenuId } = await api.createRichMenu(officerMenu());

    await expectLineError(api.linkRichMenuIdToUser(USER_A, richMenuId), 400);
    await expectLineError(api.linkRichMenuIdToUser(USER_A, 'richmenu-missing'), 400);
    expect(fake.userRichMenu.size).toBe(0);
  });

  it('unlinks a user, sets a default menu, and deleting a menu drops its links and default', async () => {
    const richMenuId = await menuWithImage();
    await api.linkRichMenuIdToUser(USER_A, richMenuId);
    await api.linkRichMenuIdToUser(USER_B, richMenuId);
    await api.unlinkRichMenuIdFromUser(USER_A);
    await api.setDefaultRichMenu(richMenuId);

    expect([...fake.userRichMenu]).toEqual([[USER_B, richMenuId]]);
    expect(fake.defaultRichMenuId).toBe(richMenuId);
    expect(fake.requests.at(-1)?.endpoint, '/user/all/... is the default route, not a link for user "all"').toBe('richmenu.default');

    await api.deleteRichMenu(richMenuId);
    expect(fake.richMenus.size).toBe(0);
    expect(fake.userRichMenu.size).toBe(0);
    expect(fake.defaultRichMenuId).toBeUndefined();
    await expectLineError(api.deleteRichMenu(richMenuId), 404);
  });
});

describe('rich menu image rules', () => {
  it('accepts a 2500x1686 JPEG identified by its SOF header', async () => {
    const { richMenuId } = await api.createRichMenu(officerMenu());
    await blob.setRichMenuImage(richMenuId, new Blob([makeJpegHeader(2500, 1686, 300)], { type: 'image/jpeg' }));

    expect(fake.richMenus.get(richMenuId)?.contentType).toBe('image/jpeg');
  });

  it.each([
    ['width below 800', 799, 300, 'width'],
    ['width above 2500', 2501, 1686, 'width'],
    ['height below 250', 800, 249, 'height'],
    ['aspect ratio below 1.45', 1440, 1000, 'aspectRatio'],
  ])('rejects a PNG with %s', async (_case, width, height, property) => {
    const { richMenuId } = await api.createRichMenu(officerMenu());
    const body = await expectLineError(blob.setRichMenuImage(richMenuId, png(width, height)), 400);

    expect(body.details?.map((d) => d.property)).toContain(property);
    expect(fake.richMenus.get(richMenuId)?.image).toBeUndefined();
  });

  it('accepts the boundary sizes 800x250 and 1450x1000 (aspect exactly 1.45)', async () => {
    for (const [width, height] of [[800, 250], [1450, 1000]] as const) {
      const { richMenuId } = await api.createRichMenu(officerMenu());
      await blob.setRichMenuImage(richMenuId, png(width, height));
    }
    expect(fake.rejected()).toEqual([]);
  });

  it('rejects images over 1 MB, mismatched or unsupported content types, and a second upload', async () => {
    const { richMenuId } = await api.createRichMenu(officerMenu());
    const big = Buffer.concat([makePng(2500, 843), randomBytes(1024 * 1024)]);

    await expectLineError(blob.setRichMenuImage(richMenuId, new Blob([big], { type: 'image/png' })), 400);
    await expectLineError(blob.setRichMenuImage(richMenuId, new Blob([makePng(2500, 843)], { type: 'image/jpeg' })), 400);
    await expectLineError(blob.setRichMenuImage(richMenuId, new Blob([makePng(2500, 843)], { type: 'image/gif' })), 415);
    await blob.setRichMenuImage(richMenuId, png(2500, 843));
    await expectLineError(blob.setRichMenuImage(richMenuId, png(2500, 843)), 400);
    await expectLineError(blob.setRichMenuImage('richmenu-missing', png(2500, 843)), 404);
  });
});

describe('rich menu object validation', () => {
  it('rejects a chatBarText over 14 characters (spec) and more than 20 areas (reference)', async () => {
    expectDetail(await rawPost(fake, '/v2/bot/richmenu', { ...officerMenu(), chatBarText: 'ก'.repeat(15) }), 'chatBarText');
    expect((await rawPost(fake, '/v2/bot/richmenu', officerMenu(20))).status).toBe(200);
    expectDetail(await rawPost(fake, '/v2/bot/richmenu', officerMenu(21)), 'areas');
  });

  it('requires size, selected, name, chatBarText and areas', async () => {
    const res = await rawPost(fake, '/v2/bot/richmenu', { name: 'incomplete' });

    expect(res.body.details?.map((d) => d.property)).toEqual(['size', 'selected', 'chatBarText', 'areas']);
  });

  it('validates area actions through the Action discriminator', async () => {
    const area = { bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'postback', data: 'x'.repeat(301) } };
    const res = await rawPost(fake, '/v2/bot/richmenu', { ...officerMenu(), areas: [area] });

    expectDetail(res, 'areas[0].action.data');
  });
});
