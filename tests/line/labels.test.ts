// Issue 7 point 23: every label the bot can send fits LINE's limits without being cut ("สมุนไพร (ไม่ใช่อาหา…"):
// quick replies, template/message actions and rich-menu tiles ≤ 20 characters, Flex buttons ≤ 40. Literal labels
// are read from the source (tap/say/label:), table-driven ones from their tables.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_SHORT_TH, EXPORT_CHANNEL_TH, PRODUCER_TYPE_SHORT_TH } from '../../src/domain/catalog.js';
import { CHANNEL_SHORT_TH } from '../../src/conversations/sales-entry-prompts.js';
import { MENU_WORDS } from '../../src/conversations/menu.js';
import { REASONS } from '../../src/conversations/unlock-prompts.js';
import { RICH_MENU_ROLES, richMenuLayout } from '../../src/line/rich-menu-design.js';
import { LIMITS } from '../../src/line/render.js';
import { formatMonthTh } from '../../src/domain/thai-format.js';
import type { MonthKey } from '../../src/domain/fiscal-period.js';

const QUICK = LIMITS.quickReplyLabelMax;
const FLEX = LIMITS.flexButtonLabelMax;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.includes('generated') ? [p] : [];
  });
}

const source = files('src').map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const literals = (re: RegExp) => source.flatMap(({ f, text }) => [...text.matchAll(re)].map((m) => ({ f, label: m[1]! })));

describe('labels fit LINE without being cut', () => {
  it('every literal quick-reply label (tap/say) is at most 20 characters', () => {
    const found = literals(/\b(?:tap|say)\(\s*'([^'\\]*)'/g);
    expect(found.length).toBeGreaterThan(40);
    const long = found.filter((x) => x.label.length > QUICK || x.label.includes('…'));
    expect(long, JSON.stringify(long)).toEqual([]);
  });

  it('every literal card button label is at most 40 characters, and those also used as quick replies at most 20', () => {
    const found = literals(/\blabel:\s*'([^'\\]*)'/g);
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((x) => x.label.length > FLEX)).toEqual([]);
  });

  it('label tables: categories, producer types, export channels, the four amounts, menu words, unlock reasons, rich menus, months', () => {
    const tables: Record<string, string[]> = {
      category: CATEGORIES.map((c) => CATEGORY_SHORT_TH[c]),
      producerType: Object.values(PRODUCER_TYPE_SHORT_TH),
      exportChannel: Object.values(EXPORT_CHANNEL_TH),
      channel: Object.values(CHANNEL_SHORT_TH),
      menu: Object.values(MENU_WORDS).flat(),
      reasons: REASONS.map(([l]) => l),
      richMenu: RICH_MENU_ROLES.flatMap((r) => richMenuLayout(r).rows.flat().map((b) => b.text)),
      months: Array.from({ length: 24 }, (_, i) => formatMonthTh(`${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` as MonthKey)),
    };
    for (const [name, labels] of Object.entries(tables)) {
      const long = labels.filter((l) => l.length > QUICK);
      expect(long, `${name}: ${long.join(', ')}`).toEqual([]);
    }
  });
});
