// Renders assets/rich-menu/<role-kebab>.png from the layouts in src/line/rich-menu-design.ts with headless
// Chromium (HTML + the Sarabun TTF embedded through @font-face, so Thai is shaped by HarfBuzz). Run by hand after
// changing a layout or the look, then commit the PNGs; the bot replaces a role's LINE menu when its hash changes.
//
//   apt-get install -y chromium            # once; not needed at runtime
//   npx tsx scripts/render-rich-menus.ts   # env CHROMIUM=/path/to/chrome, SARABUN_TTF=/path/to/Sarabun.ttf
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import {
  layoutCells,
  RICH_MENU_DIR,
  RICH_MENU_ROLES,
  richMenuImagePath,
  richMenuLayout,
  richMenuSize,
  type RichMenuIcon,
  type RichMenuLayout,
} from '../src/line/rich-menu-design.js';
import type { Role } from '../src/db/generated/enums.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FONT_REL = '@expo-google-fonts/sarabun/600SemiBold/Sarabun_600SemiBold.ttf';
const MAX_BYTES = 1024 * 1024;
/** Page background outside the menu: must not appear in the cropped image (proves the whole menu was painted). */
const UNPAINTED = '#ff00ff';
/** Extra window height: headless Chromium's viewport is sometimes shorter than --window-size, so shoot taller and crop. */
const SLACK = 240;

// Community Development Department style: deep purple with gold.
const COLOURS = { gap: '#2a1352', tile: '#4b2a85', text: '#ffffff', icon: '#f5c542', primaryTile: '#f5c542', primaryText: '#3a1d6e' };

/** 100×100 line drawings, stroked with currentColor. */
const ICONS: Record<RichMenuIcon, string> = {
  report: '<path d="M24 8h36l18 18v66H24z"/><path d="M60 8v18h18"/><path d="M36 46h30M36 60h30M36 74h18"/>',
  chart: '<path d="M12 88h78"/><path d="M22 88V58h14v30M44 88V38h14v50M66 88V18h14v70"/>',
  help: '<circle cx="50" cy="50" r="40"/><path d="M36 38c0-9 6-15 14-15s14 6 14 14c0 10-14 12-14 22"/><circle cx="50" cy="74" r="2.5"/>',
  proxy:
    '<circle cx="36" cy="30" r="15"/><path d="M8 88c0-18 12-30 28-30 8 0 14 3 19 8"/><path d="M56 88l4-14 26-26 10 10-26 26z"/>',
  check: '<circle cx="50" cy="50" r="40"/><path d="M30 51l14 14 27-29"/>',
  unlock: '<rect x="20" y="46" width="60" height="44" rx="6"/><path d="M34 46V30a16 16 0 0 1 31-6"/><path d="M50 62v12"/>',
  invite: '<rect x="10" y="24" width="80" height="56" rx="6"/><path d="M10 30l40 28 40-28"/>',
  menu: '<rect x="14" y="14" width="30" height="30" rx="5"/><rect x="56" y="14" width="30" height="30" rx="5"/><rect x="14" y="56" width="30" height="30" rx="5"/><rect x="56" y="56" width="30" height="30" rx="5"/>',
  province: '<path d="M50 8l36 14v26c0 22-16 38-36 44C30 86 14 70 14 48V22z"/><path d="M33 50l12 12 23-25"/>',
  progress: '<path d="M10 88h80"/><path d="M14 72l22-22 16 14 30-32"/><path d="M64 30h20v20"/>',
};

function findFont(): string {
  const candidates = [process.env['SARABUN_TTF'], path.join(ROOT, 'node_modules', FONT_REL), path.join('/tmp/fonts/node_modules', FONT_REL)];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error(`Sarabun not found; npm i --prefix /tmp/fonts @expo-google-fonts/sarabun (or set SARABUN_TTF)`);
  return found;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function html(layout: RichMenuLayout, fontBase64: string): string {
  const { width, height } = richMenuSize(layout);
  const tiles = layoutCells(layout)
    .map(({ button, bounds }, i) => {
      const cls = i === 0 ? 'tile primary' : 'tile';
      const style = `left:${bounds.x}px;top:${bounds.y}px;width:${bounds.width}px;height:${bounds.height}px`;
      const icon = `<svg viewBox="0 0 100 100" fill="none" stroke="currentColor" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">${ICONS[button.icon]}</svg>`;
      return `<div class="cell" style="${style}"><div class="${cls}">${icon}<div class="label">${esc(button.text)}</div></div></div>`;
    })
    .join('\n');
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face { font-family: Sarabun; font-weight: 600; src: url(data:font/ttf;base64,${fontBase64}) format('truetype'); }
* { margin: 0; box-sizing: border-box; }
html { background: ${UNPAINTED}; }
body { width: ${width}px; height: ${height}px; overflow: hidden; background: ${COLOURS.gap}; }
.cell { position: absolute; padding: 14px; }
.tile { width: 100%; height: 100%; border-radius: 40px; background: ${COLOURS.tile}; color: ${COLOURS.text};
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 36px; padding: 0 40px; }
.tile svg { width: 290px; height: 290px; color: ${COLOURS.icon}; flex: none; }
.tile.primary { background: ${COLOURS.primaryTile}; color: ${COLOURS.primaryText}; }
.tile.primary svg { color: ${COLOURS.primaryText}; }
.label { font-family: Sarabun; font-weight: 600; font-size: 132px; line-height: 1.45; width: 100%; text-align: center;
  white-space: nowrap; overflow: hidden; }
</style></head><body>
${tiles}
<script>
// One font size for every label of the menu: the largest at which the longest label fits on one line.
document.fonts.ready.then(() => {
  const labels = [...document.querySelectorAll('.label')];
  let size = 132;
  const fits = () => labels.every((el) => el.scrollWidth <= el.clientWidth);
  while (!fits() && size > 60) { size -= 2; labels.forEach((el) => (el.style.fontSize = size + 'px')); }
});
</script></body></html>`;
}

function chromium(): string {
  const found = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM)');
  return found;
}

interface Rgb {
  width: number;
  height: number;
  /** 3 bytes per pixel, rows top to bottom. */
  data: Buffer;
}

/** Decodes an 8-bit RGB or RGBA non-interlaced PNG (what Chromium writes) to RGB. */
function decodePng(bytes: Buffer): Rgb {
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let i = 8; i < bytes.length; ) {
    const len = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const body = bytes.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (body[8] !== 8 || channels === 0 || body[12] !== 0) throw new Error('unsupported PNG (need 8-bit RGB/RGBA, no interlace)');
    } else if (type === 'IDAT') idat.push(body);
    i += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const c = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      rows[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const data = Buffer.alloc(width * height * 3);
  for (let px = 0; px < width * height; px++) rows.copy(data, px * 3, px * channels, px * channels + 3);
  return { width, height, data };
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Deterministic RGB PNG of the top `height` rows, every row filtered "up" (flat artwork compresses well). */
function encodePng(img: Rgb, height: number): Buffer {
  const stride = img.width * 3;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 2;
    for (let x = 0; x < stride; x++) {
      const up = y > 0 ? (img.data[(y - 1) * stride + x] ?? 0) : 0;
      raw[y * (stride + 1) + 1 + x] = ((img.data[y * stride + x] ?? 0) - up) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function shoot(browser: string, tmp: string, role: Role): Buffer {
  const layout = richMenuLayout(role);
  const { width, height } = richMenuSize(layout);
  const page = path.join(tmp, `${role}.html`);
  const shot = path.join(tmp, `${role}.png`);
  writeFileSync(page, html(layout, readFileSync(findFont()).toString('base64')));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
  flags.push('--disable-sync', '--no-first-run', '--hide-scrollbars', '--force-device-scale-factor=1');
  flags.push('--virtual-time-budget=5000'); // let the font load and the label-fitting script run before the shot
  flags.push(`--user-data-dir=${path.join(tmp, 'profile')}`, `--window-size=${width},${height + SLACK}`, `--screenshot=${shot}`);
  execFileSync(browser, [...flags, `file://${page}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const img = decodePng(readFileSync(shot));
  if (img.width !== width || img.height < height) throw new Error(`${role}: screenshot ${img.width}×${img.height}`);
  for (let px = 0; px < width * height; px++) {
    if (img.data[px * 3] === 0xff && img.data[px * 3 + 1] === 0x00 && img.data[px * 3 + 2] === 0xff) {
      throw new Error(`${role}: menu not fully painted (row ${Math.floor(px / width)}); run again`);
    }
  }
  return encodePng(img, height);
}

function main(): void {
  const browser = chromium();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rich-menu-'));
  mkdirSync(RICH_MENU_DIR, { recursive: true });
  try {
    for (const role of RICH_MENU_ROLES) {
      const png = shoot(browser, tmp, role);
      const out = richMenuImagePath(role);
      if (png.length > MAX_BYTES) throw new Error(`${out}: ${png.length} bytes > 1 MB`);
      // Same pixels → same bytes (our encoder is deterministic), so an unchanged menu keeps its design hash.
      const unchanged = existsSync(out) && readFileSync(out).equals(png);
      if (!unchanged) writeFileSync(out, png);
      const { width, height } = decodePng(png);
      const kib = (png.length / 1024).toFixed(0);
      console.log(`${path.relative(ROOT, out)}  ${width}×${height}  ${kib} KiB${unchanged ? '  (unchanged)' : ''}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
