/**
 * Progression instruments as data (progressionsværktøjer): dimensions with numbered steps and
 * a scoring rule. Plain serialisable objects, so a project can store its own instruments.
 */

export interface Step {
  value: number;
  /** Danish answer or step text. */
  text: string;
}

export interface Dimension {
  key: string;
  /** Danish name or question. */
  name: string;
  steps: Step[];
}

/** A flag raised when the total score meets a condition (e.g. WHO-5 below 50). */
export interface ScoreFlag {
  code: string;
  /** Danish text shown to the caseworker. */
  text: string;
  when: { op: 'lt' | 'lte'; value: number };
}

/** total = multiplier × sum of the step values; flags are checked against the total. */
export interface Scoring {
  kind: 'sum';
  multiplier: number;
  flags: ScoreFlag[];
}

export interface Instrument {
  key: string;
  name: string;
  /** Optional lead-in shown above the items (e.g. "I de sidste 2 uger …"). */
  intro?: string;
  dimensions: Dimension[];
  scoring: Scoring;
}

/** One completed (or attempted) assessment of one woman on one date. */
export interface Assessment {
  instrumentKey: string;
  date: string;
  /** dimension key → chosen step value. */
  answers: Record<string, number>;
}
