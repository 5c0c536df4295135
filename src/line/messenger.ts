// The one module that calls LINE's Messaging API (through the SDK's MessagingApiClient). Implements the bot's
// LinePort: replies, pushes with X-Line-Retry-Key (409 = already accepted = delivered), loading animation,
// profiles and per-role rich menus.
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Role } from '../db/generated/enums.js';
import { ReplyTokenRejected, type LinePort } from '../bot/ports.js';
import type { Reply } from '../bot/reply.js';
import { renderReplies } from './render.js';

export interface LineClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
}

export function createLineClients(cfg: { channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string }): LineClients {
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: cfg.channelAccessToken, baseURL: cfg.apiBaseUrl }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: cfg.channelAccessToken, baseURL: cfg.dataApiBaseUrl }),
  };
}

const TIMEOUT_MS = 10_000;

/** The SDK has no timeout option: a hung request must not block a user's queue forever. */
async function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LINE ${what} timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(err: unknown): string {
  if (err instanceof HTTPFetchError) {
    return `HTTP ${err.status} ${err.body.slice(0, 500)} (request ${err.headers.get('x-line-request-id') ?? '-'})`;
  }
  return String((err as Error)?.message ?? err);
}

export class LineApiError extends Error {}

export function createMessenger(
  clients: LineClients,
  richMenus: { menuFor(role: Role): Promise<string> },
): LinePort {
  const { api } = clients;
  return {
    async reply(replyToken: string, replies: Reply[]) {
      try {
        await withTimeout(api.replyMessage({ replyToken, messages: renderReplies(replies) }), 'reply');
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 400 && /reply token/i.test(err.body)) {
          throw new ReplyTokenRejected(describe(err));
        }
        throw new LineApiError(`reply failed: ${describe(err)}`);
      }
    },
    async push(to: string, replies: Reply[], retryKey: string) {
      try {
        await withTimeout(api.pushMessage({ to, messages: renderReplies(replies) }, retryKey), 'push');
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 409) return; // this retry key was accepted before
        throw new LineApiError(`push failed: ${describe(err)}`);
      }
    },
    async showLoading(chatId: string) {
      await withTimeout(api.showLoadingAnimation({ chatId, loadingSeconds: 10 }), 'loading').catch(() => {});
    },
    async getProfile(userId: string) {
      try {
        const p = await withTimeout(api.getProfile(userId), 'profile');
        return { displayName: p.displayName };
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 404) return null;
        throw new LineApiError(`profile failed: ${describe(err)}`);
      }
    },
    async setRichMenu(userId: string, role: Role | null) {
      try {
        if (role === null) await withTimeout(api.unlinkRichMenuIdFromUser(userId), 'unlink rich menu');
        else await withTimeout(api.linkRichMenuIdToUser(userId, await richMenus.menuFor(role)), 'link rich menu');
      } catch (err) {
        throw new LineApiError(`rich menu failed: ${describe(err)}`);
      }
    },
  };
}
