// Reading what the bot showed: the postbacks behind its buttons, so a test taps what a person would tap.
import type { TestBot } from '../support/bot.js';

type Msg = {
  type: string;
  text?: string;
  altText?: string;
  quickReply?: { items: { action: { type: string; label?: string; data?: string; text?: string } }[] };
  contents?: unknown;
};

/** Every action the user can tap in the last messages sent to them (quick replies and card buttons). */
export function buttons(bot: TestBot, user: string): { label: string; data?: string; text?: string }[] {
  const all = bot.fake.messagesTo(user) as Msg[];
  const out: { label: string; data?: string; text?: string }[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'button' && n.action) {
      const a = n.action as { label: string; data?: string; text?: string };
      out.push({ label: a.label, data: a.data, text: a.text });
    }
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  const last = all.at(-1);
  if (!last) return out;
  // buttons of recent cards (the last 3 messages) and the quick replies of the last message
  for (const m of all.slice(-3)) if (m.type === 'flex') walk(m.contents);
  for (const i of last.quickReply?.items ?? []) out.push({ label: i.action.label ?? '', data: i.action.data, text: i.action.text });
  return out;
}

/** Taps the button whose label includes `label` (throws listing the labels if there is none). */
export async function press(bot: TestBot, user: string, label: string): Promise<void> {
  const b = buttons(bot, user).find((x) => x.label.includes(label));
  if (!b) throw new Error(`no button "${label}" among: ${buttons(bot, user).map((x) => x.label).join(' | ')}`);
  if (b.data) await bot.tap(user, b.data);
  else await bot.say(user, b.text ?? b.label);
}
