// The cards the bot can show, as typed data. Each kind has a JSON template in flex-templates/ and a builder in
// src/line/flex/ that fills it. Buttons carry postbacks; the builder encodes them.
import type { Postback } from './events.js';

export type CardButton = PostbackButton | LinkButton;

interface PostbackButton {
  label: string;
  postback: Postback;
  /** Shown as the person's message when tapped. */
  display?: string;
  style?: 'primary' | 'secondary' | 'link';
}

/** Opens an absolute https/http address (e.g. a signed report download link). */
interface LinkButton {
  label: string;
  uri: string;
  style?: 'primary' | 'secondary' | 'link';
}

export interface CardRow {
  label: string;
  value: string;
  emphasis?: boolean;
}

/** A titled card with rows of label/value pairs and up to four buttons: summaries, confirmations, status. */
export interface InfoCard {
  kind: 'info';
  altText: string;
  title: string;
  subtitle?: string;
  /** Header colour by meaning. */
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  sections: { heading?: string; rows: CardRow[] }[];
  note?: string;
  buttons?: CardButton[];
}

/** A list of items (entries, districts, producers) with one optional button per item; a page of a longer list. */
export interface ListCard {
  kind: 'list';
  altText: string;
  title: string;
  subtitle?: string;
  items: { no?: string; title: string; detail?: string; status?: string; button?: CardButton }[];
  footer?: string;
  buttons?: CardButton[];
}

/** One tier of a target as a progress bar: how full it is in thousandths (0–1000). */
export interface StandingBar {
  /** "ขั้นต้น · 2 คะแนน". */
  label: string;
  /** "50,000,000 บาท ✓". */
  value: string;
  permille: number;
  reached: boolean;
}

/** Where a unit stands against its target: summary rows, a bar per tier, and optionally a ranking of units below. */
export interface StandingCard {
  kind: 'standing';
  altText: string;
  title: string;
  subtitle?: string;
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  /** Level reached, figure so far, missing to next level, projection (first row is emphasised). */
  summary: CardRow[];
  barsHeading?: string;
  bars: StandingBar[];
  ranking?: { heading: string; rows: CardRow[] };
  note?: string;
  buttons?: CardButton[];
}

/** A row of the estimate table: month (or district), then two figures. */
export interface EstimateTableRow {
  cells: [string, string, string];
  /** Bold (a total row). */
  emphasis?: boolean;
}

/** Estimates (ประมาณการ): summary rows, a three-column table (month · estimate · actual, or district · figure · status). */
export interface EstimateCard {
  kind: 'estimate';
  altText: string;
  title: string;
  subtitle?: string;
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  summary: CardRow[];
  table: { heading: string; columns: [string, string, string]; rows: EstimateTableRow[] };
  note?: string;
  buttons?: CardButton[];
}

/** One registered producer as its district sees it: register status and LINE link as pills, its fields as rows. */
export interface ProducerCard {
  kind: 'producer';
  altText: string;
  /** The producer's name. */
  title: string;
  /** "รหัส 2403-C-12 · อำเภอบางคล้า". */
  subtitle: string;
  /** Registered (true) or deregistered; the header turns grey-red when deregistered. */
  active: boolean;
  /** "ลงทะเบียนอยู่" / "ยกเลิกแล้ว". */
  activeLabel: string;
  /** At least one LINE user reports for it. */
  lineLinked: boolean;
  /** "เชื่อม LINE แล้ว" / "ยังไม่มี LINE". */
  lineLabel: string;
  type: string;
  categories: string;
  tambon: string;
  phone: string;
  lastReported: string;
  note?: string;
  buttons?: CardButton[];
}

/** A change of one date shown before it is made: the date's name, old → new, then what it touches. */
export interface DeadlineCard {
  kind: 'deadline';
  altText: string;
  title: string;
  subtitle?: string;
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  /** The date's name, e.g. "ส่งยอดขาย (ผู้ผลิต/อำเภอบันทึก)". */
  field: string;
  /** "5 ธ.ค. 2569" (drawn struck through) and the new date. */
  from: string;
  to: string;
  /** Impact rows; `warning` rows are drawn in the warning colour. */
  impact: (CardRow & { warning?: boolean })[];
  note?: string;
  buttons?: CardButton[];
}

export type Card = InfoCard | ListCard | StandingCard | EstimateCard | ProducerCard | DeadlineCard;
