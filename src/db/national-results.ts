/**
 * National results stored by data version (migration 0160): computed once for all instances
 * under an advisory lock, then read by every analyst's page.
 */
import { type Reader, sqlOf } from './sql.ts';

export interface StoredNationalResult {
  dataVersion: number;
  json: string;
  computedAt: Date;
}

/** Advisory lock key for computing one set of options (two int4 keys: namespace, hash). */
export const NATIONAL_LOCK_NAMESPACE = 4_711_161;

export async function readNationalResult(reader: Reader, options: string): Promise<StoredNationalResult | undefined> {
  return (
    await sqlOf(reader).query<StoredNationalResult>(
      `SELECT data_version AS "dataVersion", result AS json, computed_at AS "computedAt" FROM national_result WHERE options = $1`,
      [options],
    )
  ).rows[0];
}

export async function storeNationalResult(reader: Reader, options: string, dataVersion: number, json: string, computeMs: number) {
  await sqlOf(reader).query(
    `INSERT INTO national_result (options, data_version, result, compute_ms) VALUES ($1, $2, $3, $4)
    ON CONFLICT (options) DO UPDATE SET data_version = excluded.data_version, result = excluded.result,
      compute_ms = excluded.compute_ms, computed_at = now()
    WHERE national_result.data_version < excluded.data_version`,
    [options, dataVersion, json, Math.round(computeMs)],
  );
}

/** Wait for the computing lock of these options (inside a transaction; released at its end). */
export async function lockNationalOptions(reader: Reader, options: string) {
  await sqlOf(reader).query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NATIONAL_LOCK_NAMESPACE, options]);
}

/** Is any session computing these options right now (another instance included)? */
export async function nationalComputationRunning(reader: Reader, options: string): Promise<boolean> {
  const r = await sqlOf(reader).query<{ running: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND classid = $1::oid AND objid = (hashtext($2)::bigint & 4294967295)::oid AND objsubid = 2) AS running`,
    [NATIONAL_LOCK_NAMESPACE, options],
  );
  return r.rows[0].running;
}
