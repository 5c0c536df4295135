// Checks made before the bot touches anything: one bot per data directory (a second `npm start` must not stop the
// first one's embedded PostgreSQL) and free ports, each failure a StartupError with one clear line.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { RequestListener } from 'node:http';
import path from 'node:path';

/** A refusal to start that main prints as one line (no stack). */
export class StartupError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/bot.pid` (created exclusively). A file naming a live other process refuses the start; a stale one
 * (the bot was killed) is replaced. Returns the release function.
 */
export function acquireInstanceLock(dataDir: string): () => Promise<void> {
  const file = path.join(dataDir, 'bot.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return async () => {
        try {
          if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new StartupError(
          `another otop-sales-bot (pid ${pid}) is already running with DATA_DIR ${dataDir}; stop it first, or set another DATA_DIR`,
        );
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new StartupError(`could not take ${file}`);
}

function portInUse(port: number, name: string): StartupError {
  return new StartupError(`port ${port} (${name}) is already in use by another program; stop it or set ${name} to a free port`);
}

/** Fails with one clear line when something already listens on the port (0 = any port: always free). */
export async function assertPortFree(port: number, name: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port, name) : err));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

/** Starts the HTTP server; a port in use is a StartupError, not a stack trace. */
export function listen(app: RequestListener, port: number): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = createServer(app);
    s.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port, 'PORT') : err));
    s.listen(port, '0.0.0.0', () => resolve(s));
  });
}
