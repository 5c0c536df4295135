// Thai line breaking: pdfkit treats a Thai run as one word and breaks it mid-word, so lines are broken here, at the
// word boundaries of Intl.Segmenter('th'), and each line is drawn with lineBreak: false.
// Invariant: joining the returned lines (with the whitespace at the breaks removed) gives back the input text, and
// no line is split inside a word unless that word alone is wider than the box (then only between grapheme clusters).

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Segments that stay with the word before them (closing marks, repetition marks, commas, spaces). */
const GLUE_BEFORE = /^[\s)\]}ฯๆ,./:;!?%…”’"'-]+$/u;
/** Segments that stay with the word after them. */
const GLUE_AFTER = /^[([{“‘]+$/u;

/** Splits text into unbreakable pieces: a break may fall only between two pieces. */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let pendingOpen = '';
  for (const { segment } of words.segment(text)) {
    if (GLUE_AFTER.test(segment)) {
      pendingOpen += segment;
    } else if (GLUE_BEFORE.test(segment) && pieces.length > 0 && !pendingOpen) {
      pieces[pieces.length - 1] += segment;
    } else {
      pieces.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) pieces.push(pendingOpen);
  return pieces;
}

/** Grapheme clusters of a string (a base letter with its stacked marks stays whole). */
export function graphemeClusters(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

export type Measure = (text: string) => number;

/**
 * Wraps `text` into lines no wider than `width` as measured by `measure` (e.g. doc.widthOfString with the font
 * and size already set). Explicit "\n" starts a new line. Spaces at a break are dropped.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) out.push(...wrapParagraph(paragraph, width, measure));
  return out;
}

function wrapParagraph(text: string, width: number, measure: Measure): string[] {
  // most cells fit on one line: one measure of the whole, instead of segmenting and measuring every growing prefix
  const whole = text.trimEnd();
  if (measure(whole) <= width) return [whole];
  const lines: string[] = [];
  let line = '';
  const pushPiece = (piece: string) => {
    const candidate = line + piece;
    if (measure(candidate.trimEnd()) <= width || line.trim() === '') {
      if (line.trim() === '' && measure(candidate.trimEnd()) > width) {
        // an over-long word: split between grapheme clusters
        line = line.trimStart();
        for (const g of graphemeClusters(piece)) {
          if (line !== '' && measure((line + g).trimEnd()) > width) {
            lines.push(line.trimEnd());
            line = g.trimStart();
          } else line += g;
        }
        return;
      }
      line = candidate;
      return;
    }
    lines.push(line.trimEnd());
    line = '';
    pushPiece(piece.trimStart());
  };
  for (const piece of breakPieces(text)) pushPiece(piece);
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
