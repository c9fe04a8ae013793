/**
 * Register-based results (spec kib-2019.1) for the acting user, computed with the monitoring
 * engine from stored data: a municipality's users get their own women without suppression; the
 * agency gets every municipality with small numbers suppressed (spec §6) and no microdata.
 */
import type { Actor } from '../../core/actor.ts';
import { handlesPersonalData } from '../../core/actor.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { writeAudit } from '../../db/tenant.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { MonitorResult } from '../../monitoring/types.ts';
import type { Vault } from '../../security/vault.ts';
import { tenantMonitorInput, type StoredMonitorInput } from './load-monitor-input.ts';
import { nationalResults } from './national-results.ts';

export interface ResultsRequest {
  month: string;
  durableMonth?: string;
  snapshotMonth?: string;
  projectId?: number;
}

export interface Vintage {
  /** Latest import of register data, or null when none. */
  importedAt: Date | null;
  /** Latest benefit week and paid-hours month covered. */
  lastWeek: string | null;
  lastMonth: string | null;
}

export interface ResultsView {
  scope: 'kommune' | 'national';
  result: MonitorResult;
  stored: StoredMonitorInput | null;
  vintage: Vintage;
}

export async function registerVintage(db: Database): Promise<Vintage> {
  const r = await db.query<{ at: Date | null; w: string | null; m: string | null }>(
    `SELECT max(imported_at) AS at, max(period_to) FILTER (WHERE kind = 'ydelser') AS w,
            max(period_to) FILTER (WHERE kind = 'loentimer') AS m FROM register_batch`,
  );
  return { importedAt: r.rows[0].at, lastWeek: r.rows[0].w, lastMonth: r.rows[0].m };
}

/**
 * Results are cached per scope and months for five minutes, and dropped at once when the data
 * changes (a new register batch, or a new or changed enrolment): an analyst's dashboard must not
 * cost a full computation on every page view while caseworkers are working.
 */
const CACHE_MS = 300_000;
const cache = new Map<string, { at: number; version: string; view: Omit<ResultsView, 'vintage'> }>();

async function dataVersion(db: Database): Promise<string> {
  const r = await db.query<{ v: string }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM register_batch)::text || ':' || (SELECT count(*) FROM enrolment)::text || ':' ||
            coalesce((SELECT max(created_at) FROM enrolment)::text, '') || ':' || coalesce((SELECT max(exited_on) FROM enrolment)::text, '') AS v`,
  );
  return r.rows[0].v;
}

export async function computeResults(
  deps: { db: Database; vault: Vault; config: { suppressThreshold: number; databaseUrl?: string } },
  actor: Actor,
  req: ResultsRequest,
): Promise<ResultsView> {
  const national = actor.organisationKind === 'styrelse' && actor.role === 'analytiker';
  if (!national && !handlesPersonalData(actor)) throw forbidden();
  const key = JSON.stringify([national ? 'national' : actor.municipalities, req.projectId ?? null, req.month, req.durableMonth, req.snapshotMonth]);
  const version = await dataVersion(deps.db);
  const hit = cache.get(key);
  const scope = national ? ('national' as const) : ('kommune' as const);
  if (hit && hit.version === version && Date.now() - hit.at < CACHE_MS) {
    await writeAudit(deps.db, actor, { action: 'beregning', entity: 'monitoring', detail: { scope, cached: true } });
    return { ...hit.view, vintage: await registerVintage(deps.db) };
  }
  const opts = { month: req.month, durableMonth: req.durableMonth, snapshotMonth: req.snapshotMonth };
  try {
    let view: Omit<ResultsView, 'vintage'>;
    if (national) {
      const result = await nationalResults(deps.db, deps.config.databaseUrl, { ...opts, suppress: deps.config.suppressThreshold });
      await writeAudit(deps.db, actor, { action: 'beregning', entity: 'monitoring', detail: { scope } });
      view = { scope, result, stored: null };
    } else {
      const stored = await tenantMonitorInput(deps.db, actor, { projectId: req.projectId });
      view = { scope, result: monitor(stored.input, { ...opts, suppress: 0 }), stored };
    }
    cache.set(key, { at: Date.now(), version, view });
    return { ...view, vintage: await registerVintage(deps.db) };
  } catch (e) {
    if (e instanceof MonitorOptionError) throw new AppError('INVALID', e.message);
    throw e;
  }
}
