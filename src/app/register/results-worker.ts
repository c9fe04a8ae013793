/**
 * Worker thread for national results on PostgreSQL: reading every woman's register row and
 * running the engine on 100,000 women takes seconds of CPU, which must not stall the caseworkers'
 * requests on the main thread. The worker has its own small connection pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPostgres } from '../../db/database.ts';
import { monitor } from '../../monitoring/engine.ts';
import type { MonitorOptions } from '../../monitoring/types.ts';
import { nationalMonitorInput } from './load-monitor-input.ts';

const db = await openPostgres((workerData as { url: string }).url, 2);

parentPort!.on('message', async (msg: { id: number; opts: MonitorOptions }) => {
  try {
    const stored = await nationalMonitorInput(db);
    const result = monitor(stored.input, msg.opts);
    result.participants = []; // microdata never leaves for the national view
    parentPort!.postMessage({ id: msg.id, result, participants: stored.refs.length });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: { name: (e as Error).name, message: (e as Error).message } });
  }
});
