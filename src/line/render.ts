// Turns the bot's replies (src/bot/reply.ts) into LINE message objects: text, Flex cards filled from
// flex-templates/ by the builders in ./flex/, and quick replies. Everything LINE would reject with a 400 is
// rejected here first, with a message that names the cause; nothing is silently dropped except what LINE would
// never show (see renderReplies).
import type { messagingApi } from '@line/bot-sdk';
import type { Card } from '../bot/cards.js';
import type { Choice, Reply } from '../bot/reply.js';
import { buildInfoCard } from './flex/info-card.js';
import { buildListCard } from './flex/list-card.js';
import { buildStandingCard } from './flex/standing-card.js';
import { buildEstimateCard } from './flex/estimate-card.js';
import { buildProducerCard } from './flex/producer-card.js';
import { buildDeadlineCard } from './flex/deadline-card.js';
import { cardAltText, postbackAction } from './flex/parts.js';
import { LIMITS, requireText, shorten } from './flex/text-limits.js';

export { describeBatch, describeForTerminal, type TerminalAction, type TerminalView } from './flex/describe-message.js';
export { LIMITS } from './flex/text-limits.js';

/**
 * The messages of one reply or push: 1 to 5 replies (LINE's per-request limit; anything else throws).
 *
 * LINE shows only the LAST message's quick reply. So the batch carries one set of choices, on its last message:
 * the last reply's own choices or, when it has none, those of the nearest earlier reply that has some (a reply
 * like "saved" + a card + "anything else?" keeps the card's choices usable). Choices of other earlier replies
 * could never be shown and are dropped.
 */
export function renderReplies(replies: Reply[]): messagingApi.Message[] {
  if (replies.length === 0 || replies.length > LIMITS.messagesPerRequest) {
    throw new Error(`a LINE request carries 1 to ${LIMITS.messagesPerRequest} messages, got ${replies.length}`);
  }
  const choices = replies.findLast((r) => r.choices?.length)?.choices;
  const last = replies.length - 1;
  return replies.map((r, i) => renderReply({ ...r, choices: i === last ? choices : undefined }));
}

/** One reply as one message, with its own choices as quick reply (use renderReplies for a batch). */
export function renderReply(reply: Reply): messagingApi.Message {
  const message = reply.kind === 'text' ? renderText(reply.text) : reply.kind === 'image' ? renderImage(reply.url) : renderCard(reply.card);
  const quickReply = renderQuickReply(reply.choices);
  return quickReply ? { ...message, quickReply } : message;
}

/** A text message; throws on blank text or more than 5,000 UTF-16 units (the bot must split long text itself). */
export function renderText(text: string): messagingApi.TextMessage {
  requireText(text, 'text message');
  if (text.length > LIMITS.textMax) throw new Error(`text message is ${text.length} UTF-16 units, over ${LIMITS.textMax}`);
  return { type: 'text', text };
}

/** An image message: LINE fetches the picture itself, so the address must be absolute https. */
export function renderImage(url: string): messagingApi.ImageMessage {
  if (!/^https:\/\/\S+$/.test(url) || url.length > 2000) throw new Error(`image message needs an https address of at most 2,000 characters: ${url.slice(0, 80)}`);
  return { type: 'image', originalContentUrl: url, previewImageUrl: url };
}

export function renderCard(card: Card): messagingApi.FlexMessage {
  switch (card.kind) {
    case 'info':
      return buildInfoCard(card);
    case 'list':
      return buildListCard(card);
    case 'standing':
      return buildStandingCard(card);
    case 'estimate':
      return buildEstimateCard(card);
    case 'producer':
      return buildProducerCard(card);
    case 'deadline':
      return buildDeadlineCard(card);
  }
}

/**
 * Quick reply for the choices, or undefined when there are none. More than 13 throws: callers page their choices
 * (a silently trimmed menu would hide options). Labels over 20 characters are cut with "…"; a postback choice
 * shows `display ?? label` (uncut) as the person's message.
 */
export function renderQuickReply(choices: Choice[] | undefined): messagingApi.QuickReply | undefined {
  if (!choices?.length) return undefined;
  if (choices.length > LIMITS.quickReplyItems) {
    throw new Error(`quick reply holds at most ${LIMITS.quickReplyItems} choices, got ${choices.length}: page them`);
  }
  return { items: choices.map((c) => ({ type: 'action', action: choiceAction(c) })) };
}

function choiceAction(c: Choice): messagingApi.Action {
  if ('postback' in c) return postbackAction(c.label, c.postback, c.display, LIMITS.quickReplyLabelMax);
  const text = requireText(c.text, 'quick reply text');
  if (text.length > LIMITS.actionTextMax) throw new Error(`quick reply text over ${LIMITS.actionTextMax} characters: ${c.label}`);
  return { type: 'message', label: shorten(requireText(c.label, 'quick reply label'), LIMITS.quickReplyLabelMax), text };
}

/**
 * At most 1,500 characters saying what the reply is, as a notification would: a card's altText
 * (or "title · subtitle" when it has none), or the text itself, cut safely.
 */
export function altTextOf(reply: Reply): string {
  if (reply.kind === 'image') return shorten(reply.alt, LIMITS.altTextMax);
  return reply.kind === 'card' ? cardAltText(reply.card) : shorten(reply.text, LIMITS.altTextMax);
}
