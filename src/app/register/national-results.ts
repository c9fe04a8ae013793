/**
 * National results: in a worker thread on PostgreSQL (so the main thread keeps serving), inline
 * on PGlite (one connection, small installations). Identical requests in flight share one run.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/database.ts';
import { monitor, MonitorOptionError } from '../../monitoring/engine.ts';
import type { MonitorOptions, MonitorResult } from '../../monitoring/types.ts';
import { nationalMonitorInput } from './load-monitor-input.ts';

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (r: MonitorResult) => void; reject: (e: Error) => void }>();

function getWorker(url: string): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./results-worker-boot.js', import.meta.url), {
    workerData: { url, entry: new URL('./results-worker.ts', import.meta.url).href },
  });
  w.unref();
  w.on('message', (m: { id: number; result?: MonitorResult; error?: { name: string; message: string } }) => {
    const p = waiting.get(m.id);
    if (!p) return;
    waiting.delete(m.id);
    if (m.error) p.reject(m.error.name === 'MonitorOptionError' ? new MonitorOptionError(m.error.message) : new Error(m.error.message));
    else p.resolve(m.result!);
  });
  const fail = (e: Error) => {
    for (const p of waiting.values()) p.reject(e);
    waiting.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', () => fail(new Error('Beregningen stoppede uventet.')));
  worker = w;
  return w;
}

const inFlight = new Map<string, Promise<MonitorResult>>();

export function nationalResults(db: Database, databaseUrl: string | undefined, opts: MonitorOptions): Promise<MonitorResult> {
  const key = JSON.stringify(opts);
  const running = inFlight.get(key);
  if (running) return running;
  const run = (async () => {
    if (db.kind === 'postgres' && databaseUrl) {
      const id = ++seq;
      return new Promise<MonitorResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        getWorker(databaseUrl).postMessage({ id, opts });
      });
    }
    const result = monitor((await nationalMonitorInput(db)).input, opts);
    result.participants = [];
    return result;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

/** Stop the worker (server shutdown, tests). */
export async function stopNationalWorker() {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
