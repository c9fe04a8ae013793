/**
 * The shares the generator plans for, taken from SIRI's published figures where there is one
 * (`src/reference/published.ts`) and otherwise our own documented choices.
 */
import { PUBLISHED_FIGURES, type PublishedFigure } from '../reference/published.ts';

function pct(list: readonly PublishedFigure[], key: string): number {
  const f = list.find((x) => x.key === key);
  if (!f) throw new Error(`No published figure ${key}`);
  return f.value / 100;
}

const P = PUBLISHED_FIGURES;

/**
 * Visitation at entry. SIRI's figures (53 / 25 / 7 / 8 %) sum to 93 % ("a little over half",
 * "about a quarter"); we scale them to 100 %: 57.0 / 26.9 / 7.5 / 8.6 %. The aktivitetsparate
 * count itself comes from the municipalities' shares (municipalities.ts), which give 57.0 %.
 */
export const VISITATION_NON_AKT_SHARES = {
  jobparat: pct(P.visitation, 'visitation.jobparat'),
  selvforsoergende: pct(P.visitation, 'visitation.selvforsoergende'),
  oevrige: pct(P.visitation, 'visitation.oevrige'),
} as const;

export const TARGETS = {
  level1: pct(P.accumulated, 'accumulated.1'),
  level2: pct(P.accumulated, 'accumulated.2'),
  level3: pct(P.accumulated, 'accumulated.3'),
  durable1Full: pct(P.durable, 'durable.1.full'),
  durable1Partial: pct(P.durable, 'durable.1.partial'),
  durable2Partial: pct(P.durable, 'durable.2.partial'),
  durable2Full: pct(P.durable, 'durable.2.full'),
  snapshotEmploymentOrEducation: pct(P.snapshot, 'snapshot.employment_or_education'),
  snapshotFleksjob: pct(P.snapshot, 'snapshot.fleksjob'),
  snapshotFoertidspension: pct(P.snapshot, 'snapshot.foertidspension'),
  snapshotLedigYdelse: pct(P.snapshot, 'snapshot.ledig_ydelse'),
  // Our own choices (not published): SIRI puts everyone else under "self-supporting".
  snapshotRessourceforloeb: 0.01,
  snapshotUdgaaet: 0.005,
  /** Women reaching Mål 1 through SU-eligible education (not published; 6.6 % of all). */
  educationRoute: 0.066,
  /** Of durable-partial women at Mål 1 (Mål 2), the share whose hours stop in February 2023. */
  hoursEndJan1: 0.2,
  hoursEndJan2: 0.1,
} as const;
