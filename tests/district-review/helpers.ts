// A district's month of entries for review tests, inserted directly (reporting itself is tested in sales-entry),
// and ways to read and tap what the bot showed.
import type { Db } from '../../src/db/client.js';
import type { ProductCategory, SalesStatus } from '../../src/db/generated/enums.js';
import type { TestBot } from '../support/bot.js';
import { makeProducer } from '../support/people.js';

export interface Row {
  producer: string;
  category: ProductCategory;
  baht: number;
  exportBaht?: number;
  status?: SalesStatus;
  late?: boolean;
  byOfficer?: boolean;
  returnReason?: string;
}

export const OCTOBER = new Date('2026-10-01');

/** Producers (one per distinct name, plus `pending` ones with no entry) and their October entries. */
export async function seedDistrict(db: Db, districtId: number, enteredById: number, rows: Row[], pending: string[] = []) {
  const producers = new Map<string, number>();
  for (const name of [...new Set([...rows.map((r) => r.producer), ...pending])]) {
    const cats = [...new Set(rows.filter((r) => r.producer === name).map((r) => r.category))];
    producers.set(name, (await makeProducer(db, { districtId, name, categories: cats.length ? cats : ['FOOD'] })).id);
  }
  const entries: number[] = [];
  for (const r of rows) {
    const e = await db.salesEntry.create({
      data: {
        producerId: producers.get(r.producer)!,
        month: OCTOBER,
        category: r.category,
        domesticOffline: BigInt(r.baht) * 100n,
        domesticOnline: 0n,
        exportOffline: BigInt(r.exportBaht ?? 0) * 100n,
        exportOnline: 0n,
        status: r.status ?? 'SUBMITTED',
        late: r.late ?? false,
        enteredByOfficer: r.byOfficer ?? false,
        enteredById,
        submittedAt: new Date('2026-11-01T02:00:00Z'),
        returnReason: r.returnReason ?? null,
      },
    });
    entries.push(e.id);
  }
  return { producers, entries };
}

type Msg = { type: string; text?: string; altText?: string; quickReply?: { items: { action: Action }[] }; contents?: unknown };
type Action = { type: string; label?: string; data?: string; text?: string };

/** Buttons of the last card and quick replies of the last message sent to the user. */
export function buttons(bot: TestBot, user: string): Action[] {
  const all = bot.fake.messagesTo(user) as Msg[];
  const out: Action[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'button' && n.action) out.push(n.action as Action);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  const lastCard = all.findLast((m) => m.type === 'flex');
  if (lastCard) walk(lastCard.contents);
  for (const i of all.at(-1)?.quickReply?.items ?? []) out.push(i.action);
  return out;
}

/** Labels of the quick replies of the last message sent to the user. */
export function quickLabels(bot: TestBot, user: string): string[] {
  return ((bot.fake.messagesTo(user) as Msg[]).at(-1)?.quickReply?.items ?? []).map((i) => i.action.label ?? '');
}

export async function press(bot: TestBot, user: string, label: string): Promise<void> {
  const b = buttons(bot, user).find((x) => x.label?.includes(label));
  if (!b) throw new Error(`no button "${label}" among: ${buttons(bot, user).map((x) => x.label).join(' | ')}`);
  if (b.data) await bot.tap(user, b.data);
  else await bot.say(user, b.text ?? b.label!);
}

/** All text in the last card sent to the user (titles, rows, items, notes). */
export function lastCardText(bot: TestBot, user: string): string {
  const card = (bot.fake.messagesTo(user) as Msg[]).findLast((m) => m.type === 'flex');
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'text' && typeof n.text === 'string') texts.push(n.text);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card?.contents);
  return texts.join('\n');
}

export async function statuses(db: Db, ids: number[]): Promise<SalesStatus[]> {
  const rows = await db.salesEntry.findMany({ where: { id: { in: ids } } });
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}
