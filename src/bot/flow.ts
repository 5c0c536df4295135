// Conversations are named-step machines: state is a discriminated union on `step`, validated by a zod schema on
// load, with a version. Steps read; only the final step writes, through one domain service.
import type { z } from 'zod';
import type { Ctx } from './context.js';
import type { Input } from './events.js';
import type { Reply } from './reply.js';

export type Outcome<S> =
  /** The step succeeded: save the new state. */
  | { type: 'next'; state: S; replies: Reply[] }
  /** Bad input: explain, keep the step (state unchanged). */
  | { type: 'stay'; replies: Reply[] }
  /** Finished: the conversation ends. */
  | { type: 'done'; replies: Reply[] }
  /** The person gave up: the conversation ends. */
  | { type: 'cancelled'; replies: Reply[] }
  /** Not for this conversation (e.g. a tap on an unrelated card): let the router's global actions handle it. */
  | { type: 'pass' }
  /** This conversation ends and another starts (e.g. producer picked → sales entry); replies come first. */
  | { type: 'switch'; flow: string; args: Record<string, string>; replies: Reply[] };

export interface Flow<S extends { step: string } = { step: string }> {
  /** Unique name, stored with the state, e.g. "sales-entry". */
  name: string;
  /** Bump when the state's shape changes; stored states of another version are discarded kindly. */
  version: number;
  schema: z.ZodType<S>;
  start(ctx: Ctx, args: Record<string, string>): Promise<Outcome<S>>;
  advance(ctx: Ctx, state: S, input: Input): Promise<Outcome<S>>;
  /** What typed work "เมนู" would drop (e.g. "ยอดขายอาหาร เดือนตุลาคม 2569 ที่ยังไม่ได้ส่ง"), or null when nothing:
   * the router then warns first instead of dropping it silently. */
  draft?(state: S): string | null;
  /** The current question again (after "ทำรายการต่อ"). */
  prompt?(ctx: Ctx, state: S): Promise<Reply[]>;
}

export const next = <S>(state: S, ...replies: Reply[]): Outcome<S> => ({ type: 'next', state, replies });
export const stay = <S = never>(...replies: Reply[]): Outcome<S> => ({ type: 'stay', replies });
export const done = <S = never>(...replies: Reply[]): Outcome<S> => ({ type: 'done', replies });
export const cancelled = <S = never>(...replies: Reply[]): Outcome<S> => ({ type: 'cancelled', replies });
export const pass = <S = never>(): Outcome<S> => ({ type: 'pass' });
export const switchTo = <S = never>(flow: string, args: Record<string, string>, ...replies: Reply[]): Outcome<S> => ({
  type: 'switch',
  flow,
  args,
  replies,
});

/** Idle time after which a conversation expires. */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;
