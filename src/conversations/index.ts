// The bot's conversations wired for the router: start words, global actions, follow/unfollow, help and menu.
import type { Db } from '../db/client.js';
import type { BotDefinition } from '../bot/router.js';
import { onFollow, onUnfollow, onUnbound } from './onboarding.js';
import { helpFor, menuFor } from './menu.js';
import { salesEntryFlow } from './sales-entry.js';

export function botDefinition(_deps: { db: Db }): BotDefinition {
  return {
    flows: [salesEntryFlow],
    startWords: {
      รายงานยอดขาย: { flow: 'sales-entry' },
      รายงาน: { flow: 'sales-entry' },
      ส่งยอดขาย: { flow: 'sales-entry' },
      บันทึกแทนผู้ผลิต: { flow: 'sales-entry' },
    },
    actions: {},
    onFollow,
    onUnfollow,
    onUnbound,
    help: async (ctx) => helpFor(ctx.actor),
    menu: async (ctx) => menuFor(ctx.actor),
  };
}
