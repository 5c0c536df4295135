import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/generated/enums.js';
import type { Actor } from '../../src/domain/actor.js';
import { ACTIONS, isAllowed, type Action, type Place } from '../../src/domain/authorise.js';

// The rules written out independently of src/domain/authorise.ts:
// o = own producer only, d = own district, p = own province, z = own zone, n = everywhere, - = never.
const EXPECTED: Record<Action, [P: string, D: string, PV: string, Z: string, DEP: string]> = {
  'sales.view':              ['o', 'd', 'p', 'z', 'n'],
  'sales.enter':             ['o', 'd', '-', '-', '-'],
  'sales.district-confirm':  ['-', 'd', '-', '-', '-'],
  'sales.district-return':   ['-', 'd', '-', '-', '-'],
  'sales.province-confirm':  ['-', '-', 'p', '-', '-'],
  'sales.province-return':   ['-', '-', 'p', '-', '-'],
  'unlock.request':          ['-', 'd', '-', '-', '-'],
  'unlock.decide':           ['-', '-', 'p', '-', '-'],
  'producer.register':       ['-', 'd', '-', '-', '-'],
  'invite.producer':         ['-', 'd', '-', '-', '-'],
  'invite.district-officer': ['-', '-', 'p', '-', '-'],
  'progress.view':           ['-', 'd', 'p', 'z', 'n'],
  'estimates.set':           ['-', '-', 'p', '-', '-'],
  'estimates.certify':       ['-', 'd', '-', '-', '-'],
  'registry.view':           ['-', 'd', 'p', '-', '-'],
  'registry.review-open':    ['-', '-', 'p', '-', '-'],
  'calendar.set':            ['-', '-', 'p', '-', 'n'],
};
const ROLES: Role[] = ['PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN'];

// Producer 1 of district 2401, province 24 (ฉะเชิงเทรา), zone 3; each actor is scoped there.
const HOME: Place = { producerId: 1, districtId: 2401, provinceId: 24, zoneId: 3 };
const actors: Record<Role, Actor> = {
  PRODUCER: { userId: 1, role: 'PRODUCER', producerId: 1, districtId: null, provinceId: null, zoneId: null },
  DISTRICT_OFFICER: { userId: 2, role: 'DISTRICT_OFFICER', producerId: null, districtId: 2401, provinceId: null, zoneId: null },
  PROVINCE_OFFICER: { userId: 3, role: 'PROVINCE_OFFICER', producerId: null, districtId: null, provinceId: 24, zoneId: null },
  ZONE_ADMIN: { userId: 4, role: 'ZONE_ADMIN', producerId: null, districtId: null, provinceId: null, zoneId: 3 },
  DEPARTMENT_ADMIN: { userId: 5, role: 'DEPARTMENT_ADMIN', producerId: null, districtId: null, provinceId: null, zoneId: null },
};
// Places just outside each reach: another producer of the same district, another district of the same province,
// another province of the same zone, another zone.
const OUTSIDE: Record<string, Place> = {
  'other producer, same district': { producerId: 2, districtId: 2401, provinceId: 24, zoneId: 3 },
  'other district, same province': { producerId: 3, districtId: 2402, provinceId: 24, zoneId: 3 },
  'other province, same zone': { producerId: 4, districtId: 2501, provinceId: 25, zoneId: 3 },
  'other zone': { producerId: 5, districtId: 5001, provinceId: 50, zoneId: 15 },
};
const reachCovers = (reach: string, where: string) =>
  reach === 'n' ||
  (reach === 'z' && where !== 'other zone') ||
  (reach === 'p' && (where === 'other producer, same district' || where === 'other district, same province')) ||
  (reach === 'd' && where === 'other producer, same district');

describe('authorisation matrix: every role × every action × in scope / out of scope', () => {
  it('covers every action the domain knows', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  const rows = ACTIONS.flatMap((action) => ROLES.map((role, i) => [action, role, EXPECTED[action][i]!] as const));
  it.each(rows)('%s by %s (%s)', (action, role, reach) => {
    expect(isAllowed(actors[role], action, HOME)).toBe(reach !== '-');
    for (const [where, place] of Object.entries(OUTSIDE)) {
      expect([where, isAllowed(actors[role], action, place)]).toEqual([where, reach !== '-' && reachCovers(reach, where)]);
    }
  });
  it('an unscoped place (unknown district) is allowed to nobody but the department', () => {
    const nowhere: Place = { producerId: null, districtId: null, provinceId: null, zoneId: null };
    for (const role of ROLES) expect(isAllowed(actors[role], 'sales.view', nowhere)).toBe(role === 'DEPARTMENT_ADMIN');
  });
});
