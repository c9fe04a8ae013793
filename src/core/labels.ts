/**
 * Danish labels for every stored code (codes.ts), for forms, lists and reports: one map per
 * concept. The database stores codes; pages and reports render these labels.
 */
import type {
  BreakdownDimension,
  ActionStatus,
  ChildcareStatus,
  PartnerInvolvement,
  DanishEducation,
  DanishTestKind,
  DanishTestOutcome,
  AgendaSource,
  MeetingKind,
  AlertCode,
  ActivityCategory,
  CompanyContactKind,
  CompanyConsent,
  ActivityStatus,
  ConversationKind,
  ExemptionKind,
  OutreachChannel,
  OutreachKind,
  DeclineReason,
  ExitReason,
  FlereSkalMedGroup,
  GoalOutcomeStatus,
  GoalStatus,
  Measure,
  MilestoneStatus,
  OriginGroup,
  Population,
  RecruitmentChannel,
  ReportSection,
  Role,
  Severity,
  Visitation,
} from './codes.ts';

export const VISITATION_LABELS: Record<Visitation, string> = {
  aktivitetsparat: 'Aktivitetsparat',
  jobparat: 'Jobparat',
  selvforsoergende: 'Selvforsørgende (fx ægtefælleforsørget)',
  oevrige: 'Øvrige ydelser',
};

/** Short forms for table cells and column headings, where the full label does not fit. */
export const VISITATION_SHORT_LABELS: Record<Visitation, string> = {
  aktivitetsparat: 'Aktivitetsparat',
  jobparat: 'Jobparat',
  selvforsoergende: 'Selvforsørgende',
  oevrige: 'Øvrige',
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

/** A plan goal's status, as the caseworker sets it. */
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

export const COMPANY_CONSENT_LABELS: Record<CompanyConsent, string> = {
  navn: 'Ja: virksomheden må kende hendes navn og forløb, og vi må følge op hos virksomheden',
  ingen: 'Nej: virksomheden må ikke få oplysninger om hende fra os',
};

export const CONVERSATION_KIND_LABELS: Record<ConversationKind, string> = {
  individuel: 'Individuel samtale',
  virksomhed: 'Samtale på virksomhed',
  gruppe: 'Gruppesamtale',
  hjemmebesoeg: 'Hjemmebesøg',
};

export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, string> = {
  barsel: 'Barsel',
  sygdom: 'Sygdom',
  ferie: 'Ferie',
  andet: 'Andet',
};

export const OUTREACH_CHANNEL_LABELS: Record<OutreachChannel, string> = {
  telefon: 'Telefon',
  brev: 'Brev',
  hjemmebesoeg: 'Hjemmebesøg',
  boligsocial: 'Boligsocial medarbejder',
  moske_forening: 'Moské eller forening',
  rollemodel: 'Rollemodel',
  tv_medier: 'TV og medier',
  andet: 'Andet',
};

export const OUTREACH_KIND_LABELS: Record<OutreachKind, string> = {
  kontakt: 'Kontaktforsøg',
  invitation: 'Inviteret til informationsmøde',
  deltog: 'Deltog i informationsmøde',
  afslag: 'Takkede nej',
  indskrevet: 'Indskrevet',
};

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  ikke_interesseret: 'Ikke interesseret',
  boernepasning: 'Mangler børnepasning',
  helbred: 'Helbred',
  job_uddannelse: 'Er i job eller uddannelse',
  familie: 'Familiens holdning',
  andet_tilbud: 'Er i et andet tilbud',
  fraflyttet: 'Fraflyttet',
  andet: 'Andet',
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

/** Headings of the breakdowns of results and case measures (issue 13 build 4). */
export const BREAKDOWN_LABELS: Record<BreakdownDimension, string> = {
  flere_skal_med: 'Flere skal med-gruppe',
  kanal: 'Rekrutteringskanal',
  oprindelse: 'Oprindelsesland (Danmarks Statistiks gruppering)',
  udskrivning: 'Udskrivningsårsag',
  kommune_visitation: 'Kommune og visitationskategori ved indskrivning',
};

/** Short group labels for breakdown rows: an empty field, and an enrolment not yet exited. */
export const BREAKDOWN_ROW_LABELS = { ikke_oplyst: 'Ikke oplyst', ikke_udskrevet: 'Endnu ikke udskrevet' } as const;

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
  ansaettelse_opfoelgning: 'Opfølgning på ansættelse',
};

export const SEX_LABELS = { K: 'Kvinde', M: 'Mand' } as const;

export const YES_NO = (b: boolean): string => (b ? 'Ja' : 'Nej');

export const ROLE_LABELS: Record<Role, string> = {
  sagsbehandler: 'Sagsbehandler',
  projektleder: 'Projektleder',
  analytiker: 'Analytiker',
  administrator: 'Administrator',
};

// Steering
export const POPULATION_LABELS: Record<Population, string> = {
  alle: 'Alle indskrevne kvinder',
  aktivitetsparat: 'Aktivitetsparate kvinder',
  jobparat: 'Jobparate kvinder',
  selvforsoergende: 'Selvforsørgende kvinder',
  oevrige: 'Øvrige kvinder',
};

export const MEASURE_LABELS: Record<Measure, string> = {
  maal_1_eller_2: 'Nået mål 1 eller 2 (registerdata)',
  maal_1: 'Nået mål 1: uddannelse eller beskæftigelse over 18,5 t/uge (registerdata)',
  maal_2: 'Bedste niveau mål 2: løntimer, højst 18,5 t/uge (registerdata)',
  maal_3: 'Bedste niveau mål 3: virksomhedspraktik eller løntilskud (registerdata)',
  varig_fuld: 'Varig beskæftigelse over deltid (registerdata)',
  varig: 'Varig beskæftigelse, fuld eller deltid (registerdata)',
  indskrevne: 'Antal indskrevne kvinder (sagsdata)',
  virksomhedsrettet: 'Har haft et virksomhedsrettet tilbud (sagsdata)',
  cv_abc: 'Har CV på Jobnet og ABC-jobstrategi (sagsdata)',
  opvisiteret: 'Opvisiteret fra aktivitetsparat til jobparat (sagsdata)',
  dansk_stabil: 'Møder stabilt til danskundervisning (sagsdata)',
  dansk_bestaaet: 'Bestået danskuddannelse eller modultest (sagsdata)',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  ikke_startet: 'Ikke startet',
  i_gang: 'I gang',
  naaet: 'Nået',
  forsinket: 'Forsinket',
  udgaaet: 'Udgået',
};

export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  aktiviteter: 'Projektets aktiviteter',
  erfaringer: 'Erfaringer',
  laering: 'Læring',
  forankring: 'Forankring og videre drift',
};

/** How a steering goal stands against its measured result. */
export const GOAL_OUTCOME_LABELS: Record<GoalOutcomeStatus, string> = {
  naaet: 'Nået',
  ikke_naaet: 'Ikke nået',
  undervejs: 'Undervejs',
  ukendt: 'Kan ikke vises',
};

// Monitoring (spec kib-2019.1)
export const LEVEL_LABELS: Record<string, string> = {
  '1': 'Mål 1: uddannelse eller beskæftigelse over 18,5 t/uge',
  '2': 'Mål 2: løntimer, højst 18,5 t/uge',
  '3': 'Mål 3: virksomhedspraktik eller løntilskud',
  '0': 'Intet af målene',
  '1_or_2': 'Mål 1 eller 2',
};
export const SHORT_LEVEL: Record<string, string> = { '1': 'Mål 1', '2': 'Mål 2', '3': 'Mål 3', '0': 'Ingen', '1_or_2': 'Mål 1 eller 2' };

export const DURABLE_LABELS: Record<string, string> = {
  full: 'Varig beskæftigelse over deltid',
  partial: 'Varig beskæftigelse, deltid eller mindre',
  none: 'Ikke varig beskæftigelse',
};

export const SNAPSHOT_LABELS: Record<string, string> = {
  udgaaet: 'Udgået af populationen',
  uddannelse: 'Uddannelse (SU)',
  beskaeftigelse_fuld: 'Beskæftigelse over deltid',
  beskaeftigelse_delvis: 'Beskæftigelse, deltid eller mindre',
  fleksjob: 'Fleksjob',
  foertidspension: 'Førtidspension',
  ressourceforloeb: 'Ressource- eller jobafklaringsforløb',
  ledig_ydelse: 'Ledig på ydelse (inkl. praktik og løntilskud)',
  selvforsoergende: 'Selvforsørgende uden løntimer',
};

/** The code table's categories (spec §1.4), as analysts and caseworkers read them. */
export const CODE_CATEGORY_LABELS: Record<string, string> = {
  uddannelse: 'Uddannelse (SU)',
  praktik: 'Virksomhedspraktik',
  loentilskud: 'Løntilskud',
  fleksjob: 'Fleksjob/ledighedsydelse',
  foertidspension: 'Førtidspension',
  ressourceforloeb: 'Ressource-/jobafklaringsforløb',
  ydelse: 'Anden offentlig ydelse',
  udgaaet: 'Udgået',
  ingen: 'Ingen ydelse (selvforsørgelse eller beskæftigelse)',
};

export const AGE_LABELS: Record<string, string> = { other: 'Uden for 18–64' };

/** The label of a stored code, or the code itself when the map has none (e.g. a code from an older release). */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, code: string): string {
  return (labels as Readonly<Record<string, string>>)[code] ?? code;
}

/** Support categories of the investment case's weekly rates (effekt-2026.1 §2, public support). */
export const SUPPORT_CATEGORIES = ['ydelse', 'praktik', 'loentilskud', 'fleksjob', 'foertidspension', 'ressourceforloeb'] as const;
export const SUPPORT_CATEGORY_LABELS: Record<string, string> = {
  ydelse: 'Ydelse (fx kontanthjælp)',
  praktik: 'Virksomhedspraktik',
  loentilskud: 'Løntilskud',
  fleksjob: 'Fleksjob',
  foertidspension: 'Førtidspension',
  ressourceforloeb: 'Ressourceforløb',
};

export const COMPANY_CONTACT_KIND_LABELS: Record<CompanyContactKind, string> = {
  besoeg: 'Virksomhedsbesøg',
  moede: 'Møde',
  telefon: 'Telefonsamtale',
  mail: 'E-mail',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  styregruppe: 'Styregruppemøde',
  udvalg: 'Møde i det politiske udvalg',
};

export const AGENDA_SOURCE_LABELS: Record<AgendaSource, string> = {
  manuel: 'Skrevet af projektlederen',
  maal: 'Resultatmål, der ikke er nået',
  milepael: 'Milepæl, der har overskredet tidspunktet',
  handling: 'Åben handling fra sidste møde',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  aaben: 'Åben',
  i_gang: 'I gang',
  udfoert: 'Udført',
  udgaaet: 'Udgået',
};

export const CHILDCARE_LABELS: Record<ChildcareStatus, string> = {
  ja: 'Ja, på plads',
  nej: 'Nej, mangler',
  delvis: 'Delvis',
  ikke_relevant: 'Ikke relevant',
};

export const PARTNER_INVOLVEMENT_LABELS: Record<PartnerInvolvement, string> = {
  ja: 'Ja, deltager',
  nej: 'Nej, deltager ikke',
  ukendt: 'Ukendt',
  ingen_partner: 'Hun har ingen partner',
};

export const DANISH_EDUCATION_LABELS: Record<DanishEducation, string> = {
  du1: 'Danskuddannelse 1',
  du2: 'Danskuddannelse 2',
  du3: 'Danskuddannelse 3',
};

export const DANISH_TEST_KIND_LABELS: Record<DanishTestKind, string> = {
  modultest: 'Modultest',
  pd1: 'Prøve i Dansk 1',
  pd2: 'Prøve i Dansk 2',
  pd3: 'Prøve i Dansk 3',
};

export const DANISH_TEST_OUTCOME_LABELS: Record<DanishTestOutcome, string> = {
  bestaaet: 'Bestået',
  ikke_bestaaet: 'Ikke bestået',
  afventer: 'Afventer resultat',
};
