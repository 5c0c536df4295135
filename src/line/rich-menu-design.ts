// Per-role rich menu designs: the grid of buttons, each a LINE message action that sends one of the bot's start
// words, and the PNG drawn for it (assets/rich-menu/<role-kebab>.png, rendered by scripts/render-rich-menus.ts
// from the same layouts, so tap areas and drawn tiles always coincide).
//
// Invariants: every row is RICH_MENU_ROW_HEIGHT px high and spans the full width; area bounds tile the image
// exactly (integers, no gaps or overlaps); `designHash` changes whenever the menu JSON or the image bytes change.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { messagingApi } from '@line/bot-sdk';
import type { Role } from '../db/generated/enums.js';

export const RICH_MENU_WIDTH = 2500;
/** 843 = LINE's "compact" height; two rows make the 2500×1686 "large" menu. */
export const RICH_MENU_ROW_HEIGHT = 843;
export const RICH_MENU_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/rich-menu');

/** Shown on the bar that opens the menu (LINE: at most 14 characters). */
export const CHAT_BAR_TEXT = 'เมนู OTOP';

/** Pictogram drawn above a button's label (shapes live in the render script). */
export type RichMenuIcon =
  | 'report'
  | 'chart'
  | 'help'
  | 'proxy'
  | 'check'
  | 'unlock'
  | 'invite'
  | 'menu'
  | 'province'
  | 'progress';

export interface RichMenuButton {
  /** The start word sent as a text message when tapped; also the label drawn on the tile. */
  text: string;
  icon: RichMenuIcon;
}

export interface RichMenuLayout {
  role: Role;
  /** Rows top to bottom; each row's buttons share its width equally. */
  rows: RichMenuButton[][];
}

const b = (text: string, icon: RichMenuIcon): RichMenuButton => ({ text, icon });
const HELP = b('ช่วยเหลือ', 'help');
const MENU = b('เมนู', 'menu');
const PROGRESS = b('ความคืบหน้า', 'progress');
const INVITE = b('สร้างรหัสเชิญ', 'invite');

const LAYOUTS: Record<Role, RichMenuLayout> = {
  PRODUCER: {
    role: 'PRODUCER',
    rows: [[b('รายงานยอดขาย', 'report'), b('ยอดขายของฉัน', 'chart'), HELP]],
  },
  DISTRICT_OFFICER: {
    role: 'DISTRICT_OFFICER',
    rows: [
      [b('บันทึกแทนผู้ผลิต', 'proxy'), b('ตรวจสอบ/ยืนยัน', 'check'), b('ขอปลดล็อก', 'unlock')],
      [INVITE, MENU, HELP],
    ],
  },
  PROVINCE_OFFICER: {
    role: 'PROVINCE_OFFICER',
    rows: [
      [b('ยืนยันระดับจังหวัด', 'province'), b('คำขอปลดล็อก', 'unlock'), INVITE],
      [PROGRESS, MENU, HELP],
    ],
  },
  ZONE_ADMIN: { role: 'ZONE_ADMIN', rows: [[PROGRESS, MENU, HELP]] },
  DEPARTMENT_ADMIN: { role: 'DEPARTMENT_ADMIN', rows: [[PROGRESS, MENU, HELP]] },
};

export const RICH_MENU_ROLES = Object.keys(LAYOUTS) as Role[];

export function richMenuLayout(role: Role): RichMenuLayout {
  return LAYOUTS[role];
}

/** PRODUCER → producer, DISTRICT_OFFICER → district-officer. */
export function roleKebab(role: Role): string {
  return role.toLowerCase().replaceAll('_', '-');
}

export function richMenuImagePath(role: Role): string {
  return path.join(RICH_MENU_DIR, `${roleKebab(role)}.png`);
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each button with its tap area; columns split the width with integer edges (833 + 834 + 833 = 2500). */
export function layoutCells(layout: RichMenuLayout): { button: RichMenuButton; bounds: Bounds }[] {
  return layout.rows.flatMap((row, r) =>
    row.map((button, c) => {
      const x = Math.round((c * RICH_MENU_WIDTH) / row.length);
      const right = Math.round(((c + 1) * RICH_MENU_WIDTH) / row.length);
      return { button, bounds: { x, y: r * RICH_MENU_ROW_HEIGHT, width: right - x, height: RICH_MENU_ROW_HEIGHT } };
    }),
  );
}

export function richMenuSize(layout: RichMenuLayout): { width: number; height: number } {
  return { width: RICH_MENU_WIDTH, height: layout.rows.length * RICH_MENU_ROW_HEIGHT };
}

/** The rich menu object sent to `POST /v2/bot/richmenu`. */
export function richMenuRequest(role: Role): messagingApi.RichMenuRequest {
  const layout = richMenuLayout(role);
  return {
    size: richMenuSize(layout),
    selected: true, // open when the chat opens: most users never discover the chat-bar toggle
    name: `otop-${roleKebab(role)}`,
    chatBarText: CHAT_BAR_TEXT,
    areas: layoutCells(layout).map(({ button, bounds }) => ({
      bounds,
      action: { type: 'message', label: button.text, text: button.text },
    })),
  };
}

export interface RichMenuDesign {
  menu: messagingApi.RichMenuRequest;
  imagePath: string;
  /** sha256 (hex) of the menu JSON and the image bytes. */
  designHash: string;
}

/** The menu, its image and their hash. Reads the image (throws if it has not been rendered). */
export function richMenuDesign(role: Role): RichMenuDesign {
  const menu = richMenuRequest(role);
  const imagePath = richMenuImagePath(role);
  const designHash = createHash('sha256')
    .update(JSON.stringify(menu))
    .update('\0')
    .update(readFileSync(imagePath))
    .digest('hex');
  return { menu, imagePath, designHash };
}
