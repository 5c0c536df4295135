// `npm run invite -- --role <producer|district|province|zone|department> [--producer <id or registration code>]
//   [--district <code>] [--province <code>] [--zone <n>] [--days 14] [--count 1]`
// Prints one-time invite codes, made by the system (no acting officer).
import { z } from 'zod';
import { createInvite, type InviteScope } from '../domain/invites.js';
import { openCliDb } from './open-db.js';
import { HELP_OPTION, readCliArgs } from './cli-args.js';

const Args = z.object({
  role: z.enum(['producer', 'district', 'province', 'zone', 'department']),
  producer: z.string().optional(),
  district: z.coerce.number().int().optional(),
  province: z.coerce.number().int().optional(),
  zone: z.coerce.number().int().optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
  count: z.coerce.number().int().min(1).max(200).default(1),
});

const USAGE =
  'usage: npm run invite -- --role producer --producer 2401-C-1\n' +
  '       npm run invite -- --role district --district 2401 [--count 3]\n' +
  '       npm run invite -- --role province --province 24\n' +
  '       npm run invite -- --role zone --zone 3\n' +
  '       npm run invite -- --role department          (options: --days 14)';

function fail(msg: string): never {
  console.error(`${msg}\n${USAGE}`);
  process.exit(2);
}

const { values } = readCliArgs({
  options: { ...HELP_OPTION,
    role: { type: 'string' }, producer: { type: 'string' }, district: { type: 'string' }, province: { type: 'string' },
    zone: { type: 'string' }, days: { type: 'string' }, count: { type: 'string' },
  },
  strict: true,
}, USAGE, fail);
const parsed = Args.safeParse(values);
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
const a = parsed.data;

const { db, close } = await openCliDb();
try {
  let scope: InviteScope;
  let label: string;
  if (a.role === 'producer') {
    if (!a.producer) fail('--producer is required');
    const p = await db.producer.findFirst({
      where: /^\d+$/.test(a.producer) ? { id: Number(a.producer) } : { registrationCode: a.producer },
      include: { district: true },
    });
    if (!p) fail(`no producer ${a.producer}`);
    scope = { role: 'PRODUCER', producerId: p.id };
    label = `${p.name} (อำเภอ${p.district.nameTh})`;
  } else if (a.role === 'district') {
    const d = a.district ? await db.district.findUnique({ where: { id: a.district }, include: { province: true } }) : null;
    if (!d) fail(`--district must be a district code such as 2401`);
    scope = { role: 'DISTRICT_OFFICER', districtId: d.id };
    label = `เจ้าหน้าที่อำเภอ${d.nameTh} จังหวัด${d.province.nameTh}`;
  } else if (a.role === 'province') {
    const p = a.province ? await db.province.findUnique({ where: { id: a.province } }) : null;
    if (!p) fail('--province must be a province code such as 24');
    scope = { role: 'PROVINCE_OFFICER', provinceId: p.id };
    label = `เจ้าหน้าที่จังหวัด${p.nameTh}`;
  } else if (a.role === 'zone') {
    const z1 = a.zone ? await db.zone.findUnique({ where: { id: a.zone } }) : null;
    if (!z1) fail('--zone must be 1–18');
    scope = { role: 'ZONE_ADMIN', zoneId: z1.id };
    label = z1.nameTh;
  } else {
    scope = { role: 'DEPARTMENT_ADMIN' };
    label = 'กรมการพัฒนาชุมชน';
  }
  for (let i = 0; i < a.count; i++) {
    const inv = await db.$transaction((tx) => createInvite(tx, null, scope, new Date(), { days: a.days }));
    console.log(`${inv.code}\t${label}\texpires ${inv.expiresAt.toISOString().slice(0, 10)}`);
  }
} finally {
  await close();
}
