// Demo data for ฉะเชิงเทรา: producers in all 11 districts, 13 months of confirmed sales (so "same month last
// year" works), one ready-bound user per role, and fresh invite codes to try onboarding. Idempotent.
import type { Db, Tx } from '../db/client.js';
import {
  addMonths,
  compareMonths,
  defaultReportingMonth,
  fiscalYearOf,
  monthKey,
  monthStart,
  type MonthKey,
} from '../domain/fiscal-period.js';
import { createInvite, type InviteScope } from '../domain/invites.js';
import { CHACHOENGSAO_PROVINCE_CODE } from './reference-data.js';
import { demoMonthlySalesByCategory, demoProducers, type DemoProducer } from './demo-data.js';
import { DEMO_USERS, demoLineUserId } from './demo-users.js';

const DEMO_DISTRICT = 2401; // เมืองฉะเชิงเทรา
const HISTORY_MONTHS = 13;
/**
 * demo-data.ts sizes its 3–6 producers per district to add up to the district's real yearly sales; a real district
 * has a hundred or more producers, so each demo producer would sell millions of baht a month. Dividing by this
 * gives village-group sizes (tens to hundreds of thousands of baht a month) that match what people type.
 */
export const DEMO_SCALE = 40n;
const scaled = (satang: bigint): bigint => (satang / DEMO_SCALE / 100n) * 100n;

/** Demo databases made before codes had one format keep their producers: "24-DD-NNNN" becomes the issued code
 * `<district>-C-<n>` (unless a producer registered since holds it, which keeps the old code). */
async function renameLegacyDemoCodes(db: Db, producers: DemoProducer[]): Promise<void> {
  const legacy = await db.producer.findMany({ where: { registrationCode: { in: producers.map((p) => p.legacyCode) } }, select: { registrationCode: true } });
  for (const { registrationCode } of legacy) {
    const p = producers.find((x) => x.legacyCode === registrationCode)!;
    if (await db.producer.findUnique({ where: { registrationCode: p.registrationCode }, select: { id: true } })) continue;
    await db.producer.update({ where: { registrationCode }, data: { registrationCode: p.registrationCode } });
  }
}

export async function seedDemoData(db: Db, now: Date): Promise<{ code: string; label: string }[]> {
  const producers = demoProducers();
  await renameLegacyDemoCodes(db, producers);
  const existing = await db.producer.count({ where: { registrationCode: { in: producers.map((p) => p.registrationCode) } } });
  if (existing === 0) {
    await db.producer.createMany({
      data: producers.map((p) => ({
        registrationCode: p.registrationCode,
        name: p.name,
        type: p.type,
        categories: p.categories,
        districtId: p.districtCode,
        tambon: p.tambon,
        phone: p.phone,
      })),
    });
  }
  const rows = await db.producer.findMany({ where: { registrationCode: { in: producers.map((p) => p.registrationCode) } } });
  const idOf = new Map(rows.map((r) => [r.registrationCode, r.id]));
  const firstProducer = rows.filter((r) => r.districtId === DEMO_DISTRICT).sort((a, b) => a.id - b.id)[0]!;

  const scope = {
    producer: { producerId: firstProducer.id },
    district: { districtId: DEMO_DISTRICT },
    province: { provinceId: CHACHOENGSAO_PROVINCE_CODE },
    zone: { zoneId: (await db.province.findUniqueOrThrow({ where: { id: CHACHOENGSAO_PROVINCE_CODE } })).zoneId },
    department: {},
  } as const;
  const userIds: Record<string, number> = {};
  for (const [name, u] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, (typeof DEMO_USERS)[keyof typeof DEMO_USERS]][]) {
    const row = await db.user.upsert({
      where: { lineUserId: demoLineUserId(name) },
      create: { lineUserId: demoLineUserId(name), displayName: u.displayName, role: u.role, ...scope[name] },
      update: {},
    });
    userIds[name] = row.id;
  }

  if (existing === 0) {
    const reporting = defaultReportingMonth(now);
    const first = addMonths(reporting, -HISTORY_MONTHS);
    const firstOctober = monthKey(fiscalYearOf(first) - 543 - 1, 10);
    const officer = userIds.district!;
    const province = userIds.province!;
    const data = [];
    for (let m: MonthKey = first; compareMonths(m, reporting) < 0; m = addMonths(m, 1)) {
      const index = monthIndexFrom(firstOctober, m);
      const confirmedAt = new Date(monthStart(addMonths(m, 1)).getTime() + 4 * 86_400_000);
      for (const p of producers) {
        for (const { category, amounts } of demoMonthlySalesByCategory(p, index)) {
          data.push({
            producerId: idOf.get(p.registrationCode)!,
            month: monthStart(m),
            category,
            domesticOffline: scaled(amounts.domesticOffline),
            domesticOnline: scaled(amounts.domesticOnline),
            exportOffline: scaled(amounts.exportOffline),
            exportOnline: scaled(amounts.exportOnline),
            status: 'PROVINCE_CONFIRMED' as const,
            enteredById: officer,
            enteredByOfficer: true,
            submittedAt: confirmedAt,
            districtConfirmedAt: confirmedAt,
            districtConfirmedById: officer,
            provinceConfirmedAt: confirmedAt,
            provinceConfirmedById: province,
          });
        }
      }
      await db.districtMonth.createMany({
        data: [...new Set(producers.map((p) => p.districtCode))].map((districtId) => ({
          districtId,
          month: monthStart(m),
          provinceConfirmedAt: confirmedAt,
          provinceConfirmedById: province,
        })),
        skipDuplicates: true,
      });
    }
    await db.salesEntry.createMany({ data, skipDuplicates: true });
  }

  const second = rows.filter((r) => r.districtId === DEMO_DISTRICT).sort((a, b) => a.id - b.id)[1]!;
  const wanted: { scope: InviteScope; label: string }[] = [
    { scope: { role: 'PRODUCER', producerId: second.id }, label: `ผู้ผลิต: ${second.name}` },
    { scope: { role: 'DISTRICT_OFFICER', districtId: 2402 }, label: 'พัฒนากรอำเภอบางคล้า' },
    { scope: { role: 'PROVINCE_OFFICER', provinceId: CHACHOENGSAO_PROVINCE_CODE }, label: 'เจ้าหน้าที่จังหวัดฉะเชิงเทรา' },
  ];
  return db.$transaction(async (tx) => {
    const out: { code: string; label: string }[] = [];
    for (const w of wanted) {
      const code = await demoInviteCode(tx, w.scope, now);
      if (code) out.push({ code, label: w.label });
    }
    return out;
  });
}

/**
 * The demo's invite code for a scope: none once someone other than the ready-made demo users is bound to it (the
 * code was used), else the still-valid code of an earlier start, else a new one — not a new code at every start.
 */
async function demoInviteCode(tx: Tx, scope: InviteScope, now: Date): Promise<string | null> {
  const { role, ...where } = scope;
  const demoIds = Object.keys(DEMO_USERS).map(demoLineUserId);
  const bound = await tx.user.count({ where: { role, ...where, lineUserId: { notIn: demoIds } } });
  if (bound) return null;
  const open = await tx.invite.findFirst({
    where: { role, ...where, createdById: null, usedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: 'desc' },
  });
  return open?.code ?? (await createInvite(tx, null, scope, now, { days: 3 })).code;
}

function monthIndexFrom(october: MonthKey, m: MonthKey): number {
  let i = 0;
  for (let k = october; compareMonths(k, m) < 0; k = addMonths(k, 1)) i++;
  return i;
}
