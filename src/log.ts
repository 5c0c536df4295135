// Minimal structured logger (JSON lines on stderr), level from config.
import type { Logger } from './bot/dispatcher.js';

const ORDER = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof ORDER;

export function createLogger(level: LogLevel): Logger {
  const emit = (lvl: LogLevel, msg: string, extra?: object) => {
    if (ORDER[lvl] < ORDER[level]) return;
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...extra }) + '\n');
  };
  return {
    info: (m, e) => emit('info', m, e),
    warn: (m, e) => emit('warn', m, e),
    error: (m, e) => emit('error', m, e),
  };
}
