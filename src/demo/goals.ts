/**
 * The demo projects' result goals and milestone plans, taken from the seeds
 * (../shared/seeds in the project documents): Aalborg's 24 milestones in four phases (002), Vallensbæk/Ishøj's dated
 * milestones (001), Viborg's targets (000) and Frederikshavn's (003). Projects without a plan in
 * the seeds get the programme's common goals. Dates like "Efterår 2019" become the last day of
 * that period.
 */
import type { GoalInput, Milestone } from '../domain/steering-goals.ts';

import { type Measure, type MilestoneStatus, type Population, type TargetKind } from '../core/codes.ts';
export type DemoGoal = Omit<GoalInput, 'note'> & { note?: string };
export type DemoMilestone = Omit<Milestone, 'id' | 'projectId' | 'note'> & { note?: string };

const END = '2022-12-31';
/** The end of the current projects («videreført 2025–2027»). */
const CURRENT_END = '2027-12-31';
const g = (
  title: string,
  measure: Measure,
  targetKind: TargetKind,
  targetValue: number,
  deadline = END,
  note?: string,
  population: Population = 'alle',
): DemoGoal => ({ title, measure, population, targetKind, targetValue, deadline, note });

export const DEMO_GOALS: Record<string, DemoGoal[]> = {
  aalborg: [
    g('86 aktivitetsparate kvinder indskrevet', 'indskrevne', 'antal', 86, END, '25–30 kvinder starter pr. år.', 'aktivitetsparat'),
    g('50 % har lønnede timer eller er ordinært beskæftigede', 'maal_1_eller_2', 'andel', 50, END, 'Milepæl 18.'),
    g('Alle deltagere har CV på Jobnet og ABC-jobstrategi', 'cv_abc', 'andel', 100, END, 'Milepæl 11, 14 og 17.'),
    g('Flest muligt i virksomhedsrettet indsats', 'virksomhedsrettet', 'andel', 75, END),
  ],
  'ishoej-vallensbaek': [
    g('50 borgere visiteret i forløb', 'indskrevne', 'antal', 50, '2020-12-31'),
    g('Mindst 25 i virksomhedsrettede forløb', 'virksomhedsrettet', 'antal', 25, '2020-12-31'),
    g('100 borgere visiteret i forløb', 'indskrevne', 'antal', 100, '2021-12-31'),
    g('Mindst 50 % i tilbud på en virksomhed', 'virksomhedsrettet', 'andel', 50, END),
    g('Mindst 25 i ordinær ansættelse', 'maal_1', 'antal', 25, END),
    g('Mindst 25 % i ordinær beskæftigelse', 'maal_1', 'andel', 25, END),
  ],
  viborg: [
    g('156 kvinder i målgruppen indskrevet', 'indskrevne', 'antal', 156, END),
    g('25 % i ordinær beskæftigelse (fuld tid) eller uddannelse', 'maal_1', 'andel', 25, END),
    g('20 % i småjob', 'maal_2', 'andel', 20, END),
    g('Alle i virksomhedsrettede tilbud', 'virksomhedsrettet', 'andel', 100, END),
  ],
  frederikshavn: [
    g('Nå ud til 150 kvinder', 'indskrevne', 'antal', 150, END),
    g('40–50 kvinder i job eller uddannelse', 'maal_1_eller_2', 'antal', 40, END, 'Resultat ifølge udvalgsindstillingen: 65 af 154.'),
  ],
};

/**
 * Slagelse's Danish promises ("Kvinderne møder stabilt til deres danskundervisning", "består
 * danskuddannelse", seed 004) as goals of the current projects, which have the demo tuition.
 */
const danishGoals = (planned: number): DemoGoal[] => [
  g(
    'Mindst 60 % møder stabilt til danskundervisning',
    'dansk_stabil',
    'andel',
    60,
    CURRENT_END,
    'Stabilt: mindst 80 % fremmøde (projektindstilling) i hver af de seneste 3 registrerede måneder.',
  ),
  g(
    `${Math.max(1, Math.round(planned / 3))} kvinder består en modultest eller Prøve i Dansk`,
    'dansk_bestaaet',
    'antal',
    Math.max(1, Math.round(planned / 3)),
    CURRENT_END,
  ),
];

/**
 * Projects without their own goals in the seeds get the programme's common targets, due at the
 * project's end; the current ones also the Danish goals. (The current projects' common goals were
 * due 31.12.2022, before they began, so their committee brief printed "0 af 0 kvinder · Ikke nået".)
 */
export function demoGoalsFor(projectKey: string, plannedParticipants: number): DemoGoal[] {
  const current = projectKey.endsWith('-2025');
  const common = commonGoalsFor(projectKey, plannedParticipants, current ? CURRENT_END : END);
  return current ? [...common, ...danishGoals(plannedParticipants)] : common;
}

function commonGoalsFor(projectKey: string, plannedParticipants: number, deadline: string): DemoGoal[] {
  return (
    DEMO_GOALS[projectKey] ?? [
      g(`${plannedParticipants} kvinder indskrevet`, 'indskrevne', 'antal', plannedParticipants, deadline),
      g('40 % i job eller uddannelse eller med løntimer', 'maal_1_eller_2', 'andel', 40, deadline),
      g('Mindst 50 % i et forløb på en arbejdsplads', 'virksomhedsrettet', 'andel', 50, deadline),
    ]
  );
}

const F1 = 'Opstart og forberedelse';
const F2 = 'Idriftsættelse';
const F3 = 'Evaluering';
const F4 = 'Forankring';
const m = (
  phase: number,
  phaseName: string,
  number: number,
  content: string,
  dueDate: string,
  responsible: string,
  status: MilestoneStatus,
  note?: string,
): DemoMilestone => ({ phase, phaseName, number, content, dueDate, responsible, status, note });
const INDSATS =
  'Alle deltagere er visiteret og igangsat i videre indsatser, herunder hyppig kontakt og enten virksomhedsvendt eller opkvalificerende indsats i relation til den enkelte borger';
const CV = 'Alle deltagere skal have et aktivt CV på Jobnet og en ABC-jobstrategi';

/** Aalborg's "Foreløbig tids- og milepælsplan" (seed 002), 24 milestones in four phases. */
const AALBORG: DemoMilestone[] = [
  m(1, F1, 1, 'Projektorganisationen er etableret', '2019-09-30', 'Projektejer', 'naaet'),
  m(1, F1, 2, 'Der er afholdt opstartsmøde med SIRI', '2019-11-30', 'Styregruppen', 'naaet', 'I planen: efterår 2019.'),
  m(1, F1, 3, 'Projektets målsætninger og milepælsplan er færdiggjort', '2019-09-30', 'Styregruppen', 'naaet'),
  m(1, F1, 4, 'Der er afholdt indledende møde i projektgruppen med drøftelse af kick-start-forløb', '2019-09-30', 'Styregruppen', 'naaet'),
  m(1, F1, 5, 'Indholdet i kick-start-forløbet er endeligt fastlagt', '2019-10-31', 'Projektleder og projektejer', 'naaet'),
  m(1, F1, 6, 'Der er udvalgt borgere til forløbet', '2019-10-31', 'Projektleder', 'naaet'),
  m(1, F1, 7, 'Alle borgere er blevet screenet (sagsgennemgang)', '2019-11-30', 'Projektleder', 'naaet'),
  m(
    1,
    F1,
    8,
    'Der er afholdt samtaler med alle borgere og alle er visiteret til indsatsen',
    '2019-12-31',
    'Projektleder',
    'naaet',
    'I planen: november/december 2019.',
  ),
  m(2, F2, 9, '1. hold af ca. 25-30 borgere er igangsat på kick-start-forløb', '2020-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 10, INDSATS, '2020-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 11, CV, '2020-01-31', 'Projektleder', 'forsinket', 'ABC-strategierne blev først færdige i foråret 2020.'),
  m(2, F2, 12, '2. hold af 25-30 borgere er igangsat på kick-start-forløb', '2021-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 13, INDSATS, '2021-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 14, CV, '2021-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 15, '3. hold af 25-30 borgere er igangsat på kick-start-forløb', '2022-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 16, INDSATS, '2022-01-31', 'Projektleder', 'naaet'),
  m(2, F2, 17, CV, '2022-01-31', 'Projektleder', 'i_gang'),
  m(2, F2, 18, '50 pct. af alle deltagere har lønnede timer eller er ordinært beskæftigede', '2022-12-31', 'Projektleder', 'i_gang'),
  m(
    2,
    F2,
    19,
    'De resterende deltagere, der ikke har opnået ordinære timer, er kommet tættere på arbejdsmarkedet via opkvalificering eller virksomhedsvendt indsats',
    '2022-12-31',
    'Projektleder',
    'i_gang',
    'Målsætninger om progression gøres konkrete og målbare, når borgerne er screenet. Projektperioden udløber december 2022.',
  ),
  m(
    3,
    F3,
    20,
    'Der er lavet en skriftlig opfølgning på projektet, der involverer data fra alle deltagere',
    '2023-01-31',
    'Styregruppen',
    'ikke_startet',
  ),
  m(3, F3, 21, 'Afsluttende rapport er sendt til SIRI', '2023-03-31', 'Projektejer', 'ikke_startet', 'I planen: afventer.'),
  m(
    3,
    F3,
    22,
    'Det politiske udvalg i Aalborg Kommune er blevet orienteret',
    '2023-05-31',
    'Styregruppen',
    'ikke_startet',
    'I planen: foråret 2023.',
  ),
  m(
    4,
    F4,
    23,
    'Der er afholdt opsamlingsmøde med projektgruppen – hvad lærte vi af projektet, hvad kan vi forankre, hvad skal vi ikke gøre?',
    '2023-05-31',
    'Styregruppen',
    'ikke_startet',
    'I planen: foråret 2023.',
  ),
  m(
    4,
    F4,
    24,
    'Der sker eventuelt en politisk behandling af budgetansøgning eller lignende i forhold til fortsættelse af serviceniveauer m.v. afhængigt af den tilbageværende målgruppes størrelse',
    '2023-05-31',
    'Styregruppen',
    'ikke_startet',
    'I planen: foråret 2023.',
  ),
];

/** Vallensbæk and Ishøj's "Tidsplan og milepæle" (seed 001). */
const ISHOEJ_VALLENSBAEK: DemoMilestone[] = [
  m(1, F1, 1, 'Projektet bemandes med projektleder', '2019-09-01', 'Jobcenterchef', 'naaet'),
  m(1, F1, 2, 'Samarbejdsaftale er på plads, styregruppe er nedsat (møde 3 gange årligt)', '2019-10-01', 'Styregruppen', 'naaet'),
  m(1, F1, 3, 'Koordinerende sagsbehandler og jobformidler tiltræder', '2019-12-01', 'Projektleder', 'naaet'),
  m(
    2,
    F2,
    4,
    'Arbejdet med målgruppen påbegyndes med løbende optag; rekrutteringskampagnen er gennemført; visitation påbegyndes; administrativ medarbejder tiltræder',
    '2020-01-01',
    'Projektleder',
    'naaet',
  ),
  m(
    2,
    F2,
    5,
    '50 borgere er visiteret i forløb/indsatser; mindst 25 har deltaget i et eller flere virksomhedsrettede forløb',
    '2020-12-31',
    'Projektleder',
    'naaet',
  ),
  m(
    2,
    F2,
    6,
    '100 borgere er visiteret i forløb/indsatser; mindst 25 har deltaget i et eller flere virksomhedsrettede forløb',
    '2021-12-31',
    'Projektleder',
    'naaet',
  ),
  m(2, F2, 7, 'Mindst 25 har opnået ordinære ansættelser', '2022-12-31', 'Projektleder', 'i_gang'),
];

/** Viborg and Frederikshavn: the milestones their documents name (reporting and committee). */
const COMMON: DemoMilestone[] = [
  m(1, F1, 1, 'Projektorganisation og styregruppe er etableret', '2019-10-31', 'Projektejer', 'naaet'),
  m(2, F2, 2, 'Første deltagere er indskrevet', '2019-12-31', 'Projektleder', 'naaet'),
  m(2, F2, 3, 'Skriftlig opfølgning til SIRI (halvår)', '2021-06-30', 'Projektleder', 'naaet'),
  m(2, F2, 4, 'Status til det politiske udvalg', '2021-12-31', 'Projektleder', 'naaet'),
  m(3, F3, 5, 'Afsluttende rapport er sendt til SIRI', '2023-03-31', 'Projektejer', 'ikke_startet'),
  m(
    3,
    F3,
    6,
    'Evalueringen er forelagt det politiske udvalg',
    '2024-03-06',
    'Jobcenterchef',
    'ikke_startet',
    'Frederikshavn: Arbejdsmarkedsudvalget 6. marts 2024.',
  ),
];

export function demoMilestonesFor(projectKey: string): DemoMilestone[] {
  if (projectKey === 'aalborg') return AALBORG;
  if (projectKey === 'ishoej-vallensbaek') return ISHOEJ_VALLENSBAEK;
  return COMMON;
}
