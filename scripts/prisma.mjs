// Runs the Prisma CLI offline: Prisma 6.19 falls back to downloading engines when DATABASE_URL is unset,
// so a placeholder is supplied (the driver adapter in prisma.config.ts makes the real connection).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env };
env.DATABASE_URL ||= 'postgresql://placeholder@127.0.0.1:5432/placeholder';
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const bin = path.join(root, 'node_modules', '.bin', 'prisma');
const r = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit', env, cwd: root });
process.exit(r.status ?? 1);
