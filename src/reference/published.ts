/**
 * SIRI's published results for the KIB project ("Flere indvandrerkvinder i beskæftigelse",
 * 2019–2022, 1,664 women), from the evaluation reproduced in Frederikshavn Kommune's
 * Arbejdsmarkedsudvalg minutes of 6 March 2024 (seeds/003, section 3.1). Shares are percent.
 * The demo cohort is calibrated to these; a report page can show them beside computed ones.
 */

export interface PublishedFigure {
  key: string;
  /** Danish label for a report. */
  label: string;
  /** Percent. */
  value: number;
  /** What the percentage is of (Danish). */
  denominator: string;
  /** The sentence in the evaluation the figure comes from (Danish). */
  source: string;
}

export const PUBLISHED_SOURCE =
  'SIRI: Evaluering af projekt "Flere indvandrerkvinder i beskæftigelse" (2023), afsnit 3.1, ' +
  'gengivet i Frederikshavn Kommunes Arbejdsmarkedsudvalg, referat 6. marts 2024.';

const F = (key: string, label: string, value: number, denominator: string, source: string): PublishedFigure => ({
  key,
  label,
  value,
  denominator,
  source,
});

export const PUBLISHED_FIGURES = {
  source: PUBLISHED_SOURCE,
  participants: 1664,
  reportMonth: '2022-12',
  durableMonth: '2023-02',
  snapshotMonth: '2023-02',
  visitation: [
    F(
      'visitation.aktivitetsparat',
      'Aktivitetsparate ved indtræden',
      53,
      'alle deltagere',
      'Lidt mere end halvdelen af de kvinder, der har deltaget i KIB-projektet, var ved deres indtræden i projektet visiteret af kommunerne som aktivitetsparate.',
    ),
    F(
      'visitation.jobparat',
      'Jobparate ved indtræden',
      25,
      'alle deltagere',
      'Ca. en fjerdedel af kvinderne var visiteret som jobparate ved deres indtræden i projektet.',
    ),
    F(
      'visitation.selvforsoergende',
      'Selvforsørgende ved indtræden',
      7,
      'alle deltagere',
      'En mindre del af kvinderne (7 pct.) var ved deres indtræden i projektet selvforsørgende (som oftest ægtefælleforsørgede).',
    ),
    F(
      'visitation.oevrige',
      'Øvrige ydelser ved indtræden',
      8,
      'alle deltagere',
      "En anden mindre gruppe af kvinderne (8 pct.) var på 'øvrige ydelse'.",
    ),
  ],
  accumulated: [
    F(
      'accumulated.1',
      'Mål 1: uddannelse eller beskæftigelse over deltid',
      38,
      'alle deltagere',
      '38 pct. af de deltagende kvinder var i uddannelse eller beskæftigelse på mere end deltid',
    ),
    F(
      'accumulated.2',
      'Mål 2: løntimer, højst 18,5 t/uge',
      12,
      'alle deltagere',
      '12 pct. af kvinderne var i beskæftigelse på mindre end deltid',
    ),
    F(
      'accumulated.3',
      'Mål 3: virksomhedspraktik eller løntilskud',
      22,
      'alle deltagere',
      'Derudover var 22 pct. i virksomhedspraktik eller løntilskud',
    ),
    F('accumulated.1_or_2', 'Mål 1 eller 2', 50, 'alle deltagere', 'Samlet set nåede 50 pct. af kvinderne mål 1 og 2'),
    F(
      'accumulated.aktivitetsparat.1_or_2',
      'Mål 1 eller 2 blandt aktivitetsparate',
      33,
      'aktivitetsparate ved indtræden',
      '33 pct. af de aktivitetsparate kvinder var i uddannelse eller i hel eller delvis beskæftigelse i løbet af projektperioden',
    ),
  ],
  durable: [
    F(
      'durable.1.full',
      'Varig beskæftigelse over deltid, bedste niveau Mål 1',
      47,
      'kvinder med bedste niveau Mål 1',
      'Blandt de kvinder, der nåede mål 1 ..., var 47 pct. i varig beskæftigelse på mere end deltid',
    ),
    F(
      'durable.1.partial',
      'Varig beskæftigelse under deltid, bedste niveau Mål 1',
      20,
      'kvinder med bedste niveau Mål 1',
      'mens 20 pct. var i varig beskæftigelse på mindre end deltid.',
    ),
    F(
      'durable.2.partial',
      'Varig beskæftigelse under deltid, bedste niveau Mål 2',
      33,
      'kvinder med bedste niveau Mål 2',
      'Blandt de kvinder, der nåede mål 2 (i delvis beskæftigelse), var 33 pct. også i varig beskæftigelse på mindre end deltid',
    ),
    F(
      'durable.2.full',
      'Varig beskæftigelse over deltid, bedste niveau Mål 2',
      2,
      'kvinder med bedste niveau Mål 2',
      'For 2 pct. lykkedes det at opnå varig beskæftigelse på mere end deltid.',
    ),
    F(
      'durable.3.any',
      'Varig beskæftigelse, bedste niveau Mål 3',
      0,
      'kvinder med bedste niveau Mål 3',
      'Ingen af de som alene nåede mål 3, havde opnået varig beskæftigelse',
    ),
  ],
  snapshot: [
    F(
      'snapshot.employment_or_education',
      'Uddannelse eller hel/delvis beskæftigelse, ultimo februar 2023',
      32,
      'alle deltagere',
      '32 pct. af alle kvinderne var i uddannelse eller hel eller delvis beskæftigelse.',
    ),
    F('snapshot.fleksjob', 'Fleksjob, ultimo februar 2023', 2, 'alle deltagere', '2 pct. i fleksjob'),
    F(
      'snapshot.foertidspension',
      'Førtidspension, ultimo februar 2023',
      5,
      'alle deltagere',
      '5 pct. var blevet afklaret til førtidspension',
    ),
    F('snapshot.ledig_ydelse', 'Ledige på ydelse, ultimo februar 2023', 51, 'alle deltagere', 'ledige på ydelse udgjorde 51 pct.'),
  ],
  municipalities: {
    resultRange: { min: 36, max: 55, source: 'kommunernes resultater ligger forholdsvis tæt (mellem 36 pct. og 55 pct.)' },
    topAktivitetsparate: [
      { unit: 'Brøndby', aktivitetsparate: 66 },
      { unit: 'Esbjerg/Fanø', aktivitetsparate: 77 },
      { unit: 'Aalborg', aktivitetsparate: 85 },
      { unit: 'Hvidovre', aktivitetsparate: 91 },
      { unit: 'Aarhus', aktivitetsparate: 93 },
    ],
    topSource:
      'De fem kommuner med den største andel af aktivitetsparate kvinder (over 60 pct.), Brøndby (66 pct.), Esbjerg/Fanø (77 pct.), Aalborg (85 pct.), Hvidovre (91 pct.) og Aarhus (93 pct.)',
    durableFull: [
      F(
        'kommune.aarhus.durable_full',
        'Aarhus: varig fuldtidsbeskæftigelse',
        22,
        'kvinder i Aarhus',
        'Aarhus ... er lykkedes med at få 22 pct. varig fuldtidsbeskæftigelse.',
      ),
      F(
        'kommune.hvidovre.durable_full',
        'Hvidovre: varig fuldtidsbeskæftigelse',
        11,
        'kvinder i Hvidovre',
        'Hvidovre ... er lykkedes med at få 11 pct. i varig fuldtidsbeskæftigelse',
      ),
    ],
  },
} as const;
