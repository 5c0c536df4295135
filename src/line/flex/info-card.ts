// Builds an InfoCard from flex-templates/info-card.json.
//
// Template contract (checked at module load):
// - header: [title text, subtitle text]; its backgroundColor is replaced by the tone colour.
// - body: section boxes (vertical) separated by a separator, then the note text. In a section, the first text is
//   the heading and the horizontal boxes are rows of [label text, value text]; the first row whose value is bold
//   is the emphasis prototype, the first whose value is not bold the plain one.
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { CardRow, InfoCard } from '../../bot/cards.js';
import { fillLabelValue, finishSectionedCard, sectionedFrame } from './parts.js';
import { box, loadTemplate, text, withContents, withText } from './template.js';
import { nonBlank } from './text-limits.js';

type FlexBox = messagingApi.FlexBox;
type FlexComponent = messagingApi.FlexComponent;

const TEMPLATE = loadTemplate('info-card.json');

const isSection = (c: FlexComponent): c is FlexBox => c.type === 'box' && c.layout === 'vertical';
const isRow = (c: FlexComponent): c is FlexBox => c.type === 'box' && c.layout === 'horizontal';

function rowParts(row: FlexBox, where: string): { label: messagingApi.FlexText; value: messagingApi.FlexText } {
  return { label: text(row.contents[0], `${where}.contents[0] (label)`), value: text(row.contents[1], `${where}.contents[1] (value)`) };
}

const FRAME = sectionedFrame(TEMPLATE);

const P = (() => {
  const sections = FRAME.body.contents.filter(isSection);
  const section = box(sections[0], 'body section');
  const rows = sections.flatMap((s) => s.contents.filter(isRow));
  rows.forEach((r, i) => rowParts(r, `body row ${i}`));
  const isStrong = (r: FlexBox): boolean => (r.contents[1] as messagingApi.FlexText).weight === 'bold';
  return {
    section,
    heading: text(section.contents[0], 'section.contents[0] (heading)'),
    row: box(rows.find((r) => !isStrong(r)), 'plain row'),
    strongRow: box(rows.find(isStrong), 'emphasis row (bold value)'),
  };
})();

const fillRow = (row: CardRow): FlexBox => fillLabelValue(row.emphasis ? P.strongRow : P.row, row);

function fillSection(s: InfoCard['sections'][number]): FlexBox | undefined {
  const heading = nonBlank(s.heading);
  const contents: FlexComponent[] = [...(heading === undefined ? [] : [withText(P.heading, heading)]), ...s.rows.map(fillRow)];
  return contents.length ? withContents(P.section, contents) : undefined;
}

/** A Flex message for the card. Empty subtitle, sections, note and buttons are left out, never sent empty. */
export function buildInfoCard(card: InfoCard): messagingApi.FlexMessage {
  return finishSectionedCard(TEMPLATE, FRAME, card, card.sections.map(fillSection).filter((s) => s !== undefined));
}
