// Drawing one line of Thai so that copy/search returns exactly the drawn string: the line is wrapped in a marked
// content span with /ActualText placed inside the text object (BT … ET), which poppler, pdf.js-era viewers and
// Acrobat use instead of the glyph-by-glyph ToUnicode (which cannot express reordered marks such as "น้ำ").
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}

const traces = new WeakMap<object, string[]>();

/** Records every line drawn on `doc` into `into` (for copy/search round-trip tests). */
export function traceLines(doc: Doc, into: string[]): void {
  traces.set(doc, into);
}

export interface LineOptions {
  /** Box width for align center/right (the line is not wrapped: use wrapText first). */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** Draws `text` as one unbroken line with its top at (x, y), in the current font, size and colour. */
export function drawLine(doc: Doc, text: string, x: number, y: number, opts: LineOptions = {}): void {
  if (text === '') return;
  traces.get(doc)?.push(text);
  let left = x;
  if (opts.width !== undefined && opts.align && opts.align !== 'left') {
    const w = doc.widthOfString(text);
    left = opts.align === 'center' ? x + (opts.width - w) / 2 : x + opts.width - w;
  }
  const span = `/Span <</ActualText <${utf16Hex(text)}>>> BDC`;
  const proto = Object.getPrototypeOf(doc) as { addContent(s: string): Doc };
  const inner = doc as unknown as { addContent(s: string): Doc };
  inner.addContent = function addContent(this: Doc, s: string) {
    if (s === 'BT') return proto.addContent.call(proto.addContent.call(this, 'BT'), span);
    if (s === 'ET') return proto.addContent.call(proto.addContent.call(this, 'EMC'), 'ET');
    return proto.addContent.call(this, s);
  };
  try {
    doc.text(text, left, y, { lineBreak: false });
  } finally {
    delete (inner as { addContent?: unknown }).addContent;
  }
}
