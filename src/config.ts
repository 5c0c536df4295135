// Every setting, validated once at boot. Bad config stops the process with a message naming the setting.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_INVITE_GUARD, type InviteGuardSettings } from './domain/invite-guard.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const EnvSchema = z
  .object({
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    LINE_API_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LINE_DATA_API_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgresql://').optional(),
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LINE_ADD_FRIEND_URL: optionalString.pipe(z.url({ protocol: /^https$/ }).optional()),
    DATA_DIR: z.string().default('./data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    LINE_FAKE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    DEMO_DATA: z.enum(['auto', 'yes', 'no']).default('auto'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    CRON: z.enum(['on', 'off']).default('on'),
    LINE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
    INVITE_GLOBAL_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_INVITE_GUARD.maxFailures),
    INVITE_GLOBAL_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(DEFAULT_INVITE_GUARD.windowMs / 60_000),
    INVITE_GLOBAL_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(DEFAULT_INVITE_GUARD.lockMs / 60_000),
    REMINDER_PROGRESS_DAY: z.coerce.number().int().min(1).max(28).default(15),
  })
  .superRefine((env, ctx) => {
    if (!!env.LINE_CHANNEL_SECRET !== !!env.LINE_CHANNEL_ACCESS_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: [env.LINE_CHANNEL_SECRET ? 'LINE_CHANNEL_ACCESS_TOKEN' : 'LINE_CHANNEL_SECRET'],
        message: 'set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN, or neither (local mode)',
      });
    }
  });

export interface Config {
  /** True when no LINE credentials are set: the bot talks to the built-in LINE fake. */
  localMode: boolean;
  line: { channelSecret: string; channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string };
  /** Null: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  port: number;
  publicBaseUrl: string;
  /** The bot's add-friend link (https://lin.ee/… or https://line.me/R/ti/p/@…): a QR code on invite sheets, the link
   * and a QR image with invites made in chat; null: neither mentions one. */
  addFriendUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  lineFakePort: number;
  demoData: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  cron: boolean;
  /** Every LINE call gives up after this long; what it owed is retried from the outbox. */
  lineTimeoutMs: number;
  /** Global limit on wrong invite codes from all accounts together (see domain/invite-guard.ts). */
  inviteGuard: InviteGuardSettings;
  /** Day of the month (1–28, Bangkok) on which every officer gets the target standing of their scope. */
  reminderProgressDay: number;
}

/** Secret and token of local mode; the built-in fake accepts exactly these. Never valid on LINE. */
export const LOCAL_CHANNEL_SECRET = 'local-mode-channel-secret';
export const LOCAL_CHANNEL_ACCESS_TOKEN = 'local-mode-access-token';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const localMode = !e.LINE_CHANNEL_SECRET;
  const fakeUrl = `http://127.0.0.1:${e.LINE_FAKE_PORT}`;
  const apiBaseUrl = e.LINE_API_BASE_URL ?? (localMode ? fakeUrl : 'https://api.line.me');
  return {
    localMode,
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET ?? LOCAL_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN ?? LOCAL_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl,
      dataApiBaseUrl: e.LINE_DATA_API_BASE_URL ?? (localMode ? apiBaseUrl : 'https://api-data.line.me'),
    },
    databaseUrl: e.DATABASE_URL ?? null,
    port: e.PORT,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    addFriendUrl: e.LINE_ADD_FRIEND_URL ?? null,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    lineFakePort: e.LINE_FAKE_PORT,
    demoData: e.DEMO_DATA === 'yes' || (e.DEMO_DATA === 'auto' && !e.DATABASE_URL),
    logLevel: e.LOG_LEVEL,
    cron: e.CRON === 'on',
    lineTimeoutMs: e.LINE_TIMEOUT_MS,
    inviteGuard: {
      maxFailures: e.INVITE_GLOBAL_MAX_FAILURES,
      windowMs: e.INVITE_GLOBAL_WINDOW_MINUTES * 60_000,
      lockMs: e.INVITE_GLOBAL_LOCK_MINUTES * 60_000,
    },
    reminderProgressDay: e.REMINDER_PROGRESS_DAY,
  };
}
