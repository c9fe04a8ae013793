/**
 * One effect computation: the stored input, the engine at each horizon, suppression for the
 * audience. Runs in the effect worker on PostgreSQL, inline on PGlite; identical requests in
 * flight share one run. Only suppressed aggregates leave (no ids, no matches).
 */
import { Worker } from 'node:worker_threads';
import type { AppDeps } from '../../core/deps.ts';

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

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (r: EffectRuns) => void; reject: (e: Error) => void }>();

function getWorker(url: string): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../register/results-worker-boot.js', import.meta.url), {
    workerData: { url, entry: new URL('./effect-worker.ts', import.meta.url).href },
  });
  w.unref();
  w.on('message', (m: { id: number; result?: EffectRuns; error?: { name: string; message: string } }) => {
    const p = waiting.get(m.id);
    if (!p) return;
    waiting.delete(m.id);
    if (m.error) p.reject(m.error.name === 'EffectOptionError' ? new EffectOptionError(m.error.message) : new Error(m.error.message));
    else p.resolve(m.result!);
  });
  const fail = (e: Error) => {
    for (const p of waiting.values()) p.reject(e);
    waiting.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', () => fail(new Error('Beregningen stoppede uventet.')));
  worker = w;
  return w;
}

const inFlight = new Map<string, Promise<EffectRuns>>();

export function runEffect(db: Database, databaseUrl: string | undefined, req: EffectRunRequest): Promise<EffectRuns> {
  const key = JSON.stringify(req);
  const running = inFlight.get(key);
  if (running) return running;
  const run = (async () => {
    if (db.kind === 'postgres' && databaseUrl) {
      const id = ++seq;
      return new Promise<EffectRuns>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        getWorker(databaseUrl).postMessage({ id, req });
      });
    }
    return computeEffectRuns(db, req);
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

/** Stop the worker (server shutdown, tests). */
export async function stopEffectWorker() {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
