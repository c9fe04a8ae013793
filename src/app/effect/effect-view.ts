/**
 * The "Effekt" page's figures for the acting user (effekt-2026.1 at 6, 12 and 24 months):
 * - the agency's analysts: every municipality's participants against the national pool;
 * - a jobcentre's project leader: her project's participants in her municipalities against the
 *   national pool.
 * Both are suppressed for small numbers (effect/suppress.ts) and hold no ids. Results are stored
 * per audience, project and month, and reused while the data version is unchanged; the heavy
 * work runs in a worker thread on PostgreSQL (effect-runs.ts). Every view is audited.
 */
import type { Actor } from '../../core/actor.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import type { AppDeps } from '../../core/deps.ts';
import { poolSize } from '../../db/effect/pool.ts';
import { auditEffectView, effectDataVersion, storedEffectResult, storeEffectResult } from '../../db/effect/results.ts';
import { EffectOptionError } from '../../effect/engine.ts';
import { parseMonth } from '../../monitoring/calendar.ts';
import { chooseProject, type ProjectChoice } from '../steering/access.ts';
import { listRates } from '../../db/effect/rates.ts';
import { allMoneyEntries } from '../../db/steering/money.ts';
import { summariseMoney, type MoneySummary } from '../../domain/project-money.ts';
import { loadProjectMoney } from '../steering/project-money.ts';
import { runEffect, type EffectRuns } from './effect-runs.ts';
import { investmentView, type InvestmentView } from './investment-view.ts';

export type EffectViewDeps = Pick<AppDeps, 'db' | 'resources'> & { config: Pick<AppDeps['config'], 'suppressThreshold' | 'databaseUrl'> };

export interface EffectView {
  scope: 'national' | 'project';
  choice: ProjectChoice | null;
  runs: EffectRuns;
  threshold: number;
  poolSize: number;
  cached: boolean;
  investment: InvestmentView;
  /** The project's money (project scope), or the projects' summed cost (national scope). */
  money: MoneySummary | null;
  /** National scope: how many projects have a cost entered. */
  projectsWithCost: number;
}

export function isNationalAnalyst(actor: Actor): boolean {
  return actor.organisationKind === 'styrelse' && actor.role === 'analytiker';
}

export async function effectView(deps: EffectViewDeps, actor: Actor, req: { month: string; projectId?: number }): Promise<EffectView> {
  const national = isNationalAnalyst(actor);
  let choice: ProjectChoice | null = null;
  if (!national) {
    if (actor.organisationKind !== 'jobcenter' || actor.role !== 'projektleder') throw forbidden();
    choice = await chooseProject(deps.db, actor, req.projectId);
  }
  const { runs, cached } = await effectRunsFor(deps, actor, choice, req.month);
  const rates = await listRates(deps.db);
  let money: MoneySummary | null = null;
  let projectsWithCost = 0;
  let cost: { cost: number | null; costBasis: MoneySummary['costBasis'] };
  if (choice) {
    money = (await loadProjectMoney(deps.db, actor, choice.project.id)).summary;
    cost = money;
  } else {
    const costs = [...(await allMoneyEntries(deps.db)).values()].map((e) => summariseMoney(e).cost).filter((c): c is number => c !== null);
    projectsWithCost = costs.length;
    cost = { cost: costs.length ? costs.reduce((a, b) => a + b, 0) : null, costBasis: null };
  }
  return {
    scope: national ? 'national' : 'project',
    choice,
    runs,
    threshold: deps.config.suppressThreshold,
    poolSize: await poolSize(deps.db),
    cached,
    investment: investmentView(runs, rates, cost),
    money,
    projectsWithCost,
  };
}

/**
 * The effect runs of the national scope (choice null) or one project's (her municipalities'
 * participants against the national pool): stored and reused while the data is unchanged,
 * suppressed, audited. Also used by the committee brief, for everyone who steers the project.
 */
export async function effectRunsFor(
  deps: EffectViewDeps,
  actor: Actor,
  choice: ProjectChoice | null,
  month: string,
): Promise<{ runs: EffectRuns; cached: boolean }> {
  if (parseMonth(month) === null)
    throw new AppError('INVALID', 'Måneden skal skrives ÅÅÅÅ-MM.', { maaned: 'Skriv måneden som ÅÅÅÅ-MM, fx 2022-12.' });
  const national = choice === null;
  const threshold = deps.config.suppressThreshold;
  // 'v2': runs carry the investment case's input (supportSaved, matchedN).
  const key = JSON.stringify(
    national ? ['national', month, 'v2'] : ['project', choice.project.id, [...actor.municipalities].sort(), month, 'v2'],
  );
  const version = await effectDataVersion(deps.db);
  const hit = await storedEffectResult<EffectRuns>(deps.db, key, version);
  const detail = { scope: national ? 'national' : 'project', projectId: choice?.project.id ?? null, month };
  if (hit) {
    await auditEffectView(deps.db, actor, { ...detail, cached: true });
    return { runs: hit.result, cached: true };
  }
  let runs: EffectRuns;
  try {
    runs = await runEffect(deps.resources, deps.db, deps.config.databaseUrl, {
      month,
      suppress: threshold,
      scope: national ? { kind: 'national' } : { kind: 'project', projectId: choice.project.id, actor },
    });
  } catch (e) {
    if (e instanceof EffectOptionError) throw new AppError('INVALID', e.message);
    throw e;
  }
  await storeEffectResult(deps.db, key, version, runs);
  await auditEffectView(deps.db, actor, detail);
  return { runs, cached: false };
}
