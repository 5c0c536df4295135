// LINE webhook body → our BotEvents, one event at a time: each event is parsed by zod on its own, so one malformed
// event (missing message, non-string text, timestamp 1e20, NUL in an id…) is dropped and reported without taking the
// good events of the same body with it. Standby events (another channel holds the chat) and events without a user
// are dropped here too; nothing LINE-specific travels further in.
import { z } from 'zod';
import type { BotEvent } from '../bot/events.js';
import { decodePostback } from './postback-codec.js';

/** The envelope: only `events` must be an array; each element is checked by EventSchema. */
export const WebhookBodySchema = z.object({
  destination: z.string().optional(),
  events: z.array(z.unknown()),
});

/** Printable ASCII, as LINE's ids and tokens are (no NUL, no surrogates, no spaces). */
const asciiId = (max: number) => z.string().min(1).max(max).regex(/^[\x21-\x7E]+$/);
/** Milliseconds since 1970 up to the year 9999: a Date and a timestamptz can hold it. */
const timestamp = z.number().int().min(0).max(253_402_300_799_999);

const Base = z.object({
  type: z.string().max(40),
  mode: z.string().max(20).optional(),
  timestamp,
  webhookEventId: asciiId(64),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  source: z.object({ type: z.string().max(20), userId: z.string().optional() }).optional(),
  replyToken: asciiId(256).optional(),
});
/** A user's id as LINE issues it. */
const LineUserId = z.string().regex(/^U[0-9a-f]{32}$/);

const EventSchema = z.discriminatedUnion('type', [
  Base.extend({
    type: z.literal('message'),
    message: z.union([
      z.object({ type: z.literal('text'), text: z.string().max(20_000) }),
      z.object({ type: z.string().max(40).refine((t) => t !== 'text') }),
    ]),
  }),
  Base.extend({
    type: z.literal('postback'),
    postback: z.object({ data: z.string().max(10_000), params: z.record(z.string().max(40), z.string().max(100)).optional() }),
  }),
  Base.extend({ type: z.literal('follow') }),
  Base.extend({ type: z.literal('unfollow') }),
]);
/** Types this bot reacts to; any other event type (unsend, join, beacon…) is ignored after the base check. */
const HANDLED = new Set(['message', 'postback', 'follow', 'unfollow']);

/**
 * Text as PostgreSQL can store it: no NUL (jsonb refuses it) and no lone surrogate halves (replaced by U+FFFD).
 * Without this, one odd character would make every redelivery of the event fail.
 */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '').toWellFormed();
}

export type Normalised = { ok: true; event: BotEvent | null } | { ok: false; id: string | null; problem: string };

/** One raw event: our event, null when there is nothing to do (standby, groups, other types), or why it is malformed. */
export function normaliseEvent(raw: unknown): Normalised {
  const base = Base.safeParse(raw);
  const id = typeof (raw as { webhookEventId?: unknown })?.webhookEventId === 'string' ? storableText((raw as { webhookEventId: string }).webhookEventId).slice(0, 64) : null;
  if (!base.success) return { ok: false, id, problem: summarise(base.error) };
  if (base.data.mode === 'standby') return { ok: true, event: null };
  if (base.data.source?.type !== 'user') return { ok: true, event: null }; // groups and rooms are not where officers report
  const userId = LineUserId.safeParse(base.data.source.userId);
  if (!userId.success) return { ok: false, id, problem: 'source.userId is not a LINE user id' };
  if (!HANDLED.has(base.data.type)) return { ok: true, event: null };
  const parsed = EventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, id, problem: summarise(parsed.error) };
  const ev = parsed.data;
  const common = {
    id: ev.webhookEventId,
    occurredAt: new Date(ev.timestamp),
    lineUserId: userId.data,
    replyToken: ev.replyToken ?? null,
    redelivery: ev.deliveryContext?.isRedelivery ?? false,
  };
  switch (ev.type) {
    case 'message':
      return { ok: true, event: 'text' in ev.message ? { ...common, type: 'text', text: storableText(ev.message.text) } : { ...common, type: 'other', lineType: `message.${ev.message.type}` } };
    case 'postback': {
      const params = ev.postback.params ? Object.fromEntries(Object.entries(ev.postback.params).map(([k, v]) => [storableText(k), storableText(v)])) : undefined;
      return { ok: true, event: { ...common, type: 'postback', postback: decodePostback(storableText(ev.postback.data)), ...(params ? { params } : {}) } };
    }
    case 'follow':
      return { ok: true, event: { ...common, type: 'follow' } };
    case 'unfollow':
      return { ok: true, event: { ...common, type: 'unfollow' } };
  }
}

function summarise(err: z.ZodError): string {
  return err.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
}
