/**
 * The reader thread of parallel.ts: reads the pieces of benefit files it is sent into a builder
 * of its own and hands their weeks back, as one array or packed (the typed arrays are transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { RegisterBuilder } from './builder.ts';
import { jobPeople, readJob, replyBuffers, type PieceJob, type ReaderReply } from './parallel.ts';

const port = parentPort!;
let job: PieceJob | null = null;
// The first message is the job; when it names only the participants file and the people cannot
// be taken from it (`jobPeople`), the thread asks for them and the second message brings them.
port.on('message', (m: PieceJob | { cprs: string[] }) => {
  try {
    if (job === null) job = m as PieceJob;
    else job.cprs = m.cprs;
    const people = jobPeople(job);
    if (people === null) {
      port.postMessage({ need: true } satisfies ReaderReply);
      return;
    }
    const reply: ReaderReply = { ...readJob(job, people.keep, new RegisterBuilder()), kept: people.kept };
    port.postMessage(reply, replyBuffers(reply));
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies ReaderReply);
  }
  port.close();
});
