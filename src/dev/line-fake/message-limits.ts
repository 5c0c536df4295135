/**
 * Documented LINE limits that `messaging-api.yml` does not encode. Runs only on bodies that already passed the
 * spec schema, so shapes (arrays, strings, discriminated `type`s) can be trusted here.
 *
 * Sizes of Flex containers: LINE documents "30 KB" / "50 KB" of JSON without defining the serialization or the
 * kilobyte. The fake uses the UTF-8 byte length of compact `JSON.stringify(container)` (no whitespace) and
 * 1 KB = 1024 bytes, i.e. the most lenient reading. Thai text is 3 bytes per character in UTF-8.
 * Text lengths count UTF-16 code units (`String#length`), as LINE documents.
 */
import { childProperty } from './validation-errors.js';
import type { ErrorDetail } from './types.js';

export const LIMITS = {
  textMaxUtf16: 5000,
  altTextMax: 1500,
  bubbleMaxBytes: 30 * 1024,
  carouselMaxBytes: 50 * 1024,
  carouselMaxBubbles: 12,
  quickReplyLabelMax: 20,
  loadingSecondsStep: 5,
} as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const jsonBytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');

/** Checks `messages[]` of reply/push/multicast bodies. `base` is the property prefix (`messages`). */
export function checkMessages(messages: unknown[], base = 'messages'): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  messages.forEach((message, index) => {
    if (!isObject(message)) return;
    const at = childProperty(base, index);
    checkMessage(message, at, details);
    checkQuickReply(message['quickReply'], childProperty(at, 'quickReply'), details);
    walk(message, at, (node, property) => checkPostback(node, property, details));
  });
  return details;
}

function checkMessage(message: Json, at: string, details: ErrorDetail[]): void {
  const type = message['type'];
  if ((type === 'text' || type === 'textV2') && typeof message['text'] === 'string') {
    const length = message['text'].length;
    if (length > LIMITS.textMaxUtf16) {
      details.push({ property: childProperty(at, 'text'), message: `Length must be between 0 and ${LIMITS.textMaxUtf16} (got ${length} UTF-16 units)` });
    }
  }
  if ((type === 'flex' || type === 'template') && typeof message['altText'] === 'string') {
    if (message['altText'].length > LIMITS.altTextMax) {
      details.push({ property: childProperty(at, 'altText'), message: `Length must be between 0 and ${LIMITS.altTextMax}` });
    }
  }
  if (type === 'flex' && isObject(message['contents'])) {
    checkFlexContainer(message['contents'], childProperty(at, 'contents'), details);
  }
}

function checkFlexContainer(container: Json, at: string, details: ErrorDetail[]): void {
  if (container['type'] === 'bubble') {
    checkBubbleSize(container, at, details);
  } else if (container['type'] === 'carousel' && Array.isArray(container['contents'])) {
    const bubbles = container['contents'];
    if (bubbles.length > LIMITS.carouselMaxBubbles) {
      details.push({ property: childProperty(at, 'contents'), message: `Size must be between 1 and ${LIMITS.carouselMaxBubbles}` });
    }
    const bytes = jsonBytes(container);
    if (bytes > LIMITS.carouselMaxBytes) {
      details.push({ property: at, message: `carousel JSON is ${bytes} bytes; must be at most ${LIMITS.carouselMaxBytes}` });
    }
    bubbles.forEach((bubble, i) => {
      if (isObject(bubble)) checkBubbleSize(bubble, childProperty(childProperty(at, 'contents'), i), details);
    });
  }
  walk(container, at, (node, property) => {
    // A Flex text component needs `text` or span `contents` (LINE reference, "text" component); the spec marks
    // neither as required. Only nodes inside a Flex container can be components of type "text".
    if (node['type'] === 'text' && node['text'] === undefined && node['contents'] === undefined) {
      details.push({ property: childProperty(property, 'text'), message: 'must be specified' });
    }
  });
}

function checkBubbleSize(bubble: Json, at: string, details: ErrorDetail[]): void {
  const bytes = jsonBytes(bubble);
  if (bytes > LIMITS.bubbleMaxBytes) {
    details.push({ property: at, message: `bubble JSON is ${bytes} bytes; must be at most ${LIMITS.bubbleMaxBytes}` });
  }
}

/** Quick-reply buttons need a `label` of at most 20 characters (LINE reference, quick reply button object). */
function checkQuickReply(quickReply: unknown, at: string, details: ErrorDetail[]): void {
  if (!isObject(quickReply) || !Array.isArray(quickReply['items'])) return;
  quickReply['items'].forEach((item, i) => {
    if (!isObject(item) || !isObject(item['action'])) return;
    const property = childProperty(childProperty(childProperty(at, 'items'), i), 'action');
    const label = item['action']['label'];
    if (typeof label !== 'string') {
      details.push({ property: childProperty(property, 'label'), message: 'must be specified' });
    } else if (label.length > LIMITS.quickReplyLabelMax) {
      details.push({ property: childProperty(property, 'label'), message: `Length must be between 1 and ${LIMITS.quickReplyLabelMax}` });
    }
  });
}

/** Postback actions need `data` (LINE reference, postback action); the spec marks it optional. */
function checkPostback(node: Json, property: string, details: ErrorDetail[]): void {
  if (node['type'] === 'postback' && node['data'] === undefined) {
    details.push({ property: childProperty(property, 'data'), message: 'must be specified' });
  }
}

/** Loading animation: `loadingSeconds` must be a multiple of 5 and `chatId` a user ID (LINE reference). */
export function checkLoading(body: Json): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seconds = body['loadingSeconds'];
  if (typeof seconds === 'number' && seconds % LIMITS.loadingSecondsStep !== 0) {
    details.push({ property: 'loadingSeconds', message: 'must be a multiple of five' });
  }
  const chatId = body['chatId'];
  if (typeof chatId === 'string' && !chatId.startsWith('U')) {
    details.push({ property: 'chatId', message: 'Only user id is acceptable' });
  }
  return details;
}

/** Depth-first visit of every object inside `value` (including `value`), with its LINE-style property path. */
function walk(value: unknown, property: string, visit: (node: Json, property: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, childProperty(property, i), visit));
  } else if (isObject(value)) {
    visit(value, property);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) walk(child, childProperty(property, key), visit);
    }
  }
}
