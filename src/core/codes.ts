/**
 * The closed value sets of Fremdrift, as stored (ASCII keys). Danish labels for
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

/** Her consent on a placement at a company: may the company be told about her (name, project, follow-up) or not. */
export const COMPANY_CONSENTS = ['navn', 'ingen'] as const;
export type CompanyConsent = (typeof COMPANY_CONSENTS)[number];

export const CONVERSATION_KINDS = ['individuel', 'virksomhed', 'gruppe', 'hjemmebesoeg'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** Why the follow-up rules pause for her (Aalborg exempts women "sygemeldte, på barsel"). */
export const EXEMPTION_KINDS = ['barsel', 'sygdom', 'ferie', 'andet'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/** Gross group and outreach (issue 13): how a candidate was contacted, what happened, why she declined. */
export const OUTREACH_CHANNELS = [
  'telefon',
  'brev',
  'hjemmebesoeg',
  'boligsocial',
  'moske_forening',
  'rollemodel',
  'tv_medier',
  'andet',
] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];
export const OUTREACH_KINDS = ['kontakt', 'invitation', 'deltog', 'afslag', 'indskrevet'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];
/** What a caseworker logs by hand ("indskrevet" comes from the enrolment itself). */
export const LOGGED_OUTREACH_KINDS = ['kontakt', 'invitation', 'deltog', 'afslag'] as const;
export const DECLINE_REASONS = [
  'ikke_interesseret',
  'boernepasning',
  'helbred',
  'job_uddannelse',
  'familie',
  'andet_tilbud',
  'fraflyttet',
  'andet',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

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

/**
 * What results and case measures are broken down by (issue 13 build 4): recorded fields of the
 * enrolment. Visitation is her category at enrolment, as SIRI counts it.
 */
export const BREAKDOWN_DIMENSIONS = ['flere_skal_med', 'kanal', 'oprindelse', 'udskrivning', 'kommune_visitation'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
/** Row key of an enrolment whose field is empty. */
export const NOT_RECORDED = 'ikke_oplyst';
/** Row key (exit reason) of an enrolment not exited by the report month's end. */
export const NOT_EXITED = 'ikke_udskrevet';

/** Follow-up rules (opfølgningsregler) a caseworker is alerted by. */
export const ALERT_CODES = [
  'virksomhedspause',
  'samtale_frist',
  'samtaler_aarsmaal',
  'plan_mangler',
  'cv_mangler',
  'abc_mangler',
  'who5_lav',
  'sagsstamme',
  'ansaettelse_opfoelgning',
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

/** Who a user is: the role decides what she may see and do. */
export const ROLES = ['sagsbehandler', 'projektleder', 'analytiker', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

// Steering: result goals (resultatmål), milestones and the final report's texts.
export const ENGINE_MEASURES = ['maal_1_eller_2', 'maal_1', 'maal_2', 'maal_3', 'varig_fuld', 'varig'] as const;
export const CASE_MEASURES = ['indskrevne', 'virksomhedsrettet', 'cv_abc', 'opvisiteret', 'dansk_stabil', 'dansk_bestaaet'] as const;
export const MEASURES = [...ENGINE_MEASURES, ...CASE_MEASURES] as const;
export type Measure = (typeof MEASURES)[number];
export const isEngineMeasure = (m: Measure) => (ENGINE_MEASURES as readonly string[]).includes(m);
/** The women a goal counts: every woman enrolled, or one visitation group at enrolment. */
export const POPULATIONS = ['alle', ...VISITATIONS] as const;
export type Population = (typeof POPULATIONS)[number];
export const TARGET_KINDS = ['andel', 'antal'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const MILESTONE_STATUSES = ['ikke_startet', 'i_gang', 'naaet', 'forsinket', 'udgaaet'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const REPORT_SECTIONS = ['aktiviteter', 'erfaringer', 'laering', 'forankring'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** How a steering goal stands against its result (not a plan goal's status, GOAL_STATUSES). */
export const GOAL_OUTCOMES = ['naaet', 'ikke_naaet', 'undervejs', 'ukendt'] as const;
export type GoalOutcomeStatus = (typeof GOAL_OUTCOMES)[number];

// Companies (issue 14): logged contacts and the follow-up checkpoints after a hiring.
export const COMPANY_CONTACT_KINDS = ['besoeg', 'moede', 'telefon', 'mail'] as const;
export type CompanyContactKind = (typeof COMPANY_CONTACT_KINDS)[number];
export const FOLLOW_UP_CHECKPOINTS = [1, 3, 6] as const;
export type FollowUpCheckpoint = (typeof FOLLOW_UP_CHECKPOINTS)[number];

// Steering group and committee meetings (issue 14): the kind of meeting, where an agenda point
// came from, and a follow-up action's status.
export const MEETING_KINDS = ['styregruppe', 'udvalg'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const AGENDA_SOURCES = ['manuel', 'maal', 'milepael', 'handling'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];
export const ACTION_STATUSES = ['aaben', 'i_gang', 'udfoert', 'udgaaet'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// Her family situation (issue 14 build 6): childcare in place, and the partner's involvement.
export const CHILDCARE_STATUSES = ['ja', 'nej', 'delvis', 'ikke_relevant'] as const;
export type ChildcareStatus = (typeof CHILDCARE_STATUSES)[number];
export const PARTNER_INVOLVEMENTS = ['ja', 'nej', 'ukendt', 'ingen_partner'] as const;
export type PartnerInvolvement = (typeof PARTNER_INVOLVEMENTS)[number];
// Danish tuition (issue 14 build 4): danskuddannelse 1–3 with modules 1–6, the tests she takes
// (a module test or Prøve i Dansk 1–3) and how a test went.
export const DANISH_EDUCATIONS = ['du1', 'du2', 'du3'] as const;
export type DanishEducation = (typeof DANISH_EDUCATIONS)[number];
export const DANISH_MODULES = [1, 2, 3, 4, 5, 6] as const;
export const DANISH_TEST_KINDS = ['modultest', 'pd1', 'pd2', 'pd3'] as const;
export type DanishTestKind = (typeof DANISH_TEST_KINDS)[number];
export const DANISH_TEST_OUTCOMES = ['bestaaet', 'ikke_bestaaet', 'afventer'] as const;
export type DanishTestOutcome = (typeof DANISH_TEST_OUTCOMES)[number];
