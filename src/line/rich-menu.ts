// Per-role LINE rich menus, created once and reused: LINE allows 100 creations per hour and an image can never be
// replaced, so the menu id for each role is kept in the RichMenu table with the hash of its design
// (rich-menu-design.ts). A changed design (new layout or re-rendered PNG) creates a new menu, moves the users of
// that role to it, then deletes the old one (deleting a menu unlinks everyone still linked to it).
//
// Concurrency:
// - In one process, concurrent menuFor(role) calls share one in-flight promise: at most one menu is created.
// - Across processes, two may each create a menu for the same role; the RichMenu row is then written with a
//   compare-and-set (insert-if-absent / update-if-unchanged), so exactly one wins and the loser deletes its own
//   menu and returns the winner's. Running two versions with different designs side by side (a long rolling
//   deploy) makes them replace each other's menu on every call: keep such overlaps short.
import { HTTPFetchError } from '@line/bot-sdk';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client.js';
import type { Role } from '../db/generated/enums.js';
import { createLogger } from '../log.js';
import type { LineClients } from './messenger.js';
import { richMenuDesign, type RichMenuDesign } from './rich-menu-design.js';

export interface RichMenuLog {
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
}

export interface RichMenus {
  /** The LINE richMenuId for `role`, creating (and storing) it when absent or when the design changed. */
  menuFor(role: Role): Promise<string>;
  /**
   * LINE no longer knows `richMenuId` (deleted, or a fresh LINE fake after a restart in local mode): the stored row
   * is dropped if it still names it, so the next menuFor(role) creates the menu again.
   */
  forget(role: Role, richMenuId: string): Promise<void>;
  /** Resolves when background work (moving users off a replaced menu, deleting it) has finished. */
  idle(): Promise<void>;
}

/** Links made at once while moving a role's users to its new menu (LINE allows 2,000 links/s). */
const RELINK_CONCURRENCY = 8;
/** Attempts when another process keeps winning the race to store a new menu. */
const MAX_ATTEMPTS = 3;

export function createRichMenus(
  db: Db,
  clients: LineClients,
  opts: { log?: RichMenuLog } = {},
): RichMenus {
  const log = opts.log ?? createLogger('info');
  const designs = new Map<Role, RichMenuDesign>();
  const inflight = new Map<Role, Promise<string>>();
  const background = new Set<Promise<void>>();

  const design = (role: Role): RichMenuDesign => {
    let d = designs.get(role);
    if (!d) designs.set(role, (d = richMenuDesign(role)));
    return d;
  };

  async function deleteMenu(richMenuId: string): Promise<void> {
    try {
      await clients.api.deleteRichMenu(richMenuId);
    } catch (err) {
      if (err instanceof HTTPFetchError && err.status === 404) return; // already gone
      log.warn('rich menu delete failed', { richMenuId, error: String(err) });
    }
  }

  /** Creates the menu and uploads its image; a menu whose upload failed is deleted (it could never be linked). */
  async function createMenu(role: Role, d: RichMenuDesign): Promise<string> {
    const { richMenuId } = await clients.api.createRichMenu(d.menu);
    try {
      const bytes = readFileSync(d.imagePath);
      const type = d.imagePath.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg';
      await clients.blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(bytes)], { type }));
    } catch (err) {
      await deleteMenu(richMenuId);
      throw err;
    }
    log.info('rich menu created', { role, richMenuId, designHash: d.designHash });
    return richMenuId;
  }

  /** Compare-and-set of the role's row: true if `richMenuId` is now stored, false if another writer got there first. */
  async function store(role: Role, previous: string | null, richMenuId: string, designHash: string): Promise<boolean> {
    if (previous === null) {
      const { count } = await db.richMenu.createMany({ data: [{ role, richMenuId, designHash }], skipDuplicates: true });
      return count === 1;
    }
    const { count } = await db.richMenu.updateMany({
      where: { role, richMenuId: previous },
      data: { richMenuId, designHash, createdAt: new Date() },
    });
    return count === 1;
  }

  /** Moves the role's active users to the new menu, then deletes the old one. Never throws. */
  async function retire(role: Role, oldId: string, newId: string): Promise<void> {
    try {
      const users = await db.user.findMany({ where: { role, active: true }, select: { lineUserId: true } });
      let failed = 0;
      for (let i = 0; i < users.length; i += RELINK_CONCURRENCY) {
        const batch = users.slice(i, i + RELINK_CONCURRENCY);
        const results = await Promise.allSettled(batch.map((u) => clients.api.linkRichMenuIdToUser(u.lineUserId, newId)));
        failed += results.filter((r) => r.status === 'rejected').length;
      }
      if (failed > 0) log.warn('rich menu relink failed for some users', { role, richMenuId: newId, failed, of: users.length });
    } catch (err) {
      log.warn('rich menu relink failed', { role, richMenuId: newId, error: String(err) });
    }
    await deleteMenu(oldId);
  }

  async function ensure(role: Role): Promise<string> {
    const d = design(role);
    for (let attempt = 1; ; attempt++) {
      const row = await db.richMenu.findUnique({ where: { role } });
      if (row && row.designHash === d.designHash) return row.richMenuId;
      const richMenuId = await createMenu(role, d);
      if (await store(role, row?.richMenuId ?? null, richMenuId, d.designHash)) {
        if (row && row.richMenuId !== richMenuId) {
          const job = retire(role, row.richMenuId, richMenuId);
          background.add(job);
          void job.finally(() => background.delete(job));
        }
        return richMenuId;
      }
      await deleteMenu(richMenuId); // another process stored its menu meanwhile: use that one
      if (attempt >= MAX_ATTEMPTS) throw new Error(`rich menu for ${role}: lost ${attempt} races to store it`);
    }
  }

  return {
    menuFor(role) {
      let p = inflight.get(role);
      if (!p) {
        p = ensure(role).finally(() => inflight.delete(role));
        inflight.set(role, p);
      }
      return p;
    },
    async forget(role, richMenuId) {
      await db.richMenu.deleteMany({ where: { role, richMenuId } });
    },
    async idle() {
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}
