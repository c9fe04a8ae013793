/**
 * Imports started from the web run as background jobs in this process, so the browser can show
 * a progress bar while a large file is read and written. A job's outcome is kept for an hour.
 */
import { randomUUID } from 'node:crypto';
import { RegisterInputError } from '../../register/errors.ts';
import type { ImportProgress, ImportReport } from './import-register-file.ts';

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

const jobs = new Map<string, ImportJob>();
const KEEP_MS = 3600_000;

export function startImportJob(
  userId: number,
  fileName: string,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportReport>,
): ImportJob {
  for (const [id, j] of jobs) if (Date.now() - j.startedAt > KEEP_MS) jobs.delete(id);
  const job: ImportJob = { id: randomUUID(), userId, fileName, status: 'koerer', progress: { phase: 'laeser', done: 0, total: 1 }, startedAt: Date.now() };
  jobs.set(job.id, job);
  run((p) => (job.progress = p))
    .then((report) => {
      job.report = report;
      job.status = 'faerdig';
    })
    .catch((e: unknown) => {
      job.status = 'fejl';
      job.error = e instanceof RegisterInputError ? e.message : 'Indlæsningen fejlede uventet. Intet er gemt. Prøv igen, eller kontakt en administrator.';
      if (!(e instanceof RegisterInputError)) console.error(e);
    });
  return job;
}

/** A job, only for the user who started it. */
export function getImportJob(id: string, userId: number): ImportJob | undefined {
  const j = jobs.get(id);
  return j && j.userId === userId ? j : undefined;
}

/** Wait for a job to finish (tests and the CLI). */
export async function waitForJob(job: ImportJob, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  while (job.status === 'koerer' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return job;
}
