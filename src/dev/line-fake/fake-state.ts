/**
 * Mutable state of one fake instance: recorded requests, reply tokens, retry keys, injected failures, profiles
 * and rich menus.
 *
 * Invariants:
 * - A reply token is valid for exactly `REPLY_TOKEN_TTL_MS` after issue (inclusive) and is consumed only by an
 *   accepted reply; a rejected reply leaves it usable.
 * - A retry key is remembered for `RETRY_KEY_TTL_MS` after the request that used it was accepted; rejected and
 *   failNext-injected requests never register their key.
 * - `requests` is cleared in place by `reset()`, so references handed out stay live.
 */
import { randomBytes } from 'node:crypto';
import type { EndpointName, RecordedRequest, RichMenuEntry, SentMessage } from './types.js';
import { RateMeter } from './rate-meter.js';

export const REPLY_TOKEN_TTL_MS = 60_000;
export const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Message types whose sent message gets a `quoteToken` (they can be quoted later). */
const QUOTABLE_TYPES = new Set(['text', 'textV2', 'sticker', 'image', 'video']);

interface ReplyToken {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export interface AcceptedRetry {
  requestId: string;
  acceptedAt: number;
  /** Present only when the accepted request was a push. */
  sentMessages?: SentMessage[];
}

export interface InjectedFailure {
  status: 429 | 500;
  message?: string;
}

export interface Profile {
  displayName: string;
  pictureUrl?: string;
}

export class FakeState {
  readonly requests: RecordedRequest[] = [];
  /** Requests answered by `failNext`; excluded from `rejected()`. */
  injected = new WeakSet<RecordedRequest>();
  readonly profiles = new Map<string, Profile>();
  readonly richMenus = new Map<string, RichMenuEntry>();
  readonly userRichMenu = new Map<string, string>();
  defaultRichMenuId: string | undefined;
  /** Monthly quota: null = unlimited. `quotaUsed` counts recipients of accepted pushes and multicasts. */
  quotaLimit: number | null = null;
  quotaUsed = 0;
  private readonly replyTokens = new Map<string, ReplyToken>();
  private readonly retryKeys = new Map<string, AcceptedRetry>();
  private readonly failures = new Map<EndpointName, InjectedFailure[]>();
  private messageSeq = 0n;
  /** Requests per endpoint per wall-clock second (benchmarks read it at GET /__fake/rates). */
  readonly rates = new RateMeter();

  constructor(readonly now: () => number) {}

  issueReplyToken(userId: string): string {
    const token = randomBytes(16).toString('hex');
    this.replyTokens.set(token, { userId, issuedAt: this.now(), used: false });
    return token;
  }

  /** The user a token was issued for, if the token is known, unused and not expired. Does not consume it. */
  replyTokenUser(token: string): string | undefined {
    const entry = this.replyTokens.get(token);
    if (!entry || entry.used || this.now() - entry.issuedAt > REPLY_TOKEN_TTL_MS) return undefined;
    return entry.userId;
  }

  consumeReplyToken(token: string): void {
    const entry = this.replyTokens.get(token);
    if (entry) entry.used = true;
  }

  /** The accepted request that used `key` within the last 24 h, if any. */
  acceptedRetry(key: string): AcceptedRetry | undefined {
    const entry = this.retryKeys.get(key.toLowerCase());
    if (!entry) return undefined;
    if (this.now() - entry.acceptedAt >= RETRY_KEY_TTL_MS) {
      this.retryKeys.delete(key.toLowerCase());
      return undefined;
    }
    return entry;
  }

  rememberRetry(key: string, requestId: string, sentMessages?: SentMessage[]): void {
    const entry: AcceptedRetry = { requestId, acceptedAt: this.now() };
    if (sentMessages) entry.sentMessages = sentMessages;
    this.retryKeys.set(key.toLowerCase(), entry);
  }

  queueFailure(endpoint: EndpointName, failure: InjectedFailure, count: number): void {
    const queue = this.failures.get(endpoint) ?? [];
    for (let i = 0; i < count; i++) queue.push(failure);
    this.failures.set(endpoint, queue);
  }

  takeFailure(endpoint: EndpointName): InjectedFailure | undefined {
    return this.failures.get(endpoint)?.shift();
  }

  /** Fresh `sentMessages` entries for accepted message objects (18-digit ids, like LINE's). */
  sentMessagesFor(messages: unknown[]): SentMessage[] {
    return messages.map((message) => {
      this.messageSeq += 1n;
      const sent: SentMessage = { id: String(500_000_000_000_000_000n + this.messageSeq) };
      const type = (message as { type?: unknown }).type;
      if (typeof type === 'string' && QUOTABLE_TYPES.has(type)) sent.quoteToken = randomBytes(24).toString('base64url');
      return sent;
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.injected = new WeakSet();
    this.profiles.clear();
    this.richMenus.clear();
    this.userRichMenu.clear();
    this.defaultRichMenuId = undefined;
    this.replyTokens.clear();
    this.retryKeys.clear();
    this.failures.clear();
    this.quotaLimit = null;
    this.quotaUsed = 0;
    this.rates.reset();
  }
}
