/**
 * Rich-menu handlers: create, upload image, link/unlink per user, list, delete, set default.
 *
 * Invariants:
 * - A rich menu's image can be uploaded once (LINE: "cannot be replaced").
 * - Only a menu that exists and has an image can be linked to a user or made the default (400 otherwise).
 * - Deleting a menu also removes its user links and clears it as default.
 */
import { randomBytes } from 'node:crypto';
import { checkRichMenuImage, checkRichMenuObject, RICH_MENU_IMAGE } from './rich-menu-rules.js';
import { fail, invalidBody, ok, type Route, type RouteContext, type RouteResult } from './route.js';
import type { RichMenuEntry } from './types.js';

const newRichMenuId = (): string => `richmenu-${randomBytes(16).toString('hex')}`;

function create(ctx: RouteContext): RouteResult {
  const menu = ctx.body as Record<string, unknown>;
  const details = checkRichMenuObject(menu);
  if (details.length > 0) return invalidBody(details);
  const richMenuId = newRichMenuId();
  ctx.state.richMenus.set(richMenuId, { menu });
  return ok({ richMenuId });
}

function upload(ctx: RouteContext): RouteResult {
  const entry = ctx.state.richMenus.get(ctx.params['richMenuId'] ?? '');
  if (!entry) return fail(404, 'Not found');
  if (entry.image) return fail(400, 'An image has already been uploaded to the richmenu');
  const contentType = (ctx.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(RICH_MENU_IMAGE.contentTypes as readonly string[]).includes(contentType)) {
    return fail(415, 'Unsupported Media Type', [{ property: 'Content-Type', message: 'must be image/png or image/jpeg' }]);
  }
  const details = checkRichMenuImage(ctx.rawBody, contentType);
  if (details.length > 0) return fail(400, 'The image is invalid', details);
  entry.image = Buffer.from(ctx.rawBody);
  entry.contentType = contentType;
  return ok({});
}

/** The menu if it can be shown to users (exists and has an image), else the 400 answer. */
function showableMenu(ctx: RouteContext): RouteResult | RichMenuEntry {
  const richMenuId = ctx.params['richMenuId'] ?? '';
  const entry = ctx.state.richMenus.get(richMenuId);
  if (!entry) return fail(400, 'The richmenu is not found', [{ property: 'richMenuId', message: `no rich menu ${richMenuId}` }]);
  if (!entry.image) return fail(400, 'must upload richmenu image before applying it to user', [{ property: 'richMenuId', message: 'rich menu has no image' }]);
  return entry;
}

function link(ctx: RouteContext): RouteResult {
  const checked = showableMenu(ctx);
  if ('status' in checked) return checked;
  ctx.state.userRichMenu.set(ctx.params['userId'] ?? '', ctx.params['richMenuId'] ?? '');
  return ok({});
}

function unlink(ctx: RouteContext): RouteResult {
  ctx.state.userRichMenu.delete(ctx.params['userId'] ?? '');
  return ok({});
}

function list(ctx: RouteContext): RouteResult {
  const richmenus = [...ctx.state.richMenus].map(([richMenuId, entry]) => ({ richMenuId, ...(entry.menu as object) }));
  return ok({ richmenus });
}

function remove(ctx: RouteContext): RouteResult {
  const richMenuId = ctx.params['richMenuId'] ?? '';
  if (!ctx.state.richMenus.delete(richMenuId)) return fail(404, 'Not found');
  for (const [userId, linked] of ctx.state.userRichMenu) {
    if (linked === richMenuId) ctx.state.userRichMenu.delete(userId);
  }
  if (ctx.state.defaultRichMenuId === richMenuId) ctx.state.defaultRichMenuId = undefined;
  return ok({});
}

function setDefault(ctx: RouteContext): RouteResult {
  const checked = showableMenu(ctx);
  if ('status' in checked) return checked;
  ctx.state.defaultRichMenuId = ctx.params['richMenuId'];
  return ok({});
}

export const richMenuRoutes: Route[] = [
  { method: 'POST', template: '/v2/bot/richmenu', endpoint: 'richmenu.create', body: 'json', handle: create },
  { method: 'POST', template: '/v2/bot/richmenu/{richMenuId}/content', endpoint: 'richmenu.upload', body: 'binary', handle: upload },
  { method: 'POST', template: '/v2/bot/user/{userId}/richmenu/{richMenuId}', endpoint: 'richmenu.link', body: 'none', handle: link },
  { method: 'DELETE', template: '/v2/bot/user/{userId}/richmenu', endpoint: 'richmenu.unlink', body: 'none', handle: unlink },
  { method: 'GET', template: '/v2/bot/richmenu/list', endpoint: 'richmenu.list', body: 'none', handle: list },
  { method: 'DELETE', template: '/v2/bot/richmenu/{richMenuId}', endpoint: 'richmenu.delete', body: 'none', handle: remove },
  { method: 'POST', template: '/v2/bot/user/all/richmenu/{richMenuId}', endpoint: 'richmenu.default', body: 'none', handle: setDefault },
];
