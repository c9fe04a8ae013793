/**
 * National results, computed once for every instance and stored by data version
 * (`national_result`): an analyst's page reads the stored result; only the first request after a
 * data change computes, under an advisory lock so that two instances never compute the same
 * thing twice. On PostgreSQL the computation runs in a worker thread (the main thread keeps
 * serving); on PGlite (one process, small installations) inline. While another session computes
 * a newer version, the previous result is served and marked as being recomputed.
 */
import { ownerTx, type Db, type Tx } from '../../db/door.ts';
import { readDataVersion } from '../../db/data-version.ts';
import { lockNationalOptions, nationalComputationRunning, readNationalResult, storeNationalResult } from '../../db/national-results.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { MonitorOptions, MonitorResult } from '../../monitoring/types.ts';
import { cohortOf, nationalMonitorInput, type AsOf } from './load-monitor-input.ts';
import { telemetryOf } from '../../core/telemetry.ts';
import type { ResourceKey, ResourceScope } from '../../core/resources.ts';
import { InFlight, WorkerCalls } from '../worker-calls.ts';

export interface NationalOutcome {
  result: MonitorResult;
  dataVersion: number;
  computedAt: Date;
  /** True when a newer version is being computed right now and this is the one before it. */
  stale: boolean;
}

type Stored = { json: string; dataVersion: number; computedAt: Date | string };

/**
 * One server's national computations (core/resources.ts): the worker thread (PostgreSQL), the
 * computations in flight and the parsed results, closed with the server.
 */
class NationalComputations {
  private readonly calls = new WorkerCalls<Omit<Stored, 'computedAt'> & { computedAt: string }>(
    new URL('./results-worker.ts', import.meta.url),
    (e) => (e.name === 'MonitorOptionError' ? new MonitorOptionError(e.message) : new Error(e.message)),
  );
  readonly inFlight = new InFlight<Stored>();
  private readonly parsed = new Map<string, { dataVersion: number; computedAt: Date; result: MonitorResult }>();

  /** The parsed result of a stored one, parsed once per data version. */
  parse(key: string, s: Stored): { result: MonitorResult; dataVersion: number; computedAt: Date } {
    const hit = this.parsed.get(key);
    if (hit && hit.dataVersion === s.dataVersion) return hit;
    const v = { result: JSON.parse(s.json) as MonitorResult, dataVersion: s.dataVersion, computedAt: new Date(s.computedAt) };
    this.parsed.set(key, v);
    return v;
  }

  memory(key: string) {
    return this.parsed.get(key);
  }

  compute(db: Db, databaseUrl: string | undefined, opts: MonitorOptions, key: string): Promise<Stored> {
    return this.inFlight.run(key, async () => {
      if (db.kind === 'postgres' && databaseUrl) {
        const { json, dataVersion, computedAt } = await this.calls.call(databaseUrl, { opts });
        return { json, dataVersion, computedAt };
      }
      // PostgreSQL without a worker (inside an import's worker thread): under the lock all the same.
      return computeAndStoreNational(db, opts, db.kind === 'postgres');
    });
  }

  async close() {
    this.parsed.clear();
    await this.calls.close();
  }
}

const NATIONAL: ResourceKey<NationalComputations> = { name: 'national results', make: () => new NationalComputations() };

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

/** The national results for `opts`, computed and cached in this server's scope (`resources`). */
export async function nationalResults(
  resources: ResourceScope,
  db: Db,
  databaseUrl: string | undefined,
  opts: MonitorOptions,
): Promise<NationalOutcome> {
  const n = resources.use(NATIONAL);
  const countCache = (outcome: string) => telemetryOf(resources).countCache('national', outcome);
  const key = nationalKey(opts);
  const version = await readDataVersion(db);
  const mem = n.memory(key);
  if (mem && mem.dataVersion >= version) {
    countCache('memory');
    return { ...mem, stale: false };
  }
  const stored = await readNationalResult(db, key);
  if (stored && stored.dataVersion >= version) {
    countCache('stored');
    return { ...n.parse(key, stored), stale: false };
  }
  // A newer version is being computed (here or on another instance): show the one before it.
  if (stored && (n.inFlight.has(key) || (db.kind === 'postgres' && (await nationalComputationRunning(db, key))))) {
    countCache('stale');
    return { ...n.parse(key, stored), stale: true };
  }
  countCache('computed');
  return { ...n.parse(key, await n.compute(db, databaseUrl, opts, key)), stale: false };
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
