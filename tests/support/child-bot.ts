// The bot as a separate process (src/main.ts, as `npm start` runs it) on a test database, for what is about
// processes: kill -9, SIGTERM, database outages, two processes on one database.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventId, sign, TEST_SECRET, TEST_TOKEN } from './bot.js';
import { randomPort } from './ports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildBot {
  port: number;
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Posts a signed webhook body with the events; returns the HTTP status. */
  post(events: object[]): Promise<number>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startChildBot(env: { databaseUrl: string; lineUrl: string; port?: number; extra?: Record<string, string> }): Promise<ChildBot> {
  const port = env.port ?? randomPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN, LINE_API_BASE_URL: env.lineUrl,
      LINE_DATA_API_BASE_URL: env.lineUrl, DATABASE_URL: env.databaseUrl, PORT: String(port), CRON: 'off', DEMO_DATA: 'no',
      LOG_LEVEL: 'warn', ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 600 && !out.includes('listening on') && !done; i++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('listening on')) {
    child.kill('SIGKILL');
    throw new Error(`bot did not start:\n${out}`);
  }
  return {
    port,
    process: child,
    output: () => out,
    exited,
    async post(events) {
      const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events });
      const res = await fetch(`http://127.0.0.1:${port}/webhook`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, TEST_SECRET) }, body,
      });
      await res.arrayBuffer();
      return res.status;
    },
    async kill(signal = 'SIGKILL') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

/** A LINE text-message event from `user`, with a reply token issued by `issue` (the fake) unless told otherwise. */
export function textEvent(user: string, text: string, replyToken: string | null, opts: { id?: string; timestamp?: number } = {}) {
  return {
    type: 'message', mode: 'active', timestamp: opts.timestamp ?? Date.now(), webhookEventId: opts.id ?? eventId(),
    deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: user },
    ...(replyToken ? { replyToken } : {}), message: { type: 'text', id: '1', quoteToken: 'q', text },
  };
}

/** Polls `check` every 100 ms until it returns true; throws with `what` after `tries`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}
