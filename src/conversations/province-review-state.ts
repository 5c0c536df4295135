// State of the province-confirmation conversation: JSON primitives only (months as Gregorian "YYYY-MM").
import { z } from 'zod';
import { REASON_MAX, REASON_MIN } from '../domain/district-month.js';

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
  /** The typed (or chosen) reason, shown back: only "ยืนยันส่งกลับ" (or a typed "ยืนยัน") sends the district back. */
  Base.extend({
    step: z.literal('reason-confirm'),
    districtId: z.number().int().positive(),
    districtName: z.string(),
    reason: z.string().min(REASON_MIN).max(REASON_MAX),
  }),
  /** The preview of "ยืนยันทุกอำเภอที่พร้อม": the districts shown, as shown; only its button (or a typed "ยืนยัน")
   * confirms them, and only those still as shown. */
  Base.extend({
    step: z.literal('confirm-all'),
    districts: z
      .array(
        z.object({
          id: z.number().int().positive(),
          name: z.string().min(1).max(100),
          revision: z.number().int().nullable(),
          entries: z.number().int().min(1),
          /** Satang, as a string. */
          total: z.string().regex(/^\d{1,20}$/),
        }),
      )
      .min(1)
      .max(100),
  }),
]);
export type ProvinceReviewState = z.infer<typeof ProvinceReviewState>;
export type ReviewStep<K extends ProvinceReviewState['step']> = Extract<ProvinceReviewState, { step: K }>;
