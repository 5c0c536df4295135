// "เมนู" in the middle of typed work: warn that the draft will be dropped, and offer to drop it or to go on.
import type { Ctx } from './context.js';
import type { Flow } from './flow.js';
import { tap, text, type Reply } from './reply.js';

/** Postback actions of the warning's buttons, handled by the router before the active conversation. */
export const DROP_AND_MENU = 'menu-drop';
export const RESUME = 'resume';

export function draftWarning(draft: string): Reply {
  return text(`มี${draft}\nถ้าไปที่เมนูตอนนี้ ข้อมูลที่กรอกไว้จะไม่ถูกบันทึก ต้องการทำอย่างไรคะ?`, [
    tap('ทำรายการต่อ', { action: RESUME, params: {} }, 'ทำรายการต่อ'),
    tap('ทิ้งข้อมูล ไปที่เมนู', { action: DROP_AND_MENU, params: {} }, 'ทิ้งข้อมูล ไปที่เมนู'),
  ]);
}

/** "ทำรายการต่อ": the current question again, or a short note when the flow cannot repeat it. */
export async function resumeReplies(ctx: Ctx, flow: Flow, state: { step: string }): Promise<Reply[]> {
  const again = flow.prompt ? await flow.prompt(ctx, state) : [];
  return [text('ทำรายการต่อได้เลยค่ะ ข้อมูลที่กรอกไว้ยังอยู่'), ...again];
}
