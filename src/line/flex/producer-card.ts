// Builds a ProducerCard from flex-templates/producer-card.json.
//
// Template contract (checked at module load):
// - header: [name text, subtitle text] (see parts.ts); neutral colour, danger colour when deregistered.
// - body: [pills box, rows box, separator, note text]. The pills box holds two pill boxes [register status, LINE
//   link], each holding one text; the first pill's colours are the "good" look, the second's the "neutral" look.
//   The rows box holds five rows of [label text, value text]: type, categories, tambon, phone, last reported.
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { ProducerCard } from '../../bot/cards.js';
import { TONES, assembleBubble, cardAltText, fillFooter, fillHeader, flexMessage, footerPrototypes, headerPrototypes } from './parts.js';
import { box, clone, loadTemplate, separator, text, withContents, withText } from './template.js';
import { nonBlank, requireText } from './text-limits.js';

type FlexBox = messagingApi.FlexBox;

const TEMPLATE = loadTemplate('producer-card.json');

const P = (() => {
  const body = box(TEMPLATE.body, 'body');
  const pills = box(body.contents[0], 'body.contents[0] (pills)');
  const rows = box(body.contents[1], 'body.contents[1] (rows)');
  const row = box(rows.contents[0], 'rows.contents[0] (row)');
  const good = box(pills.contents[0], 'pills.contents[0] (status pill)');
  const plain = box(pills.contents[1], 'pills.contents[1] (LINE pill)');
  return {
    header: headerPrototypes(TEMPLATE),
    footer: footerPrototypes(TEMPLATE),
    body,
    pills,
    good,
    goodText: text(good.contents[0], 'status pill text'),
    plain,
    plainText: text(plain.contents[0], 'LINE pill text'),
    rows,
    row,
    label: text(row.contents[0], 'row label'),
    value: text(row.contents[1], 'row value'),
    separator: separator(body.contents[2], 'body.contents[2] (separator)'),
    note: text(body.contents[3], 'body.contents[3] (note)'),
  };
})();

/** Colours of the "off" look of a pill (deregistered, no LINE yet). */
const OFF = { backgroundColor: '#F3F4F6', color: '#6B7280' };
const DANGER = { backgroundColor: '#FDECEA', color: TONES.danger };

function pill(labelText: string, look: 'good' | 'plain' | 'off' | 'danger'): FlexBox {
  const proto = look === 'good' ? P.good : P.plain;
  const t = withText(look === 'good' ? P.goodText : P.plainText, requireText(labelText, 'pill'));
  const b = withContents(proto, [t]);
  if (look === 'off' || look === 'danger') {
    const c = look === 'off' ? OFF : DANGER;
    b.backgroundColor = c.backgroundColor;
    t.color = c.color;
  }
  return b;
}

function row(label: string, value: string): FlexBox {
  return withContents(P.row, [withText(P.label, label), withText(P.value, requireText(value, `row ${label}`))]);
}

/** A Flex message for one producer's register card. */
export function buildProducerCard(card: ProducerCard): messagingApi.FlexMessage {
  const accent = card.active ? TONES.neutral : TONES.danger;
  const note = nonBlank(card.note);
  const body = withContents(P.body, [
    withContents(P.pills, [pill(card.activeLabel, card.active ? 'good' : 'danger'), pill(card.lineLabel, card.lineLinked ? 'plain' : 'off')]),
    withContents(P.rows, [
      row('ประเภท', card.type),
      row('ผลิตภัณฑ์', card.categories),
      row('ตำบล', card.tambon),
      row('โทรศัพท์', card.phone),
      row('รายงานล่าสุด', card.lastReported),
    ]),
    ...(note === undefined ? [] : [clone(P.separator), withText(P.note, note)]),
  ]);
  const bubble = assembleBubble(TEMPLATE, {
    header: fillHeader(P.header, card.title, card.subtitle, accent),
    body,
    footer: fillFooter(P.footer, card.buttons, TONES.neutral),
  });
  return flexMessage(cardAltText(card), bubble);
}
