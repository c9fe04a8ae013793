/**
 * Register-based results (spec kib-2019.1) for the acting user, computed with the monitoring
 * engine from stored data: a municipality's users get their own women without suppression; the
 * agency gets every municipality with small numbers suppressed (spec §6) and no microdata.
 */
import type { Actor } from '../../core/actor.ts';
import { handlesPersonalData } from '../../core/actor.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import { readDataVersion } from '../../db/data-version.ts';
import type { RegisterReader } from '../../db/register-input.ts';
import { batchesUpTo } from '../../db/register-store.ts';
import { appendAudit } from '../../db/audit-log.ts';
import { telemetryOf } from '../../core/telemetry.ts';
import { versionCache, type VersionCache } from '../../core/version-cache.ts';
import type { ResourceKey, ResourceScope } from '../../core/resources.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { MonitorResult } from '../../monitoring/types.ts';
import type { Vault } from '../../security/vault.ts';
import { cohortOf, tenantMonitorInput, type StoredMonitorInput } from './load-monitor-input.ts';
import { nationalResults, nationalResultsAsOf } from './national-results.ts';

export interface ResultsRequest {
  month: string;
  durableMonth?: string;
  snapshotMonth?: string;
  projectId?: number;
  /** Compute from the deliveries up to and including this batch (default: all, the latest data). */
  asOfBatch?: number;
  /**
   * National scope only: the counts before suppression, for a page that suppresses all its
   * tables in one pass (app/steering/national-data.ts) and never shows them as they are.
   */
  unsuppressed?: boolean;
}

/** A register delivery results rest on. */
export interface Delivery {
  id: number;
  kind: 'ydelser' | 'loentimer' | 'kodetabel';
  fileName: string;
  importedAt: Date;
  periodFrom: string | null;
  periodTo: string | null;
}

export interface Vintage {
  /** Latest import of register data, or null when none. */
  importedAt: Date | null;
  /** Latest benefit week and paid-hours month covered. */
  lastWeek: string | null;
  lastMonth: string | null;
  /** The deliveries (register batches) the results were computed from, oldest first. */
  deliveries: Delivery[];
  /** The batch results were computed as of, or null for all deliveries (the latest data). */
  asOfBatch: number | null;
}

export interface ResultsView {
  scope: 'kommune' | 'national';
  result: MonitorResult;
  stored: StoredMonitorInput | null;
  vintage: Vintage;
  /** National results: when they were computed, and whether newer ones are being computed. */
  computedAt?: Date;
  stale?: boolean;
}

export async function registerVintage(db: RegisterReader, asOfBatch?: number): Promise<Vintage> {
  const batches = await batchesUpTo(db, asOfBatch);
  const last = (kind: string) =>
    batches
      .filter((b) => b.kind === kind && b.periodTo)
      .map((b) => b.periodTo!)
      .sort()
      .pop() ?? null;
  return {
    importedAt: batches.length ? batches[batches.length - 1].importedAt : null,
    lastWeek: last('ydelser'),
    lastMonth: last('loentimer'),
    deliveries: batches.map((b) => ({
      id: b.id,
      kind: b.kind,
      fileName: b.fileName,
      importedAt: b.importedAt,
      periodFrom: b.periodFrom,
      periodTo: b.periodTo,
    })),
    asOfBatch: asOfBatch ?? null,
  };
}

/**
 * Results are cached per scope and months in each instance, tagged with the data version
 * (core/version-cache.ts): every instance drops its cached results at once when the data
 * changes. Entries also expire after an hour, and the cache keeps at most a few hundred entries.
 * One cache per server, in its resource scope (core/resources.ts).
 */
const RESULTS: ResourceKey<VersionCache<Omit<ResultsView, 'vintage'>>> = {
  name: 'monitoring results',
  make: () => versionCache({ ttlMs: 3600_000, max: 500 }),
};

export async function computeResults(
  deps: { db: DatabaseHandle; vault: Vault; config: { suppressThreshold: number; databaseUrl?: string }; resources: ResourceScope },
  actor: Actor,
  req: ResultsRequest,
): Promise<ResultsView> {
  const national = actor.organisationKind === 'styrelse' && actor.role === 'analytiker';
  if (!national && !handlesPersonalData(actor)) throw forbidden();
  const suppress = national && !req.unsuppressed ? deps.config.suppressThreshold : 0;
  const key = JSON.stringify([
    national ? 'national' : actor.municipalities,
    req.projectId ?? null,
    req.month,
    req.durableMonth,
    req.snapshotMonth,
    req.asOfBatch ?? null,
    suppress,
  ]);
  const cache = deps.resources.use(RESULTS);
  const version = await readDataVersion(deps.db);
  const hit = cache.get(deps.db, key, version);
  const scope = national ? ('national' as const) : ('kommune' as const);
  if (hit) {
    telemetryOf(deps.resources).countCache('results', 'memory');
    await appendAudit(deps.db, actor, { action: 'beregning', entity: 'monitoring', detail: { scope, cached: true } });
    return { ...hit, vintage: await registerVintage(deps.db, req.asOfBatch) };
  }
  const opts = { month: req.month, durableMonth: req.durableMonth, snapshotMonth: req.snapshotMonth };
  try {
    let view: Omit<ResultsView, 'vintage'>;
    if (national) {
      if (req.asOfBatch !== undefined) {
        // As of an earlier delivery: computed on request, not stored (rare, an analyst's check).
        const result = await nationalResultsAsOf(deps.db, { ...opts, suppress }, { asOfBatch: req.asOfBatch });
        await appendAudit(deps.db, actor, { action: 'beregning', entity: 'monitoring', detail: { scope, asOfBatch: req.asOfBatch } });
        return { scope, result, stored: null, vintage: await registerVintage(deps.db, req.asOfBatch) };
      }
      const n = await nationalResults(deps.resources, deps.db, deps.config.databaseUrl, { ...opts, suppress });
      await appendAudit(deps.db, actor, { action: 'beregning', entity: 'monitoring', detail: { scope } });
      view = { scope, result: n.result, stored: null, computedAt: n.computedAt };
      // A result being recomputed is shown, but not cached: the next view looks again.
      if (n.stale) return { ...view, stale: true, vintage: await registerVintage(deps.db) };
    } else {
      telemetryOf(deps.resources).countCache('results', 'computed');
      const stored = await tenantMonitorInput(deps.db, actor, { projectId: req.projectId, asOfBatch: req.asOfBatch });
      // The report month bounds the population: a woman enrolled later is in no figure for it.
      view = { scope, result: monitor(cohortOf(stored.input, req.month).input, { ...opts, suppress: 0 }), stored };
    }
    cache.set(deps.db, key, version, view);
    return { ...view, vintage: await registerVintage(deps.db, req.asOfBatch) };
  } catch (e) {
    if (e instanceof MonitorOptionError) throw new AppError('INVALID', e.message);
    throw e;
  }
}
