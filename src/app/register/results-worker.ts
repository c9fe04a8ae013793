/**
 * Worker thread for national results on PostgreSQL: reading every woman's register row and
 * running the engine on 100,000 women takes seconds of CPU, which must not stall the caseworkers'
 * requests on the main thread. The worker has its own small connection pool and computes under
 * an advisory lock, so several instances compute one set of options once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPostgresHandle } from '../../db/open.ts';
import type { MonitorOptions } from '../../monitoring/types.ts';
import { computeAndStoreNational } from './national-results.ts';

const db = await openPostgresHandle((workerData as { url: string }).url, 2);

parentPort!.on('message', async (msg: { id: number; opts: MonitorOptions; asOfBatch?: number }) => {
  try {
    const r = await computeAndStoreNational(db, msg.opts, true);
    parentPort!.postMessage({ id: msg.id, json: r.json, dataVersion: r.dataVersion, computedAt: new Date(r.computedAt).toISOString() });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: { name: (e as Error).name, message: (e as Error).message } });
  }
});
