/**
 * The LINE platform's side of a tap or a typed line in the simulator: the webhook event LINE would send (with a
 * reply token the fake will accept), in a body signed with the channel secret, exactly as LINE signs it. The secret
 * stays on the server; the browser only says what the person did.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What the person did, as the page reports it (validated: it comes from the browser). */
export const PersonAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1).max(5000) }),
  z.object({
    type: z.literal('postback'),
    data: z.string().max(300),
    params: z
      .union([
        z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
        z.object({ time: z.string().regex(/^\d{2}:\d{2}$/) }),
        z.object({ datetime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) }),
      ])
      .optional(),
  }),
  z.object({ type: z.literal('follow') }),
]);
export type PersonAction = z.infer<typeof PersonAction>;

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = (): string => Array.from(randomBytes(26), (b) => ULID_ALPHABET[b % 32]).join('');

function eventFields(action: PersonAction): Record<string, unknown> {
  switch (action.type) {
    case 'text':
      return { type: 'message', message: { type: 'text', id: ulid(), quoteToken: ulid(), text: action.text } };
    case 'postback':
      return { type: 'postback', postback: action.params ? { data: action.data, params: action.params } : { data: action.data } };
    case 'follow':
      return { type: 'follow', follow: { isUnblocked: false } };
  }
}

/** The raw webhook body and its `x-line-signature` for one event of `lineUserId`. */
export function signedWebhook(
  action: PersonAction,
  lineUserId: string,
  replyToken: string,
  channelSecret: string,
  now = Date.now(),
): { body: string; signature: string } {
  const event = {
    mode: 'active',
    timestamp: now,
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: lineUserId },
    replyToken,
    ...eventFields(action),
  };
  const body = JSON.stringify({ destination: 'U' + '0'.repeat(32), events: [event] });
  return { body, signature: createHmac('sha256', channelSecret).update(body).digest('base64') };
}
