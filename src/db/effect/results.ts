/** Stored effect results (aggregates, already suppressed for their audience) and the data version they depend on. */
import type { Actor } from '../../core/actor.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database } from '../database.ts';
import { databaseOf, writeAudit } from '../sql.ts';

type Db = DatabaseHandle | Database;

/**
 * Changes whenever register data, enrolments or the pool change (`data_version` also moves when
 * an import written in batches is delivered or undone: its batch id exists from its start).
 */
export async function effectDataVersion(db: Db): Promise<string> {
  const r = await databaseOf(db).query<{ v: string }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM register_batch)::text || ':' || (SELECT version FROM data_version WHERE id = 1)::text || ':' || (SELECT coalesce(max(id), 0) FROM comparison_pool_import)::text || ':' ||
            (SELECT count(*) FROM enrolment)::text || ':' || coalesce((SELECT max(created_at) FROM enrolment)::text, '') || ':' ||
            coalesce((SELECT max(exited_on) FROM enrolment)::text, '') || ':' || (SELECT count(*) FROM comparison_pool)::text AS v`,
  );
  return r.rows[0].v;
}

export async function storedEffectResult<T>(db: Db, key: string, version: string): Promise<{ result: T; computedAt: Date } | null> {
  const r = await databaseOf(db).query<{ result: T; computedAt: Date }>(
    'SELECT result, computed_at AS "computedAt" FROM effect_result WHERE key = $1 AND version = $2',
    [key, version],
  );
  return r.rows[0] ?? null;
}

export async function storeEffectResult(db: Db, key: string, version: string, result: unknown): Promise<void> {
  await databaseOf(db).query(
    `INSERT INTO effect_result (key, version, result) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (key) DO UPDATE SET version = excluded.version, result = excluded.result, computed_at = now()`,
    [key, version, JSON.stringify(result)],
  );
}

/** The audit record of an effect computation shown to an analyst or project leader (aggregates, system path). */
export async function auditEffectView(db: Db, actor: Actor, detail: Record<string, unknown>): Promise<void> {
  await writeAudit(databaseOf(db), actor, { action: 'beregning', entity: 'effekt', detail });
}
