// The one module that calls LINE's Messaging API (through the SDK's MessagingApiClient). Implements the bot's
// LinePort: replies, pushes with X-Line-Retry-Key (409 = already accepted = delivered), loading animation,
// profiles and per-role rich menus.
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Role } from '../db/generated/enums.js';
import { ReplyTokenRejected, UnsendableReplies, type LinePort } from '../bot/ports.js';
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

/** Default deadline of every LINE call (the SDK has no timeout option); the caller retries what it owes. */
export const LINE_TIMEOUT_MS = 8_000;

/** The SDK has no timeout option: a hung request must not hold a send (or a user's answers) forever. */
async function withTimeout<T>(p: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineApiError(`LINE ${what} timed out after ${ms} ms`)), ms);
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

/** A LINE call that failed; `status` is LINE's HTTP status (undefined: network error or timeout). */
export class LineApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

/** The LINE messages of a batch; a batch that cannot be rendered is a bug of ours, not a LINE fault. */
function rendered(replies: Reply[]) {
  try {
    return renderReplies(replies);
  } catch (err) {
    throw new UnsendableReplies(`reply cannot be rendered: ${String((err as Error)?.message ?? err)}`);
  }
}

const statusOf = (err: unknown) => (err instanceof HTTPFetchError ? err.status : undefined);

export function createMessenger(
  clients: LineClients,
  richMenus: { menuFor(role: Role): Promise<string>; forget(role: Role, richMenuId: string): Promise<void> },
  opts: { timeoutMs?: number } = {},
): LinePort {
  const ms = opts.timeoutMs ?? LINE_TIMEOUT_MS;
  const { api } = clients;
  return {
    check(replies: Reply[]) {
      rendered(replies);
    },
    async reply(replyToken: string, replies: Reply[]) {
      const messages = rendered(replies);
      try {
        await withTimeout(api.replyMessage({ replyToken, messages }), 'reply', ms);
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 400 && /reply token/i.test(err.body)) {
          throw new ReplyTokenRejected(describe(err));
        }
        throw new LineApiError(`reply failed: ${describe(err)}`, statusOf(err));
      }
    },
    async push(to: string, replies: Reply[], retryKey: string) {
      const messages = rendered(replies);
      try {
        await withTimeout(api.pushMessage({ to, messages }, retryKey), 'push', ms);
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 409) return; // this retry key was accepted before
        throw new LineApiError(`push failed: ${describe(err)}`, statusOf(err));
      }
    },
    async showLoading(chatId: string) {
      await withTimeout(api.showLoadingAnimation({ chatId, loadingSeconds: 10 }), 'loading', ms).catch(() => {});
    },
    async getProfile(userId: string) {
      try {
        const p = await withTimeout(api.getProfile(userId), 'profile', ms);
        return { displayName: p.displayName };
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 404) return null;
        throw new LineApiError(`profile failed: ${describe(err)}`);
      }
    },
    async setRichMenu(userId: string, role: Role | null) {
      try {
        if (role === null) await withTimeout(api.unlinkRichMenuIdFromUser(userId), 'unlink rich menu', ms);
        else {
          const id = await richMenus.menuFor(role);
          try {
            await withTimeout(api.linkRichMenuIdToUser(userId, id), 'link rich menu', ms);
          } catch (err) {
            // LINE no longer knows the stored menu (e.g. the local fake restarted): create it again, link once more
            if (!(err instanceof HTTPFetchError && (err.status === 404 || /not found/i.test(err.body)))) throw err;
            await richMenus.forget(role, id);
            await withTimeout(api.linkRichMenuIdToUser(userId, await richMenus.menuFor(role)), 'link rich menu', ms);
          }
        }
      } catch (err) {
        throw new LineApiError(`rich menu failed: ${describe(err)}`);
      }
    },
  };
}
