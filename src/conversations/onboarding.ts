// Follow, unfollow, and everything said by someone who has not redeemed an invite yet. A typed invite code binds
// the person to the invite's role and scope and links that role's rich menu (after commit). Wrong codes count in
// the domain (5 → 15 minutes locked out); used or expired codes, chit-chat and near-misses of the format never count.
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { text, type Reply } from '../bot/reply.js';
import type { Role } from '../db/generated/enums.js';
import type { User } from '../db/generated/client.js';
import { actorOf } from '../domain/actor.js';
import { DEFAULT_DUE_DAYS, dayKeyOf } from '../domain/fiscal-period.js';
import { DEFAULT_INVITE_GUARD, type GlobalLockout, type InviteGuardSettings } from '../domain/invite-guard.js';
import { CODE_LENGTH, redeemInvite } from '../domain/invites.js';
import { formatDayTh } from '../domain/thai-format.js';
import { inviteModule } from './invite.js';
import { menuFor } from './menu.js';
import type { BotModule } from './module.js';
import { mySalesModule } from './my-sales.js';
import { pickProducerModule } from './pick-producer.js';
import { registerProducerModule } from './register-producer.js';

/** Bringing people and producers in (invites, picking and registering producers) and the producer's own view. */
export const ONBOARDING_MODULES: BotModule[] = [inviteModule, pickProducerModule, registerProducerModule, mySalesModule];

const EXAMPLE_CODE = 'K7P4-MXQ2';
export const CODE_HELP = `รหัสเชิญมี ${CODE_LENGTH} ตัว เป็นตัวอักษรภาษาอังกฤษและตัวเลข เช่น ${EXAMPLE_CODE} (พิมพ์ตัวเล็กหรือเว้นวรรคก็ได้)`;
export const WELCOME =
  'สวัสดีค่ะ ยินดีต้อนรับสู่ระบบรายงานยอดขายผลิตภัณฑ์ OTOP ของกรมการพัฒนาชุมชน\n' +
  'กรุณาพิมพ์รหัสเชิญที่ได้รับจากเจ้าหน้าที่พัฒนาชุมชน เพื่อเริ่มใช้งาน\n' +
  CODE_HELP;
const NO_CODE = 'หากยังไม่มีรหัส กรุณาติดต่อสำนักงานพัฒนาชุมชนอำเภอของท่าน';

/** "14:32 น." in Bangkok time. */
function clockTh(instant: Date): string {
  const b = new Date(instant.getTime() + 7 * 3_600_000);
  return `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')} น.`;
}

/** Who the person now is, e.g. "เจ้าหน้าที่อำเภอเมืองฉะเชิงเทรา จังหวัดฉะเชิงเทรา". */
export function whoTh(role: Role, scopeName: string): string {
  switch (role) {
    case 'PRODUCER': return `ผู้รายงานยอดขายของ ${scopeName}`;
    case 'DISTRICT_OFFICER':
    case 'PROVINCE_OFFICER': return `เจ้าหน้าที่${scopeName}`;
    case 'ZONE_ADMIN': return `เจ้าหน้าที่ศูนย์ศึกษาและพัฒนาชุมชน ${scopeName}`;
    case 'DEPARTMENT_ADMIN': return 'เจ้าหน้าที่กรมการพัฒนาชุมชน (ดูข้อมูลได้ทั้งประเทศ)';
  }
}

const FIRST_STEPS: Record<Role, string> = {
  PRODUCER: `ทุกต้นเดือน กรุณารายงานยอดขายของเดือนที่ผ่านมา ภายในวันที่ ${DEFAULT_DUE_DAYS.entry} โดยกด "รายงานยอดขาย" ที่เมนูด้านล่าง`,
  DISTRICT_OFFICER: 'ท่านตรวจสอบ/ยืนยันยอดของผู้ผลิตในอำเภอ บันทึกแทนผู้ผลิตที่ไม่มี LINE และสร้างรหัสเชิญให้ผู้ผลิตได้จากเมนูด้านล่าง',
  PROVINCE_OFFICER: 'ท่านยืนยันยอดระดับจังหวัด และสร้างรหัสเชิญให้เจ้าหน้าที่อำเภอได้จากเมนูด้านล่าง',
  ZONE_ADMIN: 'ท่านดูความคืบหน้าการรายงานได้จากเมนูด้านล่าง',
  DEPARTMENT_ADMIN: 'ท่านดูความคืบหน้าการรายงานได้จากเมนูด้านล่าง',
};

/** A plausible code of the wrong length (a character missed or doubled: latin letters with digits or a dash), told
 * kindly and not counted; a plain word such as "hello" is chit-chat. */
function nearMiss(typed: string): number | null {
  const t = typed.normalize('NFKC').trim();
  const s = t.toUpperCase().replace(/[\s\-–—_.]/g, '');
  const codeLike = /[A-Z]/.test(s) && (/\d/.test(s) || /[-–—]/.test(t));
  return /^[0-9A-Z]{5,12}$/.test(s) && codeLike && s.length !== CODE_LENGTH ? s.length : null;
}

/** A bound person is back (follow, or a message after being marked inactive): active again, role menu relinked. */
async function welcomeBack(ctx: Ctx, user: User, displayName: string | null): Promise<Reply[]> {
  const updated = await ctx.tx.user.update({
    where: { id: user.id },
    data: { active: true, ...(displayName ? { displayName } : {}) },
  });
  const role = user.role!;
  ctx.afterCommit(() => ctx.line.setRichMenu(user.lineUserId, role));
  const name = displayName ?? user.displayName;
  return [text(`ยินดีต้อนรับกลับค่ะ${name ? ` คุณ${name}` : ''}`), ...menuFor(actorOf(updated))];
}

export async function onFollow(ctx: Ctx): Promise<Reply[]> {
  const profile = await ctx.line.getProfile(ctx.user.lineUserId).catch(() => null);
  if (ctx.user.role) return welcomeBack(ctx, ctx.user, profile?.displayName ?? null);
  await ctx.tx.user.update({
    where: { id: ctx.user.id },
    data: { active: true, ...(profile ? { displayName: profile.displayName } : {}) },
  });
  const name = profile?.displayName ?? ctx.user.displayName;
  return [text(name ? `คุณ${name} ${WELCOME}` : WELCOME)];
}

/** LINE unlinks nothing we must undo: the person is only marked inactive (no pushes) until they follow again. */
export async function onUnfollow(ctx: Ctx): Promise<void> {
  await ctx.tx.user.update({ where: { id: ctx.user.id }, data: { active: false } });
}

/** A wrong code: how many attempts are left and what a code looks like. */
function wrongCode(remaining: number): string {
  return `รหัสไม่ถูกต้อง เหลือโอกาสอีก ${remaining} ครั้ง\nกรุณาตรวจสอบแล้วพิมพ์ใหม่ ${CODE_HELP}`;
}

/** "14:32 น.", with the day when it is not today (Bangkok). */
function untilTh(until: Date, now: Date): string {
  return dayKeyOf(until) === dayKeyOf(now) ? clockTh(until) : `${clockTh(until)} วันที่ ${formatDayTh(dayKeyOf(until))}`;
}

/** The department's users are told once, when wrong codes from many accounts close code entry. */
async function alertDepartment(ctx: Ctx, lockout: GlobalLockout, guard: InviteGuardSettings): Promise<void> {
  const admins = await ctx.tx.user.findMany({ where: { role: 'DEPARTMENT_ADMIN', active: true }, select: { lineUserId: true } });
  const msg =
    `⚠️ แจ้งเตือนความปลอดภัย: มีการใส่รหัสเชิญผิด ${lockout.failures} ครั้ง ภายใน ${Math.round(guard.windowMs / 60_000)} นาที ` +
    `(จากทุกบัญชีรวมกัน)\nระบบปิดรับรหัสเชิญทั้งหมดชั่วคราวถึง ${untilTh(lockout.until, ctx.now)} ` +
    'แล้วจะเปิดรับเองโดยอัตโนมัติ ผู้ที่ผูกบัญชีแล้วใช้งานได้ตามปกติ';
  for (const a of admins) await ctx.push(a.lineUserId, [text(msg)], `invite-global-lockout:${lockout.id}:${a.lineUserId}`);
}

export async function onUnbound(ctx: Ctx, input: Input, guard?: InviteGuardSettings): Promise<Reply[]> {
  if (ctx.user.role && !ctx.user.active) return welcomeBack(ctx, ctx.user, null);
  if (input.kind !== 'text') return [text(`กรุณาพิมพ์รหัสเชิญเพื่อเริ่มใช้งาน\n${CODE_HELP}\n${NO_CODE}`)];

  const r = await redeemInvite(ctx.tx, ctx.user.id, input.text, ctx.now, ctx.event.id, guard);
  if (r.ok) {
    const user = await ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    ctx.afterCommit(() => ctx.line.setRichMenu(user.lineUserId, r.role));
    return [text(`ยืนยันตัวตนเรียบร้อย ✅\nคุณคือ ${whoTh(r.role, r.scopeName)}\n\n${FIRST_STEPS[r.role]}`), ...menuFor(actorOf(user))];
  }
  switch (r.reason) {
    case 'locked':
    case 'locked-now': {
      const minutes = Math.max(1, Math.ceil((r.until.getTime() - ctx.now.getTime()) / 60_000));
      return [text(`ใส่รหัสผิดหลายครั้ง กรุณารอ ${minutes} นาที (ถึง ${clockTh(r.until)}) แล้วลองใหม่`)];
    }
    case 'wrong':
      return [text(wrongCode(r.remaining))];
    case 'closed': {
      if (r.tripped) await alertDepartment(ctx, r.tripped, guard ?? DEFAULT_INVITE_GUARD);
      const closed =
        `ขณะนี้ระบบปิดรับรหัสเชิญชั่วคราว เพราะมีการใส่รหัสผิดจำนวนมาก กรุณาพิมพ์รหัสอีกครั้งหลังเวลา ${untilTh(r.until, ctx.now)}\n` +
        'รหัสที่ได้รับจากเจ้าหน้าที่ (ที่ยังไม่หมดอายุ) ยังใช้ได้ตามเดิม';
      return [text(r.tripped ? `รหัสไม่ถูกต้อง\n${closed}` : `${closed} (ครั้งนี้ไม่นับเป็นการใส่รหัสผิด)`)];
    }
    case 'used':
      return [text('รหัสนี้ถูกใช้แล้ว (ใช้ได้ครั้งเดียว) กรุณาขอรหัสใหม่จากเจ้าหน้าที่\n(ไม่นับเป็นการใส่รหัสผิด)')];
    case 'expired':
      return [text(`รหัสนี้หมดอายุแล้ว (เมื่อ ${formatDayTh(dayKeyOf(r.expiresAt))}) กรุณาขอรหัสใหม่จากเจ้าหน้าที่\n(ไม่นับเป็นการใส่รหัสผิด)`)];
    case 'not-a-code': {
      const n = nearMiss(input.text);
      if (n !== null) return [text(`รหัสที่พิมพ์มามี ${n} ตัว แต่${CODE_HELP}\nกรุณาตรวจสอบแล้วพิมพ์ใหม่`)];
      return [text(`สวัสดีค่ะ ระบบนี้ใช้รายงานยอดขายผลิตภัณฑ์ OTOP ประจำเดือน\nเริ่มใช้งานโดยพิมพ์รหัสเชิญที่ได้รับจากเจ้าหน้าที่\n${CODE_HELP}\n${NO_CODE}`)];
    }
  }
}
