// Turns a webhook request (raw bytes + x-line-signature) into our events. The signature is checked on the exact
// bytes LINE sent, before anything is parsed; then each event is checked on its own (normalise.ts): malformed ones
// are reported in `dropped` and the good ones go on.
import { validateSignature } from '@line/bot-sdk';
import type { BotEvent } from '../bot/events.js';
import { normaliseEvent, WebhookBodySchema } from './normalise.js';

export interface DroppedEvent {
  index: number;
  id: string | null;
  problem: string;
}

export type ParsedWebhook =
  | { ok: true; events: BotEvent[]; total: number; dropped: DroppedEvent[] }
  | { ok: false; status: 400 | 401; message: string };

export function parseWebhook(raw: Buffer, signature: string | undefined, channelSecret: string): ParsedWebhook {
  if (!signature) return { ok: false, status: 401, message: 'missing x-line-signature' };
  if (!validateSignature(raw, channelSecret, signature)) return { ok: false, status: 401, message: 'bad signature' };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'body is not JSON' };
  }
  const body = WebhookBodySchema.safeParse(json);
  if (!body.success) return { ok: false, status: 400, message: 'body is not a LINE webhook' };
  const events: BotEvent[] = [];
  const dropped: DroppedEvent[] = [];
  body.data.events.forEach((raw, index) => {
    const n = normaliseEvent(raw);
    if (!n.ok) dropped.push({ index, id: n.id, problem: n.problem });
    else if (n.event) events.push(n.event);
  });
  return { ok: true, events, total: body.data.events.length, dropped };
}
