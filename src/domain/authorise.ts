// Who may do what, where: one matrix of action × role → the scope the role covers. Every domain service calls
// assertAllowed with the place it acts on; cards only mirror it.
import type { Tx } from '../db/client.js';
import type { Role } from '../db/generated/enums.js';
import type { Actor } from './actor.js';
import { NotAuthorisedError } from './errors.js';
export { visibleStatuses } from './visibility.js';

export type Action =
  | 'sales.view'
  | 'sales.enter'
  | 'sales.district-confirm'
  | 'sales.district-return'
  | 'sales.province-confirm'
  | 'sales.province-return'
  | 'unlock.request'
  | 'unlock.decide'
  | 'producer.register'
  | 'invite.producer'
  | 'invite.district-officer'
  | 'progress.view'
  | 'estimates.set'
  | 'estimates.certify'
  | 'registry.view'
  | 'registry.review-open'
  | 'calendar.set';

export const ACTIONS: readonly Action[] = [
  'sales.view', 'sales.enter', 'sales.district-confirm', 'sales.district-return', 'sales.province-confirm',
  'sales.province-return', 'unlock.request', 'unlock.decide', 'producer.register', 'invite.producer',
  'invite.district-officer', 'progress.view', 'estimates.set', 'estimates.certify', 'registry.view', 'registry.review-open',
  'calendar.set',
];

/** How far a role reaches for an action. */
export type Reach = 'own-producer' | 'district' | 'province' | 'zone' | 'nation';

export const MATRIX: Record<Action, Partial<Record<Role, Reach>>> = {
  'sales.view': { PRODUCER: 'own-producer', DISTRICT_OFFICER: 'district', PROVINCE_OFFICER: 'province', ZONE_ADMIN: 'zone', DEPARTMENT_ADMIN: 'nation' },
  'sales.enter': { PRODUCER: 'own-producer', DISTRICT_OFFICER: 'district' },
  'sales.district-confirm': { DISTRICT_OFFICER: 'district' },
  'sales.district-return': { DISTRICT_OFFICER: 'district' },
  'sales.province-confirm': { PROVINCE_OFFICER: 'province' },
  'sales.province-return': { PROVINCE_OFFICER: 'province' },
  'unlock.request': { DISTRICT_OFFICER: 'district' },
  'unlock.decide': { PROVINCE_OFFICER: 'province' },
  'producer.register': { DISTRICT_OFFICER: 'district' },
  'invite.producer': { DISTRICT_OFFICER: 'district' },
  'invite.district-officer': { PROVINCE_OFFICER: 'province' },
  'progress.view': { DISTRICT_OFFICER: 'district', PROVINCE_OFFICER: 'province', ZONE_ADMIN: 'zone', DEPARTMENT_ADMIN: 'nation' },
  // Estimates (ประมาณการ): the province sets its districts' remaining months; each district certifies or corrects.
  'estimates.set': { PROVINCE_OFFICER: 'province' },
  'estimates.certify': { DISTRICT_OFFICER: 'district' },
  // The producer register in chat: the district keeps it, the province reads its districts' registers.
  'registry.view': { DISTRICT_OFFICER: 'district', PROVINCE_OFFICER: 'province' },
  'registry.review-open': { PROVINCE_OFFICER: 'province' },
  // Due dates: the department sets the nation's (its row); a province overrides them for its own producers and districts.
  'calendar.set': { PROVINCE_OFFICER: 'province', DEPARTMENT_ADMIN: 'nation' },
};

/** Where an action happens: the org units above it are always filled in. */
export interface Place {
  producerId: number | null;
  districtId: number | null;
  provinceId: number | null;
  zoneId: number | null;
}

export function isAllowed(actor: Actor, action: Action, place: Place): boolean {
  switch (MATRIX[action][actor.role]) {
    case 'own-producer':
      return place.producerId !== null && place.producerId === actor.producerId;
    case 'district':
      return place.districtId !== null && place.districtId === actor.districtId;
    case 'province':
      return place.provinceId !== null && place.provinceId === actor.provinceId;
    case 'zone':
      return place.zoneId !== null && place.zoneId === actor.zoneId;
    case 'nation':
      return true;
    default:
      return false;
  }
}

export function assertAllowed(actor: Actor, action: Action, place: Place, message?: string): void {
  if (!isAllowed(actor, action, place)) throw new NotAuthorisedError(message);
}

/** True when the role may do the action somewhere (the matrix has a reach for it): flows are refused at start otherwise. */
export function roleMay(role: Role, action: Action): boolean {
  return MATRIX[action][role] !== undefined;
}

type PlaceRow = { districtId: number | null; provinceId: number | null; zoneId: number | null };
const toPlace = (r: PlaceRow | undefined, producerId: number | null): Place =>
  r?.districtId != null
    ? { producerId, districtId: r.districtId, provinceId: r.provinceId, zoneId: r.zoneId }
    : { producerId, districtId: null, provinceId: null, zoneId: null };

// Raw SQL, one statement each: every sales step and every review screen asks where something is.
export async function placeOfDistrict(tx: Tx, districtId: number): Promise<Place> {
  const rows = await tx.$queryRaw<PlaceRow[]>`
    SELECT d."id" AS "districtId", d."provinceId", p."zoneId"
    FROM "District" d JOIN "Province" p ON p."id" = d."provinceId" WHERE d."id" = ${districtId}`;
  return toPlace(rows[0], null);
}

export async function placeOfProducer(tx: Tx, producerId: number): Promise<Place> {
  const rows = await tx.$queryRaw<PlaceRow[]>`
    SELECT d."id" AS "districtId", d."provinceId", p."zoneId"
    FROM "Producer" pr LEFT JOIN "District" d ON d."id" = pr."districtId" LEFT JOIN "Province" p ON p."id" = d."provinceId"
    WHERE pr."id" = ${producerId}`;
  if (!rows[0]) return { producerId: null, districtId: null, provinceId: null, zoneId: null };
  return toPlace(rows[0], producerId);
}

export async function placeOfProvince(tx: Tx, provinceId: number): Promise<Place> {
  const p = await tx.province.findUnique({ where: { id: provinceId } });
  return { producerId: null, districtId: null, provinceId: p?.id ?? null, zoneId: p?.zoneId ?? null };
}
