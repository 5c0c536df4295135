// Postback data: one versioned format, ≤ 300 characters (LINE's limit). "1|<action>|<url-encoded params>".
// Cards put the revision they show in params (e.g. rev=3) so a tap on a stale card is detected by the handler.
import { PostbackSchema, type Postback } from '../bot/events.js';

const VERSION = '1';
export const POSTBACK_MAX = 300;

export function encodePostback(p: Postback): string {
  const params = new URLSearchParams(Object.entries(p.params)).toString();
  const data = `${VERSION}|${p.action}|${params}`;
  if (data.length > POSTBACK_MAX) throw new Error(`postback data over ${POSTBACK_MAX} characters: ${p.action}`);
  return data;
}

/** Decodes postback data; null for anything not produced by encodePostback (old versions, foreign buttons). */
export function decodePostback(data: string): Postback | null {
  if (data.length > POSTBACK_MAX) return null;
  const parts = data.split('|');
  if (parts.length !== 3 || parts[0] !== VERSION) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(parts[2])) params[k] = v;
  const parsed = PostbackSchema.safeParse({ action: parts[1], params });
  return parsed.success && /^[a-z][a-z0-9-]*$/.test(parsed.data.action) ? parsed.data : null;
}
