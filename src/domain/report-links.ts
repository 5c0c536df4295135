// Signed, expiring download links for report files: token = base64url(JSON {k: file key, n: file name, e: expiry ms})
// + "." + base64url(HMAC-SHA256(secret, payload)). A link is valid only with an intact signature and before expiry;
// the file key names a file in the report store, so the same request (same key) gives the same file.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link (and the file behind it) lives. */
export const REPORT_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface ReportLink {
  /** Store key of the file (hex). */
  key: string;
  /** Thai file name for the download. */
  name: string;
  expiresAt: Date;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

/** Stable key of a report request: the same request (type, scope, period, format, digits) gives the same key. */
export function reportKey(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 32);
}

/** Signs a link to the stored file `key`, valid for 24 hours from `now`. */
export function signReportLink(secret: string, key: string, name: string, now: Date): string {
  const payload = b64(JSON.stringify({ k: key, n: name, e: now.getTime() + REPORT_LINK_TTL_MS }));
  return `${payload}.${b64(mac(secret, payload))}`;
}

/** Checks a token: the link, or why it is refused (tampered → 403, expired → 410). */
export function verifyReportLink(secret: string, token: string, now: Date): ReportLink | 'tampered' | 'expired' {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return 'tampered';
  const want = mac(secret, payload);
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return 'tampered';
  let body: { k?: unknown; n?: unknown; e?: unknown };
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'tampered';
  }
  if (typeof body.k !== 'string' || !/^[0-9a-f]{32}$/.test(body.k) || typeof body.n !== 'string' || typeof body.e !== 'number') return 'tampered';
  if (now.getTime() >= body.e) return 'expired';
  return { key: body.k, name: body.n, expiresAt: new Date(body.e) };
}
