// `npm start` twice on one data directory (issue 7 #24), a port already taken, and Ctrl-C in embedded mode
// (#25), with real processes: the second start refuses at once and touches nothing, a taken port is one clear
// line, and Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops everything with exit 0 and
// no unhandled error.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../support/child-bot.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const free = () => 20000 + Math.floor(Math.random() * 20000);

function npmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    detached: true, // its own process group, like a terminal's foreground job
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CRON: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

describe('one bot per data directory', () => {
  it('a second start on the same DATA_DIR refuses at once; a taken port is one line; Ctrl-C exits 0 cleanly', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'otop-second-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PORT: String(free()), LINE_FAKE_PORT: String(free()), EMBEDDED_PG_PORT: String(free()) };
    const first = npmStart(env);
    await until('first bot listening', () => first.output().includes('listening on'), 1800);
    const ready = () => fetch(`http://127.0.0.1:${env.PORT}/readyz`).then((r) => r.status);
    expect(await ready()).toBe(200);

    const second = npmStart({ ...env, PORT: String(free()), LINE_FAKE_PORT: String(free()) });
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toMatch(/^another otop-sales-bot \(pid \d+\) is already running with DATA_DIR .*$/);
    expect(await ready()).toBe(200); // the first one's PostgreSQL is untouched

    const otherDir = mkdtempSync(path.join(os.tmpdir(), 'otop-second-'));
    dirs.push(otherDir);
    const third = npmStart({ ...env, DATA_DIR: otherDir });
    expect(await third.exited).toBe(1);
    expect(third.output().trim()).toBe(`port ${env.PORT} (PORT) is already in use by another program; stop it or set PORT to a free port`);

    process.kill(-first.child.pid!, 'SIGINT'); // Ctrl-C: the bot and its embedded PostgreSQL both get it
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/Unhandled 'error' event|terminating connection due to administrator command\n\s+at /);
  }, 240_000);
});
