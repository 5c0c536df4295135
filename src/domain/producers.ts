// Producers of a district as officers see them in chat: who is still pending (no entry for a month, or no LINE
// user yet), all active producers, a search by part of the name, and registering a new producer. Reads are
// authorised as 'sales.view' on the district, registration as 'producer.register'.
import type { Tx } from '../db/client.js';
import type { Producer, ProducerType, ProductCategory } from '../db/generated/client.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { assertAllowed, placeOfDistrict } from './authorise.js';
import { RuleError } from './errors.js';
import { addMonths, monthKeyOf, monthStart, type MonthKey } from './fiscal-period.js';
import { OPEN_MONTHS_BACK } from './sales.js';
import { toArabicDigits } from './thai-format.js';
import { expectedProducers } from './registry/expected.js';
import { nextIssuedCodes, normaliseCode, officialCodeProblem } from './registry/codes.js';

export const PRODUCER_NAME_MIN = 3;
export const PRODUCER_NAME_MAX = 200;
export const TAMBON_MAX = 80;
export const PAGE_SIZE = 10;

/** Which producers a list shows. Only active producers are ever listed. */
export type ProducerView =
  | { kind: 'pending-entry' } // no sales entry at all for the month
  | { kind: 'no-line-user' } // nobody bound to report for them yet
  | { kind: 'all' }
  | { kind: 'search'; query: string };

export interface ProducerRow {
  id: number;
  name: string;
  registrationCode: string;
  tambon: string;
  type: ProducerType;
  /** Entries of the month (any status, any category). */
  entriesThisMonth: number;
  /** Active LINE users bound to the producer. */
  lineUsers: number;
}

export interface ProducerPage {
  rows: ProducerRow[];
  total: number;
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
}

/** Collapses whitespace; what is stored and compared as a producer name. */
export const normaliseProducerName = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A Thai phone number as digits ("081-234 5678", "+66 81 234 5678", Thai digits) or null if it cannot be one. */
export function normalisePhone(typed: string): string | null {
  let d = toArabicDigits(typed.normalize('NFKC')).replace(/[\s\-().]/g, '');
  if (d.startsWith('+66')) d = `0${d.slice(3)}`;
  return /^0\d{8,9}$/.test(d) ? d : null;
}

async function assertCanView(tx: Tx, actor: Actor, districtId: number): Promise<void> {
  assertAllowed(actor, 'sales.view', await placeOfDistrict(tx, districtId));
}

/** One page of the district's active producers in `view`, by name; counts are for `month`. */
export async function findDistrictProducers(
  tx: Tx,
  actor: Actor,
  districtId: number,
  view: ProducerView,
  opts: { month: MonthKey; page: number; pageSize?: number },
): Promise<ProducerPage> {
  await assertCanView(tx, actor, districtId);
  const month = monthStart(opts.month);
  const size = opts.pageSize ?? PAGE_SIZE;
  const q = view.kind === 'search' ? normaliseProducerName(view.query) : '';
  const where = {
    districtId,
    ...(view.kind === 'pending-entry' ? { ...expectedProducers(opts.month), sales: { none: { month } } } : { active: true }),
    ...(view.kind === 'no-line-user' ? { users: { none: { active: true, role: 'PRODUCER' as const } } } : {}),
    ...(view.kind === 'search'
      ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { registrationCode: { contains: q, mode: 'insensitive' as const } }] }
      : {}),
  };
  const total = await tx.producer.count({ where });
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), pages);
  const found = await tx.producer.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * size,
    take: size,
    select: {
      id: true, name: true, registrationCode: true, tambon: true, type: true,
      _count: { select: { sales: { where: { month } }, users: { where: { active: true, role: 'PRODUCER' } } } },
    },
  });
  const rows = found.map(({ _count, ...p }) => ({ ...p, entriesThisMonth: _count.sales, lineUsers: _count.users }));
  return { rows, total, page, pages };
}

/** Active producers of the district with the same name (ignoring case and spacing): a likely double registration. */
export async function sameNameProducers(tx: Tx, actor: Actor, districtId: number, name: string): Promise<Pick<Producer, 'id' | 'name' | 'tambon' | 'registrationCode'>[]> {
  await assertCanView(tx, actor, districtId);
  return tx.producer.findMany({
    where: { districtId, active: true, name: { equals: normaliseProducerName(name), mode: 'insensitive' } },
    select: { id: true, name: true, tambon: true, registrationCode: true },
    orderBy: { id: 'asc' },
  });
}

/** The district's most used tambon names (suggestions for a new producer), most frequent first. */
export async function districtTambons(tx: Tx, actor: Actor, districtId: number, limit = 8): Promise<string[]> {
  await assertCanView(tx, actor, districtId);
  const groups = await tx.producer.groupBy({ by: ['tambon'], where: { districtId }, _count: { _all: true } });
  return groups
    .sort((a, b) => b._count._all - a._count._all || a.tambon.localeCompare(b.tambon, 'th'))
    .slice(0, limit)
    .map((g) => g.tambon);
}

export interface NewProducer {
  districtId: number;
  name: string;
  type: ProducerType;
  category: ProductCategory;
  tambon: string;
  /** Digits only (see normalisePhone), or null. */
  phone: string | null;
  /** The official OTOP registration number (see registry/codes.ts), or null: a code is issued. */
  registrationCode?: string | null;
}

/** A typed official registration number, normalised, when its shape is right and no producer has it (any case);
 * otherwise why not, in Thai. */
export async function checkOfficialCode(tx: Tx, typed: string): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  const code = normaliseCode(typed);
  const problem = officialCodeProblem(code);
  if (problem) return { ok: false, message: problem };
  const taken = await tx.producer.findFirst({
    where: { registrationCode: { equals: code, mode: 'insensitive' } },
    select: { name: true, district: { select: { nameTh: true } } },
  });
  if (taken) return { ok: false, message: `เลขทะเบียน ${code} เป็นของ "${taken.name}" (อำเภอ${taken.district.nameTh}) อยู่แล้ว` };
  return { ok: true, code };
}

/**
 * Registers a producer in the officer's district under its official registration number, or, without one, an
 * issued code `<districtId>-C-<n>` (registry/codes.ts: serialised per district, so two officers never get the same n).
 */
export async function registerProducer(tx: Tx, actor: Actor, data: NewProducer, now: Date, eventId?: string): Promise<Producer> {
  assertAllowed(actor, 'producer.register', await placeOfDistrict(tx, data.districtId), 'คุณลงทะเบียนผู้ผลิตได้เฉพาะในอำเภอของคุณ');
  const name = normaliseProducerName(data.name);
  const tambon = normaliseProducerName(data.tambon).replace(/^(ตำบล|ต\.)\s*/, '');
  if (name.length < PRODUCER_NAME_MIN || name.length > PRODUCER_NAME_MAX) {
    throw new RuleError(`ชื่อผู้ผลิตต้องยาว ${PRODUCER_NAME_MIN}–${PRODUCER_NAME_MAX} ตัวอักษร`, 'producer-name');
  }
  if (!tambon || tambon.length > TAMBON_MAX) throw new RuleError('กรุณาระบุชื่อตำบล', 'producer-tambon');
  if (data.phone !== null && normalisePhone(data.phone) !== data.phone) throw new RuleError('เบอร์โทรศัพท์ไม่ถูกต้อง', 'producer-phone');

  let registrationCode: string;
  if (data.registrationCode) {
    const checked = await checkOfficialCode(tx, data.registrationCode);
    if (!checked.ok) throw new RuleError(checked.message, 'producer-code');
    registrationCode = checked.code;
  } else {
    [registrationCode] = (await nextIssuedCodes(tx, data.districtId, 1)) as [string];
  }

  const producer = await tx.producer.create({
    data: {
      registrationCode,
      name,
      type: data.type,
      categories: [data.category],
      districtId: data.districtId,
      tambon,
      phone: data.phone,
      createdAt: now,
      createdById: actor.userId,
    },
  });
  await audit(tx, { actorId: actor.userId, action: 'producer.register', entityType: 'Producer', entityId: producer.id, after: producer, eventId });
  return producer;
}

/**
 * The months whose entries the district can still make or correct, newest first: the last OPEN_MONTHS_BACK ended
 * months that the province has not confirmed (locked). What "ยังไม่ส่งยอด" may be listed for.
 */
export async function districtOpenMonths(tx: Tx, actor: Actor, districtId: number, now: Date): Promise<MonthKey[]> {
  await assertCanView(tx, actor, districtId);
  const months = Array.from({ length: OPEN_MONTHS_BACK }, (_, i) => addMonths(monthKeyOf(now), -1 - i));
  const locked = await tx.districtMonth.findMany({
    where: { districtId, month: { in: months.map(monthStart) }, provinceConfirmedAt: { not: null } },
    select: { month: true },
  });
  const lockedSet = new Set(locked.map((l) => l.month.getTime()));
  return months.filter((m) => !lockedSet.has(monthStart(m).getTime()));
}
