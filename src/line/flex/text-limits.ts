// LINE's documented length limits for what we send, and the one safe way to shorten text to fit them.
// Lengths are UTF-16 code units (String#length), as LINE counts them; Flex sizes are UTF-8 bytes of compact JSON.

export const LIMITS = {
  messagesPerRequest: 5,
  textMax: 5000,
  altTextMax: 1500,
  quickReplyItems: 13,
  quickReplyLabelMax: 20,
  flexButtonLabelMax: 40,
  /** Message action `text`, postback `displayText` (and `data`, enforced by the postback codec). */
  actionTextMax: 300,
  /** LINE says "30 KB" without defining it; we take the strict reading so the bubble fits under either. */
  bubbleMaxBytes: 30_000,
} as const;

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * `s` unchanged if it fits in `max` UTF-16 units; otherwise cut on a grapheme boundary (never between a Thai
 * consonant and its vowel or tone mark, never inside a surrogate pair) and ended with "…", total ≤ `max`.
 */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const { segment } of graphemes.segment(s)) {
    if (out.length + segment.length + ELLIPSIS.length > max) break;
    out += segment;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** `s`, or undefined when it is missing, empty or whitespace only: LINE rejects empty text, so such parts go. */
export const nonBlank = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s);

/** Returns `s` or throws: required text must be non-blank. `what` names the field in the error. */
export function requireText(s: string | undefined, what: string): string {
  const t = nonBlank(s);
  if (t === undefined) throw new Error(`${what} must not be empty`);
  return t;
}

/** UTF-8 byte length of compact JSON, the size LINE's Flex limits are measured in. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
