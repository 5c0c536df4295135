import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/generated/enums.js';
import { RICH_MENU_ROLES, richMenuDesign } from '../../src/line/rich-menu-design.js';

/** The bot's start words each role's menu must send (restated here, not imported). */
const EXPECTED_WORDS: Record<Role, string[]> = {
  PRODUCER: ['รายงานยอดขาย', 'ยอดขายของฉัน', 'ช่วยเหลือ'],
  DISTRICT_OFFICER: ['บันทึกแทนผู้ผลิต', 'ตรวจสอบ/ยืนยัน', 'ขอปลดล็อก', 'สร้างรหัสเชิญ', 'เมนู', 'ช่วยเหลือ'],
  PROVINCE_OFFICER: ['ยืนยันระดับจังหวัด', 'คำขอปลดล็อก', 'สร้างรหัสเชิญ', 'ความคืบหน้า', 'เมนู', 'ช่วยเหลือ'],
  ZONE_ADMIN: ['ความคืบหน้า', 'เมนู', 'ช่วยเหลือ'],
  DEPARTMENT_ADMIN: ['ความคืบหน้า', 'เมนู', 'ช่วยเหลือ'],
};

describe('richMenuDesign', () => {
  it('covers every role', () => {
    expect([...RICH_MENU_ROLES].sort()).toEqual(Object.keys(EXPECTED_WORDS).sort());
  });

  for (const role of Object.keys(EXPECTED_WORDS) as Role[]) {
    describe(role, () => {
      const { menu, imagePath, designHash } = richMenuDesign(role);
      const areas = menu.areas ?? [];

      it('sends exactly the start words as message actions', () => {
        expect(areas.map((a) => a.action)).toEqual(EXPECTED_WORDS[role].map((w) => ({ type: 'message', label: w, text: w })));
        for (const a of areas) expect([...(a.action as { label: string }).label].length).toBeLessThanOrEqual(20);
      });

      it('uses a LINE size and a short Thai chat bar text', () => {
        expect(menu.size?.width).toBe(2500);
        expect([843, 1686]).toContain(menu.size?.height);
        expect(menu.chatBarText).toMatch(/[\u0E00-\u0E7F]/);
        expect([...(menu.chatBarText ?? '')].length).toBeLessThanOrEqual(14);
        expect(areas.length).toBeLessThanOrEqual(20);
      });

      it('has areas that tile the whole image without overlap', () => {
        const { width = 0, height = 0 } = menu.size ?? {};
        let covered = 0;
        for (const [i, a] of areas.entries()) {
          const b = a.bounds!;
          expect(Number.isInteger(b.x) && Number.isInteger(b.y) && Number.isInteger(b.width) && Number.isInteger(b.height)).toBe(true);
          expect(b.x! + b.width! <= width && b.y! + b.height! <= height).toBe(true);
          for (const other of areas.slice(i + 1)) {
            const o = other.bounds!;
            const overlap = b.x! < o.x! + o.width! && o.x! < b.x! + b.width! && b.y! < o.y! + o.height! && o.y! < b.y! + b.height!;
            expect(overlap).toBe(false);
          }
          covered += b.width! * b.height!;
        }
        expect(covered).toBe(width * height);
      });

      it('has a rendered PNG of the menu size within LINE limits', () => {
        const bytes = readFileSync(imagePath);
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual(menu.size);
        expect(statSync(imagePath).size).toBeLessThanOrEqual(1024 * 1024);
      });

      it('has a stable hash of the JSON and the image', () => {
        expect(designHash).toMatch(/^[0-9a-f]{64}$/);
        expect(richMenuDesign(role).designHash).toBe(designHash);
      });
    });
  }

  it('gives every role its own hash', () => {
    const hashes = RICH_MENU_ROLES.map((r) => richMenuDesign(r).designHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
