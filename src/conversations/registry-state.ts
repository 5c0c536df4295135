// State of the registry conversation: which district's register, which page or search, which producer, and what
// is being changed. The typed value of an edit is kept as typed and read again when confirmed.
import { z } from 'zod';

const Field = z.enum(['name', 'type', 'categories', 'tambon', 'phone']);

const Base = z.object({
  /** Identifies this conversation's cards: a tap on another conversation's card is stale. */
  token: z.string().min(4).max(16),
  /** The register shown. */
  districtId: z.number().int().positive(),
  /** Province officers look at their districts' registers without changing them. */
  readOnly: z.boolean(),
  /** Where "กลับไปรายชื่อ" returns: the search and the page. */
  query: z.string().min(1).max(100).nullable(),
  page: z.number().int().min(1),
});
const OnProducer = Base.extend({ producerId: z.number().int().positive() });

export const RegistryState = z.discriminatedUnion('step', [
  /** Province officer: which district's register. */
  Base.extend({ step: z.literal('districts') }),
  Base.extend({ step: z.literal('list') }),
  Base.extend({ step: z.literal('search') }),
  OnProducer.extend({ step: z.literal('card') }),
  OnProducer.extend({ step: z.literal('edit-field') }),
  /** `typed`: a tambon typed that is not one of the district's, kept if the officer says "ใช้ชื่อตามที่พิมพ์". */
  OnProducer.extend({ step: z.literal('edit-value'), field: Field, typed: z.string().min(1).max(80).optional() }),
  /** `asTyped`: a tambon the reference list lacks, kept as typed at the officer's word. */
  OnProducer.extend({ step: z.literal('edit-confirm'), field: Field, typed: z.string().min(1).max(300), asTyped: z.boolean().optional() }),
  OnProducer.extend({ step: z.literal('dereg-reason') }),
  /** "อื่น ๆ": the reason is typed. */
  OnProducer.extend({ step: z.literal('dereg-other') }),
  OnProducer.extend({ step: z.literal('dereg-confirm'), reason: z.string().min(2).max(200) }),
  OnProducer.extend({ step: z.literal('react-confirm') }),
]);
export type RegistryState = z.infer<typeof RegistryState>;
export type RegistryStep<K extends RegistryState['step']> = Extract<RegistryState, { step: K }>;
export type Field = z.infer<typeof Field>;
