// "ยอดขายของฉัน": a producer's own figures in one card, read-only (no conversation is kept). An officer may open
// the same view for a producer of its area by passing producerId; the domain checks the reach.
import { z } from 'zod';
import type { Ctx } from '../bot/context.js';
import { done, pass, type Flow, type Outcome } from '../bot/flow.js';
import { text } from '../bot/reply.js';
import { mySales } from '../domain/my-sales.js';
import { mySalesCard } from './my-sales-prompts.js';
import type { BotModule } from './module.js';

export const FLOW = 'my-sales';
/** Never saved (the flow ends at once); present because every flow has a schema. */
const MySalesState = z.object({ step: z.literal('view') });
type S = z.infer<typeof MySalesState>;

async function start(ctx: Ctx, args: Record<string, string>): Promise<Outcome<S>> {
  const actor = ctx.actor!;
  const producerId = actor.role === 'PRODUCER' ? actor.producerId : Number(args.producerId) || null;
  if (!producerId) return done(text('เมนู "ยอดขายของฉัน" ใช้ได้สำหรับผู้ผลิต เจ้าหน้าที่ดูภาพรวมได้ที่ "ความคืบหน้า"'));
  const s = await mySales(ctx.tx, actor, producerId, ctx.now);
  return done(...mySalesCard(s, producerId, actor.role === 'PRODUCER'));
}

export const mySalesFlow: Flow<S> = { name: FLOW, version: 1, schema: MySalesState, start, advance: async () => pass() };

export const mySalesModule: BotModule = {
  flows: [mySalesFlow],
  startWords: { ยอดขายของฉัน: { flow: FLOW }, ดูยอดขาย: { flow: FLOW }, ยอดสะสม: { flow: FLOW } },
};
