// `npm run chat -- --user <name>`: talk to the bot running in local mode (`npm start`) as a LINE user would.
// Sends properly signed webhook events to the bot and prints what the bot sent back through the built-in LINE
// fake: text, Flex cards (altText, rows, numbered buttons) and quick replies as numbered choices.
//   type a message and press Enter · "#2" taps button [2] · "/follow" re-adds the bot · "/quit" leaves
// What was already shown is remembered per user in <DATA_DIR>/chat-cli-seen.json, so pushes that arrived while
// the client was closed are shown when it opens; a restarted bot (its fake starts empty) is noticed and followed;
// a bot that is down is one clear line, never a crash.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { messagingApi } from '@line/bot-sdk';
import { LOCAL_CHANNEL_SECRET } from '../config.js';
import { describeBatch, type TerminalAction } from '../line/render.js';
import { DEMO_USERS, demoLineUserId } from '../seed/demo-users.js';

try {
  process.loadEnvFile?.('.env');
} catch {
  /* none */
}
const { values } = parseArgs({
  options: { user: { type: 'string' }, url: { type: 'string' }, fake: { type: 'string' }, secret: { type: 'string' } },
});
if (!values.user) {
  console.error(`usage: npm run chat -- --user <${Object.keys(DEMO_USERS).join('|')}|any new name>`);
  process.exit(2);
}
const botUrl = values.url ?? `http://localhost:${process.env.PORT || 3000}`;
const fakeUrl = values.fake ?? `http://127.0.0.1:${process.env.LINE_FAKE_PORT || 3001}`;
const secret = values.secret ?? process.env.LINE_CHANNEL_SECRET ?? LOCAL_CHANNEL_SECRET;
const userId = demoLineUserId(values.user);
const known = values.user in DEMO_USERS;

let seen = 0;
let actions: TerminalAction[] = [];
const seenFile = path.resolve(process.env.DATA_DIR || './data', 'chat-cli-seen.json');
const DOWN = `ติดต่อบอทไม่ได้ (${botUrl}) — บอทอาจยังไม่ได้เริ่มหรือหยุดไปแล้ว เริ่มด้วย "npm start" แล้วพิมพ์ใหม่อีกครั้ง`;

function loadSeen(): number {
  try {
    const all = JSON.parse(readFileSync(seenFile, 'utf8')) as Record<string, number>;
    return Number.isInteger(all[userId]) ? all[userId]! : 0;
  } catch {
    return 0;
  }
}

function saveSeen(): void {
  try {
    let all: Record<string, number> = {};
    try {
      all = JSON.parse(readFileSync(seenFile, 'utf8')) as Record<string, number>;
    } catch {
      /* first time */
    }
    mkdirSync(path.dirname(seenFile), { recursive: true });
    writeFileSync(seenFile, JSON.stringify({ ...all, [userId]: seen }));
  } catch {
    /* remembering is a convenience only */
  }
}

/** New messages for the user since `seen`; a fake that holds fewer messages than seen was restarted: start over. */
async function fetchNew(): Promise<messagingApi.Message[]> {
  const r = (await (await fetch(`${fakeUrl}/__fake/messages?to=${userId}&from=${seen}`)).json()) as { messages: messagingApi.Message[]; next: number };
  if (r.next < seen) {
    console.log('  (บอทเริ่มทำงานใหม่)');
    seen = 0;
    return fetchNew();
  }
  seen = r.next;
  saveSeen();
  return r.messages;
}

function ulid(): string {
  const a = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(26), (b) => a[b % 32]).join('');
}

/** Sends one event; false (after one clear line) when the bot or its fake cannot be reached. */
async function send(fields: Record<string, unknown>): Promise<boolean> {
  try {
    await post(fields);
    return true;
  } catch {
    console.log(`  (${DOWN})`);
    return false;
  }
}

async function post(fields: Record<string, unknown>): Promise<void> {
  const { replyToken } = (await (await fetch(`${fakeUrl}/__fake/reply-token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  })).json()) as { replyToken: string };
  const event = {
    mode: 'active', timestamp: Date.now(), webhookEventId: ulid(), deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId }, replyToken, ...fields,
  };
  const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [event] });
  const res = await fetch(`${botUrl}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', secret).update(body).digest('base64') },
    body,
  });
  if (res.status !== 200) console.log(`(webhook answered ${res.status}: ${await res.text()})`);
}

/** Waits for the bot's answer: new messages, then a short quiet period. */
async function collect(): Promise<messagingApi.Message[]> {
  const got: messagingApi.Message[] = [];
  const started = Date.now();
  let lastNew = 0;
  while (Date.now() - started < 8000) {
    const fresh = await fetchNew().catch(() => null);
    if (fresh === null) break;
    if (fresh.length) {
      got.push(...fresh);
      lastNew = Date.now();
    }
    if (lastNew && Date.now() - lastNew > 350) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  return got;
}

function show(messages: messagingApi.Message[]): void {
  if (!messages.length) {
    console.log('  (ไม่มีข้อความตอบกลับ)');
    return;
  }
  const view = describeBatch(messages);
  actions = view.actions;
  console.log(view.lines.map((l) => `  │ ${l}`).join('\n'));
}

async function main(): Promise<void> {
  seen = loadSeen();
  let waiting: messagingApi.Message[];
  try {
    waiting = await fetchNew();
  } catch {
    console.error(`ติดต่อบอทไม่ได้ (LINE fake ที่ ${fakeUrl}) — เริ่มบอทก่อนด้วย "npm start" (local mode) แล้วลองใหม่`);
    process.exit(1);
  }
  console.log(`คุยกับบอทในฐานะ "${values.user}" (${userId})${known ? ` — ${DEMO_USERS[values.user as keyof typeof DEMO_USERS].displayName}` : ''}`);
  console.log('พิมพ์ข้อความแล้วกด Enter · "#2" = กดปุ่ม [2] · "/follow" = เพิ่มเพื่อน · "/quit" = ออก\n');
  if (waiting.length) {
    console.log(`  ข้อความที่ส่งมาระหว่างที่ปิดอยู่${waiting.length > 10 ? ` (${waiting.length} ข้อความ แสดง 10 ข้อความล่าสุด)` : ''}:`);
    show(waiting.slice(-10));
  }
  if (!known && seen === 0 && (await send({ type: 'follow', follow: { isUnblocked: false } }))) show(await collect());
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('คุณ> ');
  let closed = false;
  rl.on('close', () => (closed = true));
  const prompt = (keep = false) => (closed ? undefined : rl.prompt(keep));
  prompt();
  // Pushes that arrive while the person is reading or typing are shown as they come.
  let busy = false;
  const idlePoll = setInterval(() => {
    if (busy) return;
    busy = true;
    fetchNew()
      .then((m) => {
        if (m.length) {
          console.log('');
          show(m);
          prompt(true);
        }
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 2000);
  idlePoll.unref();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit') break;
    while (busy) await new Promise((r) => setTimeout(r, 20));
    busy = true;
    try {
      await handle(input);
    } finally {
      busy = false;
    }
    prompt();
  }
  clearInterval(idlePoll);
  rl.close();
}

/** One line typed by the person: a tap, a command or a message; then the bot's answer. */
async function handle(input: string): Promise<void> {
  {
    let ok = true;
    if (input === '/follow') ok = await send({ type: 'follow', follow: { isUnblocked: true } });
    else if (/^#\d+$/.test(input)) {
      const a = actions[Number(input.slice(1)) - 1];
      if (!a) {
        console.log(`  (ไม่มีปุ่ม ${input})`);
        return;
      }
      if (a.type === 'message') {
        console.log(`คุณ> ${a.text}`);
        ok = await send({ type: 'message', message: { type: 'text', id: ulid(), quoteToken: 'q', text: a.text } });
      } else {
        if (a.displayText) console.log(`คุณ> ${a.displayText}`);
        ok = await send({ type: 'postback', postback: { data: a.data } });
      }
    } else if (input) {
      ok = await send({ type: 'message', message: { type: 'text', id: ulid(), quoteToken: 'q', text: input } });
    } else return;
    if (ok) show(await collect());
  }
}

await main();
