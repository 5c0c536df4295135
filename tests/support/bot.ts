// The real app for tests: a fresh database, the LINE fake, the express server on a random port, and helpers that
// post signed webhook events the way LINE does.
import { createHmac, randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { startServices, type Services } from '../../src/services.js';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { encodePostback } from '../../src/line/postback-codec.js';
import type { Postback } from '../../src/bot/events.js';
import type { Logger } from '../../src/bot/dispatcher.js';
import type { BotModule } from '../../src/conversations/module.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_SECRET = 'test-channel-secret';
export const TEST_TOKEN = 'test-channel-token';

export function lineUserId(seed: string): string {
  return 'U' + createHmac('sha256', 'uid').update(seed).digest('hex').slice(0, 32);
}

export function eventId(): string {
  // ULID-like: 26 Crockford characters
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(26), (b) => alphabet[b % 32]).join('');
}

export function sign(body: string, secret = TEST_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface TestBot {
  services: Services;
  fake: LineFake;
  database: TestDatabase;
  url: string;
  /** Posts a webhook body signed with the channel secret; returns the HTTP status. */
  post(body: object | string, headers?: Record<string, string>): Promise<Response>;
  /** Builds a LINE event of the given type for the user (with a fresh reply token from the fake). */
  event(user: string, fields: Record<string, unknown>, opts?: { id?: string; timestamp?: number; mode?: string }): Record<string, unknown>;
  /** Sends events in one webhook and waits until they are handled and replies sent. */
  send(...events: Record<string, unknown>[]): Promise<void>;
  follow(user: string): Promise<void>;
  say(user: string, text: string): Promise<void>;
  tap(user: string, postback: Postback | string): Promise<void>;
  /** Text of everything the bot sent to the user since the last call (text, or altText for cards). */
  take(user: string): string[];
  close(): Promise<void>;
}

export async function startTestBot(
  opts: { now?: () => Date; env?: Record<string, string>; log?: Logger; modules?: BotModule[] } = {},
): Promise<TestBot> {
  const database = await createTestDatabase();
  const fake = await startLineFake({ channelAccessToken: TEST_TOKEN });
  const config = loadConfig({
    LINE_CHANNEL_SECRET: TEST_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    DATABASE_URL: database.url,
    PORT: '0',
    CRON: 'off',
    DEMO_DATA: 'no',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const services = await startServices(config, opts.log ?? silentLogger(config.logLevel), { ...(opts.now ? { clock: opts.now } : {}), ...(opts.modules ? { modules: opts.modules } : {}) });
  const url = `http://127.0.0.1:${services.port}`;
  const seen = new Map<string, number>();

  const post = (body: object | string, headers: Record<string, string> = {}) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return fetch(`${url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': sign(raw), ...headers },
      body: raw,
    });
  };
  const event: TestBot['event'] = (user, fields, o = {}) => ({
    type: 'message',
    mode: o.mode ?? 'active',
    timestamp: o.timestamp ?? (opts.now?.() ?? new Date()).getTime(),
    webhookEventId: o.id ?? eventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: user },
    replyToken: fake.issueReplyToken(user),
    ...fields,
  });
  const send = async (...events: Record<string, unknown>[]) => {
    const res = await post({ destination: 'U' + '0'.repeat(32), events });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    await services.dispatcher.idle();
  };
  return {
    services,
    fake,
    database,
    url,
    post,
    event,
    send,
    follow: (user) => send(event(user, { type: 'follow', follow: { isUnblocked: false } })),
    say: (user, text) => send(event(user, { type: 'message', message: { type: 'text', id: eventId(), quoteToken: 'q', text } })),
    tap: (user, pb) =>
      send(event(user, { type: 'postback', postback: { data: typeof pb === 'string' ? pb : encodePostback(pb) } })),
    take(user) {
      const all = fake.messagesTo(user) as { type: string; text?: string; altText?: string }[];
      const from = seen.get(user) ?? 0;
      seen.set(user, all.length);
      return all.slice(from).map((m) => (m.type === 'text' ? m.text! : m.altText ?? `[${m.type}]`));
    },
    async close() {
      await services.close();
      await fake.close();
      await database.drop();
    },
  };
}

function silentLogger(level: string) {
  const out = (lvl: string) => (msg: string, extra?: object) => {
    if (level === 'silent') return;
    process.stderr.write(`[${lvl}] ${msg} ${extra ? JSON.stringify(extra) : ''}\n`);
  };
  return { info: level === 'info' || level === 'debug' ? out('info') : () => {}, warn: out('warn'), error: out('error') };
}
