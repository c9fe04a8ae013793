/**
 * Everything a project's steering needs, in one plain object: the engine's results for the
 * project (spec kib-2019.1), goals against results, milestones, enrolment against plan, activity
 * mix, contact frequency and caseloads. `suppress` gives the form that may leave the
 * municipality (spec §6): the engine suppresses its groups and series, and the case-data tables
 * are suppressed here; caseloads per caseworker never leave.
 */
import { todayInDenmark } from '../casework/today.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { loadActivityTypes, loadAlertSettings } from '../../db/casework/project-config.ts';
import { loadCaseFacts } from '../../db/steering/case-stats.ts';
import { door } from '../../db/door.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { Count, MonitorResult } from '../../monitoring/types.ts';
import { cohortOf, tenantMonitorInput } from '../register/load-monitor-input.ts';
import { computeResults, registerVintage, type Vintage } from '../register/monitor-results.ts';
import { chooseProject, type ProjectChoice } from './access.ts';
import { nationalPagePass, nationalProgressionStates } from './national-data.ts';
import { nationalStates, reportPass } from './report-pass.ts';
import { progressionPass, type ProgressionStates } from './progression-pass.ts';
import { activityMix, caseloads, contactFrequency, monthEnd, type CaseloadRow, type ContactRow, type MixRow } from './case-measures.ts';
import { evaluateGoal, reaches, type GoalOutcome } from './evaluate-goals.ts';
import type { Milestone } from '../../domain/steering-goals.ts';
import { loadPlan } from './load-plan.ts';
import { loadProjectMoney } from './project-money.ts';
import type { MoneySummary } from '../../domain/project-money.ts';
import { listRates } from '../../db/effect/rates.ts';
import { effectRunsFor } from '../effect/effect-view.ts';
import type { EffectRuns } from '../effect/effect-runs.ts';
import { investmentView, type InvestmentView } from '../effect/investment-view.ts';
import { companySteering, type CompanySteeringFacts } from '../companies/companies.ts';
import { loadMeetingSteering, type MeetingSteering } from './meetings/load-meetings.ts';
import { sessionSteering, type AttendanceRate } from '../group-sessions/group-sessions.ts';
import { projectFunnel } from '../recruitment/recruitment-funnel.ts';
import { familySteering } from './family-barriers.ts';
import type { BarrierCounts } from '../../domain/family.ts';
import type { Funnel } from '../../domain/recruitment.ts';
import { projectBreakdowns, type Breakdown } from './breakdowns.ts';
import { distanceByVisitation, type DistanceByVisitation } from '../../domain/instruments.ts';
import { instrumentCohorts, loadEnrolmentProgression } from '../casework/cohort-progression.ts';

import { type ReportSection } from '../../core/codes.ts';
export interface Months {
  month: string;
  durableMonth: string;
  snapshotMonth: string;
}

export interface SteeringData {
  choice: ProjectChoice;
  months: Months;
  vintage: Vintage & { caseDataAt: Date };
  suppressed: boolean;
  threshold: number;
  result: MonitorResult;
  goals: GoalOutcome[];
  milestones: Milestone[];
  texts: Partial<Record<ReportSection, string>>;
  /** Planned enrolment by month (linear over the project period to the planned number). */
  plannedByMonth: Map<string, number>;
  mix: MixRow[];
  contact: ContactRow[];
  contactTarget: number;
  /** Empty in the suppressed form. */
  caseloads: CaseloadRow[];
  caseloadLimit: number;
  /** The day the data was read (milestones past their date are marked against it). */
  today: string;
  /** The project's budget and spending as the project leader entered them. */
  money: MoneySummary;
  /** Effect (suppressed runs) and the investment case, when asked for (opts.effect); null otherwise. */
  effect: { runs: EffectRuns; investment: InvestmentView } | null;
  /** Company work at the month's end (issue 14): companies in use and hirings. */
  companies?: CompanySteeringFacts;
  /** Steering group and committee meetings (issue 14): the yearly count, overdue actions, the committee's decision. */
  meetings?: MeetingSteering;
  /** Group sessions held up to the month's end and their attendance rate per kind (issue 14 build 3). */
  groupSessions?: AttendanceRate[];
  /** The recruitment funnel up to the month's end (issue 13): gross group and outreach. */
  recruitment?: Funnel;
  /** Results and case measures by Flere skal med group, channel, origin, exit reason and municipality × visitation (issue 13). */
  breakdowns?: Breakdown[];
  /** Family barriers of the women enrolled at the month's end, at their enrolment and then (issue 14 build 6). */
  family?: BarrierCounts;
  /** Distance travelled per instrument and visitation group at enrolment, up to the month's end (issue 13). */
  progression?: DistanceByVisitation[];
  /**
   * Suppressed: per instrument key, the progression counts' states (visitation or `I alt`), from one
   * pass with the engine's visitation groups' women as the report pass left them and, when the
   * project's women are its municipality's on the national page, the page's states of the
   * municipality's progression counts (progression-pass.ts, national-data.ts nationalProgressionStates).
   */
  progressionStates?: Map<string, ProgressionStates>;
}

/** What the steering use cases need: the same as computing results (monitor-results.ts). */
export type Deps = Parameters<typeof computeResults>[0];

/**
 * The project's engine result. Suppressed: in one pass over every figure the reports print
 * (report-pass.ts, issue 18 point 12), which, when the project's women are its municipality's
 * women in the national view, agrees with the national page (the page's Aalborg figures were
 * hidden in the reports or printed where the page hid them). `linked`: the national view's
 * municipalities in the page's order when it does (the progression tables agree with the page too).
 */
async function engineResult(
  deps: Deps,
  actor: Actor,
  choice: ProjectChoice,
  months: Months,
  suppress: boolean,
): Promise<{ result: MonitorResult; raw: MonitorResult | null; linked: string[] | null }> {
  const projectId = choice.project.id;
  if (!suppress) return { result: (await computeResults(deps, actor, { ...months, projectId })).result, raw: null, linked: null };
  const stored = await tenantMonitorInput(deps.db, actor, { projectId });
  const input = cohortOf(stored.input, months.month).input;
  try {
    const raw = monitor(input, { ...months, suppress: 0 });
    const page = await nationalPagePass(deps, actor, months);
    const national = nationalStates(raw, choice.project.municipalityNames, page);
    return {
      result: reportPass(raw, deps.config.suppressThreshold, national),
      raw,
      linked: national ? Object.keys(page.raw.groups.kommune) : null,
    };
  } catch (e) {
    if (e instanceof MonitorOptionError) throw new AppError('INVALID', e.message);
    throw e;
  }
}

function plannedEnrolment(start: string, end: string, planned: number, months: string[]): Map<string, number> {
  const s = Date.parse(`${start}T00:00:00Z`);
  const e = Date.parse(`${end}T00:00:00Z`);
  return new Map(
    months.map((m) => {
      const t = Date.parse(`${monthEnd(m)}T00:00:00Z`);
      return [m, Math.round(planned * Math.min(1, Math.max(0, (t - s) / (e - s))))];
    }),
  );
}

export async function loadSteeringData(
  deps: Deps,
  actor: Actor,
  projectId: number | undefined,
  months: Months,
  opts: { suppress: boolean; effect?: boolean },
): Promise<SteeringData> {
  const choice = await chooseProject(deps.db, actor, projectId);
  const pid = choice.project.id;
  const { result, raw, linked } = await engineResult(deps, actor, choice, months, opts.suppress);
  const plan = await loadPlan(deps.db, actor, pid);
  // Case facts only become figures here; the engine computation above is the audited read of her data.
  const at = monthEnd(months.month);
  const { facts, settings, cohorts } = await door(deps.db, actor, async (tx) => ({
    value: {
      facts: await loadCaseFacts(tx, pid, await loadActivityTypes(tx, pid)),
      settings: await loadAlertSettings(tx, pid),
      // WHO-5, Fremdriftstrappen and the project's own instruments (issue 14 build 5), over its enrolments.
      cohorts: await instrumentCohorts(tx, await loadEnrolmentProgression(tx, { projectId: pid, until: at })),
    },
    audit: [],
  }));
  const progression = cohorts.map((c) => distanceByVisitation(c.instrument, c.enrolments));
  const nationalProgression = linked
    ? await nationalProgressionStates(deps, actor, months, choice.project.municipalityNames[0], linked, progression)
    : undefined;
  const goals = plan.goals.map((g) => evaluateGoal(g, result, { ...facts, danishThreshold: settings.danishAttendanceThreshold }));
  const money = (await loadProjectMoney(deps.db, actor, pid)).summary;
  let effect: SteeringData['effect'] = null;
  if (opts.effect) {
    // Always the suppressed form: the effect is computed against the national pool.
    const { runs } = await effectRunsFor(deps, actor, choice, months.month);
    effect = { runs, investment: investmentView(runs, await listRates(deps.db), money) };
  }
  return {
    money,
    effect,
    choice,
    months,
    vintage: { ...(await registerVintage(deps.db)), caseDataAt: new Date() },
    suppressed: opts.suppress,
    threshold: deps.config.suppressThreshold,
    result,
    goals: opts.suppress ? goals.map((o) => suppressOutcome(o, deps.config.suppressThreshold)) : goals,
    milestones: plan.milestones,
    texts: plan.texts,
    today: todayInDenmark(),
    plannedByMonth: plannedEnrolment(
      choice.project.startDate,
      choice.project.endDate,
      choice.project.plannedParticipants ?? 0,
      result.series.map((s) => s.month),
    ),
    mix: activityMix(facts, at),
    contact: contactFrequency(facts, at),
    contactTarget: settings.conversationsPerYearTarget,
    caseloads: opts.suppress ? [] : caseloads(facts, at),
    caseloadLimit: settings.caseloadLimit,
    companies: await companySteering(deps.db, actor, pid, at),
    meetings: await loadMeetingSteering(deps.db, actor, choice, months.month),
    groupSessions: await sessionSteering(deps.db, actor, pid, at),
    recruitment: await projectFunnel(deps.db, actor, pid, at),
    breakdowns: await projectBreakdowns(deps.db, actor, pid, result, opts.suppress ? deps.config.suppressThreshold : 0),
    family: await familySteering(deps.db, actor, pid, at),
    progression,
    progressionStates: raw ? progressionStatesOf(progression, raw, result, deps.config.suppressThreshold, nationalProgression) : undefined,
  };
}

/** Each instrument's progression counts suppressed with the engine's visitation groups (progression-pass.ts). */
function progressionStatesOf(
  progression: readonly DistanceByVisitation[],
  raw: MonitorResult,
  result: MonitorResult,
  threshold: number,
  national: Map<string, Map<string, number>> | undefined,
): Map<string, ProgressionStates> {
  return new Map(progression.map((d) => [d.instrumentKey, progressionPass(d, raw, result, threshold, national?.get(d.instrumentKey))]));
}

/**
 * A case-data goal figure under suppression: count and the rest (denominator − count) protected together.
 * The status stays when every count the marker allows gives the same one (issue 18: in the current
 * Aalborg project's committee brief «Mindst 50 % i et forløb på en arbejdsplads» read «et skjult antal af
 * 64 kvinder · Kan ikke vises», though any count with a rest of 1–4 meets it): then it tells a reader
 * nothing the marker does not.
 */
export function suppressOutcome(o: GoalOutcome, threshold: number): GoalOutcome {
  if (o.engineRef || typeof o.count !== 'number') return o;
  const small = (n: number) => n >= 1 && n < threshold;
  const den = o.denominator;
  const hide = (count: Count, from: number, to: number): GoalOutcome => {
    const met = Array.from({ length: to - from + 1 }, (_, i) => reaches(o.goal, from + i, typeof den === 'number' ? den : null));
    return { ...o, count, status: met.every((m) => m === met[0]) ? o.status : 'ukendt' };
  };
  if (den === null) return small(o.count) ? hide(`<${threshold}`, 1, threshold - 1) : o;
  if (typeof den !== 'number') return o;
  if (small(den)) return { ...o, count: o.count === 0 ? 0 : 'x', denominator: `<${threshold}`, status: 'ukendt' };
  if (small(o.count)) return hide(`<${threshold}`, 1, threshold - 1);
  if (small(den - o.count)) return hide('x', den - threshold + 1, den - 1);
  return o;
}
