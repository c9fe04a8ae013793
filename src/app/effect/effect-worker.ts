/**
 * Worker thread for effect results on PostgreSQL: reading the pool's register rows and matching
 * thousands of participants against it takes seconds of CPU, which must not stall other
 * requests on the main thread. The worker has its own small connection pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEffectWorkerDb } from '../../db/effect/worker-db.ts';
import { computeEffectRuns, type EffectRunRequest } from './effect-runs.ts';

const db = await openEffectWorkerDb((workerData as { url: string }).url);

parentPort!.on('message', async (msg: { id: number; req: EffectRunRequest }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: await computeEffectRuns(db, msg.req) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: { name: (e as Error).name, message: (e as Error).message } });
  }
});
