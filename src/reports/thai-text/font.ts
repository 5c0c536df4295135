// Sarabun for pdfkit with a correct ToUnicode map. Verified on pdfkit 0.20.2 + fontkit 2.0.4 (pinned exactly in
// package.json): stock pdfkit maps each glyph to the code points of its first use, so the "า" glyph drawn for the
// decomposed "ำ" (or a mark cluster) poisons every later "า" when text is copied. Here every distinct
// (glyph, code points) pair gets its own slot in the font subset, so each slot's ToUnicode entry is right.
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));

/** Paths of the two Sarabun weights the reports use. */
export const SARABUN = {
  regular: path.join(fontDir, '400Regular', 'Sarabun_400Regular.ttf'),
  bold: path.join(fontDir, '700Bold', 'Sarabun_700Bold.ttf'),
} as const;

export type ThaiWeight = keyof typeof SARABUN;

interface Glyph { id: number; codePoints: number[]; advanceWidth: number }
interface Run { glyphs: Glyph[]; positions: object[]; advanceWidth: number }
interface EmbeddedFontLike {
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: Glyph[] | null; positions: object[] | null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): Run;
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
  layoutCache?: Record<string, unknown>;
  [patched]?: true;
}
const patched = Symbol('thai-tounicode');
/** Strings laid out character by character: figures only. */
const FIGURE = /^[0-9.,-]+$/;

function patchFont(font: EmbeddedFontLike): void {
  if (font[patched]) return;
  font[patched] = true;
  const slots = new Map<string, number>();
  // Figures ("1,234,567.00") are laid out from their characters' runs, kept for the document: Sarabun's digits,
  // comma, point and minus neither kern nor combine (a test compares the widths with whole-string shaping), and a long
  // table shapes thousands of distinct figures otherwise.
  const chars = new Map<string, Run>();
  const layout = font.layout;
  font.layout = function layoutFigures(text, features, onlyWidth) {
    if (features || text.length < 2 || !FIGURE.test(text)) return layout.call(this, text, features, onlyWidth);
    const glyphs: Glyph[] = [];
    const positions: object[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      let run = chars.get(ch);
      if (!run) chars.set(ch, (run = this.layoutRun(ch)));
      advanceWidth += run.advanceWidth;
      if (!onlyWidth) {
        glyphs.push(...run.glyphs);
        for (const p of run.positions) positions.push({ ...p });
      }
    }
    return { glyphs: onlyWidth ? null : glyphs, positions: onlyWidth ? null : positions, advanceWidth };
  };
  font.encode = function encode(text, features) {
    const laid = this.layout(text, features);
    const glyphs = laid.glyphs!;
    const positions = laid.positions!;
    const res: string[] = [];
    for (const glyph of glyphs) {
      const key = `${glyph.id}|${glyph.codePoints.join(',')}`;
      let gid = slots.get(key);
      if (gid === undefined) {
        if (this.subset.mapping[glyph.id] == null) gid = this.subset.includeGlyph(glyph.id);
        else {
          this.subset.glyphs.push(glyph.id); // a second slot for the same outline, with its own mapping
          gid = this.subset.glyphs.length - 1;
        }
        slots.set(key, gid);
        this.widths[gid] = glyph.advanceWidth * this.scale;
        this.unicode[gid] = glyph.codePoints;
      }
      res.push(`0000${gid.toString(16)}`.slice(-4));
    }
    return [res, positions];
  };
}

type Doc = InstanceType<typeof PDFDocument>;

/** Selects Sarabun of the given weight and size on `doc` (registering it once) and returns doc. */
export function useThaiFont(doc: Doc, weight: ThaiWeight, size: number): Doc {
  const name = `Sarabun-${weight}`;
  const registered = (doc as unknown as { _registeredFonts: Record<string, unknown> })._registeredFonts;
  if (!registered[name]) doc.registerFont(name, SARABUN[weight]);
  doc.font(name).fontSize(size);
  patchFont((doc as unknown as { _font: EmbeddedFontLike })._font);
  return doc;
}

/** Drops pdfkit's per-font layout cache (it grows with every distinct string); call once per page. */
export function clearLayoutCache(doc: Doc): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFontLike> })._fontFamilies;
  for (const f of Object.values(families)) if (f.layoutCache) f.layoutCache = Object.create(null);
}
