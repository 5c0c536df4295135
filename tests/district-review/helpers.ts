// A district's month of entries for review tests, inserted directly (reporting itself is tested in sales-entry),
// and ways to read and tap what the bot showed.
import type { Db } from '../../src/db/client.js';
import type { ProductCategory, SalesStatus } from '../../src/db/generated/enums.js';
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

export { buttons, lastCardText, press, quickLabels } from '../support/screen.js';

export async function statuses(db: Db, ids: number[]): Promise<SalesStatus[]> {
  const rows = await db.salesEntry.findMany({ where: { id: { in: ids } } });
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}

/** Taps the confirm button of the preview the officer was just shown ("ยืนยัน N รายการ" or "ยืนยันแม้ยังไม่ครบ"). */
export async function acceptPreview(bot: import('../support/bot.js').TestBot, user: string): Promise<void> {
  const b = (await import('../support/screen.js')).buttons(bot, user, 1).find((x) => (x.data ?? '').includes('dr-confirm-ok'));
  if (!b?.data) throw new Error('no confirmation preview with a confirm button was shown');
  await bot.tap(user, b.data);
}
