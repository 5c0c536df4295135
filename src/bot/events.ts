// Our own event type: what the bot reacts to, independent of LINE's webhook shapes (src/line/normalise.ts maps them).
import { z } from 'zod';

/** A decoded postback: an action name and string parameters (see src/line/postback-codec.ts). */
export const PostbackSchema = z.object({
  action: z.string().min(1).max(40),
  params: z.record(z.string(), z.string()),
});
export type Postback = z.infer<typeof PostbackSchema>;

const Base = z.object({
  /** LINE's webhookEventId: the same on redelivery. */
  id: z.string().min(1).max(64),
  occurredAt: z.coerce.date(),
  lineUserId: z.string().min(1).max(64),
  replyToken: z.string().nullable(),
  redelivery: z.boolean(),
});

export const BotEventSchema = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal('text'), text: z.string() }),
  Base.extend({
    type: z.literal('postback'),
    /** Null when the data could not be decoded (an old or foreign button). */
    postback: PostbackSchema.nullable(),
    /** Datetime picker results, if any. */
    params: z.record(z.string(), z.string()).optional(),
  }),
  Base.extend({ type: z.literal('follow') }),
  Base.extend({ type: z.literal('unfollow') }),
  /** Stickers, images, locations…: answered with help, never an error. */
  Base.extend({ type: z.literal('other'), lineType: z.string() }),
]);
export type BotEvent = z.infer<typeof BotEventSchema>;

/** What a conversation step receives from the person. */
export type Input = { kind: 'text'; text: string } | { kind: 'postback'; postback: Postback };
