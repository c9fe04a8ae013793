/**
 * Dates for the caseworker's overview: when something is next due for a woman, and when she
 * was last in contact. Same rules and settings as computeAlerts.
 */
import { conversationDeadline, missingPlanItems, openCompanyPause, planDeadline } from './alert-rules.ts';
import { withDefaults } from './alert-settings.ts';
import type { FollowUpInput } from './alert-types.ts';
import { isEnrolledOn } from './alerts.ts';
import { exemptionOn } from './exemptions.ts';
import type { IsoDate } from '../core/dates.ts';

export { lastContact } from './conversations.ts';

export type DueKind = 'samtale' | 'virksomhedsrettet_tilbud' | 'plan';

export interface DueDate {
  date: IsoDate;
  kind: DueKind;
  /** Danish label, e.g. "Næste samtale". */
  label: string;
}

const LABELS: Record<DueKind, string> = {
  samtale: 'Næste samtale',
  virksomhedsrettet_tilbud: 'Næste virksomhedsrettede tilbud',
  plan: 'Plan, CV og ABC-jobstrategi',
};

/**
 * Every upcoming (or overdue) due date for her, earliest first: the next conversation, the
 * latest start of the next company-oriented activity (none while one runs without an end
 * date or the planned ones keep within the limit), and the plan deadline while plan, CV or
 * ABC strategy is missing. Empty when she is not enrolled today, or exempt today without a
 * known end (the dates move for as long as it lasts).
 */
export function dueDates(input: FollowUpInput): DueDate[] {
  if (!isEnrolledOn(input.enrolment, input.today)) return [];
  if (exemptionOn(input.exemptions, input.today)?.endDate === null) return [];
  const s = withDefaults(input.settings);
  const out: DueDate[] = [{ date: conversationDeadline(input, s), kind: 'samtale', label: LABELS.samtale }];
  const pause = openCompanyPause(input, s);
  if (pause) out.push({ date: pause.deadline, kind: 'virksomhedsrettet_tilbud', label: LABELS.virksomhedsrettet_tilbud });
  if (missingPlanItems(input.plan).length > 0) out.push({ date: planDeadline(input, s), kind: 'plan', label: LABELS.plan });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The earliest date something is due for her; null when she is not enrolled today. */
export function nextDueDate(input: FollowUpInput): DueDate | null {
  return dueDates(input)[0] ?? null;
}
