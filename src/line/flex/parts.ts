// Parts the card templates share: header (title, subtitle, tone colour), footer buttons, postback actions, and
// the final assembly of a bubble into a Flex message (altText, empty blocks removed, size checked).
import type { messagingApi } from '@line/bot-sdk';
import type { CardButton } from '../../bot/cards.js';
import type { Postback } from '../../bot/events.js';
import { encodePostback } from '../postback-codec.js';
import { box, button, clone, find, joinWith, separator, text, withContents, withText } from './template.js';
import { LIMITS, jsonBytes, nonBlank, requireText, shorten } from './text-limits.js';

type FlexBubble = messagingApi.FlexBubble;
type FlexBox = messagingApi.FlexBox;
type FlexText = messagingApi.FlexText;
type FlexButton = messagingApi.FlexButton;
type ButtonStyle = NonNullable<CardButton['style']>;

/** Header colour per tone; `neutral` is also the accent of primary buttons on cards without a tone. */
export const TONES = { neutral: '#27476E', success: '#1E7B4F', warning: '#B45309', danger: '#B42318' } as const;
export type Tone = keyof typeof TONES;

export const MAX_FOOTER_BUTTONS = 4;

/** A postback action: data through the one codec, label cut to `labelMax`, displayText = display ?? label. */
export function postbackAction(
  label: string,
  postback: Postback,
  display: string | undefined,
  labelMax: number,
): messagingApi.PostbackAction {
  const shown = requireText(label, 'button label');
  return {
    type: 'postback',
    label: shorten(shown, labelMax),
    data: encodePostback(postback),
    displayText: shorten(nonBlank(display) ?? shown, LIMITS.actionTextMax),
  };
}

export interface HeaderPrototypes {
  box: FlexBox;
  title: FlexText;
  subtitle: FlexText;
}

/** Template contract: `header.contents` is [title text, subtitle text]. */
export function headerPrototypes(template: FlexBubble): HeaderPrototypes {
  const header = box(template.header, 'header');
  return {
    box: header,
    title: text(header.contents[0], 'header.contents[0] (title)'),
    subtitle: text(header.contents[1], 'header.contents[1] (subtitle)'),
  };
}

export function fillHeader(p: HeaderPrototypes, title: string, subtitle: string | undefined, colour: string): FlexBox {
  const sub = nonBlank(subtitle);
  const contents = [withText(p.title, requireText(title, 'card title'))];
  if (sub !== undefined) contents.push(withText(p.subtitle, sub));
  return { ...withContents(p.box, contents), backgroundColor: colour };
}

export interface FooterPrototypes {
  box: FlexBox;
  buttons: Record<ButtonStyle, FlexButton>;
}

/** Template contract: the footer box holds at least one button of each style (primary, secondary, link). */
export function footerPrototypes(template: FlexBubble): FooterPrototypes {
  const footer = box(template.footer, 'footer');
  const of = (style: ButtonStyle): FlexButton =>
    button(find<FlexButton>(footer, 'button', `footer ${style} button`, (b) => b.style === style), `footer ${style}`);
  return { box: footer, buttons: { primary: of('primary'), secondary: of('secondary'), link: of('link') } };
}

/** A Flex button cloned from `proto`, carrying the card button's postback (or link); primary buttons take `accent`. */
export function cardButton(proto: FlexButton, b: CardButton, accent: string): FlexButton {
  const action: messagingApi.Action = 'uri' in b
    ? { type: 'uri', label: shorten(requireText(b.label, 'button label'), LIMITS.flexButtonLabelMax), uri: b.uri }
    : postbackAction(b.label, b.postback, b.display, LIMITS.flexButtonLabelMax);
  const out: FlexButton = { ...clone(proto), action };
  if (b.style) out.style = b.style;
  if (out.style === 'primary') out.color = accent;
  return out;
}

/** Footer with the card's buttons (first defaults to primary, the rest to secondary); undefined when none. */
export function fillFooter(p: FooterPrototypes, buttons: CardButton[] | undefined, accent: string): FlexBox | undefined {
  if (!buttons?.length) return undefined;
  if (buttons.length > MAX_FOOTER_BUTTONS) throw new Error(`a card has at most ${MAX_FOOTER_BUTTONS} buttons, got ${buttons.length}`);
  const styled = buttons.map((b, i) => cardButton(p.buttons[b.style ?? (i === 0 ? 'primary' : 'secondary')], b, accent));
  return withContents(p.box, styled);
}

const BLOCKS = ['header', 'hero', 'body', 'footer'] as const;

/**
 * The template's bubble-level settings (size, styles…) with the filled blocks. A block left undefined is
 * removed together with its style, because LINE rejects an empty box. Throws when the JSON is over 30 KB.
 */
export function assembleBubble(
  template: FlexBubble,
  blocks: { header: FlexBox; body?: FlexBox | undefined; footer?: FlexBox | undefined },
): FlexBubble {
  const bubble: FlexBubble = clone({ ...template, header: undefined, hero: undefined, body: undefined, footer: undefined });
  const styles = bubble.styles ? { ...bubble.styles } : undefined;
  for (const key of BLOCKS) {
    const block = key === 'hero' ? undefined : blocks[key];
    if (block) bubble[key] = block;
    else {
      delete bubble[key];
      if (styles) delete styles[key];
    }
  }
  if (styles && Object.keys(styles).length > 0) bubble.styles = styles;
  else delete bubble.styles;
  const bytes = jsonBytes(bubble);
  if (bytes > LIMITS.bubbleMaxBytes) throw new Error(`flex bubble is ${bytes} bytes, over ${LIMITS.bubbleMaxBytes}`);
  return bubble;
}

/** The card's altText, or "title · subtitle" when it has none; cut to LINE's 1,500 characters. */
export function cardAltText(card: { altText: string; title: string; subtitle?: string | undefined }): string {
  const fallback = [card.title, card.subtitle].map(nonBlank).filter((s) => s !== undefined).join(' · ');
  return shorten(requireText(nonBlank(card.altText) ?? fallback, 'card altText'), LIMITS.altTextMax);
}

export function flexMessage(altText: string, bubble: FlexBubble): messagingApi.FlexMessage {
  return { type: 'flex', altText, contents: bubble };
}

/** A [label, value] row cloned from `proto` (template contract: its contents start with the label and value texts). */
export function fillLabelValue(proto: FlexBox, row: { label: string; value: string }): FlexBox {
  const label = text(proto.contents[0], 'row label');
  const value = text(proto.contents[1], 'row value');
  return withContents(proto, [withText(label, requireText(row.label, 'row label')), withText(value, requireText(row.value, 'row value'))]);
}

/** The prototypes every sectioned card (info, standing, estimate) takes from its template. */
export interface SectionedFrame {
  header: HeaderPrototypes;
  footer: FooterPrototypes;
  body: FlexBox;
  separator: messagingApi.FlexSeparator;
  note: FlexText;
}

/** Template contract for sectioned cards: header and footer as above; the body's first separator and last text. */
export function sectionedFrame(template: FlexBubble): SectionedFrame {
  const body = box(template.body, 'body');
  return {
    header: headerPrototypes(template),
    footer: footerPrototypes(template),
    body,
    separator: separator(body.contents.find((c) => c.type === 'separator'), 'separator'),
    note: text(body.contents.findLast((c) => c.type === 'text'), 'note'),
  };
}

/**
 * The finished message of a sectioned card: its sections joined by the separator, the note last, header and
 * footer filled with the tone's colour. Empty sections, note and buttons are left out, never sent empty.
 */
export function finishSectionedCard(
  template: FlexBubble,
  frame: SectionedFrame,
  card: { altText: string; title: string; subtitle?: string | undefined; tone?: Tone | undefined; note?: string | undefined; buttons?: CardButton[] | undefined },
  sections: messagingApi.FlexComponent[],
): messagingApi.FlexMessage {
  const accent = TONES[card.tone ?? 'neutral'];
  const note = nonBlank(card.note);
  const contents = [...joinWith(sections, frame.separator), ...(note === undefined ? [] : [withText(frame.note, note)])];
  const bubble = assembleBubble(template, {
    header: fillHeader(frame.header, card.title, card.subtitle, accent),
    body: contents.length ? withContents(frame.body, contents) : undefined,
    footer: fillFooter(frame.footer, card.buttons, accent),
  });
  return flexMessage(cardAltText(card), bubble);
}
