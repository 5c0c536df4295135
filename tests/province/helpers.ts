// Helpers of the province tests: entries inserted directly with the status a test needs, and reading what the bot
// showed (every text of cards, the postbacks behind buttons) so a test taps what a person would tap.
import type { Db } from '../../src/db/client.js';
import type { ProductCategory, SalesStatus } from '../../src/db/generated/enums.js';
import type { TestBot } from '../support/bot.js';
import { makeProducer } from '../support/people.js';
import { findButton } from '../support/screen.js';


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

export { buttons, everything, press } from '../support/screen.js';

/** The postback data of the (newest) button labelled `label` with `data` in it. */
export function dataOf(bot: TestBot, user: string, label: string, data = '', last = 3): string {
  const b = findButton(bot, user, label, data, last);
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
