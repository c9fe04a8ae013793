/**
 * Follow-up alerts for one woman (computeAlerts) and for caseworkers' caseloads
 * (caseloadAlerts). Pure: pass `today` and the project's settings. See alert-rules.ts for the
 * rules and their deadlines.
 */
import { RULES, RULES_WHILE_EXEMPT } from './alert-rules.ts';
import { exemptionOn } from './exemptions.ts';
import { withDefaults, type AlertSettings } from './alert-settings.ts';
import type { Alert, FollowUpInput } from './alert-types.ts';

export type { Alert, FollowUpInput } from './alert-types.ts';

/** Exited (exit date on or before today) or not yet enrolled: no rules apply. */
export function isEnrolledOn(enrolment: FollowUpInput['enrolment'], today: string): boolean {
  return enrolment.date <= today && (enrolment.exitDate === null || enrolment.exitDate > today);
}

/** kritisk before advarsel, then the earliest due date, then code. */
export function sortAlerts<T extends Alert>(alerts: T[]): T[] {
  const rank = (a: Alert) => (a.severity === 'kritisk' ? 0 : 1);
  return [...alerts].sort(
    (a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.code.localeCompare(b.code),
  );
}

/** All alerts for one woman today. A woman who has exited gets none; an exempt one only WHO-5's. */
export function computeAlerts(input: FollowUpInput): Alert[] {
  if (!isEnrolledOn(input.enrolment, input.today)) return [];
  const s = withDefaults(input.settings);
  const rules = exemptionOn(input.exemptions, input.today) ? RULES_WHILE_EXEMPT : RULES;
  return sortAlerts(rules.flatMap((rule) => rule(input, s)));
}

export interface CaseloadCount {
  caseworkerId: string;
  name: string;
  /** Women currently enrolled with this caseworker (or all her cases, as the project counts). */
  activeCount: number;
}

/** Caseloads above the limit (kritisk) or within the warning margin of it (advarsel). */
export function caseloadAlerts(
  caseworkers: readonly CaseloadCount[],
  settings?: Partial<AlertSettings>,
): (Alert & { caseworkerId: string })[] {
  const s = withDefaults(settings);
  const out: (Alert & { caseworkerId: string })[] = [];
  for (const c of caseworkers) {
    if (c.activeCount > s.caseloadLimit) {
      out.push({
        caseworkerId: c.caseworkerId,
        code: 'sagsstamme',
        severity: 'kritisk',
        message: `${c.name} har ${c.activeCount} sager; grænsen er ${s.caseloadLimit}.`,
      });
    } else if (c.activeCount >= s.caseloadLimit - s.caseloadWarningMargin) {
      out.push({
        caseworkerId: c.caseworkerId,
        code: 'sagsstamme',
        severity: 'advarsel',
        message: `${c.name} har ${c.activeCount} sager og nærmer sig grænsen på ${s.caseloadLimit}.`,
      });
    }
  }
  return sortAlerts(out);
}
