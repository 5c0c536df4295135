// People and producers for tests, created directly in the database (onboarding itself is tested separately).
import type { Db } from '../../src/db/client.js';
import type { ProducerType, ProductCategory, Role } from '../../src/db/generated/enums.js';
import { lineUserId } from './bot.js';

let counter = 0;

export async function makeProducer(
  db: Db,
  fields: { districtId: number; name?: string; type?: ProducerType; categories?: ProductCategory[]; tambon?: string },
) {
  counter++;
  return db.producer.create({
    data: {
      registrationCode: `T-${fields.districtId}-${Date.now().toString(36)}-${counter}`,
      name: fields.name ?? `กลุ่มทดสอบ ${counter}`,
      type: fields.type ?? 'COMMUNITY_GROUP',
      categories: fields.categories ?? ['FOOD'],
      districtId: fields.districtId,
      tambon: fields.tambon ?? 'หน้าเมือง',
    },
  });
}

/** A bound LINE user (as if an invite had been redeemed); returns its LINE user id and row. */
export async function makeUser(
  db: Db,
  seed: string,
  role: Role,
  scope: { producerId?: number; districtId?: number; provinceId?: number; zoneId?: number } = {},
  displayName = seed,
) {
  const id = lineUserId(seed);
  const user = await db.user.upsert({
    where: { lineUserId: id },
    create: { lineUserId: id, role, displayName, ...scope },
    update: { role, displayName, ...scope, active: true },
  });
  return { lineUserId: id, user };
}

/** A clock tests can move: `clock.now()` is what the bot sees as "now". */
export function testClock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set(isoNew: string) {
      t = new Date(isoNew).getTime();
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
