import { describe, expect, it } from 'vitest';
import type { Role, SalesStatus } from '../../src/db/generated/enums.js';
import { canTransition, TRANSITIONS, type Transition } from '../../src/domain/sales-status.js';

const STATUSES: (SalesStatus | null)[] = [null, 'DRAFT', 'SUBMITTED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED', 'RETURNED'];
const ROLES: Role[] = ['PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'];

// The life of an entry as the issue describes it, written out independently: [from, role] pairs allowed.
const ALLOWED: Record<Transition, { from: (SalesStatus | null)[]; roles: Role[]; to: SalesStatus }> = {
  submit: { from: [null, 'DRAFT', 'SUBMITTED', 'RETURNED'], roles: ['PRODUCER', 'DISTRICT_OFFICER'], to: 'SUBMITTED' },
  'district-confirm': { from: ['SUBMITTED'], roles: ['DISTRICT_OFFICER'], to: 'DISTRICT_CONFIRMED' },
  'district-return': { from: ['SUBMITTED', 'DISTRICT_CONFIRMED'], roles: ['DISTRICT_OFFICER'], to: 'RETURNED' },
  'province-confirm': { from: ['DISTRICT_CONFIRMED'], roles: ['PROVINCE_OFFICER'], to: 'PROVINCE_CONFIRMED' },
  'province-return': { from: ['DISTRICT_CONFIRMED'], roles: ['PROVINCE_OFFICER'], to: 'SUBMITTED' },
  unlock: { from: ['PROVINCE_CONFIRMED'], roles: ['PROVINCE_OFFICER'], to: 'SUBMITTED' },
};

describe('sales status machine', () => {
  const rows = (Object.keys(ALLOWED) as Transition[]).flatMap((t) => STATUSES.flatMap((from) => ROLES.map((role) => [t, String(from), role, from] as const)));
  it.each(rows)('%s from %s by %s', (t, _label, role, from) => {
    const rule = ALLOWED[t];
    expect(canTransition(t, from, role)).toBe(rule.from.includes(from) && rule.roles.includes(role));
  });
  it.each(Object.keys(ALLOWED) as Transition[])('%s leads to the expected status', (t) => {
    expect(TRANSITIONS[t].to).toBe(ALLOWED[t].to);
  });
  it('nothing leaves PROVINCE_CONFIRMED except an approved unlock', () => {
    const ways = (Object.keys(TRANSITIONS) as Transition[]).filter((t) => ROLES.some((r) => canTransition(t, 'PROVINCE_CONFIRMED', r)));
    expect(ways).toEqual(['unlock']);
  });
  it('a producer can never confirm anything', () => {
    for (const t of Object.keys(TRANSITIONS) as Transition[]) {
      if (t === 'submit') continue;
      for (const from of STATUSES) expect(canTransition(t, from, 'PRODUCER')).toBe(false);
    }
  });
});
