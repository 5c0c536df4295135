// Issue 12: "a district of the demo data can be replaced by an imported register" — `npm run producers -- import
// <file> --district X --replace`: the district's registered producers that the file leaves out are deregistered
// (reason recorded, audited, history kept), listed by --dry-run first; other districts and producers already
// deregistered are untouched; the same import again changes nothing. The CLI runs as a process on a real database.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKeyOf } from '../../src/domain/fiscal-period.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { makeProducer, makeUser } from '../support/people.js';

const run = promisify(execFile);
let t: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), 'h5-replace-'));
const HEADER = 'ลำดับ,รหัสผู้ผลิต,ชื่อผู้ผลิต/ผู้ประกอบการ,ประเภทผู้ผลิต,ประเภทผลิตภัณฑ์,ตำบล,อำเภอ,จังหวัด,โทรศัพท์';
const file = path.join(dir, 'ทะเบียนราชสาส์น.csv');

type Result = { code: number; stdout: string; stderr: string };
async function cli(...args: string[]): Promise<Result> {
  const env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' };
  return run('npx', ['tsx', 'src/cli/producers.ts', ...args], { env })
    .then((r) => ({ code: 0, ...r }))
    .catch((e: Result) => e);
}

const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  ids.kept = (await makeProducer(db, { districtId: 2407, name: 'กลุ่มทอเสื่อกกบ้านเมืองใหม่', tambon: 'เมืองใหม่' })).id;
  ids.gone = (await makeProducer(db, { districtId: 2407, name: 'กลุ่มสาธิตที่ไม่มีจริง', tambon: 'บางคา' })).id;
  ids.gone2 = (await makeProducer(db, { districtId: 2407, name: 'ร้านสาธิตขนมหวาน', tambon: 'ดงน้อย' })).id;
  ids.already = (await makeProducer(db, { districtId: 2407, name: 'กลุ่มเลิกไปก่อนแล้ว', tambon: 'ดงน้อย' })).id;
  await db.producer.update({ where: { id: ids.already }, data: { active: false, deregisteredAt: new Date('2026-01-15T03:00:00Z'), deregisterReason: 'เลิกกิจการ' } });
  ids.elsewhere = (await makeProducer(db, { districtId: 2406, name: 'กลุ่มอำเภออื่น', tambon: 'เกาะขนุน' })).id;
  const { user } = await makeUser(db, 'replace-officer', 'DISTRICT_OFFICER', { districtId: 2407 });
  await db.salesEntry.create({
    data: { producerId: ids.gone, month: new Date('2026-07-01'), category: 'FOOD', status: 'DISTRICT_CONFIRMED', domesticOffline: 125_000_00n, domesticOnline: 0n, exportOffline: 0n, exportOnline: 0n, enteredById: user.id },
  });
  writeFileSync(
    file,
    [
      HEADER,
      '1,,กลุ่มทอเสื่อกกบ้านเมืองใหม่,กลุ่ม,ของใช้,ต.เมืองใหม่,ราชสาส์น,ฉะเชิงเทรา,038-123-456',
      '2,2407-0102,ร้านน้ำพริกแม่สมใจ,รายเดียว,อาหาร,ดงน้อย,ราชสาส์น,ฉะเชิงเทรา,',
    ].join('\n'),
  );
}, 60_000);
afterAll(async () => {
  await t?.drop();
});

const state = async (key: string) => t.db.producer.findUniqueOrThrow({ where: { id: ids[key]! } });

describe('import --replace', () => {
  it('is refused without a district (or province), and together with --skip-invalid', async () => {
    const bare = await cli('import', file, '--replace');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--replace ต้องระบุ --district');
    const skip = await cli('import', file, '--district', 'ราชสาส์น', '--replace', '--skip-invalid');
    expect(skip.code).toBe(2);
    expect(skip.stderr).toContain('--replace ใช้กับ --skip-invalid ไม่ได้');
    expect((await state('gone')).active).toBe(true);
  }, 120_000);

  it('--dry-run lists the producers that would be deregistered and changes nothing', async () => {
    const dry = await cli('import', file, '--district', 'ราชสาส์น', '--replace', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ใหม่ 1 · แก้ไข 1 · ไม่เปลี่ยน 0 · ผิดพลาด 0');
    expect(dry.stdout).toContain('แทนทะเบียนของอำเภอราชสาส์น: ผู้ผลิตที่ไม่อยู่ในไฟล์ 2 ราย จะถูกยกเลิกการลงทะเบียน');
    expect(dry.stdout).toContain(`${(await state('gone')).registrationCode}\tกลุ่มสาธิตที่ไม่มีจริง\tอำเภอราชสาส์น`);
    expect(dry.stdout).toContain('ร้านสาธิตขนมหวาน');
    expect(dry.stdout).not.toContain('กลุ่มเลิกไปก่อนแล้ว');
    expect(dry.stdout).not.toContain('กลุ่มอำเภออื่น');
    expect(dry.stdout).toContain('(ทดลองเท่านั้น --dry-run: ยังไม่ได้บันทึก)');
    expect((await state('gone')).active).toBe(true);
    expect(await t.db.producer.count({ where: { name: 'ร้านน้ำพริกแม่สมใจ' } })).toBe(0);
  }, 120_000);

  it('a --from in the future is refused', async () => {
    const future = await cli('import', file, '--district', 'ราชสาส์น', '--replace', '--from', '2099-01-01');
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--from ต้องเป็นวันที่ระหว่าง');
  }, 120_000);

  it('deregisters the producers the file leaves out (reason, date, audit, history kept); the rest is imported; again changes nothing', async () => {
    const yesterday = dayKeyOf(new Date(Date.now() - 86_400_000));
    const done = await cli('import', file, '--district', 'ราชสาส์น', '--replace', '--from', yesterday);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/บันทึกแล้ว: เพิ่ม 1 ราย แก้ไข 1 ราย ยกเลิกการลงทะเบียน 2 ราย/);
    for (const key of ['gone', 'gone2']) {
      expect(await state(key)).toMatchObject({
        active: false,
        deregisterReason: 'ไม่อยู่ในทะเบียนที่นำเข้าแทน (ทะเบียนราชสาส์น.csv)',
        deregisteredAt: new Date(`${yesterday}T12:00:00+07:00`),
      });
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'producer.deregister', entityId: String(ids[key]) } });
      expect(audit.after).toMatchObject({ active: false, deregisterReason: 'ไม่อยู่ในทะเบียนที่นำเข้าแทน (ทะเบียนราชสาส์น.csv)' });
    }
    expect(await t.db.salesEntry.count({ where: { producerId: ids.gone } })).toBe(1); // history kept
    expect(await state('kept')).toMatchObject({ active: true, phone: '038123456', categories: ['HOUSEHOLD'] });
    expect(await state('already')).toMatchObject({ active: false, deregisterReason: 'เลิกกิจการ', deregisteredAt: new Date('2026-01-15T03:00:00Z') });
    expect((await state('elsewhere')).active).toBe(true);
    const register = await t.db.producer.findMany({ where: { districtId: 2407, active: true }, orderBy: { name: 'asc' } });
    expect(register.map((p) => p.name)).toEqual(['กลุ่มทอเสื่อกกบ้านเมืองใหม่', 'ร้านน้ำพริกแม่สมใจ']);

    const audits = await t.db.auditLog.count();
    const again = await cli('import', file, '--district', 'ราชสาส์น', '--replace');
    expect(again.stdout).toContain('ใหม่ 0 · แก้ไข 0 · ไม่เปลี่ยน 2 · ผิดพลาด 0');
    expect(again.stdout).toContain('ผู้ผลิตที่ไม่อยู่ในไฟล์ 0 ราย');
    expect(await t.db.auditLog.count()).toBe(audits);
  }, 180_000);
});
