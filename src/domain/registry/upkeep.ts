// The register as a district keeps it in chat: a page of its producers (registered first, then deregistered; by
// part of the name or code), one producer's details, and editing one field, validated exactly as an imported
// row is (parse-register / columns / place-index). Reads are 'registry.view' (district officer: own district;
// province officer: its districts, read-only); edits are 'producer.register' and audited.
import type { Tx } from '../../db/client.js';
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { assertAllowed, placeOfDistrict } from '../authorise.js';
import { CATEGORY_TH, PRODUCER_TYPE_TH } from '../catalog.js';
import { RuleError } from '../errors.js';
import { monthKeyFromDbDate, type MonthKey } from '../fiscal-period.js';
import { normaliseProducerName, PRODUCER_NAME_MAX, PRODUCER_NAME_MIN, TAMBON_MAX } from '../producers.js';
import { readCategories, readProducerType } from './columns.js';
import { readPhone } from './parse-register.js';
import type { PlaceIndex } from './place-index.js';

export const REGISTER_PAGE_SIZE = 10;

export interface RegisterListRow {
  id: number;
  name: string;
  registrationCode: string;
  tambon: string;
  type: ProducerType;
  active: boolean;
  lineUsers: number;
}

export interface RegisterPage {
  rows: RegisterListRow[];
  total: number;
  page: number;
  pages: number;
  /** The whole district, whatever the search: registered and deregistered producers. */
  registered: number;
  deregistered: number;
}

async function assertView(tx: Tx, actor: Actor, districtId: number): Promise<void> {
  assertAllowed(actor, 'registry.view', await placeOfDistrict(tx, districtId), 'คุณดูทะเบียนได้เฉพาะอำเภอในพื้นที่ของคุณ');
}

/** One page of the district's register, registered producers first, each group by name. */
export async function registerPage(tx: Tx, actor: Actor, districtId: number, opts: { query: string | null; page: number }): Promise<RegisterPage> {
  await assertView(tx, actor, districtId);
  const q = opts.query ? normaliseProducerName(opts.query) : '';
  const where = {
    districtId,
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { registrationCode: { contains: q, mode: 'insensitive' as const } }] } : {}),
  };
  const [total, counts] = await Promise.all([
    tx.producer.count({ where }),
    tx.producer.groupBy({ by: ['active'], where: { districtId }, _count: { _all: true } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), pages);
  const found = await tx.producer.findMany({
    where,
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * REGISTER_PAGE_SIZE,
    take: REGISTER_PAGE_SIZE,
    select: { id: true, name: true, registrationCode: true, tambon: true, type: true, active: true, _count: { select: { users: { where: { active: true, role: 'PRODUCER' } } } } },
  });
  const count = (active: boolean) => counts.find((c) => c.active === active)?._count._all ?? 0;
  return {
    rows: found.map(({ _count, ...p }) => ({ ...p, lineUsers: _count.users })),
    total,
    page,
    pages,
    registered: count(true),
    deregistered: count(false),
  };
}

export interface ProducerDetails {
  id: number;
  name: string;
  registrationCode: string;
  type: ProducerType;
  categories: ProductCategory[];
  tambon: string;
  phone: string | null;
  active: boolean;
  deregisteredAt: Date | null;
  deregisterReason: string | null;
  districtId: number;
  districtName: string;
  lineUsers: number;
  /** The latest month it reported (a submitted entry of any status past draft), null when never. */
  lastReported: MonthKey | null;
}

/** One producer as its card shows it. */
export async function producerDetails(tx: Tx, actor: Actor, producerId: number): Promise<ProducerDetails> {
  const p = await tx.producer.findUnique({
    where: { id: producerId },
    include: { district: { select: { nameTh: true } }, _count: { select: { users: { where: { active: true, role: 'PRODUCER' } } } } },
  });
  if (!p) throw new RuleError('ไม่พบผู้ผลิตรายนี้', 'producer-missing');
  await assertView(tx, actor, p.districtId);
  const last = await tx.salesEntry.aggregate({ where: { producerId, status: { not: 'DRAFT' } }, _max: { month: true } });
  return {
    id: p.id, name: p.name, registrationCode: p.registrationCode, type: p.type, categories: p.categories, tambon: p.tambon, phone: p.phone,
    active: p.active, deregisteredAt: p.deregisteredAt, deregisterReason: p.deregisterReason, districtId: p.districtId, districtName: p.district.nameTh,
    lineUsers: p._count.users, lastReported: last._max.month ? monthKeyFromDbDate(last._max.month) : null,
  };
}

export type EditableField = 'name' | 'type' | 'categories' | 'tambon' | 'phone';
export const EDITABLE_FIELDS: readonly EditableField[] = ['name', 'type', 'categories', 'tambon', 'phone'];

/** A field's new value as stored (categories as a list) and as shown. */
export type FieldValue =
  | { field: 'name' | 'tambon'; value: string; shown: string }
  | { field: 'type'; value: ProducerType; shown: string }
  | { field: 'categories'; value: ProductCategory[]; shown: string }
  | { field: 'phone'; value: string | null; shown: string };

export type ReadField = { ok: true; value: FieldValue } | { ok: false; message: string };

/**
 * Reads a typed value for `field` with the import's rules: the name 3–200 characters, the type and categories in
 * any of their long or short forms, the tambon one of the district's (closest names offered), the phone any common
 * Thai format ("-" clears it). Pure.
 */
export function readFieldValue(field: EditableField, typed: string, places: { index: PlaceIndex; districtId: number }): ReadField {
  const raw = typed.normalize('NFC').trim();
  switch (field) {
    case 'name': {
      const name = normaliseProducerName(raw);
      if (name.length < PRODUCER_NAME_MIN || name.length > PRODUCER_NAME_MAX || /^\d+$/.test(name)) {
        return { ok: false, message: `ชื่อต้องยาว ${PRODUCER_NAME_MIN}–${PRODUCER_NAME_MAX} ตัวอักษร (ไม่ใช่ตัวเลขล้วน)` };
      }
      return { ok: true, value: { field, value: name, shown: name } };
    }
    case 'type': {
      const type = readProducerType(raw);
      if (!type) return { ok: false, message: 'ไม่รู้จักประเภทนี้ — ใช้ กลุ่มผู้ผลิตชุมชน / ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว / ผู้ผลิตที่เป็น SMEs' };
      return { ok: true, value: { field, value: type, shown: PRODUCER_TYPE_TH[type] } };
    }
    case 'categories': {
      const { categories, unknown } = readCategories(raw);
      if (unknown.length) return { ok: false, message: `ไม่รู้จักประเภทผลิตภัณฑ์ "${unknown.join(', ').slice(0, 60)}" — ใช้ อาหาร / เครื่องดื่ม / ผ้า เครื่องแต่งกาย / ของใช้ ของตกแต่ง ของที่ระลึก / สมุนไพรที่ไม่ใช่อาหาร คั่นด้วยจุลภาค` };
      if (!categories.length) return { ok: false, message: 'ต้องระบุประเภทผลิตภัณฑ์อย่างน้อย 1 ประเภท' };
      return { ok: true, value: { field, value: categories, shown: categories.map((c) => CATEGORY_TH[c]).join(', ') } };
    }
    case 'tambon': {
      const tambon = normaliseProducerName(raw).replace(/^(ตำบล|ต\.)\s*/, '');
      if (!tambon || tambon.length > TAMBON_MAX) return { ok: false, message: 'กรุณาพิมพ์ชื่อตำบล' };
      const t = places.index.tambon(tambon, places.districtId);
      if (t && !t.ok) return { ok: false, message: `ไม่พบตำบล "${tambon.slice(0, 40)}" ในอำเภอนี้ — ใกล้เคียง: ${t.closest.join(', ')}` };
      const name = t?.ok ? t.value : tambon;
      return { ok: true, value: { field, value: name, shown: name } };
    }
    case 'phone': {
      const phone = readPhone(raw);
      if (phone === undefined) return { ok: false, message: `เบอร์โทรศัพท์ไม่ถูกต้อง — เช่น 081-234-5678 หรือ 038-511-234 (พิมพ์ - เพื่อลบเบอร์)` };
      return { ok: true, value: { field, value: phone, shown: phone ?? 'ไม่ระบุ' } };
    }
  }
}

/** Writes one field of a producer of the officer's district (a name another producer of the district has is refused). */
export async function editProducerField(tx: Tx, actor: Actor, producerId: number, change: FieldValue, eventId?: string) {
  const before = await tx.producer.findUnique({ where: { id: producerId } });
  if (!before) throw new RuleError('ไม่พบผู้ผลิตรายนี้', 'producer-missing');
  assertAllowed(actor, 'producer.register', await placeOfDistrict(tx, before.districtId), 'คุณแก้ไขทะเบียนได้เฉพาะผู้ผลิตในอำเภอของคุณ');
  if (change.field === 'name') {
    const clash = await tx.producer.findFirst({ where: { districtId: before.districtId, id: { not: producerId }, name: { equals: change.value, mode: 'insensitive' } } });
    if (clash) throw new RuleError(`อำเภอนี้มีผู้ผลิตชื่อ "${clash.name}" อยู่แล้ว (รหัส ${clash.registrationCode})`, 'producer-name-taken');
  }
  const after = await tx.producer.update({ where: { id: producerId }, data: { [change.field]: change.value } });
  await audit(tx, { actorId: actor.userId, action: 'producer.edit', entityType: 'Producer', entityId: producerId, before: { [change.field]: before[change.field] }, after: { [change.field]: after[change.field] }, eventId });
  return after;
}
