// Issue 7 point 29: `npm run chat` as a real child process: a bot that is down is one clear line (never a
// "TypeError: fetch failed" crash), a push that arrived before the client opened is shown, and a restarted bot
// (its LINE fake starts empty) is followed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLineFake, type LineFake } from '../../src/dev/line-fake/index.js';
import { demoLineUserId } from '../../src/seed/demo-users.js';

const TOKEN = 'chat-cli-token';
const CLOSED = 'http://127.0.0.1:9'; // discard port: nothing listens there
let fake: LineFake;
let dataDir: string;

function chat(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/dev/chat-cli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '9', LINE_FAKE_PORT: '9' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

async function push(user: string, text: string): Promise<void> {
  const res = await fetch(`${fake.url}/v2/bot/message/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: user, messages: [{ type: 'text', text }] }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  fake = await startLineFake({ channelAccessToken: TOKEN });
  dataDir = mkdtempSync(path.join(tmpdir(), 'chat-cli-'));
});
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run chat', () => {
  it('says in one line that the bot cannot be reached, and exits without a stack trace', async () => {
    const r = await chat(['--user', 'nobody', '--url', CLOSED, '--fake', CLOSED], '/quit\n');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('ติดต่อบอทไม่ได้');
    expect(r.out + r.err).not.toMatch(/TypeError|fetch failed|at .*\.ts:\d+/);
  });

  it('shows a push that arrived before it opened, and a bot that went down mid-session is one clear line', async () => {
    const user = demoLineUserId('early-bird');
    await push(user, 'แจ้งเตือน: ส่งยอดขายเดือนตุลาคม');
    const r = await chat(['--user', 'early-bird', '--url', CLOSED, '--fake', fake.url], 'สวัสดี\n/quit\n');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('แจ้งเตือน: ส่งยอดขายเดือนตุลาคม');
    expect(r.out).toContain('ติดต่อบอทไม่ได้');
    expect(r.out + r.err).not.toMatch(/TypeError|fetch failed/);
  });

  it('follows a restarted bot whose fake holds fewer messages than the client had seen', async () => {
    const user = demoLineUserId('restarted');
    writeFileSync(path.join(dataDir, 'chat-cli-seen.json'), JSON.stringify({ [user]: 40 }));
    await push(user, 'ข้อความหลังเริ่มใหม่');
    const r = await chat(['--user', 'restarted', '--url', CLOSED, '--fake', fake.url], '/quit\n');
    expect(r.out).toContain('บอทเริ่มทำงานใหม่');
    expect(r.out).toContain('ข้อความหลังเริ่มใหม่');
  });
});
