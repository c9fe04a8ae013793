/**
 * Register imports started from the web run as jobs: the upload is streamed to a private
 * temporary file (0600), read by the job as a stream (never whole) and removed when the job ends;
 * the job and its progress are kept in the database (`import_job`), so every instance behind the
 * balancer shows the same progress bar, and the work runs off the request path. On PostgreSQL
 * each job runs in a worker thread with its own connections (the main thread keeps serving
 * caseworkers), in one transaction. On PGlite (one engine in this process, which a transaction
 * holds for everyone) the file is read and checked in a worker thread and the main thread writes
 * the people in short committed batches under a pending batch, yielding between them; a failure,
 * a stop or a crash undoes the pending batch. Either way a job stopped at any point leaves
 * nothing behind.
 *
 * A job whose instance died (killed, crashed) stops beating; the next look at it decides from
 * the batches whether its file was stored, and says so.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  failRunningJobsOf,
  findImportJob,
  finishImportJob,
  heartbeatImportJobs,
  insertImportJob,
  pruneImportJobs,
  setImportJobSha,
  updateImportProgress,
  type ImportJobRow,
} from '../../db/import-jobs.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import { insertPendingUpload, prunePendingUploads } from '../../db/register-code-mappings.ts';
import { findBatch, undoAbandonedBatches } from '../../db/register-store.ts';
import type { ResourceKey, ResourceScope } from '../../core/resources.ts';
import { telemetryOf } from '../../core/telemetry.ts';
import { RegisterInputError } from '../../register/errors.ts';
import type { Vault } from '../../security/vault.ts';
import { defaultMonths } from './default-months.ts';
import {
  BatchWriting,
  importRegisterFile,
  ImportStopped,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type Importer,
  type ParsedPeople,
  type RegisterKind,
} from './import-register-file.ts';
import type { CodeTable } from '../../monitoring/types.ts';
import { computeAndStoreNational } from './national-results.ts';

export interface ImportJob {
  id: string;
  userId: number;
  fileName: string;
  status: 'koerer' | 'faerdig' | 'fejl';
  progress: ImportProgress;
  report?: ImportReport;
  error?: string;
  startedAt: number;
}

export interface JobDeps {
  db: DatabaseHandle;
  vault: Vault;
  config: { databaseUrl?: string; secret: string; suppressThreshold: number; importInProcess?: boolean; importBatch?: number };
}

/** What a server starts and looks up its jobs with: its scope besides the database. */
export type ServerJobDeps = JobDeps & { resources: ResourceScope };

export interface JobInput {
  kind: RegisterKind;
  fileName: string;
  /** A private temporary file with the upload; removed when the job ends. */
  path: string;
}

/** This instance, as named in `import_job.instance`. */
export const INSTANCE = `${hostname()}:${process.pid}`;
/** A running job not heard of for this long died with its instance. */
const STALE_SECONDS = 30;
const HEARTBEAT_MS = 5000;
const PROGRESS_EVERY_MS = 500;

const FAILED = 'Indlæsningen fejlede uventet. Intet er gemt. Prøv igen, eller kontakt en administrator.';
const STOPPED = 'Indlæsningen blev afbrudt, fordi serveren stoppede. Intet er gemt. Start indlæsningen igen.';

interface LocalJob {
  job: ImportJob;
  worker?: Worker;
  /** Set when the server stops: an import written in batches ends at the next batch and is undone. */
  stop?: string;
  done: Promise<void>;
}
/**
 * One server's import jobs, in its resource scope (core/resources.ts): the jobs running here (live
 * progress without a database round trip; shutdown), the heartbeat that keeps them alive in
 * `import_job`, and the queue of imports that write in batches. Two servers in one process never
 * see, stop or queue behind each other's jobs. Not closed with the scope: a running job ends on
 * its own or through `stopImportJobs`, for which the caller takes the jobs before closing the server.
 */
export class ImportJobs {
  readonly local = new Map<string, LocalJob>();
  readonly batches = new BatchWriting();
  heartbeat: NodeJS.Timeout | undefined;
}

const IMPORT_JOBS: ResourceKey<ImportJobs> = { name: 'import jobs', make: () => new ImportJobs() };

/** This server's import jobs. */
export const importJobsOf = (resources: ResourceScope): ImportJobs => resources.use(IMPORT_JOBS);

function errorText(e: unknown): string {
  return e instanceof RegisterInputError || e instanceof ImportStopped ? e.message : FAILED;
}

const bootUrl = new URL('./results-worker-boot.js', import.meta.url);

/**
 * Read and check the file in a worker thread (PGlite): the main thread gets the people in
 * chunks as it writes them.
 */
function parseInWorker(input: JobInput, secret: string): (codeTable: CodeTable) => Promise<ParsedPeople> {
  return (codeTable) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(bootUrl, {
        workerData: {
          entry: new URL('./import-parse-worker.ts', import.meta.url).href,
          input: { path: input.path },
          kind: input.kind,
          fileName: input.fileName,
          codeTable,
          secret,
        },
      });
      let waiting: { resolve: (c: unknown) => void; reject: (e: Error) => void } | null = null;
      let failed: Error | null = null;
      let from = 0;
      const fail = (e: Error) => {
        failed = e;
        if (waiting) waiting.reject(e);
        else reject(e);
        waiting = null;
      };
      worker.on(
        'message',
        (m: {
          meta?: ParsedPeople['meta'];
          chunk?: unknown;
          error?: {
            input?: ConstructorParameters<typeof RegisterInputError>[2] & { code: RegisterInputError['code']; message: string };
            message: string;
          };
        }) => {
          if (m.error) {
            fail(
              m.error.input ? new RegisterInputError(m.error.input.code, m.error.input.message, m.error.input) : new Error(m.error.message),
            );
            return;
          }
          if (m.chunk) {
            const w = waiting;
            waiting = null;
            w?.resolve(m.chunk);
            return;
          }
          if (!m.meta) return;
          const meta = m.meta;
          resolve({
            meta,
            next(n) {
              if (failed) return Promise.reject(failed);
              if (from >= meta.persons) return Promise.resolve(null);
              const p = new Promise<ParsedPeople extends { next(n: number): Promise<infer C> } ? C : never>(
                (res, rej) => (waiting = { resolve: res as (c: unknown) => void, reject: rej }),
              );
              worker.postMessage({ from, n });
              from += n;
              return p;
            },
            close: () => void worker.terminate(),
          });
        },
      );
      worker.on('error', (e) => fail(e));
      worker.on('exit', () => {
        if (!failed) fail(new Error('import parse worker ended'));
      });
    });
}

/**
 * Run one job to its end: read the file, import it, record the outcome, and (PostgreSQL) compute
 * the national results for the new data ahead of the first analyst. Inline and in the worker.
 */
export async function runImportJob(
  deps: JobDeps,
  jobId: string,
  who: Importer,
  input: JobInput,
  onProgress: (p: ImportProgress) => void,
  opts: ImportOptions = {},
): Promise<{ report?: ImportReport; error?: string }> {
  let lastWrite = 0;
  let keep = false;
  const progress = (p: ImportProgress) => {
    onProgress(p);
    const now = Date.now();
    // Only where a second connection exists: PGlite's one connection is busy with the import.
    if (deps.db.kind === 'postgres' && now - lastWrite >= PROGRESS_EVERY_MS) {
      lastWrite = now;
      void updateImportProgress(deps.db, jobId, p).catch(() => undefined);
    }
  };
  try {
    // The file is read as a stream, from its path: never whole in memory.
    const report = await importRegisterFile(deps, who, { kind: input.kind, fileName: input.fileName, path: input.path }, progress, {
      ...opts,
      onDigest: (sha) => setImportJobSha(deps.db, jobId, sha),
    });
    // Several instances (PostgreSQL): the national results for the new data are computed before
    // the job reports done, so every instance shows them at once. PGlite: on first view, as before.
    if (!report.alreadyImported && deps.db.kind === 'postgres') {
      const months = await defaultMonths(deps.db);
      // Unsuppressed for /nationalt (it suppresses all its tables in one pass), suppressed for /resultater.
      for (const suppress of [0, deps.config.suppressThreshold])
        await computeAndStoreNational(deps.db, { ...months, suppress }, true).catch(() => undefined);
    }
    await finishImportJob(deps.db, jobId, { report });
    return { report };
  } catch (e) {
    if (!(e instanceof RegisterInputError || e instanceof ImportStopped)) console.error(e);
    const error = errorText(e);
    // Unknown codes from an analyst's upload: the file waits (its private folder kept) until she
    // has mapped each code to a category on the job page; then it is imported.
    if (e instanceof RegisterInputError && e.code === 'unknown_codes' && e.unknown.length && who.userId) {
      keep = await insertPendingUpload(deps.db, {
        jobId,
        userId: who.userId,
        kind: input.kind,
        fileName: input.fileName,
        path: input.path,
        instance: INSTANCE,
        unknown: e.unknown,
      }).then(
        () => true,
        () => false,
      );
    }
    await finishImportJob(deps.db, jobId, { error }).catch(() => undefined);
    return { error };
  } finally {
    if (!keep) await rm(dirname(input.path), { recursive: true, force: true }).catch(() => undefined);
  }
}

function startHeartbeat(db: DatabaseHandle, jobs: ImportJobs) {
  if (jobs.heartbeat) return;
  jobs.heartbeat = setInterval(() => {
    if (!jobs.local.size) {
      clearInterval(jobs.heartbeat);
      jobs.heartbeat = undefined;
      return;
    }
    if (db.kind === 'postgres') void heartbeatImportJobs(db, [...jobs.local.keys()]).catch(() => undefined);
  }, HEARTBEAT_MS);
  jobs.heartbeat.unref();
}

export async function startImportJob(deps: ServerJobDeps, who: Importer, input: JobInput): Promise<ImportJob> {
  const jobs = importJobsOf(deps.resources);
  const telemetry = telemetryOf(deps.resources);
  await pruneImportJobs(deps.db);
  if (deps.db.kind === 'pglite') await recoverImports(deps.db, jobs);
  for (const p of await prunePendingUploads(deps.db)) await rm(dirname(p.path), { recursive: true, force: true }).catch(() => undefined);
  const id = randomUUID();
  await insertImportJob(deps.db, { id, userId: who.userId, kind: input.kind, fileName: input.fileName, instance: INSTANCE });
  const job: ImportJob = {
    id,
    userId: who.userId,
    fileName: input.fileName,
    status: 'koerer',
    progress: { phase: 'laeser', done: 0, total: 1 },
    startedAt: Date.now(),
  };
  const finish = (r: { report?: ImportReport; error?: string }) => {
    if (r.report) {
      job.report = r.report;
      job.status = 'faerdig';
      telemetry.importsTotal.inc({ outcome: 'faerdig' });
      telemetry.importRows.inc(r.report.alreadyImported ? 0 : r.report.rows);
    } else {
      job.error = r.error ?? FAILED;
      job.status = 'fejl';
      telemetry.importsTotal.inc({ outcome: 'fejl' });
    }
    telemetry.importsRunning.dec();
    jobs.local.delete(id);
  };
  telemetry.importsRunning.inc();
  let worker: Worker | undefined;
  let done: Promise<void>;
  if (deps.db.kind === 'postgres' && deps.config.databaseUrl && !deps.config.importInProcess) {
    ({ worker, done } = importInWorker(deps, id, who, input, job, finish));
  } else if (deps.db.kind === 'pglite' && !deps.config.importInProcess) {
    // One engine for everyone: parse in a worker thread, write in short batches (see top).
    const opts: ImportOptions = {
      mode: 'batches',
      writing: jobs.batches,
      parse: parseInWorker(input, deps.config.secret),
      stopped: () => jobs.local.get(id)?.stop ?? null,
      batchSize: deps.config.importBatch,
    };
    done = runImportJob(deps, id, who, input, (p) => (job.progress = p), opts).then(finish);
  } else {
    // FREMDRIFT_IMPORT_IN_PROCESS=1: on the main thread in one transaction, as before (benchmark comparison).
    done = runImportJob(deps, id, who, input, (p) => (job.progress = p)).then(finish);
  }
  jobs.local.set(id, { job, worker, done });
  startHeartbeat(deps.db, jobs);
  return job;
}

/** PostgreSQL: the import runs in a worker thread with its own connection; its messages move the job's progress and finish it. */
function importInWorker(
  deps: JobDeps,
  id: string,
  who: Importer,
  input: JobInput,
  job: ImportJob,
  finish: (r: { report?: ImportReport; error?: string }) => void,
): { worker: Worker; done: Promise<void> } {
  const worker = new Worker(new URL('./results-worker-boot.js', import.meta.url), {
    workerData: {
      entry: new URL('./import-worker.ts', import.meta.url).href,
      url: deps.config.databaseUrl,
      secret: deps.config.secret,
      suppressThreshold: deps.config.suppressThreshold,
      jobId: id,
      who: { userId: who.userId, username: who.username, role: who.role, ip: who.ip },
      input,
    },
  });
  const done = new Promise<void>((resolve) => {
    let settled = false;
    worker.on('message', (m: { progress?: ImportProgress; result?: { report?: ImportReport; error?: string } }) => {
      if (m.progress) job.progress = m.progress;
      if (m.result) {
        settled = true;
        finish(m.result);
      }
    });
    const end = () => {
      if (!settled) {
        settled = true;
        finish({ error: STOPPED });
      }
      resolve();
    };
    worker.on('error', (e) => {
      console.error(e);
      end();
    });
    worker.on('exit', end);
  });
  return { worker, done };
}

/**
 * Undo what imports of a process that died mid-write left (PGlite: pending batches no import
 * here is writing). At start-up and before each new job.
 */
export async function recoverImports(db: DatabaseHandle, jobs: ImportJobs): Promise<number> {
  return undoAbandonedBatches(db, jobs.batches.here);
}

function fromRow(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    userId: r.userId,
    fileName: r.fileName,
    status: r.status,
    progress: { phase: r.phase, done: r.done, total: r.total },
    report: (r.report ?? undefined) as ImportReport | undefined,
    error: r.error ?? undefined,
    startedAt: r.startedAt.getTime(),
  };
}

/** A job, only for the user who started it, from whichever instance runs it. */
export async function getImportJob(
  { db, resources }: { db: DatabaseHandle; resources: ResourceScope },
  id: string,
  userId: number,
): Promise<ImportJob | undefined> {
  const mine = importJobsOf(resources).local.get(id)?.job;
  if (mine) return mine.userId === userId ? mine : undefined;
  const row = await findImportJob(db, id, userId);
  if (!row) return undefined;
  if (row.status === 'koerer' && Date.now() - row.heartbeatAt.getTime() > STALE_SECONDS * 1000) {
    // Its instance died. One transaction: either the whole file is stored (a batch with its
    // SHA-256 exists) or nothing is.
    const batch = row.sha256 ? await findBatch(db, row.kind, row.sha256) : undefined;
    if (batch) {
      const report: ImportReport = {
        batchId: batch.id,
        alreadyImported: false,
        kind: row.kind as RegisterKind,
        fileName: batch.fileName,
        sha256: batch.sha256,
        rows: batch.rows,
        persons: batch.persons,
        changedPersons: batch.changedPersons,
        changedWeeks: batch.changedWeeks,
        movedResults: batch.movedResults,
        moved: [],
        resultMonth: null,
        periodFrom: batch.periodFrom,
        periodTo: batch.periodTo,
      };
      await finishImportJob(db, id, { report });
    } else await finishImportJob(db, id, { error: STOPPED });
    return fromRow((await findImportJob(db, id, userId))!);
  }
  return fromRow(row);
}

/** Wait for a job of this instance to end (tests and the CLI). */
export async function waitForJob(
  deps: { db: DatabaseHandle; resources: ResourceScope },
  job: ImportJob,
  timeoutMs = 120_000,
): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  const l = importJobsOf(deps.resources).local.get(job.id);
  if (l) await Promise.race([l.done, new Promise((r) => setTimeout(r, timeoutMs))]);
  let j = await getImportJob(deps, job.id, job.userId);
  while (j?.status === 'koerer' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    j = await getImportJob(deps, job.id, job.userId);
  }
  return j ?? job;
}

/**
 * Shutdown: give running imports `graceMs` to finish; stop the rest. Stopping the worker closes
 * its connections, so PostgreSQL rolls its one transaction back: the database is as before.
 */
export async function stopImportJobs(
  db: DatabaseHandle,
  jobs: ImportJobs,
  graceMs: number,
): Promise<{ finished: number; stopped: number }> {
  const running = [...jobs.local.values()];
  if (!running.length) return { finished: 0, stopped: 0 };
  await Promise.race([Promise.all(running.map((l) => l.done)), new Promise((r) => setTimeout(r, graceMs))]);
  let stopped = 0;
  for (const l of running) {
    if (l.job.status !== 'koerer') continue;
    stopped++;
    if (l.worker) {
      await l.worker.terminate();
      await l.done;
    } else {
      // Written in batches (PGlite): it stops at the next batch and undoes what it wrote.
      l.stop = STOPPED;
      await l.done;
    }
  }
  if (stopped) await failRunningJobsOf(db, INSTANCE, STOPPED).catch(() => undefined);
  return { finished: running.length - stopped, stopped };
}
