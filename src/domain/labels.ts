/** Danish labels for every enum value in enums.ts (and alert codes), for forms, lists and reports. */
import type { AlertCode } from './alert-types.ts';
import type {
  ActivityCategory,
  ActivityStatus,
  ConversationKind,
  ExitReason,
  FlereSkalMedGroup,
  GoalStatus,
  OriginGroup,
  RecruitmentChannel,
  Severity,
  Visitation,
} from './enums.ts';

export const VISITATION_LABELS: Record<Visitation, string> = {
  aktivitetsparat: 'Aktivitetsparat',
  jobparat: 'Jobparat',
  selvforsoergende: 'Selvforsørgende (fx ægtefælleforsørget)',
  oevrige: 'Øvrige ydelser',
};

export const FLERE_SKAL_MED_LABELS: Record<FlereSkalMedGroup, string> = {
  1: 'Gruppe 1: klar til en virksomhedsrettet indsats',
  2: 'Gruppe 2: på vej mod ressourceforløb, fleksjob eller førtidspension',
  3: 'Gruppe 3', // STAR's own wording for group 3 not in the seeds: to be checked
};

export const RECRUITMENT_CHANNEL_LABELS: Record<RecruitmentChannel, string> = {
  jobcenter: 'Jobcenter / sagsbehandler',
  boligomraade: 'Boligområde',
  lokaltv: 'Lokal-tv',
  netvaerk_forening: 'Netværk eller forening',
  rollemodel: 'Rollemodel',
  andet: 'Andet',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  aaben: 'Åben',
  i_gang: 'I gang',
  naaet: 'Nået',
  opgivet: 'Opgivet',
};

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  virksomhedsrettet: 'Virksomhedsrettet',
  opkvalificering: 'Opkvalificering',
  social_sundhed: 'Social og sundhed',
  vejledning: 'Vejledning',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planlagt: 'Planlagt',
  i_gang: 'I gang',
  afsluttet: 'Afsluttet',
  afbrudt: 'Afbrudt',
};

export const CONVERSATION_KIND_LABELS: Record<ConversationKind, string> = {
  individuel: 'Individuel samtale',
  virksomhed: 'Samtale på virksomhed',
  gruppe: 'Gruppesamtale',
  hjemmebesoeg: 'Hjemmebesøg',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  advarsel: 'Advarsel',
  kritisk: 'Kritisk',
};

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  job_ordinaer: 'Job (ordinære vilkår)',
  uddannelse: 'Uddannelse',
  fraflyttet: 'Fraflyttet kommunen',
  anden_indsats: 'Overgået til anden indsats',
  sygdom: 'Sygdom',
  oensker_ikke: 'Ønsker ikke at deltage',
  projekt_afsluttet: 'Projektperiode afsluttet',
  andet: 'Andet',
};

export const ORIGIN_GROUP_LABELS: Record<OriginGroup, string> = {
  vestlig: 'Vestligt land',
  ikke_vestlig: 'Ikke-vestligt land',
};

/** Short names of the follow-up rules, e.g. for filters and column headings. */
export const ALERT_CODE_LABELS: Record<AlertCode, string> = {
  virksomhedspause: 'Pause i virksomhedsrettede tilbud',
  samtale_frist: 'Tid siden seneste samtale',
  samtaler_aarsmaal: 'Samtaler pr. år',
  plan_mangler: 'Plan mangler',
  cv_mangler: 'CV på Jobnet mangler',
  abc_mangler: 'ABC-jobstrategi mangler',
  who5_lav: 'Lav trivsel (WHO-5)',
  sagsstamme: 'Sagsstamme',
};

export const SEX_LABELS = { K: 'Kvinde', M: 'Mand' } as const;

export const YES_NO = (b: boolean): string => (b ? 'Ja' : 'Nej');
