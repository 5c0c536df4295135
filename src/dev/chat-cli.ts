// `npm run chat -- --user <name>`: talk to the bot running in local mode (`npm start`) as a LINE user would.
// Sends properly signed webhook events to the bot and prints what the bot sent back through the built-in LINE
// fake: text, Flex cards (altText, rows, numbered buttons) and quick replies as numbered choices.
//   type a message and press Enter · "#2" taps button [2] · "/follow" re-adds the bot · "/quit" leaves
import { createHmac, randomBytes } from 'node:crypto';
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

function ulid(): string {
  const a = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(26), (b) => a[b % 32]).join('');
}

async function send(fields: Record<string, unknown>): Promise<void> {
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
    const r = (await (await fetch(`${fakeUrl}/__fake/messages?to=${userId}&from=${seen}`)).json()) as { messages: messagingApi.Message[]; next: number };
    if (r.messages.length) {
      got.push(...r.messages);
      seen = r.next;
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
  try {
    seen = ((await (await fetch(`${fakeUrl}/__fake/messages?to=${userId}&from=0`)).json()) as { next: number }).next;
  } catch {
    console.error(`cannot reach the LINE fake at ${fakeUrl}: start the bot first with "npm start" (local mode)`);
    process.exit(1);
  }
  console.log(`คุยกับบอทในฐานะ "${values.user}" (${userId})${known ? ` — ${DEMO_USERS[values.user as keyof typeof DEMO_USERS].displayName}` : ''}`);
  console.log('พิมพ์ข้อความแล้วกด Enter · "#2" = กดปุ่ม [2] · "/follow" = เพิ่มเพื่อน · "/quit" = ออก\n');
  if (!known) {
    await send({ type: 'follow', follow: { isUnblocked: false } });
    show(await collect());
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('คุณ> ');
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit') break;
    if (input === '/follow') await send({ type: 'follow', follow: { isUnblocked: true } });
    else if (/^#\d+$/.test(input)) {
      const a = actions[Number(input.slice(1)) - 1];
      if (!a) {
        console.log(`  (ไม่มีปุ่ม ${input})`);
        rl.prompt();
        continue;
      }
      if (a.type === 'message') {
        console.log(`คุณ> ${a.text}`);
        await send({ type: 'message', message: { type: 'text', id: ulid(), quoteToken: 'q', text: a.text } });
      } else {
        if (a.displayText) console.log(`คุณ> ${a.displayText}`);
        await send({ type: 'postback', postback: { data: a.data } });
      }
    } else if (input) {
      await send({ type: 'message', message: { type: 'text', id: ulid(), quoteToken: 'q', text: input } });
    } else {
      rl.prompt();
      continue;
    }
    show(await collect());
    rl.prompt();
  }
  rl.close();
}

await main();
