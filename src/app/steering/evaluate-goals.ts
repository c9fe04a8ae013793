/**
 * Goals against results: each goal's measure taken from the engine (spec kib-2019.1: the
 * accumulated series at the deadline month or the report month, whichever is earlier; durable
 * employment at the durable month) or from case data (at the deadline or the report month).
 */
import type { CaseFacts } from '../../db/steering/case-stats.ts';
import type { Count, MonitorResult } from '../../monitoring/types.ts';
import {
  companyOrientedBy,
  cvAbcBy,
  danishPassedBy,
  danishSteadyBy,
  enrolmentsBy,
  monthEnd,
  upgradedBy,
  type Ratio,
} from './case-measures.ts';
import type { Goal } from '../../domain/steering-goals.ts';
import { isEngineMeasure, type GoalOutcomeStatus } from '../../core/codes.ts';

export interface GoalOutcome {
  goal: Goal;
  /** The month the measure is taken at. */
  asOf: string;
  count: Count;
  /** Null for a plain count (number enrolled). */
  denominator: Count | null;
  /** Where in the engine result the figures come from (for checks); null for case data. */
  engineRef: { count: string; denominator: string | null } | null;
  status: GoalOutcomeStatus;
}

/** Whether `count` (of `denominator`, for a share) meets the goal's target. */
export function reaches(goal: Pick<Goal, 'targetKind' | 'targetValue'>, count: number, denominator: number | null): boolean {
  const value = goal.targetKind === 'andel' ? (denominator ? (100 * count) / denominator : 0) : count;
  return value >= goal.targetValue;
}

function judge(goal: Goal, count: Count, denominator: Count | null, final: boolean): GoalOutcome['status'] {
  if (typeof count !== 'number' || (denominator !== null && typeof denominator !== 'number')) return 'ukendt';
  if (reaches(goal, count, denominator as number | null)) return 'naaet';
  return final ? 'ikke_naaet' : 'undervejs';
}

/** Only the enrolments of the goal's population (all, or one visitation group). */
export function factsFor(facts: CaseFacts, population: Goal['population']): CaseFacts {
  if (population === 'alle') return facts;
  const enrolments = facts.enrolments.filter((e) => e.visitation === population);
  const women = new Set(enrolments.map((e) => e.participantId));
  return {
    enrolments,
    activities: facts.activities.filter((a) => women.has(a.participantId)),
    conversations: facts.conversations.filter((c) => women.has(c.participantId)),
    cvAbc: new Set([...facts.cvAbc].filter((w) => women.has(w))),
    visitationChanges: facts.visitationChanges,
    danishAttendance: facts.danishAttendance?.filter((a) => women.has(a.participantId)),
    danishTests: facts.danishTests?.filter((t) => women.has(t.participantId)),
    danishThreshold: facts.danishThreshold,
  };
}

/** A goal counts the women it names: all enrolled, or one visitation group (issue 18). */
export function evaluateGoal(goal: Goal, r: MonitorResult, allFacts: CaseFacts): GoalOutcome {
  const population = goal.population ?? 'alle';
  if (population !== 'alle' && isEngineMeasure(goal.measure)) return evaluateGroupGoal(goal, r, population);
  const facts = factsFor(allFacts, population);
  const deadlineMonth = goal.deadline.slice(0, 7);
  const asOf = deadlineMonth < r.month ? deadlineMonth : r.month;
  const final = deadlineMonth <= r.month;
  const at = monthEnd(asOf);
  const done = (count: Count, denominator: Count | null, engineRef: GoalOutcome['engineRef'], month = asOf): GoalOutcome => ({
    goal,
    asOf: month,
    count,
    denominator,
    engineRef,
    status: judge(goal, count, denominator, final),
  });
  const si = r.series.findIndex((s) => s.month === asOf);
  const level = (k: '1' | '2' | '3' | '1_or_2') =>
    si < 0
      ? done(0, 0, null)
      : done(r.series[si].accumulated[k], r.series[si].enrolled, {
          count: `series.${si}.accumulated.${k}`,
          denominator: `series.${si}.enrolled`,
        });
  const ratio = (x: Ratio) => done(x.count, x.denominator, null);
  switch (goal.measure) {
    case 'maal_1_eller_2':
      return level('1_or_2');
    case 'maal_1':
      return level('1');
    case 'maal_2':
      return level('2');
    case 'maal_3':
      return level('3');
    case 'varig_fuld':
      return done(
        r.groups.all.durable.full,
        r.groups.all.n,
        { count: 'groups.all.durable.full', denominator: 'groups.all.n' },
        r.durableMonth,
      );
    case 'varig': {
      const { full, partial } = r.groups.all.durable;
      const sum = typeof full === 'number' && typeof partial === 'number' ? full + partial : 'x';
      return done(
        sum,
        r.groups.all.n,
        { count: 'groups.all.durable.full+groups.all.durable.partial', denominator: 'groups.all.n' },
        r.durableMonth,
      );
    }
    case 'indskrevne':
      return done(enrolmentsBy(facts, at), null, null);
    case 'virksomhedsrettet':
      return ratio(companyOrientedBy(facts, at));
    case 'cv_abc':
      return ratio(cvAbcBy(facts, at));
    case 'opvisiteret':
      return ratio(upgradedBy(facts, at));
    case 'dansk_stabil':
      return ratio(danishSteadyBy(facts, at));
    case 'dansk_bestaaet':
      return ratio(danishPassedBy(facts, at));
  }
}

/**
 * A register measure for one visitation group: the engine's group result at the report month
 * (the engine keeps groups for that month only, so a deadline before it cannot be judged here).
 */
function evaluateGroupGoal(goal: Goal, r: MonitorResult, population: Exclude<Goal['population'], 'alle'>): GoalOutcome {
  const deadlineMonth = goal.deadline.slice(0, 7);
  const final = deadlineMonth <= r.month;
  const g = r.groups.visitation[population];
  const ref = (k: string) => ({ count: `groups.visitation.${population}.${k}`, denominator: `groups.visitation.${population}.n` });
  if (!g) return { goal, asOf: r.month, count: 0, denominator: 0, engineRef: null, status: final ? 'ikke_naaet' : 'undervejs' };
  if (deadlineMonth < r.month) return { goal, asOf: deadlineMonth, count: 'x', denominator: 'x', engineRef: null, status: 'ukendt' };
  const done = (count: Count, engineRef: GoalOutcome['engineRef'], month = r.month): GoalOutcome => ({
    goal,
    asOf: month,
    count,
    denominator: g.n,
    engineRef,
    status: judge(goal, count, g.n, final),
  });
  switch (goal.measure) {
    case 'maal_1_eller_2':
      return done(g.accumulated['1_or_2'], ref('accumulated.1_or_2'));
    case 'maal_1':
      return done(g.accumulated['1'], ref('accumulated.1'));
    case 'maal_2':
      return done(g.accumulated['2'], ref('accumulated.2'));
    case 'maal_3':
      return done(g.accumulated['3'], ref('accumulated.3'));
    case 'varig_fuld':
      return done(g.durable.full, ref('durable.full'), r.durableMonth);
    default: {
      const { full, partial } = g.durable;
      return done(
        typeof full === 'number' && typeof partial === 'number' ? full + partial : 'x',
        ref('durable.full+durable.partial'),
        r.durableMonth,
      );
    }
  }
}
