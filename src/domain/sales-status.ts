// The life of a sales entry as data: which transition may move an entry from which status, done by which role.
// Services apply a transition with a conditional write (WHERE status IN from AND revision = read), so two
// officers acting at once cannot both succeed.
import type { Role, SalesStatus } from '../db/generated/enums.js';

export type Transition =
  | 'submit'
  | 'district-confirm'
  | 'district-return'
  | 'province-confirm'
  | 'province-return'
  | 'unlock';

export interface TransitionRule {
  /** Statuses the entry may be in; null = the entry does not exist yet. */
  from: readonly (SalesStatus | null)[];
  to: SalesStatus;
  roles: readonly Role[];
}

export const TRANSITIONS: Record<Transition, TransitionRule> = {
  /** New figures, or corrected ones before the district confirmed. */
  submit: { from: [null, 'DRAFT', 'SUBMITTED', 'RETURNED'], to: 'SUBMITTED', roles: ['PRODUCER', 'DISTRICT_OFFICER'] },
  /** What the district development officer's signature on รต.2 certifies. */
  'district-confirm': { from: ['SUBMITTED'], to: 'DISTRICT_CONFIRMED', roles: ['DISTRICT_OFFICER'] },
  /** Sent back to the producer to fix, with a reason; editable again. */
  'district-return': { from: ['SUBMITTED', 'DISTRICT_CONFIRMED'], to: 'RETURNED', roles: ['DISTRICT_OFFICER'] },
  /** Province confirms a whole district-month; then the zone and the department see it. */
  'province-confirm': { from: ['DISTRICT_CONFIRMED'], to: 'PROVINCE_CONFIRMED', roles: ['PROVINCE_OFFICER'] },
  /** Province sends a district-month back: the district must check and confirm again. */
  'province-return': { from: ['DISTRICT_CONFIRMED'], to: 'SUBMITTED', roles: ['PROVINCE_OFFICER'] },
  /** An approved unlock reopens a locked district-month. */
  unlock: { from: ['PROVINCE_CONFIRMED'], to: 'SUBMITTED', roles: ['PROVINCE_OFFICER'] },
};

export function canTransition(t: Transition, from: SalesStatus | null, role: Role): boolean {
  const rule = TRANSITIONS[t];
  return rule.from.includes(from) && rule.roles.includes(role);
}

/** Statuses in which a producer or district officer may still change the figures. */
export const EDITABLE: readonly SalesStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED'];
/** Statuses counted as "reported" for a month (submitted or beyond). */
export const REPORTED: readonly SalesStatus[] = ['SUBMITTED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED'];
/** Statuses visible to zone and department: only what the province confirmed. */
export const VISIBLE_ABOVE_PROVINCE: readonly SalesStatus[] = ['PROVINCE_CONFIRMED'];
