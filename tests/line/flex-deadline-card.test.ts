import { describe, expect, it } from 'vitest';
import type { DeadlineCard } from '../../src/bot/cards.js';
import { buildDeadlineCard } from '../../src/line/flex/deadline-card.js';
import { exampleDeadlineCard } from '../../src/line/flex/deadline-example.js';
import { describeSchemaCheck, flexTemplate } from '../support/flex-cards.js';

const template = flexTemplate('deadline-card.json');
const clearing: DeadlineCard = {
  ...exampleDeadlineCard,
  tone: 'warning',
  title: 'ใช้วันของกรมฯ จังหวัดพะเยา',
  from: '25 ธ.ค. 2569 (จังหวัดกำหนด)',
  to: '5 ม.ค. 2570 (กรมฯ)',
  impact: [{ label: 'ใช้กับ', value: '9 อำเภอ · ผู้ผลิต 230 ราย' }],
  note: undefined,
};

describe('deadline card', () => {
  it('filled with the template placeholder values, reproduces the designer template exactly', () => {
    expect(JSON.parse(JSON.stringify(buildDeadlineCard(exampleDeadlineCard).contents))).toEqual(template);
  });

  it('shows old → new and the impact rows, warnings in the warning colour (snapshot)', () => {
    const m = buildDeadlineCard(clearing);
    expect(m).toMatchSnapshot();
    const json = JSON.stringify(m);
    expect(json).toContain('25 ธ.ค. 2569 (จังหวัดกำหนด)');
    expect(json).toContain('5 ม.ค. 2570 (กรมฯ)');
    expect(json).not.toContain('#B45309","weight":"bold"'); // no warning row
    expect(json).not.toContain('ลำดับ:');
  });

  it('no impact rows leaves the section out instead of sending an empty box', () => {
    const m = buildDeadlineCard({ ...clearing, impact: [] });
    expect(JSON.stringify(m)).not.toContain('ใช้กับ');
  });

  describeSchemaCheck<DeadlineCard>([['example', exampleDeadlineCard], ['clearing, no note', clearing]]);
});
