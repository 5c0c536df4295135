// Postback data: one versioned format, ≤ 300 characters (LINE's limit). "1|<action>|<url-encoded params>".
// Cards put the revision they show in params (e.g. rev=3) so a tap on a stale card is detected by the handler.
// Decoding is the boundary for forged taps: every parameter the bot's buttons use is parsed by its zod schema with
// ranges (ids fit the database's integer columns, months are months, tokens are short), any other parameter must
// be short plain text, and parameters are own properties of a null-prototype object; anything else decodes to
// null, which the router answers with "ปุ่มนี้ใช้ไม่ได้แล้ว".
import { z } from 'zod';
import { PostbackSchema, type Postback } from '../bot/events.js';

const VERSION = '1';
export const POSTBACK_MAX = 300;
/** PostgreSQL `integer`: the largest id or revision a row can have. */
export const INT4_MAX = 2_147_483_647;

const int4 = z.string().regex(/^\d{1,10}$/).refine((v) => Number(v) <= INT4_MAX);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const word = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** Parameters of the bot's own buttons, by name; an empty value means "none" (e.g. r= for a row not yet made). */
const PARAMS = new Map<string, z.ZodType<string>>([
  ...(['producerId', 'districtId', 'd', 'id', 'e', 'entry', 'p', 'n', 'r', 'rev'] as const).map((k) => [k, int4] as const),
  ['m', month],
  ['month', month],
  ['t', z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)],
  ['h', z.string().regex(/^[0-9a-f]{1,64}$/)],
  ...(['flow', 'v', 'c', 'x', 'for', 'then'] as const).map((k) => [k, word] as const),
]);
/** Any other parameter (a feature's own): a plain name and short text without control characters. */
const OTHER_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;
const otherValue = z.string().max(100).regex(/^[^\p{Cc}\p{Cs}]*$/u);

export function encodePostback(p: Postback): string {
  const params = new URLSearchParams(Object.entries(p.params)).toString();
  const data = `${VERSION}|${p.action}|${params}`;
  if (data.length > POSTBACK_MAX) throw new Error(`postback data over ${POSTBACK_MAX} characters: ${p.action}`);
  return data;
}

/** True when the parameter is one a button of this bot could carry. */
function validParam(key: string, value: string): boolean {
  const schema = PARAMS.get(key);
  if (schema) return value === '' || schema.safeParse(value).success;
  return OTHER_KEY.test(key) && otherValue.safeParse(value).success;
}

/** Decodes postback data; null for anything not produced by encodePostback (old versions, foreign or forged buttons). */
export function decodePostback(data: string): Postback | null {
  if (data.length > POSTBACK_MAX) return null;
  const parts = data.split('|');
  if (parts.length !== 3 || parts[0] !== VERSION || !/^[a-z][a-z0-9-]{0,39}$/.test(parts[1]!)) return null;
  const params: Record<string, string> = Object.create(null);
  for (const [k, v] of new URLSearchParams(parts[2])) {
    if (Object.hasOwn(params, k) || !validParam(k, v)) return null;
    params[k] = v;
  }
  const parsed = PostbackSchema.safeParse({ action: parts[1], params });
  return parsed.success ? { action: parsed.data.action, params: Object.assign(Object.create(null), parsed.data.params) } : null;
}
