// An A4 sheet of cut-out invite cards (2 × 4 a page) for the monthly meeting: the producer's name, its one-time
// code, a QR code of the bot's add-friend link (drawn as vector squares), and two lines of instructions. Pure:
// typed cards in, PDF bytes out; Thai through the reports' text module so the codes and names copy intact.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawLine, drawTextBlock, traceLines, useThaiFont } from './thai-text/index.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface InviteSheetCard {
  producerName: string;
  registrationCode: string;
  tambon: string;
  code: string;
  /** Printed as is, e.g. "1 มกราคม 2570". */
  expires: string;
}

export interface InviteSheetInput {
  /** e.g. "อำเภอเมืองฉะเชิงเทรา จังหวัดฉะเชิงเทรา". */
  heading: string;
  cards: InviteSheetCard[];
  /** The bot's add-friend link (LINE_ADD_FRIEND_URL); without it the card says to search the official account. */
  addFriendUrl: string | null;
  /** Printed date line, e.g. "พิมพ์เมื่อ 2 ธันวาคม 2569". */
  printed: string;
  trace?: string[];
}

const MARGIN = 28;
const COLS = 2;
const ROWS = 4;

function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 2);
  doc.save().fillColor('#000000');
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
  doc.fill().restore();
}

function drawCard(doc: Doc, card: InviteSheetCard, x: number, y: number, w: number, h: number, url: string | null): void {
  doc.save().dash(4, { space: 3 }).strokeColor('#888888').rect(x, y, w, h).stroke().undash().restore();
  const pad = 10;
  const qrSize = url ? 92 : 0;
  const textW = w - 2 * pad - (url ? qrSize + 8 : 0);
  let cy = y + pad;
  cy += drawTextBlock(doc, card.producerName, { x: x + pad, y: cy, width: textW, size: 12, weight: 'bold' });
  cy += drawTextBlock(doc, `ต.${card.tambon} · ทะเบียน ${card.registrationCode}`, { x: x + pad, y: cy, width: textW, size: 9 });
  cy += 4;
  useThaiFont(doc, 'regular', 9);
  drawLine(doc, 'รหัสเชิญ (ใช้ได้ครั้งเดียว)', x + pad, cy);
  cy += 13;
  useThaiFont(doc, 'bold', 20);
  drawLine(doc, card.code, x + pad, cy);
  cy += 28;
  cy += drawTextBlock(doc, `ใช้ได้ถึง ${card.expires}`, { x: x + pad, y: cy, width: textW, size: 9 });
  if (url) drawQr(doc, url, x + w - pad - qrSize, y + pad, qrSize);
  const steps = url
    ? '1. สแกน QR เพื่อเพิ่มเพื่อน LINE ของโครงการ  2. พิมพ์รหัสเชิญด้านบนในแชต แล้วรายงานยอดขายได้ทุกเดือน'
    : '1. เพิ่มเพื่อนบัญชี LINE ของโครงการ (ถามเจ้าหน้าที่อำเภอ)  2. พิมพ์รหัสเชิญด้านบนในแชต แล้วรายงานยอดขายได้ทุกเดือน';
  drawTextBlock(doc, steps, { x: x + pad, y: Math.max(cy + 2, y + h - pad - 30), width: w - 2 * pad, size: 9 });
}

export async function renderInviteSheet(input: InviteSheetInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: `บัตรเชิญ ${input.heading}`, Creator: 'otop-sales-bot' } });
  if (input.trace) traceLines(doc, input.trace);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const perPage = COLS * ROWS;
  const pages = Math.max(1, Math.ceil(input.cards.length / perPage));
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    const W = doc.page.width - 2 * MARGIN;
    let top = MARGIN;
    top += drawTextBlock(doc, `บัตรเชิญใช้งาน LINE รายงานยอดขาย OTOP · ${input.heading}`, { x: MARGIN, y: top, width: W, size: 12, weight: 'bold' });
    useThaiFont(doc, 'regular', 9);
    drawLine(doc, `${input.printed} · หน้า ${p + 1}/${pages}`, MARGIN, top);
    top += 16;
    if (input.cards.length === 0) {
      drawTextBlock(doc, 'ไม่มีข้อมูล: ผู้ผลิตทุกรายในอำเภอนี้ใช้ LINE แล้ว หรือยังไม่มีผู้ผลิตที่ลงทะเบียน', { x: MARGIN, y: top + 20, width: W, size: 14 });
      break;
    }
    const cw = W / COLS;
    const ch = (doc.page.height - MARGIN - top) / ROWS;
    input.cards.slice(p * perPage, (p + 1) * perPage).forEach((card, i) => {
      drawCard(doc, card, MARGIN + (i % COLS) * cw, top + Math.floor(i / COLS) * ch, cw - 6, ch - 6, input.addFriendUrl);
    });
  }
  doc.end();
  return done;
}
