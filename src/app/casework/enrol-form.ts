/**
 * What the enrolment form shows beside its fields (issue 10 item 3: the route only parses, calls
 * and renders): the projects and caseworkers to choose from, the actor's municipalities, a warning
 * when the CPR number fails the modulus-11 check, and the target-group criteria she already fails
 * as far as the form tells; for a woman already known, her details to start from.
 */
import type { Actor } from '../../core/actor.ts';
import { parseCpr } from '../../core/cpr.ts';
import { isIsoDate } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { normaliseDateInput } from '../../domain/form-fields.ts';
import { checkTargetGroup, type UnmetCriterion } from '../../domain/target-group.ts';
import { enrolOptions, getEnrolmentSubject, type EnrolDeps, type EnrolOptions } from './enrol-participant.ts';

export interface EnrolFormContext {
  options: EnrolOptions;
  municipalities: { code: string; name: string }[];
  mod11Warning: boolean;
  unmet: UnmetCriterion[];
}

/**
 * Criteria that can be judged from what the form holds so far: not the CPR number itself (the
 * form checks it), her country and visitation only once chosen, her age only with a valid date.
 */
export function unmetSoFar(cpr: string, values: Record<string, string>): UnmetCriterion[] {
  const enrolmentDate = normaliseDateInput(values.enrolmentDate ?? '') as string;
  return checkTargetGroup({
    cpr,
    countryOfOrigin: values.countryOfOrigin ?? '',
    visitation: values.visitation || null,
    enrolmentDate,
  }).filter(
    (u) =>
      u.code !== 'cpr' &&
      (u.code !== 'oprindelse' || values.countryOfOrigin) &&
      (u.code !== 'forsoergelse' || values.visitation) &&
      (u.code !== 'alder' || isIsoDate(enrolmentDate)),
  );
}

/** The form's context for CPR `cpr` and the values typed so far. */
export async function enrolFormContext(
  deps: Pick<EnrolDeps, 'db'>,
  actor: Actor,
  cpr: string,
  values: Record<string, string>,
): Promise<EnrolFormContext> {
  const parsed = parseCpr(cpr);
  return {
    options: await enrolOptions(deps.db, actor),
    municipalities: actor.municipalities.map((code, i) => ({ code, name: actor.municipalityNames[i] ?? code })),
    mod11Warning: parsed.ok && !parsed.value.mod11,
    unmet: unmetSoFar(cpr, values),
  };
}

/** A known woman to enrol again: her, her CPR number, and the values to start from (her country, last visitation and project). */
export async function reEnrolmentForm(deps: EnrolDeps, actor: Actor, participantId: string) {
  const subj = await getEnrolmentSubject(deps, actor, participantId);
  if (!subj) throw notFound('Deltageren');
  const last = subj.participant.enrolment;
  const start = { countryOfOrigin: subj.countryCode, visitation: last?.visitation ?? '', projectId: last ? String(last.projectId) : '' };
  return { subject: subj.participant, cpr: subj.cpr, start };
}
