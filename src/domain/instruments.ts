/**
 * Entry point for progression instruments: the built-in instruments (WHO-5 and
 * Fremdriftstrappen), lookup, and the scoring functions.
 */
import { FREMDRIFTSTRAPPEN } from './fremdriftstrappen.ts';
import type { Instrument } from './instrument-types.ts';
import { WHO5 } from './who5.ts';

export type { Assessment, Dimension, Instrument, ScoreFlag, Scoring, Step } from './instrument-types.ts';
export {
  cohortDistance,
  distanceByVisitation,
  distanceTravelled,
  firstAndLatest,
  latestScored,
  scoreAssessment,
  visitationGroupsOf,
} from './assessment.ts';
export type {
  CohortDistance,
  DimensionChange,
  DistanceByVisitation,
  DistanceTravelled,
  EnrolmentAssessments,
  ScoredAssessment,
  ScoreResult,
  VisitationDistance,
} from './assessment.ts';
export { FREMDRIFTSTRAPPEN, WHO5 };

export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [WHO5, FREMDRIFTSTRAPPEN];

/** Built-in instruments plus a project's own; lookup by key. */
export function findInstrument(key: string, extra: readonly Instrument[] = []): Instrument | undefined {
  return [...BUILT_IN_INSTRUMENTS, ...extra].find((i) => i.key === key);
}
