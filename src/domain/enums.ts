/**
 * The closed value sets of the caseworker's domain, as stored (ASCII keys). Danish labels for
 * every value are in labels.ts; zod schemas use these tuples with z.enum.
 */

/**
 * Visitation / forsørgelse at enrolment (the enrolment table's CHECK uses the same four).
 * All four meet the target group's benefit-or-self-supporting criterion.
 */
export const VISITATIONS = ['aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige'] as const;
export type Visitation = (typeof VISITATIONS)[number];

/** STAR's "Flere skal med" screening groups (Aalborg screens every woman). */
export const FLERE_SKAL_MED_GROUPS = [1, 2, 3] as const;
export type FlereSkalMedGroup = (typeof FLERE_SKAL_MED_GROUPS)[number];

export const RECRUITMENT_CHANNELS = ['jobcenter', 'boligomraade', 'lokaltv', 'netvaerk_forening', 'rollemodel', 'andet'] as const;
export type RecruitmentChannel = (typeof RECRUITMENT_CHANNELS)[number];

export const GOAL_STATUSES = ['aaben', 'i_gang', 'naaet', 'opgivet'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ACTIVITY_CATEGORIES = ['virksomhedsrettet', 'opkvalificering', 'social_sundhed', 'vejledning'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const ACTIVITY_STATUSES = ['planlagt', 'i_gang', 'afsluttet', 'afbrudt'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const CONVERSATION_KINDS = ['individuel', 'virksomhed', 'gruppe', 'hjemmebesoeg'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const SEVERITIES = ['advarsel', 'kritisk'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EXIT_REASONS = [
  'job_ordinaer',
  'uddannelse',
  'fraflyttet',
  'anden_indsats',
  'sygdom',
  'oensker_ikke',
  'projekt_afsluttet',
  'andet',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const ORIGIN_GROUPS = ['vestlig', 'ikke_vestlig'] as const;
export type OriginGroup = (typeof ORIGIN_GROUPS)[number];

export const SEXES = ['K', 'M'] as const;
