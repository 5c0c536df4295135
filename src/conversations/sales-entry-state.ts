// State of the sales-entry conversation: JSON primitives only (satang as digit strings, months as "YYYY-MM").
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CHANNELS, type Amounts, type Channel } from '../domain/catalog.js';

const Satang = z.string().regex(/^\d{1,15}$/);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Category = z.enum(['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL']);
const ChannelName = z.enum(CHANNELS);
const PartialAmounts = z.object({
  domesticOffline: Satang.optional(),
  domesticOnline: Satang.optional(),
  exportOffline: Satang.optional(),
  exportOnline: Satang.optional(),
});
const FullAmounts = z.object({ domesticOffline: Satang, domesticOnline: Satang, exportOffline: Satang, exportOnline: Satang });
const Export = z.object({ country: z.string().min(1).max(80), channel: z.enum(['SELF', 'AGENT', 'WEBSITE']), agency: z.string().max(120).nullable() });

const Who = z.object({
  producerId: z.number().int().positive(),
  producerName: z.string(),
  /** An officer entering for the producer. */
  onBehalf: z.boolean(),
  /** Identifies the cards of this conversation: a tap on a card from another one is stale. */
  token: z.string().min(4).max(16),
});
const Chosen = Who.extend({
  month: Month,
  category: Category,
  /** Revision of the existing entry when the person started (null: none); the write is conditional on it. */
  revision: z.number().int().nullable(),
  last: FullAmounts.nullable(),
});

const Exports = z.array(Export).max(1);
/** A typed country name that is on no list, kept until the person picks a suggestion or confirms it as typed. */
const PendingCountry = z.object({ known: z.array(z.string()).max(10), unknown: z.string().min(1).max(80) });

export const SalesEntryState = z.discriminatedUnion('step', [
  /** `locked`: months of the window the province has confirmed, so the prompt can say the usual one is closed. */
  Who.extend({ step: z.literal('month'), months: z.array(Month).min(1).max(6), locked: z.array(Month).max(6) }),
  Who.extend({ step: z.literal('category'), month: Month, all: z.boolean() }),
  /** "No sales this month" for every category the producer has no entry for yet (`skipped`: those it has). */
  Who.extend({ step: z.literal('none-all'), month: Month, categories: z.array(Category).min(1), skipped: z.array(Category) }),
  Chosen.extend({ step: z.literal('amounts') }),
  Chosen.extend({ step: z.literal('amount'), amounts: PartialAmounts, field: ChannelName }),
  Chosen.extend({ step: z.literal('unusual'), amounts: PartialAmounts, fields: z.array(ChannelName).min(1) }),
  Chosen.extend({ step: z.literal('export-country'), amounts: FullAmounts, pending: PendingCountry.nullable() }),
  Chosen.extend({ step: z.literal('export-channel'), amounts: FullAmounts, country: z.string() }),
  Chosen.extend({ step: z.literal('export-agency'), amounts: FullAmounts, country: z.string(), channel: Export.shape.channel }),
  Chosen.extend({ step: z.literal('summary'), amounts: FullAmounts, exports: Exports }),
  /** "แก้ไข" on the summary: which amount (or the export details) to change; the rest is kept. */
  Chosen.extend({ step: z.literal('edit-which'), amounts: FullAmounts, exports: Exports }),
  Chosen.extend({ step: z.literal('edit-amount'), amounts: FullAmounts, exports: Exports, field: ChannelName }),
]);
export type SalesEntryState = z.infer<typeof SalesEntryState>;
export type StepOf<K extends SalesEntryState['step']> = Extract<SalesEntryState, { step: K }>;
export type ChosenState = Exclude<SalesEntryState, { step: 'month' } | { step: 'category' } | { step: 'none-all' }>;
export type PartialAmountStrings = z.infer<typeof PartialAmounts>;
export type AmountStrings = z.infer<typeof FullAmounts>;

export const newToken = (): string => randomBytes(5).toString('hex');

export function toStrings(a: Amounts): AmountStrings {
  return {
    domesticOffline: a.domesticOffline.toString(),
    domesticOnline: a.domesticOnline.toString(),
    exportOffline: a.exportOffline.toString(),
    exportOnline: a.exportOnline.toString(),
  };
}

export function toAmounts(a: AmountStrings): Amounts {
  return {
    domesticOffline: BigInt(a.domesticOffline),
    domesticOnline: BigInt(a.domesticOnline),
    exportOffline: BigInt(a.exportOffline),
    exportOnline: BigInt(a.exportOnline),
  };
}

export function missingChannels(a: PartialAmountStrings): Channel[] {
  return CHANNELS.filter((c) => a[c] === undefined);
}

export function isComplete(a: PartialAmountStrings): a is AmountStrings {
  return missingChannels(a).length === 0;
}
