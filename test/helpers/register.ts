import type { TestDb } from './db.ts';

/** A fingerprint of all stored register data and batches. */
export async function registerState(t: TestDb) {
  const r = await t.db.query<{ persons: number; batches: number; digest: string | null }>(
    `SELECT (SELECT count(*)::int FROM register_person) AS persons, (SELECT count(*)::int FROM register_batch) AS batches,
            (SELECT md5(string_agg(cpr_hash || ':' || encode(data, 'hex'), ',' ORDER BY cpr_hash)) FROM register_person) AS digest`,
  );
  return r.rows[0];
}
