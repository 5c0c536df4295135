// Turns a webhook request (raw bytes + x-line-signature) into our events. The signature is checked on the exact
// bytes LINE sent, before anything is parsed.
import { validateSignature } from '@line/bot-sdk';
import type { BotEvent } from '../bot/events.js';
import { normaliseEvent, WebhookBodySchema } from './normalise.js';

export type ParsedWebhook =
  | { ok: true; events: BotEvent[]; total: number }
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
  const events = body.data.events.map(normaliseEvent).filter((e): e is BotEvent => e !== null);
  return { ok: true, events, total: body.data.events.length };
}
