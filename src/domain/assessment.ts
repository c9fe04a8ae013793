/**
 * Scoring progression assessments and measuring distance travelled (first vs latest), for one
 * woman and for a cohort. Works for any Instrument, built-in or a project's own.
 */
import { VISITATIONS, type Visitation } from '../core/codes.ts';
import type { Assessment, Instrument, ScoreFlag } from './instrument-types.ts';

export interface ScoredAssessment {
  /** Sum of the chosen step values. */
  raw: number;
  /** raw × the instrument's multiplier (WHO-5: 0–100). */
  total: number;
  answers: Record<string, number>;
  /** Flags whose condition the total meets, most severe first (instrument order). */
  flags: ScoreFlag[];
}

export type ScoreResult = { ok: true; value: ScoredAssessment } | { ok: false; errors: string[] };

/**
 * Validate and score one set of answers: every dimension answered with one of its step
 * values, and nothing else. Numeric strings from forms are accepted. Errors are Danish.
 */
export function scoreAssessment(instrument: Instrument, answers: Record<string, unknown>): ScoreResult {
  const errors: string[] = [];
  const clean: Record<string, number> = {};
  for (const d of instrument.dimensions) {
    const raw = answers[d.key];
    if (raw === undefined || raw === null || raw === '') {
      errors.push(`Besvar "${d.name}".`);
      continue;
    }
    const v = typeof raw === 'string' ? Number(raw.trim()) : raw;
    if (typeof v !== 'number' || !d.steps.some((s) => s.value === v)) {
      const allowed = d.steps.map((s) => s.value).sort((a, b) => a - b);
      errors.push(`Ugyldigt svar på "${d.name}": vælg ${allowed[0]}–${allowed[allowed.length - 1]}.`);
      continue;
    }
    clean[d.key] = v;
  }
  const known = new Set(instrument.dimensions.map((d) => d.key));
  for (const k of Object.keys(answers)) {
    if (!known.has(k)) errors.push(`"${k}" er ikke et spørgsmål i ${instrument.name}.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const raw = Object.values(clean).reduce((a, b) => a + b, 0);
  const total = raw * instrument.scoring.multiplier;
  const flags = instrument.scoring.flags.filter((f) => (f.when.op === 'lt' ? total < f.when.value : total <= f.when.value));
  return { ok: true, value: { raw, total, answers: clean, flags } };
}

export interface DimensionChange {
  key: string;
  name: string;
  from: number;
  to: number;
  change: number;
}

export interface DistanceTravelled {
  firstDate: string;
  latestDate: string;
  /** Number of valid assessments considered. */
  count: number;
  total: { from: number; to: number; change: number };
  dimensions: DimensionChange[];
}

/** Valid assessments of this instrument, oldest first (stable for equal dates). */
function validInOrder(instrument: Instrument, assessments: readonly Assessment[]) {
  return assessments
    .filter((a) => a.instrumentKey === instrument.key)
    .map((a) => ({ a, s: scoreAssessment(instrument, a.answers) }))
    .filter((x): x is { a: Assessment; s: { ok: true; value: ScoredAssessment } } => x.s.ok)
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : 0));
}

/**
 * One woman's change from her first to her latest valid assessment on an instrument, per
 * dimension and in total. Null with fewer than two valid assessments. Assessments of other
 * instruments and incomplete ones are ignored.
 */
export function distanceTravelled(instrument: Instrument, assessments: readonly Assessment[]): DistanceTravelled | null {
  const list = validInOrder(instrument, assessments);
  if (list.length < 2) return null;
  const first = list[0];
  const latest = list[list.length - 1];
  return fromTo(instrument, first, latest, list.length);
}

function fromTo(
  instrument: Instrument,
  first: { a: Assessment; s: { value: ScoredAssessment } },
  latest: { a: Assessment; s: { value: ScoredAssessment } },
  count: number,
): DistanceTravelled {
  return {
    firstDate: first.a.date,
    latestDate: latest.a.date,
    count,
    total: { from: first.s.value.total, to: latest.s.value.total, change: latest.s.value.total - first.s.value.total },
    dimensions: instrument.dimensions.map((d) => {
      const from = first.s.value.answers[d.key];
      const to = latest.s.value.answers[d.key];
      return { key: d.key, name: d.name, from, to, change: to - from };
    }),
  };
}

/** Latest valid scored assessment of an instrument, or null. */
export function latestScored(instrument: Instrument, assessments: readonly Assessment[]): (ScoredAssessment & { date: string }) | null {
  const list = validInOrder(instrument, assessments);
  const last = list[list.length - 1];
  return last ? { ...last.s.value, date: last.a.date } : null;
}

export interface CohortDistance {
  /** Women with at least two valid assessments. */
  n: number;
  /** Mean change of the total; null when n = 0. */
  meanTotalChange: number | null;
  dimensions: { key: string; name: string; meanChange: number | null; n: number }[];
}

/** Mean distance travelled over a group of women (one array of assessments per woman). */
export function cohortDistance(instrument: Instrument, women: readonly (readonly Assessment[])[]): CohortDistance {
  const dists = women.map((w) => distanceTravelled(instrument, w)).filter((d): d is DistanceTravelled => d !== null);
  const n = dists.length;
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    n,
    meanTotalChange: mean(dists.map((d) => d.total.change)),
    dimensions: instrument.dimensions.map((dim, i) => ({
      key: dim.key,
      name: dim.name,
      meanChange: mean(dists.map((d) => d.dimensions[i].change)),
      n,
    })),
  };
}

/**
 * Her first and latest valid assessment on an instrument (the same one when she has only one),
 * with the change when there are two or more: the microdata's columns. Null without any.
 */
export function firstAndLatest(
  instrument: Instrument,
  assessments: readonly Assessment[],
): (DistanceTravelled & { changed: boolean }) | null {
  const list = validInOrder(instrument, assessments);
  if (list.length === 0) return null;
  return { ...fromTo(instrument, list[0], list[list.length - 1], list.length), changed: list.length >= 2 };
}

/** One enrolment's assessments with her visitation at enrolment (results by visitation use it, as SIRI does). */
export interface EnrolmentAssessments {
  visitation: Visitation;
  assessments: readonly Assessment[];
}

export interface VisitationDistance {
  visitation: Visitation;
  /** Enrolments in the group (with or without assessments). */
  enrolments: number;
  distance: CohortDistance;
}

export interface DistanceByVisitation {
  instrumentKey: string;
  instrumentName: string;
  /** Jobparat and aktivitetsparat always; the other categories only when a woman has them. */
  groups: VisitationDistance[];
  all: { enrolments: number; distance: CohortDistance };
}

/** Visitation groups shown: SIRI's two main groups always, then any other present, in code order. */
export function visitationGroupsOf(present: Iterable<Visitation>): Visitation[] {
  const seen = new Set(present);
  return VISITATIONS.filter((v) => v === 'jobparat' || v === 'aktivitetsparat' || seen.has(v));
}

/**
 * Distance travelled (first to latest valid assessment) per visitation group at enrolment and
 * for everyone: the one place the reports, the national view, the Progression page and
 * project-defined instruments group progression by visitation.
 */
export function distanceByVisitation(instrument: Instrument, enrolments: readonly EnrolmentAssessments[]): DistanceByVisitation {
  const groups = visitationGroupsOf(enrolments.map((e) => e.visitation)).map((v) => {
    const mine = enrolments.filter((e) => e.visitation === v);
    return {
      visitation: v,
      enrolments: mine.length,
      distance: cohortDistance(
        instrument,
        mine.map((e) => e.assessments),
      ),
    };
  });
  return {
    instrumentKey: instrument.key,
    instrumentName: instrument.name,
    groups,
    all: {
      enrolments: enrolments.length,
      distance: cohortDistance(
        instrument,
        enrolments.map((e) => e.assessments),
      ),
    },
  };
}
