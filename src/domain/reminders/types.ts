// The planner's input (a snapshot of who owes what for one sales month, built by SQL in snapshot.ts) and output.
import type { Deadlines } from '../deadlines.js';
import type { DayKey, MonthKey } from '../fiscal-period.js';

/** A LINE user who can be reminded: bound, active (still following). */
export interface Person {
  userId: number;
  lineUserId: string;
  /** The producer turned its own reminders off (ignored for officers' duty reminders). */
  optedOut: boolean;
}

export interface MonthSnapshot {
  month: MonthKey;
  /** Producers with at least one LINE user; `missing` = categories without a reported entry. */
  producers: { producerId: number; provinceId: number; missing: number; users: Person[] }[];
  districts: {
    districtId: number;
    provinceId: number;
    name: string;
    /** Active producers without a reported entry for every category (first ones by name; `missingCount` is all). */
    missing: { producerId: number; name: string }[];
    missingCount: number;
    /** Entries submitted and waiting for the district's confirmation. */
    awaiting: number;
    officers: Person[];
  }[];
  provinces: {
    provinceId: number;
    zoneId: number;
    name: string;
    /** Districts that still owe something: entries awaiting confirmation or producers missing. */
    districtsPending: string[];
    /** Districts whose month the province has not confirmed although it has entries. */
    awaitingProvince: number;
    officers: Person[];
  }[];
  zones: { zoneId: number; officers: Person[] }[];
  department: { officers: Person[]; provinces: number; provincesConfirmed: number; entries: number };
}

/** What a reminder says; src/bot/reminder-replies.ts turns it into the bot's replies. */
export type ReminderContent =
  | { kind: 'producer-entry'; month: MonthKey; due: DayKey; today: boolean }
  | { kind: 'district-missing'; month: MonthKey; due: DayKey; producers: { producerId: number; name: string }[]; total: number }
  | { kind: 'district-confirm'; month: MonthKey; due: DayKey; awaiting: number }
  | { kind: 'province-overdue'; month: MonthKey; due: DayKey; districts: string[] }
  | { kind: 'province-confirm'; month: MonthKey; due: DayKey; awaiting: number }
  | { kind: 'zone-overdue'; month: MonthKey; due: DayKey; provinces: string[] }
  | { kind: 'department-close'; month: MonthKey; close: DayKey; provinces: number; provincesConfirmed: number; entries: number };

export type ReminderKind = ReminderContent['kind'];

export interface PlannedReminder {
  userId: number;
  lineUserId: string;
  kind: ReminderKind;
  month: MonthKey;
  /** "before", "due", "overdue" or "close": one reminder per (user, kind, month, step). */
  step: string;
  /** Lower goes first when the quota is short. */
  priority: number;
  /** Thai, for the dry run and the status. */
  reason: string;
  /** Not pushed before this instant (the end of quiet hours). */
  notBefore: Date;
  content: ReminderContent;
}

export interface PlanOptions {
  /** Producers and districts are reminded from this many days before the entry due date (default 3). */
  daysBefore: number;
  /** Quiet hours in Bangkok, [start, end) hours; default 20 → 8. */
  quietStart: number;
  quietEnd: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { daysBefore: 3, quietStart: 20, quietEnd: 8 };

/** Priority of each kind: escalations first, then officers' duties, then producers. */
export const PRIORITY: Record<ReminderKind, number> = {
  'department-close': 0,
  'zone-overdue': 1,
  'province-overdue': 2,
  'province-confirm': 2,
  'district-confirm': 3,
  'district-missing': 3,
  'producer-entry': 5,
};

export type Calendar = (provinceId: number) => Deadlines;
