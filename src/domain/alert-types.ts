/** The shape of a follow-up alert and the input the rules read. */
import type { ActivityType } from './activities.ts';
import type { AlertSettings } from './alert-settings.ts';
import type { ActivityPeriod } from './company-pauses.ts';
import type { ExemptionPeriod } from './exemptions.ts';
import type { IsoDate } from '../core/dates.ts';
import type { AlertCode, Severity } from '../core/codes.ts';
import type { Assessment } from './instrument-types.ts';
import type { Plan } from './plan.ts';
import type { HiringPeriod, RecordedFollowUp } from './companies.ts';

export interface Alert {
  code: AlertCode;
  /** advarsel = the rule will be broken soon (or today); kritisk = it is broken. */
  severity: Severity;
  /** Danish text for the caseworker. */
  message: string;
  /** The day by which something must happen, when the rule has one. */
  dueDate?: IsoDate;
}

export interface FollowUpInput {
  enrolment: { date: IsoDate; exitDate: IsoDate | null };
  activities: readonly ActivityPeriod[];
  conversations: readonly { date: IsoDate }[];
  /** The current plan, or null when none has been made. */
  plan: Pick<Plan, 'jobGoal' | 'abcStrategy' | 'cvOnJobnet'> | null;
  assessments: readonly Assessment[];
  today: IsoDate;
  /** The project's settings; missing values take the defaults. */
  settings?: Partial<AlertSettings>;
  /** The project's own activity types (to know which are company-oriented). */
  extraActivityTypes?: readonly ActivityType[];
  /** Her hirings and the follow-ups recorded on them (companies.ts); without it no follow-up alert. */
  hiringFollowUp?: { hirings: readonly HiringPeriod[]; recorded: readonly RecordedFollowUp[] };
  /** Her exemption periods (barsel, sygdom …): the time-based rules pause and their deadlines move. */
  exemptions?: readonly ExemptionPeriod[];
}
