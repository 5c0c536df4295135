// Who may get which report about which place. The scope comes from the actor, never from what a person asked for:
// a district officer gets its own district, a province officer its own province; zone and department users name a
// province (one of the zone's for a zone user) and see only what the report data count above the district
// (province-confirmed entries).
import type { Tx } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { NotAuthorisedError } from '../errors.js';
import { REPORTS, REPORT_TYPES, type ReportScope, type ReportType } from './catalogue.js';

/** The level of unit a role's reports are about: its own district, or a province. */
const levelOf = (actor: Actor) => (actor.role === 'DISTRICT_OFFICER' ? 'district' : 'province');

/** The report types the actor may ask for in chat (its role may see them, about its own level), in catalogue order. */
export function reportTypesFor(actor: Actor): ReportType[] {
  return REPORT_TYPES.filter((t) => REPORTS[t].roles.includes(actor.role) && fitsLevel(actor, t));
}

/** The type is about the actor's level; area reports (zone / national summary) are for zone and department users. */
const fitsLevel = (actor: Actor, type: ReportType) =>
  REPORTS[type].level === 'area' ? needsProvinceChoice(actor) : REPORTS[type].level === levelOf(actor);

/** Whether the actor must name a province for this type (province-level reports of zone and department users). */
export const asksProvince = (actor: Actor, type: ReportType): boolean => needsProvinceChoice(actor) && REPORTS[type].level !== 'area';

/** Whether the actor must name a province (zone and department users, who cover several). */
export const needsProvinceChoice = (actor: Actor): boolean => actor.role === 'ZONE_ADMIN' || actor.role === 'DEPARTMENT_ADMIN';

/** Provinces the actor may choose from (zone: its own zone's; department: all), by Thai name. */
export async function reportProvincesFor(tx: Tx, actor: Actor): Promise<{ id: number; nameTh: string }[]> {
  if (!needsProvinceChoice(actor)) return [];
  const where = actor.role === 'ZONE_ADMIN' ? { zoneId: actor.zoneId ?? -1 } : {};
  return tx.province.findMany({ where, select: { id: true, nameTh: true }, orderBy: { nameTh: 'asc' } });
}

/**
 * The scope of `type` for the actor. Throws NotAuthorisedError when the role may not see the type, when an officer
 * has no unit, or when a zone user names a province outside its zone.
 */
export async function reportScopeFor(tx: Tx, actor: Actor, type: ReportType, provinceId?: number): Promise<ReportScope> {
  const entry = REPORTS[type];
  if (!entry.roles.includes(actor.role) || !fitsLevel(actor, type)) throw new NotAuthorisedError('ขออภัย รายงานนี้ไม่อยู่ในสิทธิ์ของท่าน');
  if (entry.level === 'area') {
    // a zone user gets its own zone, the department the whole country
    if (actor.role === 'ZONE_ADMIN') {
      if (!actor.zoneId) throw new NotAuthorisedError();
      return { zoneId: actor.zoneId };
    }
    return { nation: true };
  }
  if (actor.role === 'DISTRICT_OFFICER') {
    if (!actor.districtId) throw new NotAuthorisedError();
    return { districtId: actor.districtId };
  }
  if (actor.role === 'PROVINCE_OFFICER') {
    if (!actor.provinceId) throw new NotAuthorisedError();
    return { provinceId: actor.provinceId };
  }
  if (!needsProvinceChoice(actor) || provinceId === undefined) throw new NotAuthorisedError();
  const allowed = await reportProvincesFor(tx, actor);
  if (!allowed.some((p) => p.id === provinceId)) throw new NotAuthorisedError('ขออภัย จังหวัดนี้ไม่อยู่ในเขตของท่าน');
  return { provinceId };
}
