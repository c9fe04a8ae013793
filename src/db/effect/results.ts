/** Stored effect results (aggregates, already suppressed for their audience) and the data version they depend on. */
import type { Queryable } from '../database.ts';

/** Changes whenever register data, enrolments or the pool change. */
export async function effectDataVersion(q: Queryable): Promise<string> {
  const r = await q.query<{ v: string }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM register_batch)::text || ':' || (SELECT coalesce(max(id), 0) FROM comparison_pool_import)::text || ':' ||
            (SELECT count(*) FROM enrolment)::text || ':' || coalesce((SELECT max(created_at) FROM enrolment)::text, '') || ':' ||
            coalesce((SELECT max(exited_on) FROM enrolment)::text, '') || ':' || (SELECT count(*) FROM comparison_pool)::text AS v`,
  );
  return r.rows[0].v;
}

export async function storedEffectResult<T>(q: Queryable, key: string, version: string): Promise<{ result: T; computedAt: Date } | null> {
  const r = await q.query<{ result: T; computedAt: Date }>('SELECT result, computed_at AS "computedAt" FROM effect_result WHERE key = $1 AND version = $2', [key, version]);
  return r.rows[0] ?? null;
}

export async function storeEffectResult(q: Queryable, key: string, version: string, result: unknown): Promise<void> {
  await q.query(
    `INSERT INTO effect_result (key, version, result) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (key) DO UPDATE SET version = excluded.version, result = excluded.result, computed_at = now()`,
    [key, version, JSON.stringify(result)],
  );
}
