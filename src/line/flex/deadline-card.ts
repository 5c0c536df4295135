// Builds a DeadlineCard from flex-templates/deadline-card.json.
//
// Template contract (checked at module load):
// - header: [title text, subtitle text]; its backgroundColor is replaced by the tone colour.
// - body: [change section, separator, impact section, note text]. The change section is [field text, a horizontal
//   row of [old box [caption, date], arrow text, new box [caption, date]]]. The impact section holds horizontal
//   rows of [label, value]: the first plain, the second in the warning colour (the warning prototype).
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { DeadlineCard } from '../../bot/cards.js';
import { fillLabelValue, finishSectionedCard, sectionedFrame } from './parts.js';
import { box, loadTemplate, text, withContents, withText } from './template.js';
import { requireText } from './text-limits.js';

type FlexComponent = messagingApi.FlexComponent;

const TEMPLATE = loadTemplate('deadline-card.json');
const FRAME = sectionedFrame(TEMPLATE);

const P = (() => {
  const [change, impact] = FRAME.body.contents.filter((c): c is messagingApi.FlexBox => c.type === 'box');
  const c = box(change, 'change section');
  const row = box(c.contents[1], 'change row');
  const from = box(row.contents[0], 'old date box');
  const to = box(row.contents[2], 'new date box');
  const i = box(impact, 'impact section');
  return {
    change: c,
    field: text(c.contents[0], 'field name'),
    row,
    from,
    fromDate: text(from.contents[1], 'old date'),
    arrow: text(row.contents[1], 'arrow'),
    to,
    toDate: text(to.contents[1], 'new date'),
    impact: i,
    plain: box(i.contents[0], 'impact row 0 (plain)'),
    warning: box(i.contents[1], 'impact row 1 (warning)'),
  };
})();

const dateBox = (proto: messagingApi.FlexBox, date: messagingApi.FlexText, value: string, where: string) =>
  withContents(proto, [proto.contents[0]!, withText(date, requireText(value, where))]);

/** A Flex message for the card; an empty impact list and note are left out, never sent empty. */
export function buildDeadlineCard(card: DeadlineCard): messagingApi.FlexMessage {
  const change = withContents(P.change, [
    withText(P.field, requireText(card.field, 'field name')),
    withContents(P.row, [dateBox(P.from, P.fromDate, card.from, 'old date'), P.arrow, dateBox(P.to, P.toDate, card.to, 'new date')]),
  ]);
  const sections: FlexComponent[] = [change];
  if (card.impact.length) sections.push(withContents(P.impact, card.impact.map((r) => fillLabelValue(r.warning ? P.warning : P.plain, r))));
  return finishSectionedCard(TEMPLATE, FRAME, card, sections);
}
