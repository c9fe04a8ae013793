/** Register import jobs and their progress (migration 0160), shared by every instance. */
import { sqlOf, type Reader } from './sql.ts';

export type ImportJobStatus = 'koerer' | 'faerdig' | 'fejl';

export interface ImportJobRow {
  id: string;
  userId: number;
  kind: string;
  fileName: string;
  sha256: string | null;
  status: ImportJobStatus;
  phase: 'laeser' | 'skriver' | 'faerdig';
  done: number;
  total: number;
  report: unknown;
  error: string | null;
  instance: string;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", kind, file_name AS "fileName", sha256, status, phase, done, total, report, error, instance,
  started_at AS "startedAt", heartbeat_at AS "heartbeatAt", finished_at AS "finishedAt"`;
/** Messages are bounded: a job's error is shown on every poll of its status. */
const MAX_ERROR = 2000;
const bound = (s: string) => (s.length > MAX_ERROR ? `${s.slice(0, MAX_ERROR - 1)}…` : s);

export async function insertImportJob(handle: Reader, j: { id: string; userId: number; kind: string; fileName: string; instance: string }) {
  const q = sqlOf(handle);
  await q.query('INSERT INTO import_job (id, user_id, kind, file_name, instance) VALUES ($1, $2, $3, $4, $5)', [
    j.id,
    j.userId,
    j.kind,
    j.fileName.slice(0, 255),
    j.instance,
  ]);
}

export async function updateImportProgress(handle: Reader, id: string, p: { phase: string; done: number; total: number }) {
  const q = sqlOf(handle);
  await q.query(`UPDATE import_job SET phase = $2, done = $3, total = $4, heartbeat_at = now() WHERE id = $1 AND status = 'koerer'`, [
    id,
    p.phase,
    p.done,
    p.total,
  ]);
}

export async function heartbeatImportJobs(handle: Reader, ids: string[]) {
  const q = sqlOf(handle);
  if (ids.length) await q.query(`UPDATE import_job SET heartbeat_at = now() WHERE id = ANY($1::uuid[]) AND status = 'koerer'`, [ids]);
}

export async function finishImportJob(handle: Reader, id: string, outcome: { report: unknown } | { error: string }) {
  const q = sqlOf(handle);
  if ('report' in outcome) {
    await q.query(
      `UPDATE import_job SET status = 'faerdig', phase = 'faerdig', done = total, report = $2::jsonb, finished_at = now(),
      heartbeat_at = now() WHERE id = $1`,
      [id, JSON.stringify(outcome.report)],
    );
  } else {
    await q.query(`UPDATE import_job SET status = 'fejl', error = $2, finished_at = now(), heartbeat_at = now() WHERE id = $1`, [
      id,
      bound(outcome.error),
    ]);
  }
}

/** A job, only for the user who started it. */
export async function findImportJob(handle: Reader, id: string, userId: number): Promise<ImportJobRow | undefined> {
  const q = sqlOf(handle);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
  return (await q.query<ImportJobRow>(`SELECT ${COLUMNS} FROM import_job WHERE id = $1 AND user_id = $2`, [id, userId])).rows[0];
}

/** The file's SHA-256, known once it is read. */
export async function setImportJobSha(handle: Reader, id: string, sha256: string) {
  const q = sqlOf(handle);
  await q.query('UPDATE import_job SET sha256 = $2, heartbeat_at = now() WHERE id = $1', [id, sha256]);
}

/** Jobs of this instance still marked running (shutdown: mark them stopped). */
export async function failRunningJobsOf(handle: Reader, instance: string, message: string) {
  const q = sqlOf(handle);
  await q.query(`UPDATE import_job SET status = 'fejl', error = $2, finished_at = now() WHERE instance = $1 AND status = 'koerer'`, [
    instance,
    bound(message),
  ]);
}

/** Finished jobs are kept for a day; the batches themselves are the lasting record. */
export async function pruneImportJobs(handle: Reader) {
  const q = sqlOf(handle);
  await q.query(`DELETE FROM import_job WHERE started_at < now() - interval '1 day' AND status <> 'koerer'`);
}
