/**
 * Handlers for sending (reply, push, multicast), the loading animation and profiles.
 *
 * Invariants: a send is recorded as sent (`record.to` / `record.messages` set) only when it answers 200, and only
 * then is its reply token consumed or its retry key remembered.
 */
import { checkLoading, checkMessages } from './message-limits.js';
import { fail, invalidBody, ok, type Route, type RouteContext, type RouteResult } from './route.js';

interface SendBody {
  messages: unknown[];
}

export const MONTHLY_LIMIT = 'You have reached your monthly limit.';

/** The 429 LINE gives once the month's quota is spent (counted per recipient); null while there is room. */
function overQuota(ctx: RouteContext, recipients: number): RouteResult | null {
  const { quotaLimit, quotaUsed } = ctx.state;
  return quotaLimit !== null && quotaUsed + recipients > quotaLimit ? fail(429, MONTHLY_LIMIT) : null;
}

/** Common tail of a send: documented limits, then record and answer. */
function acceptSend(ctx: RouteContext, to: string[], messages: unknown[]): ReturnType<typeof ctx.state.sentMessagesFor> {
  ctx.record.to = to;
  ctx.record.messages = messages;
  return ctx.state.sentMessagesFor(messages);
}

function reply(ctx: RouteContext): RouteResult {
  const body = ctx.body as SendBody & { replyToken: string };
  const details = checkMessages(body.messages);
  if (details.length > 0) return invalidBody(details);
  const userId = ctx.state.replyTokenUser(body.replyToken);
  if (userId === undefined) return fail(400, 'Invalid reply token');
  ctx.state.consumeReplyToken(body.replyToken);
  return ok({ sentMessages: acceptSend(ctx, [userId], body.messages) });
}

function push(ctx: RouteContext): RouteResult {
  const body = ctx.body as SendBody & { to: string };
  const details = checkMessages(body.messages);
  if (details.length > 0) return invalidBody(details);
  const over = overQuota(ctx, 1);
  if (over) return over;
  ctx.state.quotaUsed += 1;
  const sentMessages = acceptSend(ctx, [body.to], body.messages);
  const retryKey = ctx.headers['x-line-retry-key'];
  if (retryKey) ctx.state.rememberRetry(retryKey, ctx.record.id, sentMessages);
  return ok({ sentMessages });
}

function multicast(ctx: RouteContext): RouteResult {
  const body = ctx.body as SendBody & { to: string[] };
  const details = checkMessages(body.messages);
  if (details.length > 0) return invalidBody(details);
  const over = overQuota(ctx, body.to.length);
  if (over) return over;
  ctx.state.quotaUsed += body.to.length;
  acceptSend(ctx, [...body.to], body.messages);
  const retryKey = ctx.headers['x-line-retry-key'];
  if (retryKey) ctx.state.rememberRetry(retryKey, ctx.record.id);
  return ok({});
}

function loading(ctx: RouteContext): RouteResult {
  const details = checkLoading(ctx.body as Record<string, unknown>);
  if (details.length > 0) return invalidBody(details);
  return ok({}, 202);
}

function profile(ctx: RouteContext): RouteResult {
  const userId = ctx.params['userId'] ?? '';
  const found = ctx.state.profiles.get(userId);
  if (!found) return fail(404, 'Not found');
  const body: Record<string, string> = { userId, displayName: found.displayName };
  if (found.pictureUrl !== undefined) body['pictureUrl'] = found.pictureUrl;
  return ok(body);
}

function quota(ctx: RouteContext): RouteResult {
  const limit = ctx.state.quotaLimit;
  return ok(limit === null ? { type: 'none' } : { type: 'limited', value: limit });
}

function consumption(ctx: RouteContext): RouteResult {
  return ok({ totalUsage: ctx.state.quotaUsed });
}

export const messagingRoutes: Route[] = [
  { method: 'POST', template: '/v2/bot/message/reply', endpoint: 'reply', body: 'json', handle: reply },
  { method: 'POST', template: '/v2/bot/message/push', endpoint: 'push', body: 'json', handle: push },
  { method: 'POST', template: '/v2/bot/message/multicast', endpoint: 'multicast', body: 'json', handle: multicast },
  { method: 'POST', template: '/v2/bot/chat/loading/start', endpoint: 'loading', body: 'json', handle: loading },
  { method: 'GET', template: '/v2/bot/message/quota', endpoint: 'quota', body: 'none', handle: quota },
  { method: 'GET', template: '/v2/bot/message/quota/consumption', endpoint: 'quota.consumption', body: 'none', handle: consumption },
  { method: 'GET', template: '/v2/bot/profile/{userId}', endpoint: 'profile', body: 'none', handle: profile },
];
