// Builds a ListCard (one page of a longer list) from flex-templates/list-card.json.
//
// Template contract (checked at module load):
// - header: [title text, subtitle text] (see parts.ts); list cards keep the neutral colour.
// - body: item boxes (horizontal) separated by a separator, then the footer text. The first item is the prototype:
//   [number text, content box]; content = [title text, meta box, button]; meta = [detail text, status pill box];
//   the pill holds the status text.
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { ListCard } from '../../bot/cards.js';
import {
  TONES,
  assembleBubble,
  cardAltText,
  cardButton,
  fillFooter,
  fillHeader,
  flexMessage,
  footerPrototypes,
  headerPrototypes,
} from './parts.js';
import { box, button, joinWith, loadTemplate, separator, text, withContents, withText } from './template.js';
import { nonBlank, requireText } from './text-limits.js';

type FlexBox = messagingApi.FlexBox;
type FlexComponent = messagingApi.FlexComponent;
type ListItem = ListCard['items'][number];

/**
 * Most items one card may hold. The bot pages lists at ≤ 10; 12 full items with long Thai names measure about
 * 17 KB of the 30 KB bubble limit (tests/line/flex-list-card.test.ts), leaving room for longer text.
 */
export const MAX_LIST_ITEMS = 12;

const TEMPLATE = loadTemplate('list-card.json');

const P = (() => {
  const body = box(TEMPLATE.body, 'body');
  const item = box(body.contents[0], 'body.contents[0] (item)');
  const content = box(item.contents[1], 'item.contents[1] (content)');
  const meta = box(content.contents[1], 'content.contents[1] (meta)');
  const pill = box(meta.contents[1], 'meta.contents[1] (status pill)');
  return {
    header: headerPrototypes(TEMPLATE),
    footer: footerPrototypes(TEMPLATE),
    body,
    item,
    no: text(item.contents[0], 'item.contents[0] (number)'),
    content,
    title: text(content.contents[0], 'content.contents[0] (title)'),
    meta,
    detail: text(meta.contents[0], 'meta.contents[0] (detail)'),
    pill,
    status: text(pill.contents[0], 'pill.contents[0] (status)'),
    button: button(content.contents[2], 'content.contents[2] (item button)'),
    separator: separator(body.contents.find((c) => c.type === 'separator'), 'item separator'),
    footerText: text(body.contents.findLast((c) => c.type === 'text'), 'footer text'),
  };
})();

function fillItem(item: ListItem): FlexBox {
  const no = nonBlank(item.no);
  const detail = nonBlank(item.detail);
  const status = nonBlank(item.status);
  const meta: FlexComponent[] = [
    ...(detail === undefined ? [] : [withText(P.detail, detail)]),
    ...(status === undefined ? [] : [withContents(P.pill, [withText(P.status, status)])]),
  ];
  const content: FlexComponent[] = [
    withText(P.title, requireText(item.title, 'list item title')),
    ...(meta.length ? [withContents(P.meta, meta)] : []),
    ...(item.button ? [cardButton(P.button, item.button, TONES.neutral)] : []),
  ];
  return withContents(P.item, [...(no === undefined ? [] : [withText(P.no, no)]), withContents(P.content, content)]);
}

/**
 * A Flex message for one page of a list. Throws on no items (say so in text instead) or more than
 * MAX_LIST_ITEMS (callers page). Empty subtitle, number, detail, status, footer and buttons are left out.
 */
export function buildListCard(card: ListCard): messagingApi.FlexMessage {
  if (card.items.length === 0) throw new Error('a list card needs at least one item; say "nothing to show" in text');
  if (card.items.length > MAX_LIST_ITEMS) {
    throw new Error(`a list card holds at most ${MAX_LIST_ITEMS} items, got ${card.items.length}: page the list`);
  }
  const footerText = nonBlank(card.footer);
  const contents = [
    ...joinWith(card.items.map(fillItem), P.separator),
    ...(footerText === undefined ? [] : [withText(P.footerText, footerText)]),
  ];
  const bubble = assembleBubble(TEMPLATE, {
    header: fillHeader(P.header, card.title, card.subtitle, TONES.neutral),
    body: withContents(P.body, contents),
    footer: fillFooter(P.footer, card.buttons, TONES.neutral),
  });
  return flexMessage(cardAltText(card), bubble);
}
