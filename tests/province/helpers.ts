// Helpers of the province tests: entries inserted directly with the status a test needs, and reading what the bot
// showed (every text of cards, the postbacks behind buttons) so a test taps what a person would tap.
import type { Db } from '../../src/db/client.js';
import type { ProductCategory, SalesStatus } from '../../src/db/generated/enums.js';
import type { TestBot } from '../support/bot.js';
import { makeProducer } from '../support/people.js';

type Msg = { type: string; text?: string; altText?: string; quickReply?: { items: { action: Action }[] }; contents?: unknown };
type Action = { type: string; label?: string; data?: string; text?: string };

/** One entry per status, each of a new producer of the district (FOOD), `baht` each. */
export async function addEntries(
  db: Db,
  o: { districtId: number; statuses: SalesStatus[]; by: number; month?: string; baht?: number; category?: ProductCategory },
) {
  const rows = [];
  for (const status of o.statuses) {
    const p = await makeProducer(db, { districtId: o.districtId, categories: [o.category ?? 'FOOD'] });
    rows.push(
      await db.salesEntry.create({
        data: {
          producerId: p.id,
          month: new Date(`${o.month ?? '2026-10'}-01`),
          category: o.category ?? 'FOOD',
          domesticOffline: BigInt(o.baht ?? 100_000) * 100n,
          domesticOnline: 0n,
          exportOffline: 0n,
          exportOnline: 0n,
          status,
          enteredById: o.by,
          submittedAt: new Date('2026-11-01T03:00:00Z'),
          ...(status === 'DISTRICT_CONFIRMED' || status === 'PROVINCE_CONFIRMED' ? { districtConfirmedAt: new Date('2026-11-01T05:00:00Z'), districtConfirmedById: o.by } : {}),
          ...(status === 'PROVINCE_CONFIRMED' ? { provinceConfirmedAt: new Date('2026-11-01T08:00:00Z'), provinceConfirmedById: o.by } : {}),
        },
      }),
    );
  }
  return rows;
}

/** A district-month the province has confirmed (locked), with `n` PROVINCE_CONFIRMED entries. */
export async function lockedMonth(db: Db, o: { districtId: number; by: number; n?: number; month?: string }) {
  const month = o.month ?? '2026-10';
  const rows = await addEntries(db, { districtId: o.districtId, statuses: Array(o.n ?? 2).fill('PROVINCE_CONFIRMED'), by: o.by, month });
  await db.districtMonth.create({ data: { districtId: o.districtId, month: new Date(`${month}-01`), provinceConfirmedAt: new Date('2026-11-01T08:00:00Z'), provinceConfirmedById: o.by } });
  return rows;
}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  for (const v of Object.values(node)) if (typeof v === 'object') walk(v, visit);
}

/** Every text the user was sent (message texts, altTexts and the texts inside cards), joined by new lines. */
export function everything(bot: TestBot, user: string, last = 1000): string {
  const out: string[] = [];
  for (const m of (bot.fake.messagesTo(user) as Msg[]).slice(-last)) {
    if (m.text) out.push(m.text);
    if (m.altText) out.push(m.altText);
    walk(m.contents, (n) => {
      if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
    });
  }
  return out.join('\n');
}

/** Buttons and quick replies of the last `last` messages the user got, newest last. */
export function buttons(bot: TestBot, user: string, last = 3): Action[] {
  const msgs = (bot.fake.messagesTo(user) as Msg[]).slice(-last);
  const out: Action[] = [];
  for (const m of msgs) {
    walk(m.contents, (n) => {
      if (n.type === 'button' && n.action) out.push(n.action as Action);
    });
  }
  for (const i of msgs.at(-1)?.quickReply?.items ?? []) out.push(i.action);
  return out;
}

/** The newest button labelled exactly `label` (else whose label includes it) whose postback includes `data`. */
function find(bot: TestBot, user: string, label: string, data: string, last: number): Action | undefined {
  const all = buttons(bot, user, last).filter((x) => (x.data ?? '').includes(data));
  return all.findLast((x) => x.label === label) ?? all.findLast((x) => (x.label ?? '').includes(label));
}

/** Taps the button (see find), or says its text. */
export async function press(bot: TestBot, user: string, label: string, data = '', last = 3): Promise<void> {
  const b = find(bot, user, label, data, last);
  if (!b) throw new Error(`no button "${label}" ${data} among: ${buttons(bot, user, last).map((x) => `${x.label} ${x.data ?? ''}`).join(' | ')}`);
  if (b.data) await bot.tap(user, b.data);
  else await bot.say(user, b.text ?? b.label!);
}

/** The postback data of the (newest) button labelled `label` with `data` in it. */
export function dataOf(bot: TestBot, user: string, label: string, data = '', last = 3): string {
  const b = find(bot, user, label, data, last);
  if (!b?.data) throw new Error(`no postback button "${label}"`);
  return b.data;
}

/** Same postback with params replaced (to forge a tap on another district with a valid token). */
export function withParams(data: string, params: Record<string, string>): string {
  const [v, action, query] = data.split('|');
  const q = new URLSearchParams(query);
  for (const [k, val] of Object.entries(params)) q.set(k, val);
  return `${v}|${action}|${q.toString()}`;
}
