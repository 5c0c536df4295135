// The bot's conversations wired for the router: every feature module's flows, start words and actions, plus
// follow/unfollow, help and menu.
import type { Db } from '../db/client.js';
import type { InviteGuardSettings } from '../domain/invite-guard.js';
import { normaliseWord, type BotDefinition } from '../bot/router.js';
import type { BotModule } from './module.js';
import { ONBOARDING_MODULES, onFollow, onUnfollow, onUnbound } from './onboarding.js';
import { helpFor, menuFor } from './menu.js';
import { answerKeyword } from './keywords.js';
import { salesEntryModule } from './sales-entry.js';
import { districtReviewModule } from './district-review.js';
import { provinceModules } from './province-review.js';
import { targetsModule } from './targets.js';
import { deadlinesModule } from './deadlines.js';
import { calendarSetModule } from './calendar-set.js';
import { reportsModule } from './reports.js';
import { estimatesModule } from './estimates.js';
import { estimateCertifyModule } from './estimate-certify.js';
import { refuseStart } from './start-rights.js';
import { deleteEntryModule } from './delete-entry.js';
import { registryModule } from './registry.js';
import { inviteSheetModule } from './invite-sheet.js';
import { registerReviewModule } from './register-review.js';

/** Feature modules; add yours here (one line each). */
const MODULES: BotModule[] = [
  salesEntryModule,
  ...ONBOARDING_MODULES,
  districtReviewModule,
  ...provinceModules,
  targetsModule,
  deadlinesModule,
  calendarSetModule,
  reportsModule,
  deleteEntryModule,
  estimatesModule,
  estimateCertifyModule,
  registryModule,
  inviteSheetModule,
  registerReviewModule,
];

/** The bot's definition; `modules` are added after the product's own (tests add a faulty one). */
export function botDefinition(deps: { db: Db; inviteGuard?: InviteGuardSettings; modules?: BotModule[] }): BotDefinition {
  const def: BotDefinition = {
    flows: [],
    startWords: {},
    actions: {},
    onFollow,
    onUnfollow,
    onUnbound: (ctx, input) => onUnbound(ctx, input, deps.inviteGuard),
    help: async (ctx) => helpFor(ctx.actor),
    menu: async (ctx) => menuFor(ctx.actor),
    understand: answerKeyword,
    refuseStart: (ctx, flow) => (ctx.actor ? refuseStart(ctx.actor, flow) : null),
  };
  for (const m of [...MODULES, ...(deps.modules ?? [])]) {
    for (const f of m.flows ?? []) {
      if (def.flows.some((x) => x.name === f.name)) throw new Error(`flow ${f.name} registered twice`);
      def.flows.push(f);
    }
    for (const [word, start] of Object.entries(m.startWords ?? {})) {
      const key = normaliseWord(word);
      if (def.startWords[key]) throw new Error(`start word ${word} registered twice`);
      def.startWords[key] = start;
    }
    for (const [name, action] of Object.entries(m.actions ?? {})) {
      if (def.actions[name]) throw new Error(`action ${name} registered twice`);
      def.actions[name] = action;
    }
  }
  return def;
}
