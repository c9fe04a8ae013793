/** Test helper of the follow-up rules' unit tests: a woman with everything in order, and one rule's alerts. */
import type { Alert, FollowUpInput } from './alerts.ts';
import type { OutreachEvent } from './recruitment.ts';

export const completePlan = {
  jobGoal: 'Rengøringsassistent',
  abcStrategy: { a: 'Sosu-hjælper', b: 'Rengøring', c: 'Opvask' },
  cvOnJobnet: true,
};

/** A woman with everything in order except what each test changes. */
export const input = (over: Partial<FollowUpInput>): FollowUpInput => ({
  enrolment: { date: '2024-01-01', exitDate: null },
  activities: [],
  conversations: [],
  plan: completePlan,
  assessments: [],
  today: '2024-01-02',
  ...over,
});

/** Severity and due date of each alert of `code`. */
export const only = (code: Alert['code'], alerts: Alert[]) => alerts.filter((a) => a.code === code).map((a) => [a.severity, a.dueDate]);

/** An outreach step with no channel and no decline reason unless given. */
export const outreachEvent = (kind: OutreachEvent['kind'], occurredOn: string, o: Partial<OutreachEvent> = {}): OutreachEvent => ({
  kind,
  occurredOn,
  channel: null,
  declineReason: null,
  ...o,
});
