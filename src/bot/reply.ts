// What the bot says, independent of LINE: src/line/render.ts turns replies into LINE message objects
// (text, Flex cards from flex-templates/, quick replies).
import type { Postback } from './events.js';
import type { Card } from './cards.js';

/** A quick-reply button: sends `text` as the person's message, or a postback. Label ≤ 20 characters. */
export type Choice = { label: string; text: string } | { label: string; postback: Postback; display?: string };

export type Reply =
  | { kind: 'text'; text: string; choices?: Choice[] }
  | { kind: 'card'; card: Card; choices?: Choice[] }
  /** A picture at an absolute https address (LINE fetches it): `alt` says what it shows where it is not drawn. */
  | { kind: 'image'; url: string; alt: string; choices?: Choice[] };

export const text = (t: string, choices?: Choice[]): Reply => (choices?.length ? { kind: 'text', text: t, choices } : { kind: 'text', text: t });
export const card = (c: Card, choices?: Choice[]): Reply => (choices?.length ? { kind: 'card', card: c, choices } : { kind: 'card', card: c });
export const image = (url: string, alt: string): Reply => ({ kind: 'image', url, alt });
export const say = (label: string, t = label): Choice => ({ label, text: t });
export const tap = (label: string, postback: Postback, display?: string): Choice =>
  display ? { label, postback, display } : { label, postback };

/** Longest piece of typed input the bot repeats back. */
export const ECHO_MAX = 40;
/** Typed input quoted back to the person, cut to ECHO_MAX characters (whole code points, "…" when cut): an answer
 * never grows with what was typed, so every input up to LINE's 5,000 characters gets one. */
export function quoted(input: string): string {
  const chars = Array.from(input.replace(/\s+/g, ' ').trim());
  return `"${chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX - 1).join('')}…` : chars.join('')}"`;
}

/** The one answer to a bug (anything but an input, rule or permission error): `ref` is logged with the fault. */
export const failureAnswer = (ref: string): Reply =>
  text(`ขออภัย เกิดข้อผิดพลาดในระบบ (รหัสอ้างอิง ${ref}) กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ แจ้งเจ้าหน้าที่พร้อมรหัสนี้`);
