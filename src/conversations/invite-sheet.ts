// "บัตรเชิญ": a district officer asks for the district's invite sheet (an A4 PDF of cut-out cards, one per registered
// producer without LINE yet). One step: how many cards and that unused codes of the earlier sheet stop working →
// ยืนยัน. The codes are issued and the PDF made after commit (src/jobs/invite-sheet-delivery.ts) and arrive by push
// with a signed 24-hour link, like a report.
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import { done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { normaliseWord } from '../bot/router.js';
import { say, tap, text, type Reply } from '../bot/reply.js';
import { INVITE_SHEET_DAYS } from '../domain/registry/invite-sheet.js';
import type { BotModule } from './module.js';
import { newToken } from './sales-entry-state.js';

export const FLOW = 'invite-sheet';
const State = z.object({ step: z.literal('confirm'), token: z.string().min(4).max(16) });
type S = z.infer<typeof State>;

async function withoutLine(ctx: Ctx): Promise<{ count: number; district: string }> {
  const districtId = ctx.actor!.districtId!;
  const [count, d] = await Promise.all([
    ctx.tx.producer.count({ where: { districtId, active: true, users: { none: { active: true, role: 'PRODUCER' } } } }),
    ctx.tx.district.findUniqueOrThrow({ where: { id: districtId }, select: { nameTh: true } }),
  ]);
  return { count, district: d.nameTh };
}

const ask = (s: S, n: { count: number; district: string }): Reply[] => [
  text(
    `บัตรเชิญอำเภอ${n.district}: ${n.count} บัตร สำหรับผู้ผลิตที่ลงทะเบียนอยู่และยังไม่มี LINE\n` +
      `รหัสใช้ได้ ${INVITE_SHEET_DAYS} วัน รหัสของบัตรชุดก่อนที่ยังไม่ได้ใช้จะถูกยกเลิก\nระบบจะส่งลิงก์ไฟล์ PDF ให้ในแชตนี้`,
    [tap('ยืนยัน พิมพ์บัตรเชิญ', { action: 'is-yes', params: { t: s.token } }, 'ยืนยัน พิมพ์บัตรเชิญ'), say('ยกเลิก')],
  ),
];

async function start(ctx: Ctx): Promise<Outcome<S>> {
  const actor = ctx.actor!;
  if (actor.role !== 'DISTRICT_OFFICER' || !actor.districtId) return done(text('บัตรเชิญใช้ได้สำหรับเจ้าหน้าที่อำเภอเท่านั้น'));
  const n = await withoutLine(ctx);
  if (!n.count) return done(text(`ผู้ผลิตทุกรายของอำเภอ${n.district}ที่ยังลงทะเบียนอยู่ มีผู้ใช้ LINE แล้ว ไม่ต้องพิมพ์บัตรเชิญ`, [say('เมนู')]));
  const s: S = { step: 'confirm', token: newToken() };
  return next(s, ...ask(s, n));
}

export const inviteSheetFlow: Flow<S> = {
  name: FLOW,
  version: 1,
  schema: State,
  start,
  async advance(ctx, s, input) {
    if (input.kind === 'postback' && !input.postback.action.startsWith('is-')) return pass();
    const yes = input.kind === 'postback' ? input.postback.params.t === s.token : ['ยืนยัน', 'ตกลง', 'ใช่'].includes(normaliseWord(input.kind === 'text' ? input.text : ''));
    if (!yes) return stay(text('กด "ยืนยัน พิมพ์บัตรเชิญ" หรือ "ยกเลิก"'), ...ask(s, await withoutLine(ctx)));
    const reports = ctx.reports;
    if (!reports?.deliverInviteSheet) return done(text('ขออภัย ขณะนี้ระบบจัดทำไฟล์ไม่พร้อมใช้งาน กรุณาลองใหม่ภายหลัง'));
    const task = { lineUserId: ctx.event.lineUserId, key: `invite-sheet:${ctx.event.id}`, userId: ctx.actor!.userId, districtId: ctx.actor!.districtId! };
    ctx.afterCommit(() => reports.deliverInviteSheet!(task));
    return done(text('กำลังจัดทำบัตรเชิญ สักครู่ระบบจะส่งลิงก์ดาวน์โหลดให้ในแชตนี้'));
  },
  prompt: async (ctx, s) => ask(s, await withoutLine(ctx)),
};

export const inviteSheetModule: BotModule = { flows: [inviteSheetFlow], startWords: { บัตรเชิญ: { flow: FLOW }, พิมพ์บัตรเชิญ: { flow: FLOW } } };
