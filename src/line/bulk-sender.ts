// Push and multicast for scheduled sends, with LINE's answers sorted into what the sender must do: 409 on a retry
// key = already delivered; 429 "You have reached your monthly limit." = stop (quota); other 429, 5xx, timeouts =
// retry with the same key; other 4xx = refused for good.
import { HTTPFetchError } from '@line/bot-sdk';
import { SendFailure, type BulkSendPort } from '../bot/ports.js';
import type { Reply } from '../bot/reply.js';
import type { LineClients } from './messenger.js';
import { renderReplies } from './render.js';

const TIMEOUT_MS = 10_000;
export const MONTHLY_LIMIT_MESSAGE = 'You have reached your monthly limit.';

async function call<T>(what: string, run: () => Promise<T>): Promise<T | 'accepted-before'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendFailure('retryable', `LINE ${what} timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (err) {
    if (err instanceof SendFailure) throw err;
    if (!(err instanceof HTTPFetchError)) throw new SendFailure('retryable', `LINE ${what}: ${String((err as Error)?.message ?? err)}`);
    if (err.status === 409) return 'accepted-before';
    const msg = `LINE ${what}: HTTP ${err.status} ${err.body.slice(0, 300)}`;
    if (err.status === 429 && err.body.includes(MONTHLY_LIMIT_MESSAGE)) throw new SendFailure('quota', msg);
    if (err.status === 429 || err.status >= 500) throw new SendFailure('retryable', msg);
    throw new SendFailure('permanent', msg);
  } finally {
    clearTimeout(timer);
  }
}

export function createBulkSender(clients: LineClients): BulkSendPort {
  const { api } = clients;
  return {
    async push(to: string, replies: Reply[], retryKey: string) {
      await call('push', () => api.pushMessage({ to, messages: renderReplies(replies) }, retryKey));
    },
    async multicast(to: string[], replies: Reply[], retryKey: string) {
      await call('multicast', () => api.multicast({ to, messages: renderReplies(replies) }, retryKey));
    },
    async quota() {
      const q = await call('quota', () => api.getMessageQuota());
      const c = await call('quota consumption', () => api.getMessageQuotaConsumption());
      if (q === 'accepted-before' || c === 'accepted-before') throw new SendFailure('retryable', 'unexpected 409 on quota');
      return { limit: q.type === 'limited' ? (q.value ?? 0) : null, used: c.totalUsage };
    },
  };
}
