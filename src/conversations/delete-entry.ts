// Deleting a sales entry the district has not confirmed yet, by the producer or by a district officer for it:
// the producer's entries of the open window (or the one entry a card named) → the entry in full → ยืนยันลบรายการ.
// Only the last step writes (deleteEntry, audited); a confirmed entry is refused with why and what to do.
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import type { Input } from '../bot/events.js';
import { cancelled, done, next, pass, stay, type Flow, type Outcome } from '../bot/flow.js';
import { say, text, type Reply } from '../bot/reply.js';
import { deleteEntry, entryLine, isDeletable, recentEntries, whyNotDeletable, type EntryLine } from '../domain/sales-delete.js';
import { toArabicDigits } from '../domain/thai-format.js';
import type { BotModule } from './module.js';
import * as P from './delete-entry-prompts.js';
import { newToken } from './sales-entry-state.js';

const Id = z.number().int().positive();
const Who = z.object({ producerId: Id, producerName: z.string(), onBehalf: z.boolean(), token: z.string().min(4).max(16) });
export const DeleteEntryState = z.discriminatedUnion('step', [
  /** The numbered list as shown: a typed number picks the same entry a button would. */
  Who.extend({ step: z.literal('pick'), items: z.array(z.object({ id: Id, deletable: z.boolean() })).min(1).max(15) }),
  /** The entry as shown on the confirmation card: the delete is conditional on this revision. */
  Who.extend({ step: z.literal('confirm'), entryId: Id, revision: z.number().int() }),
]);
type S = z.infer<typeof DeleteEntryState>;
type WhoS = z.infer<typeof Who>;
type Out = Outcome<S>;
const squash = (t: string) => t.replace(/\s+/g, '').toLowerCase();
const OK_WORDS = new Set(['ยืนยันลบ', 'ยืนยันลบรายการ', 'ยืนยัน']);
const NO_WORDS = new Set(['ไม่ลบ', 'ไม่', 'ไม่ใช่']);

/** The producer's entries of the open window; authorises (sales.enter) before anything is shown. */
async function listOf(ctx: Ctx, producerId: number): Promise<EntryLine[]> {
  return (await recentEntries(ctx.tx, ctx.actor!, producerId, ctx.now)).slice(0, 15);
}

async function toConfirm(ctx: Ctx, w: WhoS, entryId: number, ...pre: Reply[]): Promise<Out> {
  const e = await entryLine(ctx.tx, ctx.actor!, entryId);
  if (e.producerId !== w.producerId) return done(text('ไม่พบรายการนี้แล้ว'));
  if (!isDeletable(e.status)) return stay(text(whyNotDeletable(e.status, ctx.actor!.role, e.confirmedAt)));
  const st: S = { ...w, step: 'confirm', entryId: e.id, revision: e.revision };
  return next(st, ...pre, ...P.confirmCard(w.token, w.producerName, e));
}

async function prompt(ctx: Ctx, s: S): Promise<Reply[]> {
  if (s.step === 'pick') return P.listPrompt(s.token, s.producerName, s.onBehalf, await listOf(ctx, s.producerId));
  const e = await entryLine(ctx.tx, ctx.actor!, s.entryId);
  return P.confirmCard(s.token, s.producerName, e);
}

async function start(ctx: Ctx, args: Record<string, string>): Promise<Out> {
  const actor = ctx.actor!;
  const producerId = actor.role === 'PRODUCER' ? actor.producerId : Number(args.producerId) || null;
  if (!producerId) {
    return done(text('การลบรายการของผู้ผลิต: พิมพ์ "บันทึกแทนผู้ผลิต" เลือกผู้ผลิต เดือน และประเภทที่จะลบ แล้วกด "ลบรายการนี้"', [say('บันทึกแทนผู้ผลิต'), say('เมนู')]));
  }
  const entries = await listOf(ctx, producerId);
  const producer = await ctx.tx.producer.findUniqueOrThrow({ where: { id: producerId }, select: { name: true } });
  const w: WhoS = { producerId, producerName: producer.name, onBehalf: actor.role !== 'PRODUCER', token: newToken() };
  if (args.entry) {
    const e = await entryLine(ctx.tx, actor, Number(args.entry));
    if (e.producerId !== producerId) return done(text('ไม่พบรายการนี้แล้ว'));
    if (!isDeletable(e.status)) return done(text(whyNotDeletable(e.status, actor.role, e.confirmedAt), [say('เมนู')]));
    return toConfirm(ctx, w, e.id);
  }
  if (!entries.length) return done(text('ยังไม่มีรายการยอดขายของ 3 เดือนล่าสุดที่จะลบ', [say('เมนู')]));
  const deletable = entries.filter((e) => isDeletable(e.status));
  if (!deletable.length) {
    const confirmed = entries.find((e) => !isDeletable(e.status))!;
    return done(text(`รายการของ 3 เดือนล่าสุดอำเภอหรือจังหวัดยืนยันแล้วทั้งหมด จึงลบไม่ได้\n${whyNotDeletable(confirmed.status, actor.role, null).replace(/^รายการนี้\S+ จึงลบไม่ได้ /, '')}`, [say('เมนู')]));
  }
  const st: S = { ...w, step: 'pick', items: entries.map((e) => ({ id: e.id, deletable: isDeletable(e.status) })) };
  return next(st, ...P.listPrompt(w.token, w.producerName, w.onBehalf, entries));
}

async function advance(ctx: Ctx, s: S, input: Input): Promise<Out> {
  if (input.kind === 'postback') {
    if (!input.postback.action.startsWith('de-')) return pass();
    if (input.postback.params.t !== s.token) return stay(text('ปุ่มนี้เป็นของรายการก่อนหน้า ตอนนี้กำลังทำรายการนี้อยู่:'), ...(await prompt(ctx, s)));
  }
  const action = input.kind === 'postback' ? input.postback.action : null;
  const params = input.kind === 'postback' ? input.postback.params : {};
  const raw = input.kind === 'text' ? squash(toArabicDigits(input.text)) : '';
  const w: WhoS = { producerId: s.producerId, producerName: s.producerName, onBehalf: s.onBehalf, token: s.token };

  if (s.step === 'pick') {
    const n = /^(?:ข้อ)?(\d{1,2})$/.exec(raw)?.[1];
    const item = action === 'de-pick' ? s.items.find((i) => i.id === Number(params.e)) : n ? s.items[Number(n) - 1] : undefined;
    if (!item) return stay(text('กรุณาเลือกรายการจากปุ่มด้านล่าง หรือพิมพ์หมายเลขข้อ'), ...(await prompt(ctx, s)));
    return toConfirm(ctx, w, item.id);
  }
  if (action === 'de-no' || NO_WORDS.has(raw)) return cancelled(text('ไม่ได้ลบ รายการยังอยู่เหมือนเดิม', [say('เมนู')]));
  if ((action === 'de-ok' && Number(params.e) === s.entryId && Number(params.rev) === s.revision) || OK_WORDS.has(raw)) {
    const e = await deleteEntry(ctx.tx, ctx.actor!, s.entryId, s.revision, ctx.now, ctx.event.id);
    return done(...P.deletedText(s.producerName, s.producerId, e));
  }
  return stay(text('กรุณากด "ยืนยันลบรายการ" เพื่อลบ หรือ "ไม่ลบ"'), ...(await prompt(ctx, s)));
}

export const deleteEntryFlow: Flow<S> = { name: P.FLOW, version: 1, schema: DeleteEntryState, start, advance, prompt };

export const deleteEntryModule: BotModule = {
  flows: [deleteEntryFlow],
  startWords: { ลบรายการ: { flow: P.FLOW }, ลบยอดขาย: { flow: P.FLOW }, ลบรายการยอดขาย: { flow: P.FLOW } },
};
