// What a person sees in LINE, read from the LINE fake: texts, the texts drawn on cards, and the actions behind
// buttons and quick replies, so a test taps what a person would tap.
import type { TestBot } from './bot.js';

export type Action = { type: string; label?: string; data?: string; text?: string };
type Msg = { type: string; text?: string; altText?: string; quickReply?: { items: { action: Action }[] }; contents?: unknown };

export const sent = (bot: TestBot, user: string): Msg[] => bot.fake.messagesTo(user) as Msg[];

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) visit(node as Record<string, unknown>);
  for (const v of Object.values(node)) if (typeof v === 'object') walk(v, visit);
}

/** Texts drawn on a message's card (titles, rows, items, notes). */
function cardText(m: Msg | undefined): string[] {
  const out: string[] = [];
  walk(m?.contents, (n) => {
    if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
  });
  return out;
}

/** Every text the user was sent (message texts, altTexts, texts inside cards) of the last `last` messages. */
export function everything(bot: TestBot, user: string, last = 1000): string {
  return sent(bot, user)
    .slice(-last)
    .flatMap((m) => [m.text, m.altText, ...cardText(m)].filter((t): t is string => !!t))
    .join('\n');
}

/** All text in the last card sent to the user. */
export function lastCardText(bot: TestBot, user: string): string {
  return cardText(sent(bot, user).findLast((m) => m.type === 'flex')).join('\n');
}

/** Texts drawn on every card sent to the user, oldest first. */
export function cardTexts(bot: TestBot, user: string): string[] {
  return sent(bot, user).filter((m) => m.type === 'flex').flatMap(cardText);
}

/** What can be tapped now: card buttons of the last `last` messages and the last message's quick replies. */
export function buttons(bot: TestBot, user: string, last = 3): Action[] {
  const msgs = sent(bot, user).slice(-last);
  const out: Action[] = [];
  for (const m of msgs) walk(m.contents, (n) => (n.type === 'button' && n.action ? out.push(n.action as Action) : undefined));
  for (const i of msgs.at(-1)?.quickReply?.items ?? []) out.push(i.action);
  return out;
}

/** Every action ever sent to the user (cards and quick replies), newest first. */
export function allActions(bot: TestBot, user: string): Action[] {
  const out: Action[] = [];
  for (const m of [...sent(bot, user)].reverse()) {
    walk(m, (n) => {
      if (n.action && typeof n.action === 'object' && 'type' in (n.action as object)) out.push(n.action as Action);
    });
  }
  return out;
}

export function quickLabels(bot: TestBot, user: string): string[] {
  return (sent(bot, user).at(-1)?.quickReply?.items ?? []).map((i) => i.action.label ?? '');
}

/** The newest button labelled exactly `label` (else whose label includes it) whose postback includes `data`. */
export function findButton(bot: TestBot, user: string, label: string, data = '', last = 3): Action | undefined {
  const all = buttons(bot, user, last).filter((x) => (x.data ?? '').includes(data));
  return all.findLast((x) => x.label === label) ?? all.findLast((x) => (x.label ?? '').includes(label));
}

/** Taps the button (see findButton), or says its text for a message action. */
export async function press(bot: TestBot, user: string, label: string, data = '', last = 3): Promise<void> {
  const b = findButton(bot, user, label, data, last);
  if (!b) throw new Error(`no button "${label}" ${data} among: ${buttons(bot, user, last).map((x) => x.label).join(' | ')}`);
  if (b.data) await bot.tap(user, b.data);
  else await bot.say(user, b.text ?? b.label!);
}
