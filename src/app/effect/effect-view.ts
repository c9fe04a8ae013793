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
import { runEffect, type EffectRuns } from './effect-runs.ts';

export type EffectViewDeps = Pick<AppDeps, 'db' | 'config'>;

export interface EffectView {
  scope: 'national' | 'project';
  choice: ProjectChoice | null;
  runs: EffectRuns;
  threshold: number;
  poolSize: number;
  cached: boolean;
}

export function isNationalAnalyst(actor: Actor): boolean {
  return actor.organisationKind === 'styrelse' && actor.role === 'analytiker';
}

export async function effectView(deps: EffectViewDeps, actor: Actor, req: { month: string; projectId?: number }): Promise<EffectView> {
  if (parseMonth(req.month) === null) throw new AppError('INVALID', 'Måneden skal skrives ÅÅÅÅ-MM.', { maaned: 'Skriv måneden som ÅÅÅÅ-MM, fx 2022-12.' });
  const national = isNationalAnalyst(actor);
  let choice: ProjectChoice | null = null;
  if (!national) {
    if (actor.organisationKind !== 'jobcenter' || actor.role !== 'projektleder') throw forbidden();
    choice = await chooseProject(deps.db, actor, req.projectId);
  }
  const threshold = deps.config.suppressThreshold;
  const key = JSON.stringify(national ? ['national', req.month] : ['project', choice!.project.id, [...actor.municipalities].sort(), req.month]);
  const version = await effectDataVersion(deps.db);
  const pool = await poolSize(deps.db);
  const hit = await storedEffectResult<EffectRuns>(deps.db, key, version);
  const detail = { scope: national ? 'national' : 'project', projectId: choice?.project.id ?? null, month: req.month };
  if (hit) {
    await auditEffectView(deps.db, actor, { ...detail, cached: true });
    return { scope: national ? 'national' : 'project', choice, runs: hit.result, threshold, poolSize: pool, cached: true };
  }
  let runs: EffectRuns;
  try {
    runs = await runEffect(deps.db, deps.config.databaseUrl, {
      month: req.month,
      suppress: threshold,
      scope: national ? { kind: 'national' } : { kind: 'project', projectId: choice!.project.id, actor },
    });
  } catch (e) {
    if (e instanceof EffectOptionError) throw new AppError('INVALID', e.message);
    throw e;
  }
  await storeEffectResult(deps.db, key, version, runs);
  await auditEffectView(deps.db, actor, detail);
  return { scope: national ? 'national' : 'project', choice, runs, threshold, poolSize: pool, cached: false };
}
