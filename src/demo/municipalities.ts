/**
 * The demo's municipalities, jobcentres and projects, with the parameters that shape each
 * municipality's synthetic women. Sizes and shares are chosen so the default cohort (1,664
 * women) reproduces SIRI's published KIB figures (see `src/reference/published.ts`):
 * - the five municipalities with the highest share of aktivitetsparate women are Brøndby 66 %,
 *   Esbjerg/Fanø 77 %, Aalborg 85 %, Hvidovre 91 % and Aarhus 93 %; the others stay below 50 %;
 * - overall 57 % aktivitetsparate (see `visitationShares` in cohort-plan.ts);
 * - each municipality's share reaching Mål 1 or 2 lies between 36 % and 55 %, and 33 % of the
 *   aktivitetsparate reach it overall.
 */

export interface DemoMunicipality {
  /** Three-digit municipality code. */
  kode: string;
  navn: string;
  jobcenter: string;
  /** Key of the project the municipality's women take part in. */
  projectKey: string;
  /** Reporting unit in SIRI's evaluation (Esbjerg and Fanø are reported together). */
  unit: string;
  /** Women in the default cohort of 1,664 (scaled for other sizes). */
  size: number;
  /** Aktivitetsparate women at enrolment (of `size`). */
  aktivitetsparate: number;
  /** Share of all the municipality's women reaching Mål 1 or 2 (accumulated, 2022-12). */
  resultShare: number;
  /** Share of the aktivitetsparate reaching Mål 1 or 2. */
  aktResultShare: number;
  /** Share of all the municipality's women in durable full-time employment (Feb 2023), when SIRI published it. */
  durableFullShare?: number;
}

export interface DemoProject {
  key: string;
  navn: string;
  jobcenter: string;
  /** Grant from SIRI's pool § 14.62.10.30, kr. */
  bevilling: number;
  periodeFra: string;
  periodeTil: string;
  kommuneKoder: string[];
  /** Planned number of enrolled women. */
  planlagteDeltagere: number;
}

const M = (
  kode: string,
  navn: string,
  jobcenter: string,
  projectKey: string,
  unit: string,
  size: number,
  aktivitetsparate: number,
  resultShare: number,
  aktResultShare: number,
  durableFullShare?: number,
): DemoMunicipality => ({ kode, navn, jobcenter, projectKey, unit, size, aktivitetsparate, resultShare, aktResultShare, durableFullShare });

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  M('751', 'Aarhus', 'Jobcenter Aarhus', 'aarhus', 'Aarhus', 150, 140, 0.52, 0.5, 0.22),
  M('167', 'Hvidovre', 'Jobcenter Hvidovre', 'hvidovre', 'Hvidovre', 100, 91, 0.37, 0.33, 0.11),
  M('851', 'Aalborg', 'Jobcenter Aalborg', 'aalborg', 'Aalborg', 120, 102, 0.44, 0.382),
  M('153', 'Brøndby', 'Jobcenter Brøndby', 'broendby', 'Brøndby', 100, 66, 0.48, 0.318),
  M('561', 'Esbjerg', 'Jobcenter Esbjerg-Fanø', 'esbjerg-fanoe', 'Esbjerg/Fanø', 104, 80, 0.41, 0.294),
  M('563', 'Fanø', 'Jobcenter Esbjerg-Fanø', 'esbjerg-fanoe', 'Esbjerg/Fanø', 6, 5, 0.41, 0.294),
  M('813', 'Frederikshavn', 'Jobcenter Frederikshavn', 'frederikshavn', 'Frederikshavn', 340, 153, 0.53, 0.28),
  M('791', 'Viborg', 'Jobcenter Viborg', 'viborg', 'Viborg', 360, 151, 0.52, 0.27),
  M('183', 'Ishøj', 'Jobcenter Ishøj-Vallensbæk', 'ishoej-vallensbaek', 'Ishøj', 250, 110, 0.54, 0.27),
  M('187', 'Vallensbæk', 'Jobcenter Ishøj-Vallensbæk', 'ishoej-vallensbaek', 'Vallensbæk', 134, 50, 0.515, 0.28),
];

/** Size of the default cohort: the 1,664 women of SIRI's evaluation. */
export const DEFAULT_COHORT_SIZE = DEMO_MUNICIPALITIES.reduce((s, m) => s + m.size, 0);

const PERIOD = { periodeFra: '2019-09-01', periodeTil: '2022-12-31' };
const P = (
  key: string,
  by: string,
  jobcenter: string,
  bevilling: number,
  kommuneKoder: string[],
  planlagteDeltagere: number,
): DemoProject => ({
  key,
  navn: `Flere indvandrerkvinder i beskæftigelse – ${by}`,
  jobcenter,
  bevilling,
  ...PERIOD,
  kommuneKoder,
  planlagteDeltagere,
});

/** One project per jobcentre; Ishøj/Vallensbæk and Esbjerg/Fanø run joint projects. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  P('aalborg', 'Aalborg', 'Jobcenter Aalborg', 4_850_000, ['851'], 115),
  P('aarhus', 'Aarhus', 'Jobcenter Aarhus', 6_200_000, ['751'], 145),
  P('broendby', 'Brøndby', 'Jobcenter Brøndby', 3_900_000, ['153'], 100),
  P('frederikshavn', 'Frederikshavn', 'Jobcenter Frederikshavn', 7_400_000, ['813'], 330),
  P('hvidovre', 'Hvidovre', 'Jobcenter Hvidovre', 3_950_000, ['167'], 100),
  P('viborg', 'Viborg', 'Jobcenter Viborg', 7_900_000, ['791'], 350),
  P('ishoej-vallensbaek', 'Ishøj og Vallensbæk', 'Jobcenter Ishøj-Vallensbæk', 8_100_000, ['183', '187'], 378),
  P('esbjerg-fanoe', 'Esbjerg og Fanø', 'Jobcenter Esbjerg-Fanø', 4_300_000, ['561', '563'], 110),
];
