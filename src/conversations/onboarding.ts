// Follow, unfollow, and everything said by someone who has not redeemed an invite yet.
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { text, type Reply } from '../bot/reply.js';
import { helpFor } from './menu.js';

export const WELCOME =
  'สวัสดีค่ะ ยินดีต้อนรับสู่ระบบรายงานยอดขายผลิตภัณฑ์ OTOP ของกรมการพัฒนาชุมชน\n' +
  'กรุณาพิมพ์รหัสเชิญที่ได้รับจากพัฒนากรอำเภอ เพื่อเริ่มใช้งาน';

export async function onFollow(ctx: Ctx): Promise<Reply[]> {
  const profile = await ctx.line.getProfile(ctx.user.lineUserId).catch(() => null);
  await ctx.tx.user.update({
    where: { id: ctx.user.id },
    data: { active: true, ...(profile ? { displayName: profile.displayName } : {}) },
  });
  const name = profile?.displayName ?? ctx.user.displayName;
  if (ctx.user.role) {
    return [text(`ยินดีต้อนรับกลับ${name ? ` คุณ${name}` : ''} พิมพ์ "เมนู" เพื่อเริ่มใช้งาน`)];
  }
  return [text(name ? `คุณ${name} ${WELCOME}` : WELCOME)];
}

export async function onUnfollow(ctx: Ctx): Promise<void> {
  await ctx.tx.user.update({ where: { id: ctx.user.id }, data: { active: false } });
}

export async function onUnbound(ctx: Ctx, _input: Input): Promise<Reply[]> {
  return helpFor(ctx.actor);
}
