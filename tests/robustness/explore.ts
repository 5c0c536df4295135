// Finds the steps of the officers' conversations by walking them: start a flow with its start word, then tap
// buttons at random (never ones that write: ยืนยัน…, อนุมัติ, ส่งข้อมูล) or type a plausible answer, recording
// every (flow, step) whose state was saved.
import type { TestBot } from '../support/bot.js';
import { buttons } from '../sales-entry/helpers.js';
import { rng } from './fuzz-strings.js';
import type { CapturedStep } from './harness.js';

const WRITES = /^(ยืนยัน|อนุมัติ|ไม่อนุมัติ|ส่งข้อมูล|บันทึก|ใช่)/;
const LEAVES = /^(ยกเลิก|เมนู|ช่วยเหลือ|ไม่ส่งกลับ)/;
/** Answers for steps that wait for typed text (reasons, names, searches, phone numbers). */
const TYPED = ['ยอดไม่ตรงกับสมุดบัญชี', 'กลุ่มทดลองเดินสำรวจ', 'กลุ่ม', '0812345678', 'หน้าเมือง', 'ข้าม', '2'];

export async function explore(bot: TestBot, user: string, words: string[], opts: { walks: number; depth: number; seed: number }): Promise<CapturedStep[]> {
  const db = bot.services.db;
  const u = await db.user.findUniqueOrThrow({ where: { lineUserId: user } });
  const next = rng(opts.seed);
  const seen = new Map<string, CapturedStep>();
  const record = async () => {
    const c = await db.conversation.findUnique({ where: { userId: u.id } });
    if (!c) return false;
    const step = (c.state as { step: string }).step;
    const key = `${c.flow}:${step}`;
    if (!seen.has(key)) seen.set(key, { flow: c.flow, step, version: c.version, state: c.state });
    return true;
  };
  for (const word of words) {
    for (let w = 0; w < opts.walks; w++) {
      await bot.say(user, 'ยกเลิก');
      await bot.say(user, word);
      for (let d = 0; d < opts.depth; d++) {
        if (!(await record())) break;
        const options = buttons(bot, user).filter((b) => !WRITES.test(b.label ?? '') && !LEAVES.test(b.label ?? ''));
        if (options.length && next() < 0.8) {
          const b = options[Math.floor(next() * options.length)]!;
          if (b.data) await bot.tap(user, b.data);
          else await bot.say(user, b.text ?? b.label ?? '');
        } else {
          await bot.say(user, TYPED[Math.floor(next() * TYPED.length)]!);
        }
      }
      await record();
    }
  }
  await bot.say(user, 'ยกเลิก');
  return [...seen.values()];
}
