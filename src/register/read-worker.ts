/**
 * The reader thread of parallel.ts: reads the pieces of benefit files it is sent into a builder
 * of its own and hands their weeks back packed (the typed arrays are transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { RegisterBuilder } from './builder.ts';
import { readJob, type PieceJob } from './parallel.ts';

const port = parentPort!;
port.once('message', (job: PieceJob) => {
  try {
    const packed = readJob(job, new RegisterBuilder());
    const { nums, starts, lengths, slack, codes, seen } = packed;
    port.postMessage(
      { packed },
      [nums, starts, lengths, slack, codes, seen].map((a) => a.buffer as ArrayBuffer),
    );
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
  port.close();
});
