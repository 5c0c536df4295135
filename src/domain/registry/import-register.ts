// Imports a parsed producer register: a row whose code, or whose name in its district, is already registered
// updates that producer (only the fields that differ, audited); any other row registers a new producer. The same
// file imported twice changes nothing. Whole-file: the caller applies the plan in one transaction, and only
// when it has no errors unless told to skip invalid rows.
import type { Tx } from '../../db/client.js';
import type { ProducerType, ProductCategory } from '../../db/generated/enums.js';
import { audit } from '../audit.js';
import type { RegisterRow, RowError } from './parse-register.js';

type Fields = { name: string; type: ProducerType; categories: ProductCategory[]; tambon: string; phone: string | null; registrationCode: string };

export interface RegisterPlan {
  create: RegisterRow[];
  update: { row: number; id: number; before: Fields; changes: Partial<Fields> }[];
  unchanged: number;
  errors: RowError[];
  /** Registered producers a valid row of the file points to (updated or unchanged). */
  matched: number[];
}

import { isIssuedCode, nextIssuedCodes } from './codes.js';
/** Codes the bot issues itself: `<district code>-C-<n>` (see codes.ts). Official codes are kept as typed. */
export { isIssuedCode };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function changesOf(before: Fields, row: RegisterRow): Partial<Fields> {
  const c: Partial<Fields> = {};
  if (before.name !== row.name) c.name = row.name;
  if (before.type !== row.type) c.type = row.type;
  if (!sameSet(before.categories, row.categories)) c.categories = row.categories;
  if (before.tambon !== row.tambon) c.tambon = row.tambon;
  if (row.phone !== null && before.phone !== row.phone) c.phone = row.phone;
  if (row.code !== null && before.registrationCode !== row.code) c.registrationCode = row.code;
  return c;
}

/** Compares the rows with what is registered. Reads only. */
export async function planRegisterImport(tx: Tx, rows: RegisterRow[]): Promise<RegisterPlan> {
  const districtIds = [...new Set(rows.map((r) => r.districtId))];
  const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
  const existing = await tx.producer.findMany({
    where: { OR: [{ districtId: { in: districtIds } }, { registrationCode: { in: codes } }] },
    select: { id: true, districtId: true, name: true, type: true, categories: true, tambon: true, phone: true, registrationCode: true },
  });
  const byCode = new Map(existing.map((p) => [p.registrationCode, p]));
  const byName = new Map(existing.map((p) => [`${p.districtId}|${p.name.toLowerCase()}`, p]));
  const plan: RegisterPlan = { create: [], update: [], unchanged: 0, errors: [], matched: [] };
  const claimed = new Set<number>();
  for (const row of rows) {
    const named = byName.get(`${row.districtId}|${row.name.toLowerCase()}`);
    const coded = row.code ? byCode.get(row.code) : undefined;
    if (coded && coded.districtId !== row.districtId) {
      plan.errors.push({ row: row.row, column: 'รหัสผู้ผลิต', message: `รหัส ${row.code} เป็นของ "${coded.name}" ซึ่งลงทะเบียนในอำเภออื่น (${coded.districtId})` });
      continue;
    }
    if (coded && named && coded.id !== named.id) {
      plan.errors.push({ row: row.row, column: 'รหัสผู้ผลิต', message: `รหัส ${row.code} เป็นของ "${coded.name}" แต่ชื่อในแถวนี้เป็นของผู้ผลิตรหัส ${named.registrationCode}` });
      continue;
    }
    if (!coded && named && row.code && !isIssuedCode(named.registrationCode)) {
      plan.errors.push({ row: row.row, column: 'รหัสผู้ผลิต', message: `"${row.name}" ลงทะเบียนไว้แล้วด้วยรหัส ${named.registrationCode} ไม่ใช่ ${row.code}` });
      continue;
    }
    const match = coded ?? named;
    if (!match) {
      plan.create.push(row);
      continue;
    }
    if (claimed.has(match.id)) {
      plan.errors.push({ row: row.row, column: 'ชื่อผู้ผลิต/ผู้ประกอบการ', message: `แถวนี้กับแถวก่อนหน้าชี้ไปที่ผู้ผลิตรายเดียวกัน (${match.registrationCode})` });
      continue;
    }
    claimed.add(match.id);
    plan.matched.push(match.id);
    const { id, districtId: _d, ...before } = match;
    const changes = changesOf(before, row);
    if (Object.keys(changes).length) plan.update.push({ row: row.row, id, before, changes });
    else plan.unchanged++;
  }
  return plan;
}

/** Next free issued codes of a district, serialised per district like registration in chat. */
const issueCodes = nextIssuedCodes;

/** Writes a plan (its errors are the caller's business). Returns how many producers were created and updated. */
export async function applyRegisterPlan(tx: Tx, plan: RegisterPlan, actorId: number | null, now: Date): Promise<{ created: number; updated: number }> {
  const byDistrict = new Map<number, RegisterRow[]>();
  for (const r of plan.create.filter((r) => !r.code)) byDistrict.set(r.districtId, [...(byDistrict.get(r.districtId) ?? []), r]);
  const issued = new Map<RegisterRow, string>();
  for (const [districtId, rows] of byDistrict) (await issueCodes(tx, districtId, rows.length)).forEach((code, i) => issued.set(rows[i]!, code));
  // One INSERT … SELECT FROM unnest for the producers and one for their audit rows: a district's register of
  // thousands of rows goes in in about a second, where a call per row would take minutes.
  const rows = plan.create;
  const created = rows.length
    ? await tx.$queryRaw<{ id: number; registrationCode: string; name: string; districtId: number }[]>`
        INSERT INTO "Producer" ("registrationCode", name, type, categories, "districtId", tambon, phone, "createdAt", "createdById")
        SELECT code, name, type::"ProducerType", string_to_array(cats, ',')::"ProductCategory"[], district, tambon, phone, ${now}, ${actorId}::int
        FROM unnest(${rows.map((r) => r.code ?? issued.get(r)!)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.type)}::text[],
                    ${rows.map((r) => r.categories.join(','))}::text[], ${rows.map((r) => r.districtId)}::int[],
                    ${rows.map((r) => r.tambon)}::text[], ${rows.map((r) => r.phone)}::text[])
             AS t(code, name, type, cats, district, tambon, phone)
        RETURNING id, "registrationCode", name, "districtId"`
    : [];
  if (created.length) {
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", after, at)
      SELECT ${actorId}::int, 'producer.import', 'Producer', id::text, after, ${now}
      FROM unnest(${created.map((p) => p.id)}::int[], ${created.map((p) => JSON.stringify(p))}::jsonb[]) AS t(id, after)`;
  }
  for (const u of plan.update) {
    await tx.producer.update({ where: { id: u.id }, data: u.changes });
    await audit(tx, { actorId, action: 'producer.import-update', entityType: 'Producer', entityId: u.id, before: u.before, after: u.changes });
  }
  return { created: created.length, updated: plan.update.length };
}
