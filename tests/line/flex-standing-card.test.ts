import { describe, expect, it } from 'vitest';
import type { StandingCard } from '../../src/bot/cards.js';
import { barWidth, buildStandingCard } from '../../src/line/flex/standing-card.js';
import { exampleStandingCard } from '../../src/line/flex/standing-example.js';
import { describeSchemaCheck, flexTemplate } from '../support/flex-cards.js';

const template = flexTemplate('standing-card.json');
const threeTiers: StandingCard = {
  ...exampleStandingCard,
  tone: 'warning',
  bars: [
    { label: 'ขั้นต้น · 2 คะแนน', value: '104,517,816 บาท ✓', permille: 1000, reached: true },
    { label: 'ขั้นมาตรฐาน · 3 คะแนน', value: '106,721,530 บาท', permille: 987, reached: false },
    { label: 'ขั้นสูง · 5 คะแนน', value: '108,925,243 บาท', permille: 0, reached: false },
  ],
  ranking: undefined,
  buttons: undefined,
};

describe('standing card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildStandingCard(exampleStandingCard).contents))).toEqual(template);
  });

  it('draws one bar per tier, full and green when reached, else the tone colour at the share reached (snapshot)', () => {
    const m = buildStandingCard(threeTiers);
    expect(m).toMatchSnapshot();
    const fills = JSON.stringify(m).match(/"width":"\d+%","backgroundColor":"#[0-9A-F]{6}"/g);
    expect(fills).toEqual(['"width":"100%","backgroundColor":"#1E7B4F"', '"width":"98%","backgroundColor":"#B45309"', '"width":"1%","backgroundColor":"#B45309"']);
  });

  it('bar widths are whole percent between 1 and 100', () => {
    expect([barWidth(0), barWidth(9), barWidth(555), barWidth(1000), barWidth(2000)]).toEqual(['1%', '1%', '55%', '100%', '100%']);
  });

  describeSchemaCheck<StandingCard>([['example', exampleStandingCard], ['three tiers, no ranking or buttons', threeTiers], ['summary only', { ...threeTiers, bars: [] }]]);
});
