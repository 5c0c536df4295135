// The demo's ready-made LINE users (one per role), so the terminal chat can talk as them: `npm run chat -- --user district`.
import { createHash } from 'node:crypto';

export const DEMO_USERS = {
  producer: { displayName: 'ป้าสมศรี (ผู้ผลิต)', role: 'PRODUCER' },
  district: { displayName: 'พัฒนากรอำเภอเมืองฉะเชิงเทรา', role: 'DISTRICT_OFFICER' },
  province: { displayName: 'สนง.พัฒนาชุมชนจังหวัดฉะเชิงเทรา', role: 'PROVINCE_OFFICER' },
  zone: { displayName: 'ศพช.เขต 3', role: 'ZONE_ADMIN' },
  department: { displayName: 'กรมการพัฒนาชุมชน', role: 'DEPARTMENT_ADMIN' },
} as const;
export type DemoUserName = keyof typeof DEMO_USERS;

/** A stable LINE-shaped user id for a name ("U" + 32 hex). Any other name gives a new, unbound user. */
export function demoLineUserId(name: string): string {
  return 'U' + createHash('sha256').update(`demo:${name}`).digest('hex').slice(0, 32);
}
