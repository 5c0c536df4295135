// State of the province-confirmation conversation: JSON primitives only (months as Gregorian "YYYY-MM").
import { z } from 'zod';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const Base = z.object({
  /** Identifies the cards of this conversation: a tap on a card of another one is stale. */
  token: z.string().min(4).max(16),
  month: Month,
  /** The months offered (the month just ended first). */
  months: z.array(Month).min(1).max(3),
  /** Page of the district list, from 0. */
  page: z.number().int().min(0),
});

export const ProvinceReviewState = z.discriminatedUnion('step', [
  Base.extend({ step: z.literal('list') }),
  /** `revision`: of the DistrictMonth shown on the detail card (null: none yet); a typed "ยืนยัน" acts on it. */
  Base.extend({ step: z.literal('detail'), districtId: z.number().int().positive(), revision: z.number().int().nullable() }),
  Base.extend({ step: z.literal('reason'), districtId: z.number().int().positive(), districtName: z.string() }),
]);
export type ProvinceReviewState = z.infer<typeof ProvinceReviewState>;
export type ReviewStep<K extends ProvinceReviewState['step']> = Extract<ProvinceReviewState, { step: K }>;
