/**
 * Public types of the local LINE Messaging API fake.
 *
 * Invariants:
 * - `RecordedRequest.status` is the HTTP status the fake answered with (0 only while the request is in flight).
 * - `to` / `messages` are set only on reply, push and multicast requests that were accepted (status 200).
 */
import type { EndpointRate } from './rate-meter.js';

/** Logical endpoint a request was routed to; `other` = no implemented route (answered 404). */
export type EndpointName =
  | 'reply'
  | 'push'
  | 'multicast'
  | 'loading'
  | 'profile'
  | 'quota'
  | 'quota.consumption'
  | 'richmenu.create'
  | 'richmenu.upload'
  | 'richmenu.link'
  | 'richmenu.unlink'
  | 'richmenu.delete'
  | 'richmenu.list'
  | 'richmenu.default'
  | 'other';

export interface RecordedRequest {
  /** The `x-line-request-id` the fake answered with. */
  id: string;
  /** `now()` when the request body was fully received. */
  at: number;
  method: string;
  /** Path without query string. */
  path: string;
  endpoint: EndpointName;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON body; for binary uploads `{ contentType, byteLength }`; `undefined` when empty or unparsable. */
  body: unknown;
  status: number;
  /** The `message` of the error body when status >= 400. */
  error?: string;
  /** The `details` of the error body, when it had any (addition to the brief's interface, for diagnostics). */
  details?: ErrorDetail[];
  to?: string[];
  messages?: unknown[];
}

/** One entry of LINE's error `details` array. */
export interface ErrorDetail {
  message: string;
  property: string;
}

export interface SentMessage {
  id: string;
  quoteToken?: string;
}

export interface SentRecord {
  endpoint: string;
  to: string[];
  messages: unknown[];
}

export interface RichMenuEntry {
  menu: unknown;
  image?: Buffer;
  contentType?: string;
}

export interface LineFakeOptions {
  /** Port to bind; 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** When set, `Authorization: Bearer <this>` is required exactly; otherwise any non-empty Bearer token passes. */
  channelAccessToken?: string;
  /** Clock used for reply-token expiry, retry-key memory and `RecordedRequest.at`. Default `Date.now`. */
  now?: () => number;
  /** Path of `messaging-api.yml`; default `$LINE_OPENAPI_SPEC` or `<repo>/../shared/line-openapi/messaging-api.yml`. */
  specPath?: string;
  /** Called after every request has been answered (used by the CLI to log traffic). */
  onRequest?: (request: RecordedRequest) => void;
}

export interface LineFake {
  /** `http://<host>:<port>` with no path: the SDK drops path prefixes of `baseURL`. */
  url: string;
  /** Everything received, in arrival order, including rejected and failNext-injected requests. */
  requests: RecordedRequest[];
  /** Accepted reply/push/multicast only; reply's `to` is the user the reply token was issued for. */
  sent(): SentRecord[];
  /** All accepted message objects that reached that user, in order. */
  messagesTo(lineUserId: string): unknown[];
  /** Creates a reply token for a webhook event; valid 60 s from `now()`, single use. */
  issueReplyToken(lineUserId: string): string;
  /** Registers a profile; GET profile of an unregistered user answers 404. */
  setProfile(lineUserId: string, profile: { displayName: string; pictureUrl?: string }): void;
  /** The next `count` (default 1) requests to `endpoint` answer `status` and are not treated as sent. */
  failNext(endpoint: EndpointName, status: 429 | 500, count?: number, message?: string): void;
  /** Requests the fake itself answered with 4xx/5xx (validation, auth, unknown path, 409...), not failNext ones. */
  rejected(): RecordedRequest[];
  /** Sets the monthly message quota (null = unlimited, the default) and, optionally, the usage counted so far. */
  setQuota(limit: number | null, used?: number): void;
  /** Messages counted against the quota so far (one per recipient of an accepted push or multicast). */
  quotaUsed(): number;
  /** Requests per endpoint: total, busiest wall-clock second, most recipients in one request (also GET /__fake/rates). */
  rates(): Record<string, EndpointRate>;
  /** Forgets all requests, tokens, retry keys, pending failures, profiles and rich menus. */
  reset(): void;
  close(): Promise<void>;
  richMenus: Map<string, RichMenuEntry>;
  /** lineUserId → richMenuId */
  userRichMenu: Map<string, string>;
  defaultRichMenuId?: string;
}
