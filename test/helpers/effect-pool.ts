import type { Database } from '../../src/db/database.ts';

/**
 * A national comparison pool for tests, written directly (system path): for every demo
 * participant a woman of the same birth date and municipality whose register row is another
 * participant's (the next one in the same municipality by CPR hash), keyed `pulje:<n>`.
 * Ordered and numbered by municipality and CPR hash (deterministic for the seeded demo and the test secret), not
 * by the random participant id, so the same demo gives the same pool and the same estimates in every run.
 */
export async function seedDemoPool(db: Database): Promise<number> {
  await db.query(`INSERT INTO comparison_pool_import (file_name, sha256, rows, imported_by_name) VALUES ('demo', 'demo', 0, 'test')`);
  await db.query(
    `WITH p AS (SELECT row_number() OVER (ORDER BY p.municipality_code, p.cpr_hash) AS n, p.birth_date, m.name,
                       lead(r.data) OVER (PARTITION BY p.municipality_code ORDER BY p.cpr_hash) AS other
                FROM participant p JOIN municipality m ON m.code = p.municipality_code JOIN register_person r ON r.cpr_hash = p.cpr_hash)
     INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, import_id)
     SELECT 'pulje:' || n, birth_date, name, (SELECT max(id) FROM comparison_pool_import) FROM p WHERE other IS NOT NULL`,
  );
  await db.query(
    `WITH p AS (SELECT row_number() OVER (ORDER BY p.municipality_code, p.cpr_hash) AS n,
                       lead(r.data) OVER (PARTITION BY p.municipality_code ORDER BY p.cpr_hash) AS other, r.batch_id
                FROM participant p JOIN register_person r ON r.cpr_hash = p.cpr_hash)
     INSERT INTO register_person (cpr_hash, data, batch_id) SELECT 'pulje:' || n, other, batch_id FROM p WHERE other IS NOT NULL`,
  );
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_pool')).rows[0].n;
}
