// Routes one event: global words first (ยกเลิก, เมนู, ช่วยเหลือ), then the active conversation, then postback
// actions, then start words; a person without a role is onboarding (invite codes).
import type { Ctx } from './context.js';
import type { Input, Postback } from './events.js';
import type { Flow, Outcome } from './flow.js';
import type { Reply } from './reply.js';
import { text } from './reply.js';
import { DROP_AND_MENU, RESUME, draftWarning, resumeReplies } from './draft-guard.js';
import { endConversation, loadConversation, saveConversation, touchConversation } from './conversation-store.js';

export interface Control {
  /** Starts a flow (replacing any active conversation) and returns its first replies. */
  start(flow: string, args?: Record<string, string>): Promise<Reply[]>;
  /** The active conversation's flow name, if any. */
  active: string | null;
}

export type Action = (ctx: Ctx, postback: Postback, control: Control) => Promise<Reply[]>;

export interface BotDefinition {
  flows: Flow<any>[];
  /** Start words, keyed by normalised text (see normaliseWord). */
  startWords: Record<string, { flow: string; args?: Record<string, string> }>;
  /** Global postback actions by name. `start` (params.flow) is built in. */
  actions: Record<string, Action>;
  onFollow(ctx: Ctx): Promise<Reply[]>;
  onUnfollow(ctx: Ctx): Promise<void>;
  /** Input from someone without a role: invite codes. */
  onUnbound(ctx: Ctx, input: Input): Promise<Reply[]>;
  help(ctx: Ctx): Promise<Reply[]>;
  /** Common phrasings of the person's role (keyword table), tried before "ไม่เข้าใจ"; null when none matches. */
  understand?(ctx: Ctx, typed: string): Promise<Reply[] | null>;
  menu(ctx: Ctx): Promise<Reply[]>;
  /** The refusal when the actor's role may not start the flow (null: may). Checked on every start. */
  refuseStart?(ctx: Ctx, flow: string): Reply[] | null;
}

/** Lower-case, no spaces, Thai digits kept: how typed commands are compared. */
export function normaliseWord(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

const CANCEL = new Set(['ยกเลิก', 'cancel', 'เลิก', 'ยกเลิกรายการ']);
const MENU = new Set(['เมนู', 'menu', 'เมนูหลัก']);
const HELP = new Set(['ช่วยเหลือ', 'help', 'วิธีใช้', '?', 'ช่วยด้วย']);

export const EXPIRED_TEXT =
  'รายการก่อนหน้าหมดเวลาแล้ว เพราะไม่มีการตอบเกิน 30 นาที ตัวเลขที่ยังไม่ได้กดยืนยันจึงไม่ถูกบันทึก กรุณาเริ่มใหม่อีกครั้ง';
export const INVALID_TEXT = 'ระบบมีการปรับปรุง รายการที่ค้างไว้จึงต้องเริ่มใหม่ ขออภัยในความไม่สะดวก';

export function createRouter(def: BotDefinition) {
  const flows = new Map<string, Flow>(def.flows.map((f) => [f.name, f as Flow]));
  // Maps, not the definition's plain objects: a forged action or typed word "constructor" / "__proto__" must not
  // find Object.prototype's members.
  const actions = new Map(Object.entries(def.actions));
  const startWords = new Map(Object.entries(def.startWords));

  /** Starts `flow` unless the actor's role may not start it: then the refusal and the menu, nothing kept. */
  async function startFlow(ctx: Ctx, flow: Flow, args: Record<string, string>): Promise<Outcome<{ step: string }>> {
    const refused = def.refuseStart?.(ctx, flow.name);
    if (refused) return { type: 'done', replies: [...refused, ...(await def.menu(ctx))] };
    return flow.start(ctx, args);
  }

  async function apply(ctx: Ctx, flow: Flow, outcome: Outcome<{ step: string }>, revision: number | null): Promise<Reply[] | null> {
    switch (outcome.type) {
      case 'next':
        await saveConversation(ctx.tx, ctx.user.id, flow, outcome.state, revision, ctx.now);
        return outcome.replies;
      case 'stay':
        if (revision !== null) await touchConversation(ctx.tx, ctx.user.id, ctx.now);
        return outcome.replies;
      case 'done':
      case 'cancelled':
        await endConversation(ctx.tx, ctx.user.id);
        return outcome.replies;
      case 'pass':
        return null;
      case 'switch': {
        const nextFlow = flows.get(outcome.flow);
        if (!nextFlow) throw new Error(`unknown flow ${outcome.flow}`);
        await endConversation(ctx.tx, ctx.user.id);
        const started = await apply(ctx, nextFlow, await startFlow(ctx, nextFlow, outcome.args), null);
        return [...outcome.replies, ...(started ?? [])];
      }
    }
  }

  function control(ctx: Ctx, active: string | null): Control {
    return {
      active,
      async start(name, args = {}) {
        const flow = flows.get(name);
        if (!flow) throw new Error(`unknown flow ${name}`);
        const refused = def.refuseStart?.(ctx, name);
        if (refused) return [...refused, ...(await def.menu(ctx))]; // the active conversation is kept
        await endConversation(ctx.tx, ctx.user.id);
        return (await apply(ctx, flow, await startFlow(ctx, flow, args), null)) ?? [];
      },
    };
  }

  async function runAction(ctx: Ctx, postback: Postback, active: string | null): Promise<Reply[] | null> {
    if (postback.action === 'start' && postback.params.flow && flows.has(postback.params.flow)) {
      const { flow, ...args } = postback.params;
      return control(ctx, active).start(flow, args);
    }
    const action = actions.get(postback.action);
    return action ? action(ctx, postback, control(ctx, active)) : null;
  }

  /** Handles one event inside its transaction and returns the replies to send. */
  return async function route(ctx: Ctx): Promise<Reply[]> {
    const ev = ctx.event;
    if (ev.type === 'follow') return def.onFollow(ctx);
    if (ev.type === 'unfollow') {
      await def.onUnfollow(ctx);
      return [];
    }
    if (ev.type === 'other') return def.help(ctx);
    const input: Input | null =
      ev.type === 'text' ? { kind: 'text', text: ev.text.trim() } : ev.postback ? { kind: 'postback', postback: ev.postback } : null;

    if (!ctx.actor) {
      if (!input) return def.help(ctx);
      if (input.kind === 'text' && HELP.has(normaliseWord(input.text))) return def.help(ctx);
      return def.onUnbound(ctx, input);
    }

    const word = input?.kind === 'text' ? normaliseWord(input.text) : null;
    const loaded = await loadConversation(ctx.tx, ctx.user.id, flows, ctx.now);
    const active = loaded.status === 'active' ? loaded.flow.name : null;
    const prefix: Reply[] = [];
    if (loaded.status === 'expired') prefix.push(text(EXPIRED_TEXT));
    if (loaded.status === 'invalid') prefix.push(text(INVALID_TEXT));

    if (word && CANCEL.has(word)) {
      if (active) {
        await endConversation(ctx.tx, ctx.user.id);
        return [text('ยกเลิกรายการแล้ว ไม่มีการบันทึกข้อมูลใด ๆ'), ...(await def.menu(ctx))];
      }
      return [...prefix, text('ตอนนี้ไม่มีรายการที่ค้างอยู่'), ...(await def.menu(ctx))];
    }
    const guard = input?.kind === 'postback' ? input.postback.action : null;
    if ((word && MENU.has(word)) || guard === DROP_AND_MENU) {
      const draft = loaded.status === 'active' && word ? (loaded.flow.draft?.(loaded.state) ?? null) : null;
      if (draft) return [draftWarning(draft)];
      if (active) await endConversation(ctx.tx, ctx.user.id);
      return [...prefix, ...(await def.menu(ctx))];
    }
    if (guard === RESUME) {
      if (loaded.status === 'active') return resumeReplies(ctx, loaded.flow, loaded.state);
      return [...prefix, text('ไม่มีรายการที่ค้างอยู่แล้ว'), ...(await def.menu(ctx))];
    }
    if (word && HELP.has(word)) return [...prefix, ...(await def.help(ctx))];

    if (loaded.status === 'active' && input) {
      const out = await loaded.flow.advance(ctx, loaded.state, input);
      const replies = await apply(ctx, loaded.flow, out, loaded.revision);
      if (replies) return replies;
    }
    if (!input) {
      return [...prefix, text('ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาเลือกจากเมนูอีกครั้ง'), ...(await def.menu(ctx))];
    }
    if (input.kind === 'postback') {
      const replies = await runAction(ctx, input.postback, active);
      if (replies) return [...prefix, ...replies];
      return [...prefix, text('ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาเลือกจากเมนูอีกครั้ง'), ...(await def.menu(ctx))];
    }
    const start = word ? startWords.get(word) : undefined;
    if (start) return [...prefix, ...(await control(ctx, active).start(start.flow, start.args ?? {}))];
    const understood = def.understand ? await def.understand(ctx, input.text) : null;
    if (understood) return [...prefix, ...understood];
    return [...prefix, text('ขออภัย ไม่เข้าใจข้อความนี้'), ...(await def.menu(ctx))];
  };
}
