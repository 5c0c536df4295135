import { describe, expect, it } from 'vitest';
import type { EstimateCard } from '../../src/bot/cards.js';
import { buildEstimateCard } from '../../src/line/flex/estimate-card.js';
import { exampleEstimateCard } from '../../src/line/flex/estimate-example.js';
import { describeSchemaCheck, flexTemplate } from '../support/flex-cards.js';

const template = flexTemplate('estimate-card.json');
const fourMonths: EstimateCard = {
  ...exampleEstimateCard,
  tone: 'success',
  subtitle: 'ปีงบประมาณ 2563 · รับรองแล้ว',
  table: {
    heading: 'ประมาณการเทียบยอดจริง (บาท)',
    columns: ['เดือน', 'ประมาณการ', 'ยอดจริง'],
    rows: [
      { cells: ['มิ.ย. 63', '40,600,500', '41,000,000'] },
      { cells: ['ก.ค. 63', '40,200,500', '—'] },
      { cells: ['ส.ค. 63', '42,516,494', '—'] },
      { cells: ['ก.ย. 63', '26,874,500', '—'] },
      { cells: ['รวม', '150,191,994', '41,000,000'], emphasis: true },
    ],
  },
  buttons: undefined,
};

describe('estimate card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildEstimateCard(exampleEstimateCard).contents))).toEqual(template);
  });

  it('draws one table row per month and a bold total row, without buttons when none are given (snapshot)', () => {
    const m = buildEstimateCard(fourMonths);
    expect(m).toMatchSnapshot();
    const json = JSON.stringify(m);
    expect(json.match(/"weight":"bold","align":"end"/g)?.length).toBe(3); // the emphasised summary value and the total row's two figures
    expect(json).not.toContain('"footer"');
  });

  it('an empty table leaves its section out instead of sending an empty box', () => {
    const m = buildEstimateCard({ ...fourMonths, table: { ...fourMonths.table, rows: [] } });
    expect(JSON.stringify(m)).not.toContain('ประมาณการเทียบยอดจริง');
  });

  describeSchemaCheck<EstimateCard>([['example', exampleEstimateCard], ['four months, no buttons', fourMonths]]);
});
