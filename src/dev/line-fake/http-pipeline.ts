/**
 * The request pipeline of the fake, on plain `node:http`.
 *
 * Order of checks (first failure answers): body ≤ 2 MB (413) → Bearer token (401) → route exists (404) →
 * failNext injection (429/500) → `X-Line-Retry-Key` declared by the spec operation and valid (400), not already
 * accepted (409) → JSON parses (400) → spec schema (400) → handler (documented limits, state).
 *
 * Invariants:
 * - Every request is appended to `state.requests` before it is processed, so `requests` is in arrival order.
 * - Every response carries `x-line-request-id` equal to the recorded `id`, and a JSON body.
 * - Processing after the body is read is synchronous, so concurrent requests cannot interleave state changes.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FakeState } from './fake-state.js';
import { fail, invalidBody, type RouteResult } from './route.js';
import type { RouteMatch, Router } from './router.js';
import type { SpecValidator } from './spec-validator.js';
import type { ErrorDetail, RecordedRequest } from './types.js';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const AUTH_FAILED = 'Authentication failed. Confirm that the access token in the authorization header is valid.';
export const RATE_LIMITED = 'The API rate limit has been exceeded. Try again later.';
const RETRY_KEY_HEADER = 'X-Line-Retry-Key';

export interface PipelineDeps {
  state: FakeState;
  validator: SpecValidator;
  router: Router;
  channelAccessToken?: string | undefined;
  onRequest?: ((request: RecordedRequest) => void) | undefined;
}

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      respond(deps, req, res, size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks, size));
    });
    req.on('error', () => res.destroy());
  };
}

function respond(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse, rawBody: Buffer | undefined): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const headers = flattenHeaders(req.headers);
  const match = deps.router.match(method, path);
  const record: RecordedRequest = {
    id: randomUUID(),
    at: deps.state.now(),
    method,
    path,
    endpoint: match?.route.endpoint ?? 'other',
    headers,
    body: undefined,
    status: 0,
  };
  deps.state.requests.push(record);

  let result: RouteResult;
  try {
    result = process(deps, match, record, rawBody);
  } catch (error) {
    result = fail(500, `line-fake internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
  record.status = result.status;
  deps.state.rates.record(record.endpoint, record.to?.length ?? 0);
  if (result.status >= 400) {
    const body = result.body as { message?: unknown; details?: ErrorDetail[] };
    record.error = String(body.message ?? '');
    if (body.details) record.details = body.details;
  }
  res.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-line-request-id': record.id,
    ...result.headers,
  });
  res.end(JSON.stringify(result.body));
  deps.onRequest?.(record);
}

function process(deps: PipelineDeps, match: RouteMatch | undefined, record: RecordedRequest, rawBody: Buffer | undefined): RouteResult {
  const { state, validator } = deps;
  if (rawBody === undefined) return fail(413, 'Request Entity Too Large');
  if (!authorized(record.headers['authorization'], deps.channelAccessToken)) return fail(401, AUTH_FAILED);
  if (!match) return fail(404, 'Not found');
  const { route, params } = match;

  let parsed: { ok: boolean; value?: unknown } = { ok: true };
  if (route.body === 'json') {
    parsed = parseJson(rawBody);
    record.body = parsed.value;
  } else if (route.body === 'binary') {
    record.body = { contentType: record.headers['content-type'], byteLength: rawBody.length };
  }

  const injected = state.takeFailure(route.endpoint);
  if (injected) {
    state.injected.add(record);
    return fail(injected.status, injected.message ?? (injected.status === 429 ? RATE_LIMITED : 'Internal server error'));
  }

  const retryKey = record.headers[RETRY_KEY_HEADER.toLowerCase()];
  if (retryKey !== undefined) {
    const details = validator.validateHeader(route.method, route.template, RETRY_KEY_HEADER, retryKey);
    if (details === undefined) {
      return fail(400, 'The retry key is not supported for this API', [
        { property: RETRY_KEY_HEADER, message: `${RETRY_KEY_HEADER} is not accepted by ${route.method} ${route.template}` },
      ]);
    }
    if (details.length > 0) return fail(400, 'The retry key is invalid', details);
    const accepted = state.acceptedRetry(retryKey);
    if (accepted) {
      const body: Record<string, unknown> = { message: 'The retry key is already accepted' };
      if (accepted.sentMessages) body['sentMessages'] = accepted.sentMessages;
      return { status: 409, body, headers: { 'x-line-accepted-request-id': accepted.requestId } };
    }
  }

  if (route.body === 'json') {
    if (!parsed.ok) return fail(400, 'The request body could not be parsed as JSON');
    const details = validator.validateRequestBody(route.method, route.template, parsed.value);
    if (details.length > 0) return invalidBody(details);
  }
  return route.handle({ state, params, body: parsed.value, rawBody, headers: record.headers, record });
}

function authorized(header: string | undefined, expected: string | undefined): boolean {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (token === undefined) return false;
  return expected === undefined || token === expected;
}

function parseJson(raw: Buffer): { ok: boolean; value?: unknown } {
  if (raw.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
