// Which roles may start which flow, from the authorisation matrix (domain/authorise.ts): a flow is refused at start,
// whatever started it (a typed word, a postback "start", a switch from another flow), when the role has no reach
// for any of the flow's actions. The domain services still check the place of every read and write.
import type { Role } from '../db/generated/enums.js';
import type { Actor } from '../domain/actor.js';
import { MATRIX, roleMay, type Action } from '../domain/authorise.js';
import { ROLE_TH } from '../domain/catalog.js';
import { text, type Reply } from '../bot/reply.js';

/** The domain actions each flow serves; a role may start the flow when the matrix lets it do one of them. */
export const FLOW_ACTIONS: Readonly<Record<string, readonly Action[]>> = {
  'sales-entry': ['sales.enter'],
  'pick-producer': ['sales.enter'],
  'delete-entry': ['sales.enter'],
  'register-producer': ['producer.register'],
  invite: ['invite.producer', 'invite.district-officer'],
  'my-sales': ['sales.view'],
  'district-review': ['sales.district-confirm', 'sales.district-return'],
  'province-review': ['sales.province-confirm', 'sales.province-return'],
  'unlock-request': ['unlock.request'],
  'unlock-pending': ['unlock.decide'],
  'unlock-refusal': ['unlock.decide'],
  progress: ['progress.view'],
  targets: ['progress.view', 'sales.view'],
  // Estimates (ประมาณการ): the province sets them, each district certifies or corrects its own.
  estimates: ['estimates.set', 'estimates.certify'],
  'estimate-certify': ['estimates.certify'],
  // Everyone sees the dates that apply to them; only a producer's own reminders can be turned off (the flow says so).
  deadlines: ['sales.view'],
  'reminders-off': ['sales.view'],
  'reminders-on': ['sales.view'],
  // The department sets the nation's dates, a province its own (domain/deadlines.ts checks which).
  'calendar-set': ['calendar.set'],
  // Officers of every level; which types and which place each may get is decided in domain/reports/report-scope.ts.
  reports: ['progress.view'],
  // The district keeps its register; the province reads its districts' registers.
  registry: ['registry.view'],
  'invite-sheet': ['invite.producer'],
  'register-review': ['registry.view'],
};

/** Roles allowed to start the flow, in the matrix's role order; null when the flow declares no actions. */
export function rolesForFlow(flow: string): Role[] | null {
  const actions = Object.hasOwn(FLOW_ACTIONS, flow) ? FLOW_ACTIONS[flow]! : null;
  if (!actions) return null;
  const roles = new Set<Role>();
  for (const a of actions) for (const r of Object.keys(MATRIX[a]) as Role[]) roles.add(r);
  return [...roles];
}

/** The refusal to send when `actor` may not start `flow`; null when it may. */
export function refuseStart(actor: Actor, flow: string): Reply[] | null {
  const actions = Object.hasOwn(FLOW_ACTIONS, flow) ? FLOW_ACTIONS[flow]! : null;
  if (!actions || actions.some((a) => roleMay(actor.role, a))) return null;
  const who = (rolesForFlow(flow) ?? []).map((r) => ROLE_TH[r]).join(' และ');
  return [text(`ขออภัย เมนูนี้ใช้ได้สำหรับ${who}เท่านั้น ท่านเลือกรายการที่ทำได้จากเมนูด้านล่าง`)];
}
