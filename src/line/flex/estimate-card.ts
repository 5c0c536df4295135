// Builds an EstimateCard from flex-templates/estimate-card.json.
//
// Template contract (checked at module load):
// - header: [title text, subtitle text]; its backgroundColor is replaced by the tone colour.
// - body: [summary section, separator, table section, note text]. The summary holds horizontal rows of [label, value]
//   (first row bold: the emphasis prototype; second plain). The table section is [heading text, column-header row,
//   plain data row, bold total row], each row three texts.
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { EstimateCard, EstimateTableRow } from '../../bot/cards.js';
import { fillLabelValue, finishSectionedCard, sectionedFrame } from './parts.js';
import { box, loadTemplate, text, withContents, withText } from './template.js';
import { requireText } from './text-limits.js';

type FlexBox = messagingApi.FlexBox;
type FlexComponent = messagingApi.FlexComponent;

const TEMPLATE = loadTemplate('estimate-card.json');

const FRAME = sectionedFrame(TEMPLATE);

const P = (() => {
  const [summary, table] = FRAME.body.contents.filter((c): c is FlexBox => c.type === 'box');
  const s = box(summary, 'summary section');
  const t = box(table, 'table section');
  return {
    summary: s,
    strongRow: box(s.contents[0], 'summary row 0 (emphasis)'),
    row: box(s.contents[1], 'summary row 1 (plain)'),
    table: t,
    heading: text(t.contents[0], 'table heading'),
    columns: box(t.contents[1], 'table column headers'),
    cells: box(t.contents[2], 'table row (plain)'),
    totalCells: box(t.contents[3], 'table row (total)'),
  };
})();

function fillCells(proto: FlexBox, cells: readonly string[]): FlexBox {
  return withContents(proto, cells.map((c, i) => withText(text(proto.contents[i], `table cell ${i}`), requireText(c, `table cell ${i}`))));
}

const tableRow = (r: EstimateTableRow): FlexBox => fillCells(r.emphasis ? P.totalCells : P.cells, r.cells);

/** A Flex message for the card; empty parts are left out, never sent empty. */
export function buildEstimateCard(card: EstimateCard): messagingApi.FlexMessage {
  const sections: FlexComponent[] = [];
  if (card.summary.length) sections.push(withContents(P.summary, card.summary.map((r, i) => fillLabelValue(r.emphasis ?? i === 0 ? P.strongRow : P.row, r))));
  if (card.table.rows.length) {
    sections.push(withContents(P.table, [withText(P.heading, requireText(card.table.heading, 'table heading')), fillCells(P.columns, card.table.columns), ...card.table.rows.map(tableRow)]));
  }
  return finishSectionedCard(TEMPLATE, FRAME, card, sections);
}
