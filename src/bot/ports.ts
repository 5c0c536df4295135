// What the bot needs from the outside world, as interfaces; src/line/ implements them for LINE.
import type { Reply } from './reply.js';
import type { Role } from '../db/generated/enums.js';
import type { ReportRequestRow } from '../domain/reports/requests.js';

export class ReplyTokenRejected extends Error {}
/** Replies that cannot be sent as they are (their rendering for LINE failed): a bug, never worth a retry. */
export class UnsendableReplies extends Error {}

export interface LinePort {
  /** Replies with up to 5 messages; throws ReplyTokenRejected when the token is used or expired. */
  reply(replyToken: string, replies: Reply[]): Promise<void>;
  /** Pushes; a repeated retryKey is accepted once by LINE (409 counts as delivered). */
  push(lineUserId: string, replies: Reply[], retryKey: string): Promise<void>;
  /** Throws UnsendableReplies when these 1–5 replies could not be sent (the rendering reply and push do). */
  check(replies: Reply[]): void;
  showLoading(lineUserId: string): Promise<void>;
  getProfile(lineUserId: string): Promise<{ displayName: string } | null>;
  /** Links the role's rich menu to the user (creating and uploading it on first use), or unlinks with null. */
  setRichMenu(lineUserId: string, role: Role | null): Promise<void>;
}

/** A report someone asked for in chat: recorded with the conversation's transaction, made after it committed, pushed. */
export type ReportTask = ReportRequestRow;

/** A district's invite sheet asked for in chat: codes issued and the PDF made after commit, then pushed. */
export interface InviteSheetTask {
  lineUserId: string;
  /** Business key of the push (from the event). */
  key: string;
  /** The officer who asked (a user id): the codes are issued under its authority. */
  userId: number;
  districtId: number;
}

/** Makes a report file in the background and pushes its download card (src/jobs/report-delivery.ts). */
export interface ReportPort {
  deliver(task: ReportTask): Promise<void>;
  /** The invite sheet (src/jobs/invite-sheet-delivery.ts); absent where not wired. */
  deliverInviteSheet?(task: InviteSheetTask): Promise<void>;
}

/** Why a bulk send failed: the monthly quota is spent (stop), worth retrying with the same key, or refused for good. */
export class SendFailure extends Error {
  constructor(
    readonly kind: 'quota' | 'retryable' | 'permanent',
    message: string,
  ) {
    super(message);
  }
}

/** Scheduled sending (reminders): push and multicast with a retry key (409 = delivered), and the monthly quota. */
export interface BulkSendPort {
  push(lineUserId: string, replies: Reply[], retryKey: string): Promise<void>;
  /** ≤ 500 recipients, identical messages. */
  multicast(lineUserIds: string[], replies: Reply[], retryKey: string): Promise<void>;
  /** The monthly target (null = unlimited) and the approximate messages counted so far this month. */
  quota(): Promise<{ limit: number | null; used: number }>;
}
