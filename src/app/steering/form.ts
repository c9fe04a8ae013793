/** Form outcomes for steering edits: saved, or invalid with a Danish message per field. */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { requireLeaderOf } from './access.ts';
import { zodFieldErrors, type FieldErrors, type FormData } from '../casework/form-result.ts';

export type { FieldErrors };

export type FormValues = Record<string, string>;
/** A submitted form as the route hands it over. */
export type Submitted = FormData;

/** The first Danish message for each field: one zod-error mapper for casework and steering forms. */
export const fieldErrors = zodFieldErrors;

export type SaveOutcome = { status: 'ok'; id: number } | { status: 'invalid'; errors: FieldErrors; values: FormValues };

/** The submitted strings for `fields` (the first value when a field repeats). */
export function formValues(form: Submitted, fields: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = form[f];
    out[f] = Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
  }
  return out;
}

/**
 * A project leader's form on `projectId` (refused for anyone else): the submitted `fields` checked by
 * `schema`, giving the data and what was typed, or the invalid outcome to answer with.
 */
export async function leaderForm<S extends z.ZodType>(
  db: Db,
  actor: Actor,
  projectId: number,
  form: Submitted,
  fields: readonly string[],
  schema: S,
): Promise<{ ok: true; data: z.output<S>; values: FormValues } | { ok: false; outcome: SaveOutcome }> {
  await requireLeaderOf(db, actor, projectId);
  const values = formValues(form, fields);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, outcome: { status: 'invalid', errors: fieldErrors(parsed.error), values } };
  return { ok: true, data: parsed.data, values };
}
