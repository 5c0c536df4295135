// An imported register that replaces a district's (`producers -- import … --replace`): the file is the whole
// register of the districts it covers, so their registered producers that no row of it names are deregistered —
// with a recorded reason, audited, their history kept (deregister.ts), and shown by a dry run first.
import type { Tx } from '../../db/client.js';
import { deregisterProducer } from './deregister.js';
import type { RegisterPlan } from './import-register.js';

export interface LeavingProducer {
  id: number;
  name: string;
  registrationCode: string;
  districtName: string;
}

/** Registered (active) producers of `districtIds` that no row of the plan matched, by district and name. Reads only. */
export async function producersNotInFile(tx: Tx, plan: RegisterPlan, districtIds: number[]): Promise<LeavingProducer[]> {
  const rows = await tx.producer.findMany({
    where: { districtId: { in: districtIds }, active: true, id: { notIn: plan.matched } },
    orderBy: [{ districtId: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, registrationCode: true, district: { select: { nameTh: true } } },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, registrationCode: p.registrationCode, districtName: p.district.nameTh }));
}

/**
 * Deregisters the producers the replacing file leaves out, each as of `at` (they are not expected from the month
 * after `at`'s), audited as a change by the system (as every CLI change is). Returns how many.
 */
export async function deregisterNotInFile(tx: Tx, leaving: LeavingProducer[], reason: string, at: Date): Promise<number> {
  for (const p of leaving) await deregisterProducer(tx, null, p.id, reason, at);
  return leaving.length;
}
