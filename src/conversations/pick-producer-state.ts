// State of the pick-producer conversation: which list the officer looks at and which page.
import { z } from 'zod';

export const Purpose = z.enum(['entry', 'invite']);
export type Purpose = z.infer<typeof Purpose>;

const Base = z.object({
  /** What the chosen producer is for: sales entry on its behalf, or an invite code. */
  purpose: Purpose,
  /** Identifies this conversation's cards: a tap on another conversation's card is stale. */
  token: z.string().min(4).max(16),
});

export const PickProducerState = z.discriminatedUnion('step', [
  Base.extend({
    step: z.literal('list'),
    /** pending: no entry for the month just ended (entry) / no LINE user yet (invite). */
    view: z.enum(['pending', 'all', 'search']),
    query: z.string().min(1).max(100).nullable(),
    page: z.number().int().min(1),
    /** The month "ยังไม่ส่งยอด" is about ("YYYY-MM"); absent: the month just ended. An earlier open month lets the
     * officer catch up on it while a newer one is current. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  }),
  Base.extend({ step: z.literal('search') }),
]);
export type PickProducerState = z.infer<typeof PickProducerState>;
export type ListStep = Extract<PickProducerState, { step: 'list' }>;
