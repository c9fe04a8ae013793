/**
 * Goals against results: each goal's measure taken from the engine (spec kib-2019.1: the
 * accumulated series at the deadline month or the report month, whichever is earlier; durable
 * employment at the durable month) or from case data (at the deadline or the report month).
 */
import type { CaseFacts } from '../../db/steering/case-stats.ts';
import type { Count, MonitorResult } from '../../monitoring/types.ts';
import { companyOrientedBy, cvAbcBy, enrolmentsBy, monthEnd } from './case-measures.ts';
import type { Goal } from '../../domain/steering-goals.ts';
import type { GoalOutcomeStatus } from '../../core/codes.ts';

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

function judge(goal: Goal, count: Count, denominator: Count | null, final: boolean): GoalOutcome['status'] {
  if (typeof count !== 'number' || (denominator !== null && typeof denominator !== 'number')) return 'ukendt';
  const value = goal.targetKind === 'andel' ? (denominator ? (100 * count) / (denominator as number) : 0) : count;
  if (value >= goal.targetValue) return 'naaet';
  return final ? 'ikke_naaet' : 'undervejs';
}

export function evaluateGoal(goal: Goal, r: MonitorResult, facts: CaseFacts): GoalOutcome {
  const deadlineMonth = goal.deadline.slice(0, 7);
  const asOf = deadlineMonth < r.month ? deadlineMonth : r.month;
  const final = deadlineMonth <= r.month;
  const at = monthEnd(asOf);
  const done = (count: Count, denominator: Count | null, engineRef: GoalOutcome['engineRef'], month = asOf): GoalOutcome =>
    ({ goal, asOf: month, count, denominator, engineRef, status: judge(goal, count, denominator, final) });
  const si = r.series.findIndex((s) => s.month === asOf);
  const level = (k: '1' | '2' | '3' | '1_or_2') =>
    si < 0 ? done(0, 0, null) : done(r.series[si].accumulated[k], r.series[si].enrolled, { count: `series.${si}.accumulated.${k}`, denominator: `series.${si}.enrolled` });
  switch (goal.measure) {
    case 'maal_1_eller_2': return level('1_or_2');
    case 'maal_1': return level('1');
    case 'maal_2': return level('2');
    case 'maal_3': return level('3');
    case 'varig_fuld':
      return done(r.groups.all.durable.full, r.groups.all.n, { count: 'groups.all.durable.full', denominator: 'groups.all.n' }, r.durableMonth);
    case 'varig': {
      const { full, partial } = r.groups.all.durable;
      const sum = typeof full === 'number' && typeof partial === 'number' ? full + partial : 'x';
      return done(sum, r.groups.all.n, { count: 'groups.all.durable.full+groups.all.durable.partial', denominator: 'groups.all.n' }, r.durableMonth);
    }
    case 'indskrevne': return done(enrolmentsBy(facts, at), null, null);
    case 'virksomhedsrettet': { const x = companyOrientedBy(facts, at); return done(x.count, x.denominator, null); }
    case 'cv_abc': { const x = cvAbcBy(facts, at); return done(x.count, x.denominator, null); }
  }
}
