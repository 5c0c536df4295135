/**
 * Local fake of the LINE Messaging API for tests, benchmarks and manual runs.
 *
 * Point `messagingApi.MessagingApiClient` and `MessagingApiBlobClient` at `fake.url` (host root; the SDK drops path
 * prefixes). Request bodies are validated against the official `messaging-api.yml` with Ajv, then against the
 * documented limits the spec omits (see `message-limits.ts`, `rich-menu-rules.ts`).
 *
 * Invariants:
 * - Every route template exists in the spec (checked at start; start fails otherwise) and every route's request
 *   validator is compiled before the server listens.
 * - Binds 127.0.0.1 on a random port unless told otherwise.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeState } from './fake-state.js';
import { createRequestListener } from './http-pipeline.js';
import { CONTROL_PREFIX, handleControl, type ControlDeps } from './control-api.js';
import { messagingRoutes } from './messaging-routes.js';
import { richMenuRoutes } from './rich-menu-routes.js';
import { createRouter } from './router.js';
import { loadSpecValidator } from './spec-validator.js';
import type { LineFake, LineFakeOptions, RecordedRequest, SentRecord } from './types.js';

export type {
  EndpointName,
  ErrorDetail,
  LineFake,
  LineFakeOptions,
  RecordedRequest,
  RichMenuEntry,
  SentMessage,
  SentRecord,
} from './types.js';
export { LIMITS } from './message-limits.js';
export type { EndpointRate } from './rate-meter.js';
export { RICH_MENU_IMAGE } from './rich-menu-rules.js';
export { REPLY_TOKEN_TTL_MS, RETRY_KEY_TTL_MS } from './fake-state.js';

const ROUTES = [...messagingRoutes, ...richMenuRoutes];
const SEND_ENDPOINTS = new Set(['reply', 'push', 'multicast']);

export async function startLineFake(opts: LineFakeOptions = {}): Promise<LineFake> {
  const validator = loadSpecValidator(opts.specPath);
  for (const route of ROUTES) {
    if (!validator.hasOperation(route.method, route.template)) {
      throw new Error(`line-fake: ${route.method} ${route.template} is not in the spec`);
    }
    validator.validateRequestBody(route.method, route.template, {}); // compiles the validator now, not on first use
  }
  const state = new FakeState(opts.now ?? Date.now);
  const sent = (): SentRecord[] =>
    state.requests.filter(isAcceptedSend).map((r) => ({ endpoint: r.endpoint, to: r.to ?? [], messages: r.messages ?? [] }));
  const listener = createRequestListener({
    state,
    validator,
    router: createRouter(ROUTES),
    channelAccessToken: opts.channelAccessToken,
    onRequest: opts.onRequest,
  });
  // Messages per user, indexed incrementally (requests are recorded and settled synchronously, in order), so
  // reading a user's messages stays cheap after tens of thousands of requests.
  const byUser = new Map<string, unknown[]>();
  let indexed = 0;
  const messagesTo = (id: string): unknown[] => {
    for (; indexed < state.requests.length; indexed++) {
      const r = state.requests[indexed]!;
      if (!isAcceptedSend(r)) continue;
      for (const to of r.to ?? []) {
        const list = byUser.get(to) ?? [];
        list.push(...(r.messages ?? []));
        byUser.set(to, list);
      }
    }
    return [...(byUser.get(id) ?? [])];
  };
  const control: ControlDeps = { issueReplyToken: (id) => state.issueReplyToken(id), messagesTo, rates: () => state.rates.snapshot() };
  const server = createServer({ keepAlive: true }, (req, res) =>
    req.url?.startsWith(CONTROL_PREFIX) ? handleControl(control, req, res) : listener(req, res),
  );
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;


  return {
    url: `http://${urlHost}:${port}`,
    requests: state.requests,
    richMenus: state.richMenus,
    userRichMenu: state.userRichMenu,
    get defaultRichMenuId() {
      return state.defaultRichMenuId;
    },
    set defaultRichMenuId(id: string | undefined) {
      state.defaultRichMenuId = id;
    },
    sent,
    messagesTo,
    issueReplyToken: (lineUserId) => state.issueReplyToken(lineUserId),
    setProfile: (lineUserId, profile) => {
      state.profiles.set(lineUserId, { ...profile });
    },
    failNext: (endpoint, status, count = 1, message) => {
      state.queueFailure(endpoint, message === undefined ? { status } : { status, message }, count);
    },
    setQuota: (limit, used) => {
      state.quotaLimit = limit;
      if (used !== undefined) state.quotaUsed = used;
    },
    quotaUsed: () => state.quotaUsed,
    rates: () => state.rates.snapshot(),
    rejected: () => state.requests.filter((r) => r.status >= 400 && !state.injected.has(r)),
    reset: () => {
      state.reset();
      byUser.clear();
      indexed = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function isAcceptedSend(r: RecordedRequest): boolean {
  return r.status === 200 && SEND_ENDPOINTS.has(r.endpoint) && r.to !== undefined;
}
