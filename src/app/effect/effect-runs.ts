/**
 * One effect computation: the stored input, the engine at each horizon, suppression for the
 * audience. Runs in the effect worker on PostgreSQL, inline on PGlite; identical requests in
 * flight share one run. Only suppressed aggregates leave (no ids, no matches).
 */
import type { AppDeps } from '../../core/deps.ts';
import type { ResourceKey, ResourceScope } from '../../core/resources.ts';
import { InFlight, WorkerCalls } from '../worker-calls.ts';

type Database = AppDeps['db'];
import { effectDetails, EffectOptionError } from '../../effect/engine.ts';
import { suppressEffect, type ShownEffect } from '../../effect/suppress.ts';
import { storedEffectInput, type EffectScope } from './load-effect-input.ts';

/** The horizons shown on the page (issue 12: 6, 12 and 24 months). */
export const HORIZONS = [6, 12, 24] as const;

export interface EffectRunRequest {
  month: string;
  scope: EffectScope;
  /** Small-number threshold; 0 only for an audience that owns all the data. */
  suppress: number;
  bootstrap?: number;
}

/** A horizon's shown figures with the investment case's input (null when no estimate is shown). */
export interface ShownRun extends ShownEffect {
  /** Support weeks saved per matched participant by category and year (aggregate; null when too few). */
  supportSaved: { category: string; year: number; weeks: number }[] | null;
  /** The number of matched participants (for the investment case; null when too few to show). */
  matchedN: number | null;
}

export interface EffectRuns {
  month: string;
  projectId: number | null;
  pool: number;
  horizons: ShownRun[];
  computedAt: string;
}

export async function computeEffectRuns(db: Database, req: EffectRunRequest): Promise<EffectRuns> {
  const input = await storedEffectInput(db, req.scope);
  const horizons = HORIZONS.map((horizon): ShownRun => {
    const d = effectDetails(input, { month: req.month, horizon, controls: 3, bootstrap: req.bootstrap ?? 1000, seed: 1 });
    const shown = suppressEffect(d.result, req.suppress);
    // The investment case needs the matched count: kept only where the estimate and the count
    // itself are shown (not hidden to protect another count), so it reveals nothing hidden.
    const open = !shown.tooFew && typeof shown.matched === 'number' && shown.matched > 0;
    return { ...shown, supportSaved: open ? d.supportSaved : null, matchedN: open ? d.result.matched : null };
  });
  return {
    month: req.month,
    projectId: req.scope.kind === 'project' ? req.scope.projectId : null,
    pool: input.pool.length,
    horizons,
    computedAt: new Date().toISOString(),
  };
}

/**
 * One server's effect computations (core/resources.ts): the worker thread (PostgreSQL) and the
 * runs in flight, closed with the server.
 */
class EffectComputations {
  private readonly calls = new WorkerCalls<{ result: EffectRuns }>(new URL('./effect-worker.ts', import.meta.url), (e) =>
    e.name === 'EffectOptionError' ? new EffectOptionError(e.message) : new Error(e.message),
  );
  private readonly inFlight = new InFlight<EffectRuns>();

  run(db: Database, databaseUrl: string | undefined, req: EffectRunRequest): Promise<EffectRuns> {
    return this.inFlight.run(JSON.stringify(req), async () => {
      if (db.kind === 'postgres' && databaseUrl) return (await this.calls.call(databaseUrl, { req })).result;
      return computeEffectRuns(db, req);
    });
  }

  close() {
    return this.calls.close();
  }
}

const EFFECT: ResourceKey<EffectComputations> = { name: 'effect runs', make: () => new EffectComputations() };

/** The effect runs for `req`, computed in this server's scope (`resources`): one run per request in flight. */
export function runEffect(
  resources: ResourceScope,
  db: Database,
  databaseUrl: string | undefined,
  req: EffectRunRequest,
): Promise<EffectRuns> {
  return resources.use(EFFECT).run(db, databaseUrl, req);
}
