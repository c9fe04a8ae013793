/**
 * Stored register data: batches with provenance, one packed row per person, the code table.
 * System path (imports by analysts); tenant reads go through `door` (db/door.ts) and row-level security.
 */
import { addCode, defaultCodeTable, emptyCodeTable } from '../register/codetable.ts';
import type { Category, CodeTable } from '../monitoring/types.ts';
import { applyCodeMappings } from './register-code-mappings.ts';
import type { RegisterReader } from './register-input.ts';
import { databaseOf, sqlOf, type Db, type Reader } from './sql.ts';

export interface BatchRow {
  id: number;
  kind: 'ydelser' | 'loentimer' | 'kodetabel';
  fileName: string;
  sha256: string;
  bytes: number;
  rows: number;
  persons: number;
  changedPersons: number;
  /** Revision summary: person-weeks whose code changed, enrolments whose result moved. */
  changedWeeks: number;
  movedResults: number;
  periodFrom: string | null;
  periodTo: string | null;
  importedByName: string;
  importedAt: Date;
}

const BATCH_COLS = `id, kind, file_name AS "fileName", sha256, bytes, rows, persons, changed_persons AS "changedPersons",
  changed_weeks AS "changedWeeks", moved_results AS "movedResults",
  period_from AS "periodFrom", period_to AS "periodTo", imported_by_name AS "importedByName", imported_at AS "importedAt"`;

/**
 * A batch still being written in committed steps (PGlite, migration 0113) is `pending`: it is not
 * a delivery yet, so none of the readers below sees it, and it is removed if the import fails.
 */
export async function findBatch(handle: Reader, kind: string, sha256: string): Promise<BatchRow | undefined> {
  const q = sqlOf(handle);
  return (
    await q.query<BatchRow>(`SELECT ${BATCH_COLS} FROM register_batch WHERE kind = $1 AND sha256 = $2 AND NOT pending`, [kind, sha256])
  ).rows[0];
}

export async function listBatches(handle: Reader): Promise<BatchRow[]> {
  const q = sqlOf(handle);
  return (await q.query<BatchRow>(`SELECT ${BATCH_COLS} FROM register_batch WHERE NOT pending ORDER BY id DESC`)).rows;
}

/** Batches up to and including `asOf` (all when absent), oldest first: the deliveries results rest on. */
export async function batchesUpTo(reader: RegisterReader, asOf?: number): Promise<BatchRow[]> {
  const q = sqlOf(reader);
  return asOf === undefined
    ? (await q.query<BatchRow>(`SELECT ${BATCH_COLS} FROM register_batch WHERE NOT pending ORDER BY id`)).rows
    : (await q.query<BatchRow>(`SELECT ${BATCH_COLS} FROM register_batch WHERE id <= $1 AND NOT pending ORDER BY id`, [asOf])).rows;
}

export async function insertBatch(
  handle: Reader,
  b: Omit<BatchRow, 'id' | 'importedAt' | 'changedPersons' | 'changedWeeks' | 'movedResults'> & {
    importedBy: number | null;
    pending?: boolean;
  },
): Promise<number> {
  const q = sqlOf(handle);
  const r = await q.query<{ id: number }>(
    `INSERT INTO register_batch (kind, file_name, sha256, bytes, rows, persons, changed_persons, period_from, period_to, imported_by, imported_by_name, pending)
     VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9, $10, $11) RETURNING id`,
    [
      b.kind,
      b.fileName,
      b.sha256,
      b.bytes,
      b.rows,
      b.persons,
      b.periodFrom,
      b.periodTo,
      b.importedBy,
      b.importedByName,
      b.pending ?? false,
    ],
  );
  return r.rows[0].id;
}

/** The last step of an import written in batches: the batch becomes a delivery. */
export async function markDelivered(handle: Reader, batchId: number) {
  const q = sqlOf(handle);
  await q.query('UPDATE register_batch SET pending = false WHERE id = $1', [batchId]);
}

/**
 * Remove everything a pending batch wrote, in one transaction: each person whose row it wrote
 * gets back the version she had before it (the latest one of an earlier batch: every row
 * written is also kept as the version of its batch), or loses the row if it was new; then its
 * versions and the batch go. The database is as it was before the import began.
 */
export async function undoPendingBatch(handle: Db, batchId: number): Promise<void> {
  const db = databaseOf(handle);
  await db.tx(async (q) => {
    const pending = await q.query('SELECT 1 FROM register_batch WHERE id = $1 AND pending', [batchId]);
    if (!pending.rows.length) return;
    await q.query(
      `UPDATE register_person r SET data = prev.data, batch_id = prev.batch_id
       FROM (SELECT DISTINCT ON (v.cpr_hash) v.cpr_hash, v.data, v.batch_id
               FROM register_person_version v JOIN register_person p ON p.cpr_hash = v.cpr_hash AND p.batch_id = $1
              WHERE v.batch_id < $1 ORDER BY v.cpr_hash, v.batch_id DESC) prev
       WHERE r.cpr_hash = prev.cpr_hash`,
      [batchId],
    );
    await q.query('DELETE FROM register_person WHERE batch_id = $1', [batchId]);
    await q.query('DELETE FROM register_person_version WHERE batch_id = $1', [batchId]);
    await q.query('DELETE FROM register_batch WHERE id = $1', [batchId]);
  });
}

/** Pending batches left by a process that died mid-import (PGlite): undo each. */
export async function undoAbandonedBatches(handle: Db, running: Set<number> = new Set()): Promise<number> {
  const db = databaseOf(handle);
  const r = await db.query<{ id: number }>('SELECT id FROM register_batch WHERE pending ORDER BY id DESC');
  let n = 0;
  for (const { id } of r.rows) {
    if (running.has(id)) continue;
    await undoPendingBatch(db, id);
    n++;
  }
  return n;
}

export async function setRevisionSummary(
  handle: Reader,
  batchId: number,
  s: { changedPersons: number; changedWeeks: number; movedResults: number },
) {
  const q = sqlOf(handle);
  await q.query('UPDATE register_batch SET changed_persons = $2, changed_weeks = $3, moved_results = $4 WHERE id = $1', [
    batchId,
    s.changedPersons,
    s.changedWeeks,
    s.movedResults,
  ]);
}

/** Every stored person's packed row (a new code table is checked against all of them). */
export async function allPackedPersons(handle: Reader): Promise<Uint8Array[]> {
  return (await sqlOf(handle).query<{ data: Uint8Array }>('SELECT data FROM register_person')).rows.map((r) => r.data);
}

/** Packed rows of these people (missing people are simply absent). */
export async function loadPersons(handle: Reader, hashes: string[]): Promise<Map<string, Uint8Array>> {
  const q = sqlOf(handle);
  const r = await q.query<{ h: string; data: Uint8Array }>(
    'SELECT cpr_hash AS h, data FROM register_person WHERE cpr_hash = ANY($1::text[])',
    [hashes],
  );
  return new Map(r.rows.map((x) => [x.h, x.data]));
}

export async function upsertPersons(handle: Reader, batchId: number, rows: { hash: string; data: Uint8Array }[]) {
  const q = sqlOf(handle);
  if (!rows.length) return;
  await q.query(
    `INSERT INTO register_person (cpr_hash, data, batch_id)
     SELECT h, decode(d, 'hex'), $3 FROM unnest($1::text[], $2::text[]) AS t(h, d)
     ON CONFLICT (cpr_hash) DO UPDATE SET data = excluded.data, batch_id = excluded.batch_id, updated_at = now()`,
    [rows.map((r) => r.hash), rows.map((r) => Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength).toString('hex')), batchId],
  );
}

/** Keep each changed person's new row as the version of this batch (the history of deliveries). */
export async function insertVersions(handle: Reader, batchId: number, rows: { hash: string; data: Uint8Array }[]) {
  const q = sqlOf(handle);
  if (!rows.length) return;
  await q.query(
    `INSERT INTO register_person_version (cpr_hash, data, batch_id)
     SELECT h, decode(d, 'hex'), $3 FROM unnest($1::text[], $2::text[]) AS t(h, d)`,
    [rows.map((r) => r.hash), rows.map((r) => Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength).toString('hex')), batchId],
  );
}

/**
 * The code table in force: the stored one (or the shipped default when none is loaded), with
 * the codes the agency's analysts mapped themselves (register-code-mappings.ts) on top.
 */
export async function loadCodeTable(reader: RegisterReader): Promise<CodeTable> {
  const q = sqlOf(reader);
  return applyCodeMappings(q, await loadBaseCodeTable(q));
}

/** The stored code table, or the shipped default when none is loaded, without own mappings. */
export async function loadBaseCodeTable(handle: Reader): Promise<CodeTable> {
  const q = sqlOf(handle);
  const r = await q.query<{ code: number; category: Category; text: string }>('SELECT code, category, text FROM register_code');
  if (!r.rows.length) return defaultCodeTable();
  const t = emptyCodeTable();
  for (const row of r.rows) addCode(t, { code: row.code, category: row.category, tekst: row.text });
  return t;
}

export async function replaceCodeTable(handle: Reader, table: CodeTable, batchId: number) {
  const q = sqlOf(handle);
  await q.query('DELETE FROM register_code');
  const e = [...table.entries.values()];
  await q.query(
    `INSERT INTO register_code (code, category, text, batch_id) SELECT c, k, t, $4 FROM unnest($1::int[], $2::text[], $3::text[]) AS x(c, k, t)`,
    [e.map((x) => x.code), e.map((x) => x.category), e.map((x) => x.tekst), batchId],
  );
}
