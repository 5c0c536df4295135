// LINE webhook body → our BotEvent. Standby events (another channel holds the chat) and events without a user are
// dropped here; nothing LINE-specific travels further in.
import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';
import type { BotEvent } from '../bot/events.js';
import { decodePostback } from './postback-codec.js';

/** The part of LINE's CallbackRequest we rely on; unknown event types and fields pass through. */
export const WebhookBodySchema = z.object({
  destination: z.string().optional(),
  events: z.array(
    z
      .object({
        type: z.string(),
        mode: z.string().optional(),
        timestamp: z.number(),
        webhookEventId: z.string().min(1).max(64),
        deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
        source: z.object({ type: z.string(), userId: z.string().optional() }).passthrough().optional(),
        replyToken: z.string().optional(),
      })
      .passthrough(),
  ),
});

/**
 * Text as PostgreSQL can store it: no NUL (jsonb refuses it) and no lone surrogate halves (replaced by U+FFFD).
 * Without this, one odd character would make every redelivery of the event fail.
 */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '').toWellFormed();
}

export function normaliseEvent(raw: z.infer<typeof WebhookBodySchema>['events'][number]): BotEvent | null {
  if (raw.mode === 'standby') return null;
  const userId = raw.source?.type === 'user' ? raw.source.userId : undefined;
  if (!userId) return null; // groups and rooms are not where officers report
  const base = {
    id: raw.webhookEventId,
    occurredAt: new Date(raw.timestamp),
    lineUserId: userId,
    replyToken: raw.replyToken ?? null,
    redelivery: raw.deliveryContext?.isRedelivery ?? false,
  };
  const ev = raw as unknown as webhook.Event;
  switch (ev.type) {
    case 'message':
      return ev.message.type === 'text'
        ? { ...base, type: 'text', text: storableText(ev.message.text) }
        : { ...base, type: 'other', lineType: `message.${ev.message.type}` };
    case 'postback': {
      const params = ev.postback.params as Record<string, string> | undefined;
      return { ...base, type: 'postback', postback: decodePostback(storableText(ev.postback.data)), ...(params ? { params } : {}) };
    }
    case 'follow':
      return { ...base, type: 'follow' };
    case 'unfollow':
      return { ...base, type: 'unfollow' };
    default:
      return null; // unsend, join, beacon, messageEdited…: nothing for this bot to do
  }
}
