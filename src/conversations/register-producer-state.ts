// State of the register-producer conversation: what the officer has told so far about the new producer.
import { z } from 'zod';

const Then = z.enum(['entry', 'invite']);
const Type = z.enum(['COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME']);
const Category = z.enum(['FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL']);

const Base = z.object({
  /** What follows the registration: sales entry for the producer, or an invite code for it. */
  then: Then,
  /** Identifies this conversation's cards: a tap on another conversation's card is stale. */
  token: z.string().min(4).max(16),
});
const Named = Base.extend({ name: z.string().min(3).max(200) });
const Typed = Named.extend({ type: Type });
const Categorised = Typed.extend({ category: Category });
const Located = Categorised.extend({ tambon: z.string().min(1).max(80) });
const Phone = z.string().regex(/^0\d{8,9}$/).nullable();

export const RegisterProducerState = z.discriminatedUnion('step', [
  Base.extend({ step: z.literal('name') }),
  /** A producer of the same name exists in the district: same one, or really a new one? */
  Named.extend({ step: z.literal('same-name') }),
  Named.extend({ step: z.literal('type') }),
  Typed.extend({ step: z.literal('category') }),
  /** `typed`: the last name typed that is not one of the district's tambons, kept if the officer says so. */
  Categorised.extend({ step: z.literal('tambon'), typed: z.string().min(2).max(80).optional() }),
  Located.extend({ step: z.literal('phone') }),
  /** The official OTOP registration number, if the producer has one ("ไม่มี": a code is issued). */
  Located.extend({ step: z.literal('code'), phone: Phone }),
  Located.extend({ step: z.literal('summary'), phone: Phone, code: z.string().min(3).max(40).nullable() }),
]);
export type RegisterProducerState = z.infer<typeof RegisterProducerState>;
export type RegStep<K extends RegisterProducerState['step']> = Extract<RegisterProducerState, { step: K }>;
export type Then = z.infer<typeof Then>;
