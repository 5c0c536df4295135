// Who is acting, with the scope their role covers. Built from the user row by the bot; checked by domain services.
import type { Role } from '../db/generated/enums.js';

export interface Actor {
  userId: number;
  role: Role;
  producerId: number | null;
  districtId: number | null;
  provinceId: number | null;
  zoneId: number | null;
}

export function actorOf(user: {
  id: number;
  role: Role | null;
  producerId: number | null;
  districtId: number | null;
  provinceId: number | null;
  zoneId: number | null;
  active: boolean;
}): Actor | null {
  if (!user.role || !user.active) return null;
  return {
    userId: user.id,
    role: user.role,
    producerId: user.producerId,
    districtId: user.districtId,
    provinceId: user.provinceId,
    zoneId: user.zoneId,
  };
}
