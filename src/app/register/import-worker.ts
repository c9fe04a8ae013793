/**
 * Worker thread of one register import on PostgreSQL (see import-jobs.ts): parsing and writing
 * a large file take seconds of CPU that must not stall the main thread. Own connections, own
 * vault from the same secret; reports progress and the outcome to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPostgresHandle } from '../../db/open.ts';
import { createVault } from '../../security/vault.ts';
import { runImportJob, type JobInput } from './import-jobs.ts';
import type { Importer } from './import-register-file.ts';

const d = workerData as { url: string; secret: string; suppressThreshold: number; jobId: string; who: Importer; input: JobInput };
// Two connections: the import's transaction, and progress updates beside it.
const db = await openPostgresHandle(d.url, 2);
try {
  const result = await runImportJob(
    { db, vault: createVault(d.secret), config: { databaseUrl: d.url, secret: d.secret, suppressThreshold: d.suppressThreshold } },
    d.jobId,
    d.who,
    d.input,
    (progress) => parentPort!.postMessage({ progress }),
  );
  parentPort!.postMessage({ result });
} finally {
  await db.close();
}
