// A small table renderer for official forms: header rows (with column/row spans) repeated on every page, rows that
// never split across pages, cells that wrap Thai at word boundaries and are never clipped (the row grows instead).
import type PDFDocument from 'pdfkit';
import { cellText, digitsFor, type RenderOptions } from '../model.js';
import type { HeaderCell, Row, TableSection } from '../../domain/reports/document.js';
import { clearLayoutCache, drawLine, layoutLines, thaiLineHeight, useThaiFont } from '../thai-text/index.js';

type Doc = InstanceType<typeof PDFDocument>;

export const BODY_SIZE = 10;
const PAD_X = 3;
const PAD_TOP = 0.35 * BODY_SIZE;
const PAD_BOTTOM = 0.2 * BODY_SIZE;

interface Placed { cell: HeaderCell; row: number; col: number; rowSpan: number; colSpan: number }

/** Places header cells on a grid, skipping slots taken by row spans from above. */
export function placeHeader(header: HeaderCell[][], nCols: number): Placed[] {
  const taken = header.map(() => new Array<boolean>(nCols).fill(false));
  const placed: Placed[] = [];
  header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < nCols && taken[r]![c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let rr = r; rr < Math.min(r + rowSpan, header.length); rr++)
        for (let cc = c; cc < Math.min(c + colSpan, nCols); cc++) taken[rr]![cc] = true;
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return placed;
}

export interface TableFrame {
  x: number;
  width: number;
  /** Lowest y a row may reach on a page. */
  bottom: number;
  /** Starts a new page and returns the y where the table continues (after the page's own heading). */
  newPage(): number;
  /**
   * Height of what must follow the table on its last page (notes, the signature block): when it would not fit
   * below the last rows, the last rows (up to KEEP_WITH_END) move to a new page with it, so a signature never
   * stands alone on a page.
   */
  keepWithEnd?: number;
}

const KEEP_WITH_END = 3;

/** Draws the table from y; returns the y below it. */
export function drawTable(doc: Doc, t: TableSection, y0: number, frame: TableFrame, opts: RenderOptions): number {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * frame.width);
  const xs = widths.map((_, i) => frame.x + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const lh = thaiLineHeight(doc, BODY_SIZE);
  const text = (s: string) => digitsFor(s, opts);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((s, w) => s + w, 0);

  const placed = placeHeader(t.header, t.columns.length);
  const headerRowH = t.header.map(() => lh + PAD_TOP + PAD_BOTTOM);
  for (const p of placed) {
    const lines = layoutLines(doc, text(p.cell.text), spanWidth(p.col, p.colSpan) - 2 * PAD_X, BODY_SIZE, 'bold');
    const need = lines.length * lh + PAD_TOP + PAD_BOTTOM;
    const have = headerRowH.slice(p.row, p.row + p.rowSpan).reduce((s, h) => s + h, 0);
    if (need > have) headerRowH[p.row + p.rowSpan - 1]! += need - have;
  }
  const headerH = headerRowH.reduce((s, h) => s + h, 0);

  const drawHeader = (y: number): number => {
    const rowY = headerRowH.map((_, i) => y + headerRowH.slice(0, i).reduce((s, h) => s + h, 0));
    for (const p of placed) {
      const x = xs[p.col]!;
      const w = spanWidth(p.col, p.colSpan);
      const h = headerRowH.slice(p.row, p.row + p.rowSpan).reduce((s, hh) => s + hh, 0);
      doc.save().rect(x, rowY[p.row]!, w, h).fillAndStroke('#e8e8e8', '#000').restore();
      const lines = layoutLines(doc, text(p.cell.text), w - 2 * PAD_X, BODY_SIZE, 'bold');
      const top = rowY[p.row]! + (h - lines.length * lh) / 2 + (PAD_TOP - PAD_BOTTOM) / 2;
      doc.fillColor('#000');
      lines.forEach((l, i) => drawLine(doc, l, x + PAD_X, top + i * lh, { width: w - 2 * PAD_X, align: 'center' }));
    }
    return y + headerH;
  };

  const isNumber = (c: unknown) => c !== null && typeof c === 'object' && !('mark' in (c as object)) && !('span' in (c as object));
  const spanOf = (c: unknown) => (c !== null && typeof c === 'object' && 'span' in (c as object) ? Math.max(1, (c as { span: number }).span) : 1);
  /** Numbers never wrap: they shrink (down to 7 pt) to fit their column on one line. */
  const fitSize = (s: string, w: number, weight: 'bold' | 'regular'): number => {
    for (let size = BODY_SIZE; size > 7; size -= 0.5) {
      useThaiFont(doc, weight, size);
      if (doc.widthOfString(s) <= w) return size;
    }
    return 7;
  };
  const rowLayout = (row: Row): { lines: string[][]; height: number; sizes: number[] } => {
    const bold = row.kind !== 'body';
    if (row.kind === 'group') {
      const lines = [layoutLines(doc, text(cellText(row.cells[0] ?? '')), frame.width - 2 * PAD_X, BODY_SIZE, 'bold')];
      return { lines, height: lines[0]!.length * lh + PAD_TOP + PAD_BOTTOM, sizes: [BODY_SIZE] };
    }
    const weight = bold ? 'bold' : 'regular';
    const sizes = t.columns.map((_, i) => columnSize[i]!);
    const lines = t.columns.map((_, i) => {
      const c = row.cells[i] ?? null;
      const s = text(cellText(c));
      if (isNumber(c)) return [s];
      return layoutLines(doc, s, spanWidth(i, spanOf(c)) - 2 * PAD_X, BODY_SIZE, weight);
    });
    return { lines, sizes, height: Math.max(...lines.map((l) => l.length)) * lh + PAD_TOP + PAD_BOTTOM };
  };

  // one size per numeric column (the largest at which every number of the column fits), so columns stay even
  const columnSize = t.columns.map((_, i) => t.rows.reduce((size, row) => {
    const c = row.cells[i] ?? null;
    return row.kind !== 'group' && isNumber(c) ? Math.min(size, fitSize(text(cellText(c)), widths[i]! - 2 * PAD_X, 'bold')) : size;
  }, BODY_SIZE));
  let y = drawHeader(y0);
  const rows = t.rows.length ? t.rows : [{ kind: 'group' as const, cells: ['ไม่มีข้อมูล'] }];
  const tail = frame.keepWithEnd ?? 0;
  const keepFrom = Math.max(0, rows.length - KEEP_WITH_END);
  // heights of the last rows only (laying out every row twice would double the work of a long table)
  const heights = tail ? rows.slice(keepFrom).map((r) => rowLayout(r).height) : [];
  const rest = (i: number) => heights.slice(i - keepFrom).reduce((a, b) => a + b, 0);
  for (const [i, row] of rows.entries()) {
    const { lines, height, sizes } = rowLayout(row);
    // the last rows go to the next page together with the tail when the tail would not fit below them here, and
    // they fit there with it (and this is not already the first row of a page)
    // (a new page starts its table where the first page did: y0)
    const moveTail = tail > 0 && i === keepFrom && i > 0 && y + rest(i) + tail > frame.bottom &&
      y0 + headerH + rest(i) + tail <= frame.bottom;
    if (y + height > frame.bottom || moveTail) {
      clearLayoutCache(doc);
      y = drawHeader(frame.newPage());
    }
    useThaiFont(doc, row.kind === 'body' ? 'regular' : 'bold', BODY_SIZE);
    const fill = row.kind === 'body' ? null : row.kind === 'group' ? '#f4f4f4' : '#dcdcdc';
    if (row.kind === 'group') {
      doc.save().rect(frame.x, y, frame.width, height).fillAndStroke(fill ?? '#fff', '#000').restore();
      doc.fillColor('#000');
      const align = t.rows.length ? 'left' : 'center';
      lines[0]!.forEach((l, i) => drawLine(doc, l, frame.x + PAD_X, y + PAD_TOP + i * lh, { width: frame.width - 2 * PAD_X, align }));
    } else {
      let covered = 0;
      t.columns.forEach((col, i) => {
        if (covered > 0) { covered--; return; }
        const span = spanOf(row.cells[i] ?? null);
        covered = span - 1;
        const w = spanWidth(i, span);
        doc.save().rect(xs[i]!, y, w, height);
        if (fill) doc.fillAndStroke(fill, '#000');
        else doc.stroke('#000');
        doc.restore().fillColor('#000');
        const align = span > 1 ? 'center' : (col.align ?? 'left');
        // spanning text is not a number of the column: it keeps the body size the column's numbers may shrink from
        const size = span > 1 ? BODY_SIZE : sizes[i]!;
        useThaiFont(doc, row.kind === 'body' ? 'regular' : 'bold', size);
        const shift = (BODY_SIZE - size) * 0.6;
        lines[i]!.forEach((l, k) => drawLine(doc, l, xs[i]! + PAD_X, y + PAD_TOP + shift + k * lh, { width: w - 2 * PAD_X, align }));
      });
    }
    y += height;
  }
  return y;
}
