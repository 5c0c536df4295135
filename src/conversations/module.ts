// A feature's contribution to the bot: its flows, the words that start them, and its global postback actions.
import type { Flow } from '../bot/flow.js';
import type { Action } from '../bot/router.js';

export interface BotModule {
  flows?: Flow<any>[];
  /** Typed words (any spacing/case) that start a flow; keys are normalised by the router's normaliseWord. */
  startWords?: Record<string, { flow: string; args?: Record<string, string> }>;
  actions?: Record<string, Action>;
}
