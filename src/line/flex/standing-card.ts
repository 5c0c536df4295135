// Builds a StandingCard from flex-templates/standing-card.json.
//
// Template contract (checked at module load):
// - header: [title text, subtitle text]; its backgroundColor is replaced by the tone colour.
// - body: [summary section, separator, bars section, separator, ranking section, note text]. The summary and
//   ranking sections hold horizontal rows of [label text, value text] (the summary's first row, bold, is the
//   emphasis prototype; its second the plain one). The bars section is [heading text, bar item]; a bar item is
//   [row of label/value, track box holding one fill box]; the fill's width is set from permille, its colour
//   green when the tier is reached, else the tone colour.
// - footer: one button per style (see parts.ts).
import type { messagingApi } from '@line/bot-sdk';
import type { StandingBar, StandingCard } from '../../bot/cards.js';
import { TONES, fillLabelValue, finishSectionedCard, sectionedFrame } from './parts.js';
import { box, loadTemplate, text, withContents, withText } from './template.js';
import { nonBlank, requireText } from './text-limits.js';

type FlexBox = messagingApi.FlexBox;
type FlexComponent = messagingApi.FlexComponent;

const TEMPLATE = loadTemplate('standing-card.json');
const REACHED = TONES.success;

const FRAME = sectionedFrame(TEMPLATE);

const P = (() => {
  const [summary, bars, ranking] = FRAME.body.contents.filter((c): c is FlexBox => c.type === 'box');
  const s = box(summary, 'summary section');
  const b = box(bars, 'bars section');
  const r = box(ranking, 'ranking section');
  const item = box(b.contents[1], 'bar item');
  const track = box(item.contents[1], 'bar track');
  return {
    summary: s,
    strongRow: box(s.contents[0], 'summary row 0 (emphasis)'),
    row: box(s.contents[1], 'summary row 1 (plain)'),
    bars: b,
    barsHeading: text(b.contents[0], 'bars heading'),
    item,
    itemRow: box(item.contents[0], 'bar label row'),
    track,
    fill: box(track.contents[0], 'bar fill'),
    ranking: r,
    rankingHeading: text(r.contents[0], 'ranking heading'),
    rankingRow: box(r.contents[1], 'ranking row'),
  };
})();

/** Width of a bar fill: whole percent, at least 1 % so an empty bar still shows where it starts. */
export const barWidth = (permille: number): string => `${Math.max(1, Math.min(100, Math.floor(permille / 10)))}%`;

function fillBar(bar: StandingBar, accent: string): FlexBox {
  const fill: FlexBox = { ...withContents(P.fill, P.fill.contents), width: barWidth(bar.permille), backgroundColor: bar.reached ? REACHED : accent };
  return withContents(P.item, [fillLabelValue(P.itemRow, { label: bar.label, value: bar.value }), withContents(P.track, [fill])]);
}

/** A Flex message for the card; empty parts are left out, never sent empty. */
export function buildStandingCard(card: StandingCard): messagingApi.FlexMessage {
  const accent = TONES[card.tone ?? 'neutral'];
  const sections: FlexComponent[] = [];
  if (card.summary.length) sections.push(withContents(P.summary, card.summary.map((r, i) => fillLabelValue(r.emphasis ?? i === 0 ? P.strongRow : P.row, r))));
  if (card.bars.length) {
    const heading = nonBlank(card.barsHeading);
    sections.push(withContents(P.bars, [...(heading ? [withText(P.barsHeading, heading)] : []), ...card.bars.map((b) => fillBar(b, accent))]));
  }
  if (card.ranking?.rows.length) {
    sections.push(withContents(P.ranking, [withText(P.rankingHeading, requireText(card.ranking.heading, 'ranking heading')), ...card.ranking.rows.map((r) => fillLabelValue(P.rankingRow, r))]));
  }
  return finishSectionedCard(TEMPLATE, FRAME, card, sections);
}
