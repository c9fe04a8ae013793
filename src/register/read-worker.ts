/**
 * The reader thread of parallel.ts: reads the pieces of benefit files it is sent into a builder
 * of its own and hands their weeks back packed (the typed arrays are transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { RegisterBuilder } from './builder.ts';
import { jobPeople, readJob, type PieceJob, type ReaderReply } from './parallel.ts';

const port = parentPort!;
let job: PieceJob | null = null;
// The first message is the job; when it names only the participants file and the people cannot
// be taken from it (`jobPeople`), the thread asks for them and the second message brings them.
port.on('message', (m: PieceJob | { cprs: string[] }) => {
  let kept: Float64Array | undefined;
  try {
    if (job === null) {
      job = m as PieceJob;
      const people = jobPeople(job);
      if (people === null) {
        port.postMessage({ need: true } satisfies ReaderReply);
        return;
      }
      job.cprs = people.cprs;
      kept = people.kept;
    } else job.cprs = m.cprs;
    const packed = readJob(job as PieceJob & { cprs: string[] }, new RegisterBuilder());
    const { nums, starts, lengths, slack, codes, seen } = packed;
    port.postMessage({ packed, kept } satisfies ReaderReply, [
      ...[nums, starts, lengths, slack, codes, seen].map((a) => a.buffer as ArrayBuffer),
      ...(kept ? [kept.buffer as ArrayBuffer] : []),
    ]);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies ReaderReply);
  }
  port.close();
});
