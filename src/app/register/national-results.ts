/**
 * National results, computed once for every instance and stored by data version
 * (`national_result`): an analyst's page reads the stored result; only the first request after a
 * data change computes, under an advisory lock so that two instances never compute the same
 * thing twice. On PostgreSQL the computation runs in a worker thread (the main thread keeps
 * serving); on PGlite (one process, small installations) inline. While another session computes
 * a newer version, the previous result is served and marked as being recomputed.
 */
import { Worker } from 'node:worker_threads';
import { ownerTx, type Db, type Tx } from '../../db/door.ts';
import { readDataVersion } from '../../db/data-version.ts';
import { lockNationalOptions, nationalComputationRunning, readNationalResult, storeNationalResult } from '../../db/national-results.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { MonitorOptions, MonitorResult } from '../../monitoring/types.ts';
import { cohortOf, nationalMonitorInput, type AsOf } from './load-monitor-input.ts';
import { countCache } from '../../core/telemetry.ts';

export interface NationalOutcome {
  result: MonitorResult;
  dataVersion: number;
  computedAt: Date;
  /** True when a newer version is being computed right now and this is the one before it. */
  stale: boolean;
}

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<
  number,
  { resolve: (r: { json: string; dataVersion: number; computedAt: string }) => void; reject: (e: Error) => void }
>();

function getWorker(url: string): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./results-worker-boot.js', import.meta.url), {
    workerData: { url, entry: new URL('./results-worker.ts', import.meta.url).href },
  });
  w.unref();
  w.on(
    'message',
    (m: { id: number; json?: string; dataVersion?: number; computedAt?: string; error?: { name: string; message: string } }) => {
      const p = waiting.get(m.id);
      if (!p) return;
      waiting.delete(m.id);
      if (m.error) p.reject(m.error.name === 'MonitorOptionError' ? new MonitorOptionError(m.error.message) : new Error(m.error.message));
      else p.resolve({ json: m.json!, dataVersion: m.dataVersion!, computedAt: m.computedAt! });
    },
  );
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

/** The options as stored: a stable key. */
export function nationalKey(opts: MonitorOptions): string {
  return JSON.stringify({
    month: opts.month,
    durableMonth: opts.durableMonth ?? null,
    snapshotMonth: opts.snapshotMonth ?? null,
    suppress: opts.suppress ?? null,
  });
}

/** Compute for the current data version and store it (inline; PGlite, and the worker thread). */
export async function computeAndStoreNational(db: Db, opts: MonitorOptions, underLock = false) {
  const key = nationalKey(opts);
  const run = async (q: Tx | Db) => {
    if (underLock) await lockNationalOptions(q, key);
    // Read the version before the data: a result is never labelled newer than what it was computed from.
    const version = await readDataVersion(q);
    const stored = await readNationalResult(q, key);
    if (stored && stored.dataVersion >= version)
      return { json: stored.json, dataVersion: stored.dataVersion, computedAt: stored.computedAt };
    const t0 = performance.now();
    // The evaluation's cohort: women enrolled by the end of the report month; later enrolments
    // are counted apart (laterEnrolments), never in the comparison (issue 18).
    const cohort = cohortOf((await nationalMonitorInput(q)).input, opts.month);
    const result = monitor(cohort.input, opts);
    result.laterEnrolments = cohort.later;
    result.participants = []; // microdata never leaves for the national view
    const json = JSON.stringify(result);
    await storeNationalResult(q, key, version, json, performance.now() - t0);
    return { json, dataVersion: version, computedAt: new Date() };
  };
  return underLock ? ownerTx(db, run) : run(db);
}

const inFlight = new Map<string, Promise<{ json: string; dataVersion: number; computedAt: Date | string }>>();
const parsed = new Map<string, { dataVersion: number; computedAt: Date; result: MonitorResult }>();

function parse(
  key: string,
  s: { json: string; dataVersion: number; computedAt: Date | string },
): { result: MonitorResult; dataVersion: number; computedAt: Date } {
  const hit = parsed.get(key);
  if (hit && hit.dataVersion === s.dataVersion) return hit;
  const v = { result: JSON.parse(s.json) as MonitorResult, dataVersion: s.dataVersion, computedAt: new Date(s.computedAt) };
  parsed.set(key, v);
  return v;
}

function compute(db: Db, databaseUrl: string | undefined, opts: MonitorOptions, key: string) {
  const running = inFlight.get(key);
  if (running) return running;
  const run = (async () => {
    if (db.kind === 'postgres' && databaseUrl) {
      const id = ++seq;
      return new Promise<{ json: string; dataVersion: number; computedAt: string }>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        getWorker(databaseUrl).postMessage({ id, opts });
      });
    }
    // PostgreSQL without a worker (inside an import's worker thread): under the lock all the same.
    return computeAndStoreNational(db, opts, db.kind === 'postgres');
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

export async function nationalResults(db: Db, databaseUrl: string | undefined, opts: MonitorOptions): Promise<NationalOutcome> {
  const key = nationalKey(opts);
  const version = await readDataVersion(db);
  const mem = parsed.get(key);
  if (mem && mem.dataVersion >= version) {
    countCache('national', 'memory');
    return { ...mem, stale: false };
  }
  const stored = await readNationalResult(db, key);
  if (stored && stored.dataVersion >= version) {
    countCache('national', 'stored');
    return { ...parse(key, stored), stale: false };
  }
  // A newer version is being computed (here or on another instance): show the one before it.
  if (stored && (inFlight.has(key) || (db.kind === 'postgres' && (await nationalComputationRunning(db, key))))) {
    countCache('national', 'stale');
    return { ...parse(key, stored), stale: true };
  }
  countCache('national', 'computed');
  return { ...parse(key, await compute(db, databaseUrl, opts, key)), stale: false };
}

/** Compute ahead (after an import), so the first analyst after it does not wait. */
export async function precomputeNational(db: Db, databaseUrl: string | undefined, opts: MonitorOptions): Promise<void> {
  const key = nationalKey(opts);
  parse(key, await compute(db, databaseUrl, opts, key));
}

/** Stop the worker (server shutdown, tests). */
export async function stopNationalWorker() {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

/**
 * National results as of an earlier delivery (issue 9): every woman's register row as it stood
 * after batch `asOfBatch`. Computed inline on request and not stored: an analyst's check of
 * what a redelivery changed, not the page everyone reads.
 */
export async function nationalResultsAsOf(db: Db, opts: MonitorOptions, asOf: AsOf): Promise<MonitorResult> {
  const cohort = cohortOf((await nationalMonitorInput(db, asOf)).input, opts.month);
  const result = monitor(cohort.input, opts);
  result.laterEnrolments = cohort.later;
  result.participants = []; // microdata never leaves for the national view
  return result;
}
