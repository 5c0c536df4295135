// Everything one event's handling may use: the transaction, the person, the clock, and ways to answer.
import type { Tx } from '../db/client.js';
import type { User } from '../db/generated/client.js';
import type { Actor } from '../domain/actor.js';
import type { Places } from '../domain/places.js';
import type { BotEvent } from './events.js';
import type { LinePort, ReportPort } from './ports.js';
import type { Reply } from './reply.js';

export interface Ctx {
  tx: Tx;
  now: Date;
  event: BotEvent;
  /** The person, created on first contact. */
  user: User;
  /** Null until an invite has been redeemed (or when inactive). */
  actor: Actor | null;
  /** Profile lookups during handling; setRichMenu only inside afterCommit (LINE must not change before commit). */
  line: Pick<LinePort, 'getProfile' | 'setRichMenu'>;
  /** Queues a push to someone else, sent after commit; `key` makes it idempotent. */
  push(lineUserId: string, replies: Reply[], key: string): Promise<void>;
  /** Runs after the transaction committed (rich menu links and other LINE side effects). */
  afterCommit(fn: () => Promise<void>): void;
  publicBaseUrl: string;
  /** Reference places (a district's tambons) that typed place names are checked against. */
  places: Places;
  /** The bot's add-friend link (LINE_ADD_FRIEND_URL), or null when none is configured. */
  addFriendUrl?: string | null;
  /** Report files made after commit (absent where reports are not wired). */
  reports?: ReportPort;
}
