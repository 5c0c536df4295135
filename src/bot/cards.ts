// The cards the bot can show, as typed data. Each kind has a JSON template in flex-templates/ and a builder in
// src/line/flex/ that fills it. Buttons carry postbacks; the builder encodes them.
import type { Postback } from './events.js';

export interface CardButton {
  label: string;
  postback: Postback;
  /** Shown as the person's message when tapped. */
  display?: string;
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

export type Card = InfoCard | ListCard;
