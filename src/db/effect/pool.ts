/**
 * The national comparison pool (effekt-2026.1 §1): women under the keyed CPR hash with birth
 * date, municipality and country of origin, and the imports that brought them. System path only
 * (no grant to fremdrift_app); callers are analysts' use cases that audit what they do.
 */
import type { Actor } from '../../core/actor.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database, Queryable } from '../database.ts';
import { databaseOf, writeAudit } from '../sql.ts';

type Db = DatabaseHandle | Database;

export interface PoolImportRow {
  id: number;
  fileName: string;
  sha256: string;
  rows: number;
  importedByName: string;
  importedAt: Date;
}

export interface PoolRow {
  hash: string;
  birthDate: string;
  municipality: string;
  originCountry: string | null;
}

async function insertPoolImport(
  q: Queryable,
  i: { fileName: string; sha256: string; rows: number; importedBy: number | null; importedByName: string },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO comparison_pool_import (file_name, sha256, rows, imported_by, imported_by_name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [i.fileName, i.sha256, i.rows, i.importedBy, i.importedByName],
  );
  return r.rows[0].id;
}

export async function listPoolImports(db: Db): Promise<PoolImportRow[]> {
  return (
    await databaseOf(db).query<PoolImportRow>(
      `SELECT id, file_name AS "fileName", sha256, rows, imported_by_name AS "importedByName", imported_at AS "importedAt"
       FROM comparison_pool_import ORDER BY id DESC`,
    )
  ).rows;
}

/**
 * Replace the whole pool with these women (a pool list is always complete). A woman the new
 * list drops loses her register data too (register_person and its per-delivery history), unless
 * she is a participant: it was kept only because she was in the pool. Returns how many women's
 * register data went.
 */
async function replacePool(q: Queryable, importId: number, rows: PoolRow[]): Promise<number> {
  const old =
    (
      await q.query<{ h: string[] | null }>(
        'WITH d AS (DELETE FROM comparison_pool RETURNING cpr_hash) SELECT array_agg(cpr_hash) AS h FROM d',
      )
    ).rows[0].h ?? [];
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, origin_country, import_id)
       SELECT h, b::date, m, o, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(h, b, m, o)`,
      [c.map((r) => r.hash), c.map((r) => r.birthDate), c.map((r) => r.municipality), c.map((r) => r.originCountry), importId],
    );
  }
  if (!old.length) return 0;
  const dropped = `SELECT h FROM unnest($1::text[]) AS o(h)
    WHERE NOT EXISTS (SELECT 1 FROM comparison_pool c WHERE c.cpr_hash = o.h) AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = o.h)`;
  await q.query(`DELETE FROM register_person_version WHERE cpr_hash IN (${dropped})`, [old]);
  return (await q.query(`DELETE FROM register_person WHERE cpr_hash IN (${dropped}) RETURNING 1`, [old])).rows.length;
}

export async function poolSize(db: Db): Promise<number> {
  return Number((await databaseOf(db).query<{ n: string }>('SELECT count(*) AS n FROM comparison_pool')).rows[0].n);
}

/** Every pool woman with her packed register row (null when she has none). */
export async function loadPool(db: Db): Promise<(PoolRow & { data: Uint8Array | null })[]> {
  return (
    await databaseOf(db).query<PoolRow & { data: Uint8Array | null }>(
      `SELECT c.cpr_hash AS hash, to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.municipality, c.origin_country AS "originCountry", r.data
       FROM comparison_pool c LEFT JOIN register_person r ON r.cpr_hash = c.cpr_hash ORDER BY c.cpr_hash`,
    )
  ).rows;
}

/**
 * Erase one pool woman: her pool row, and her register row unless she is also a participant
 * (whose row the casework keeps). Returns whether she was in the pool.
 */
async function erasePoolMember(q: Queryable, hash: string): Promise<{ pool: boolean; register: boolean }> {
  const pool = (await q.query('DELETE FROM comparison_pool WHERE cpr_hash = $1 RETURNING 1', [hash])).rows.length > 0;
  // Her per-delivery history too (register_person_version), unless she is a participant.
  await q.query(
    'DELETE FROM register_person_version v WHERE v.cpr_hash = $1 AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = v.cpr_hash)',
    [hash],
  );
  const register =
    (
      await q.query(
        'DELETE FROM register_person r WHERE r.cpr_hash = $1 AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = r.cpr_hash) RETURNING 1',
        [hash],
      )
    ).rows.length > 0;
  return { pool, register };
}

export async function municipalityNames(db: Db): Promise<Map<string, string>> {
  const r = await databaseOf(db).query<{ code: string; name: string }>('SELECT code, name FROM municipality');
  return new Map(r.rows.map((x) => [x.code.trim(), x.name]));
}

/** Replace the pool with these women in one transaction, with the import's provenance and its audit record. */
export async function importPoolRows(db: Db, actor: Actor, i: { fileName: string; sha256: string; rows: PoolRow[] }): Promise<number> {
  return databaseOf(db).tx(async (q) => {
    const importId = await insertPoolImport(q, {
      fileName: i.fileName,
      sha256: i.sha256,
      rows: i.rows.length,
      importedBy: actor.userId || null,
      importedByName: actor.username,
    });
    const droppedRegisterRows = await replacePool(q, importId, i.rows);
    await writeAudit(q, actor, {
      action: 'puljeimport',
      entity: 'comparison_pool',
      detail: { importId, fileName: i.fileName, sha256: i.sha256, women: i.rows.length, droppedRegisterRows },
    });
    return importId;
  });
}

/** Erase one pool woman (see erasePoolMember) with its audit record (the hash's first characters, never the CPR). */
export async function erasePoolWomanAudited(db: Db, actor: Actor, hash: string): Promise<{ pool: boolean; register: boolean }> {
  return databaseOf(db).tx(async (q) => {
    const r = await erasePoolMember(q, hash);
    await writeAudit(q, actor, { action: 'sletning', entity: 'comparison_pool', detail: { hashPrefix: hash.slice(0, 8), ...r } });
    return r;
  });
}

/**
 * Retention of the comparison pool: every pool woman whose pool list was imported before
 * `cutoff` is deleted, with her register data (register_person and its per-delivery history)
 * unless she is also a participant; audited with the counts. `dryRun` counts only.
 */
export async function deleteExpiredPool(
  db: Db,
  actor: Actor,
  cutoff: Date,
  dryRun: boolean,
): Promise<{ women: number; registerRows: number }> {
  return databaseOf(db).tx(async (q) => {
    const expired = `SELECT c.cpr_hash FROM comparison_pool c JOIN comparison_pool_import i ON i.id = c.import_id WHERE i.imported_at < $1`;
    const notParticipant = (t: string) => `NOT EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = ${t}.cpr_hash)`;
    if (dryRun) {
      const n = (
        await q.query<{ women: number; reg: number }>(
          `SELECT count(*)::int AS women, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM register_person r WHERE r.cpr_hash = e.cpr_hash) AND ${notParticipant('e')})::int AS reg
         FROM (${expired}) e`,
          [cutoff],
        )
      ).rows[0];
      await writeAudit(q, actor, {
        action: 'opbevaring_kontrol',
        entity: 'comparison_pool',
        detail: { cutoff: cutoff.toISOString(), due: n.women, dryRun: true },
      });
      return { women: n.women, registerRows: n.reg };
    }
    await q.query(`DELETE FROM register_person_version v WHERE v.cpr_hash IN (${expired}) AND ${notParticipant('v')}`, [cutoff]);
    const registerRows = (
      await q.query(`DELETE FROM register_person r WHERE r.cpr_hash IN (${expired}) AND ${notParticipant('r')} RETURNING 1`, [cutoff])
    ).rows.length;
    const women = (await q.query(`DELETE FROM comparison_pool WHERE cpr_hash IN (${expired}) RETURNING 1`, [cutoff])).rows.length;
    await writeAudit(q, actor, {
      action: 'opbevaring',
      entity: 'comparison_pool',
      detail: { cutoff: cutoff.toISOString(), women, registerRows },
    });
    return { women, registerRows };
  });
}
