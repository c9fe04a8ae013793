/**
 * The weekly rates of the investment case, maintained by an administrator: each category and
 * year with its kroner per week and its source; every change is audited with before and after.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { forbidden } from '../../core/errors.ts';
import { listRates, saveRate, type StoredRate } from '../../db/effect/rates.ts';
import { RATE_FIELDS, rateFormSchema } from '../../domain/effect-rate.ts';
import { zodFieldErrors, formValues, type FieldErrors, type FormValues } from '../form.ts';

export function requireRateAdministrator(actor: Actor) {
  if (actor.role !== 'administrator') throw forbidden();
}

export async function ratesFor(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<StoredRate[]> {
  requireRateAdministrator(actor);
  return listRates(deps.db);
}

export type RateOutcome = { status: 'ok'; removed: boolean } | { status: 'invalid'; errors: FieldErrors; values: FormValues };

export async function saveRateForm(deps: Pick<AppDeps, 'db'>, actor: Actor, form: Record<string, unknown>): Promise<RateOutcome> {
  requireRateAdministrator(actor);
  const values = formValues(form, RATE_FIELDS);
  const parsed = rateFormSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: zodFieldErrors(parsed.error), values };
  await saveRate(deps.db, actor, parsed.data);
  return { status: 'ok', removed: parsed.data.rate === null };
}
