// Report files on disk under one folder, named by request key: written once, served by the download route, deleted
// once older than the link lifetime (a later link to the same request makes the file again).
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReportStore {
  /** The stored bytes of `key`, or null when absent (never made, or deleted after expiry). */
  get(key: string): Promise<Buffer | null>;
  put(key: string, bytes: Buffer): Promise<void>;
  /** Deletes files written more than `maxAgeMs` before `now`; returns how many. */
  deleteOlderThan(now: Date, maxAgeMs: number): Promise<number>;
}

export function diskReportStore(dir: string): ReportStore {
  const file = (key: string) => {
    if (!/^[0-9a-f]{32}$/.test(key)) throw new Error('bad report key');
    return path.join(dir, `${key}.bin`);
  };
  return {
    async get(key) {
      return readFile(file(key)).catch(() => null);
    },
    async put(key, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(file(key), bytes);
    },
    async deleteOlderThan(now, maxAgeMs) {
      const names = await readdir(dir).catch(() => [] as string[]);
      let n = 0;
      for (const name of names) {
        const p = path.join(dir, name);
        const s = await stat(p).catch(() => null);
        if (s && now.getTime() - s.mtimeMs > maxAgeMs) {
          await rm(p, { force: true });
          n++;
        }
      }
      return n;
    },
  };
}
