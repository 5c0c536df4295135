/**
 * Route table types shared by the messaging and rich-menu handlers, plus response helpers.
 *
 * Invariants: `template` is a path exactly as written in `messaging-api.yml` (checked at start-up), and a handler
 * runs only after auth, failNext, retry-key and spec-schema checks have passed. Whether an endpoint accepts
 * `X-Line-Retry-Key` is read from the spec (the operation declares the header), not from this table.
 */
import type { FakeState } from './fake-state.js';
import type { EndpointName, ErrorDetail, RecordedRequest } from './types.js';

export interface RouteContext {
  state: FakeState;
  params: Record<string, string>;
  /** Parsed JSON for `json` routes (already spec-valid); `undefined` otherwise. */
  body: unknown;
  rawBody: Buffer;
  headers: Record<string, string>;
  record: RecordedRequest;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  template: string;
  endpoint: EndpointName;
  /** How the request body is read: JSON validated against the spec, raw bytes, or ignored. */
  body: 'json' | 'binary' | 'none';
  handle(ctx: RouteContext): RouteResult;
}

export const ok = (body: unknown = {}, status = 200): RouteResult => ({ status, body });

/** LINE's error shape: `{ message, details? }`; `details` is omitted when empty, as LINE does. */
export function fail(status: number, message: string, details: ErrorDetail[] = []): RouteResult {
  return { status, body: details.length > 0 ? { message, details } : { message } };
}

export const invalidBody = (details: ErrorDetail[]): RouteResult =>
  fail(400, `The request body has ${details.length} error(s)`, details);
