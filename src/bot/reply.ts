// What the bot says, independent of LINE: src/line/render.ts turns replies into LINE message objects
// (text, Flex cards from flex-templates/, quick replies).
import type { Postback } from './events.js';
import type { Card } from './cards.js';

/** A quick-reply button: sends `text` as the person's message, or a postback. Label ≤ 20 characters. */
export type Choice = { label: string; text: string } | { label: string; postback: Postback; display?: string };

export type Reply =
  | { kind: 'text'; text: string; choices?: Choice[] }
  | { kind: 'card'; card: Card; choices?: Choice[] };

export const text = (t: string, choices?: Choice[]): Reply => (choices?.length ? { kind: 'text', text: t, choices } : { kind: 'text', text: t });
export const card = (c: Card, choices?: Choice[]): Reply => (choices?.length ? { kind: 'card', card: c, choices } : { kind: 'card', card: c });
export const say = (label: string, t = label): Choice => ({ label, text: t });
export const tap = (label: string, postback: Postback, display?: string): Choice =>
  display ? { label, postback, display } : { label, postback };
