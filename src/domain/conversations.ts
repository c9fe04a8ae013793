/**
 * Conversations (samtaler) with the woman: Aalborg aims at 8 a year, at most 2 months apart.
 * The date may not lie after `today`, which the caller passes (the domain reads no clock).
 */
import { z } from 'zod';
import { formatDateDa, type IsoDate } from '../core/dates.ts';
import { CONVERSATION_KINDS } from '../core/codes.ts';
import { booleanField, isoDateField, optionalTextField } from './form-fields.ts';

export const MAX_NOTE_LENGTH = 2000;

export function makeConversationSchema(today: string) {
  return z.object({
    date: isoDateField.refine((d) => d <= today, {
      message: `Samtalen kan ikke ligge i fremtiden (senest ${formatDateDa(today)}).`,
    }),
    kind: z.enum(CONVERSATION_KINDS, { error: 'Vælg samtaletype.' }),
    participants: optionalTextField(500, 'Deltagere må højst være 500 tegn.'),
    interpreterUsed: booleanField,
    note: optionalTextField(MAX_NOTE_LENGTH, `Notatet må højst være ${MAX_NOTE_LENGTH} tegn.`),
  });
}

export type Conversation = z.output<ReturnType<typeof makeConversationSchema>>;
export type ConversationInput = z.input<ReturnType<typeof makeConversationSchema>>;

/** Her latest conversation on or before today (any extra fields are kept), or null. */
export function lastContact<T extends { date: IsoDate }>(conversations: readonly T[], today: IsoDate): T | null {
  let best: T | null = null;
  for (const c of conversations) if (c.date <= today && (best === null || c.date > best.date)) best = c;
  return best;
}
