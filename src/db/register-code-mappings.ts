/**
 * Codes an analyst mapped to a category when a delivery carried codes the code table did not
 * know (migration 0101), and the uploads that wait for such a mapping. System path: only the
 * agency's analysts handle register data; a municipality's users read only code and category.
 */
import type { Actor } from '../core/actor.ts';
import type { DatabaseHandle } from '../core/deps.ts';
import type { Category, CodeTable } from '../monitoring/types.ts';
import type { UnknownCode } from '../register/errors.ts';
import { addCode } from '../register/codetable.ts';
import type { Database, Queryable } from './database.ts';
import { systemDoor, type AuditEntry, type Tx } from './door.ts';
import { databaseOf, sqlOf, type Reader } from './sql.ts';

type Db = DatabaseHandle | Database;

export interface CodeMappingRow {
  id: number;
  organisationId: number;
  code: number;
  category: Category;
  reason: string;
  fileName: string | null;
  weeks: number | null;
  people: number | null;
  mappedByName: string;
  mappedAt: Date;
  replacedAt: Date | null;
}

const COLS = `id, organisation_id AS "organisationId", code, category, reason, file_name AS "fileName", weeks, people,
  mapped_by_name AS "mappedByName", mapped_at AS "mappedAt", replaced_at AS "replacedAt"`;

/**
 * Add the mappings in force to a code table. Register data is the agency's, so the mappings of
 * the organisations that import it (in practice one) apply; the latest mapping of a code wins.
 * Only code and category are read, so a municipality's users may call it.
 */
export async function applyCodeMappings(reader: Reader, table: CodeTable): Promise<CodeTable> {
  const r = await sqlOf(reader).query<{ code: number; category: Category }>(
    'SELECT code, category FROM register_code_mapping WHERE replaced_at IS NULL ORDER BY mapped_at',
  );
  for (const m of r.rows)
    addCode(table, { code: m.code, category: m.category, tekst: table.entries.get(m.code)?.tekst ?? '', kilde: 'egen tilknytning' });
  return table;
}

/** An organisation's mappings, current first, then the replaced ones (the history). */
export async function listCodeMappings(db: Db, organisationId: number): Promise<CodeMappingRow[]> {
  return (
    await databaseOf(db).query<CodeMappingRow>(
      `SELECT ${COLS} FROM register_code_mapping WHERE organisation_id = $1 ORDER BY (replaced_at IS NOT NULL), code, mapped_at DESC`,
      [organisationId],
    )
  ).rows;
}

export async function currentCodeMapping(db: Db | Queryable, organisationId: number, code: number): Promise<CodeMappingRow | undefined> {
  return (
    await (db as Queryable).query<CodeMappingRow>(
      `SELECT ${COLS} FROM register_code_mapping WHERE organisation_id = $1 AND code = $2 AND replaced_at IS NULL`,
      [organisationId, code],
    )
  ).rows[0];
}

/** Where a mapped code was seen: the file, and its weeks and women in it. */
type Seen = Pick<CodeMappingRow, 'fileName' | 'weeks' | 'people'>;

/**
 * Save the actor's mapping of one code for her organisation; an earlier current mapping of the
 * code is kept and marked replaced by it. Runs inside the caller's door, which writes its audit record.
 */
async function saveCodeMapping(tx: Tx, c: CodeChoice, seen: Seen): Promise<{ id: number; previous: CodeMappingRow | undefined }> {
  const q = sqlOf(tx);
  const { organisationId, userId, username } = tx.actor;
  const previous = await currentCodeMapping(q, organisationId, c.code);
  if (previous) await q.query('UPDATE register_code_mapping SET replaced_at = now() WHERE id = $1', [previous.id]);
  const id = (
    await q.query<{ id: number }>(
      `INSERT INTO register_code_mapping (organisation_id, code, category, reason, file_name, weeks, people, mapped_by, mapped_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [organisationId, c.code, c.category, c.reason, seen.fileName, seen.weeks, seen.people, userId || null, username],
    )
  ).rows[0].id;
  if (previous) await q.query('UPDATE register_code_mapping SET replaced_by = $2 WHERE id = $1', [previous.id, id]);
  // The code table behind every result changed: every instance drops its results cache.
  await q.query('UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1');
  return { id, previous };
}

export interface PendingUpload {
  jobId: string;
  userId: number;
  kind: string;
  fileName: string;
  path: string;
  instance: string;
  unknown: UnknownCode[];
  createdAt: Date;
}

const PENDING_COLS = `job_id AS "jobId", user_id AS "userId", kind, file_name AS "fileName", path, instance, unknown, created_at AS "createdAt"`;

export async function insertPendingUpload(db: Db, p: Omit<PendingUpload, 'createdAt'>) {
  await databaseOf(db).query(
    'INSERT INTO register_pending_upload (job_id, user_id, kind, file_name, path, instance, unknown) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)',
    [p.jobId, p.userId, p.kind, p.fileName.slice(0, 255), p.path, p.instance, JSON.stringify(p.unknown)],
  );
}

/** The upload of this job waiting for its codes, only for the user who made it. */
export async function findPendingUpload(db: Db | Queryable, jobId: string, userId: number): Promise<PendingUpload | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(jobId)) return undefined;
  return (
    await (db as Queryable).query<PendingUpload>(`SELECT ${PENDING_COLS} FROM register_pending_upload WHERE job_id = $1 AND user_id = $2`, [
      jobId,
      userId,
    ])
  ).rows[0];
}

async function deletePendingUpload(q: Queryable, jobId: string) {
  await q.query('DELETE FROM register_pending_upload WHERE job_id = $1', [jobId]);
}

/** Uploads left waiting for a day are dropped (their files with them, by the caller). */
export async function prunePendingUploads(db: Db): Promise<PendingUpload[]> {
  return (
    await databaseOf(db).query<PendingUpload>(
      `DELETE FROM register_pending_upload WHERE created_at < now() - interval '1 day' RETURNING ${PENDING_COLS}`,
    )
  ).rows;
}

export interface CodeChoice {
  code: number;
  category: Category;
  reason: string;
}

/**
 * Save the analyst's mappings for an upload that waits for them, in one transaction through the
 * system door (register data is the agency's) with one audit record per code, and take the upload
 * off the waiting list. Returns the upload (its file is then imported), or undefined when it is
 * not hers or no longer waits.
 */
export function saveUploadMappings(db: Db, actor: Actor, jobId: string, choices: CodeChoice[]): Promise<PendingUpload | undefined> {
  return systemDoor(db, actor, async (tx) => {
    const pending = await findPendingUpload(sqlOf(tx), jobId, actor.userId);
    if (!pending) return { value: undefined, audit: [] };
    const counts = new Map(pending.unknown.map((u) => [u.code, u]));
    const audit: AuditEntry[] = [];
    for (const c of choices) {
      const u = counts.get(c.code);
      if (!u) continue;
      const seen = { fileName: pending.fileName, weeks: u.weeks, people: u.people };
      const { id, previous } = await saveCodeMapping(tx, c, seen);
      const replaces = previous ? { mappingId: previous.id, category: previous.category } : null;
      audit.push({
        action: 'kode_tilknyttet',
        entity: 'register_code_mapping',
        detail: { mappingId: id, code: c.code, category: c.category, reason: c.reason, ...seen, jobId, replaces },
      });
    }
    await deletePendingUpload(sqlOf(tx), jobId);
    return { value: pending, audit };
  });
}

/** Correct an own mapping: a new mapping with the actor's name; the earlier one kept as replaced. False when none is current. */
export function correctMapping(db: Db, actor: Actor, c: CodeChoice): Promise<boolean> {
  return systemDoor(db, actor, async (tx) => {
    const current = await currentCodeMapping(sqlOf(tx), actor.organisationId, c.code);
    if (!current) return { value: false, audit: [] };
    const { id } = await saveCodeMapping(tx, c, current);
    const replaces = { mappingId: current.id, category: current.category, reason: current.reason };
    return {
      value: true,
      audit: {
        action: 'kode_rettet',
        entity: 'register_code_mapping',
        detail: { mappingId: id, code: c.code, category: c.category, reason: c.reason, replaces },
      },
    };
  });
}
