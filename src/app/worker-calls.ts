/**
 * The plumbing of a server's computation worker thread (the national results, the effect runs on
 * PostgreSQL): the thread starts on first use with the database URL and its entry module, each
 * request carries an id and waits for the answer with that id, and a thread that fails or exits
 * fails every request still waiting (the next request starts a new thread). Beside it, `InFlight`:
 * identical requests while one runs share that run.
 */
import { Worker } from 'node:worker_threads';

/** An error as a worker thread sends it back (name and message; the stack stays there). */
export interface SentError {
  name: string;
  message: string;
}

export class WorkerCalls<Answer> {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

  /**
   * @param entry the worker's module (started through results-worker-boot.js)
   * @param errorOf the caller's own error for one sent back (an option error stays one)
   */
  constructor(
    private readonly entry: URL,
    private readonly errorOf: (e: SentError) => Error,
  ) {}

  private start(url: string): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./register/results-worker-boot.js', import.meta.url), { workerData: { url, entry: this.entry.href } });
    w.unref();
    w.on('message', (m: { id: number; error?: SentError } & Answer) => {
      const p = this.waiting.get(m.id);
      if (!p) return;
      this.waiting.delete(m.id);
      if (m.error) p.reject(this.errorOf(m.error));
      else p.resolve(m);
    });
    const fail = (e: Error) => {
      for (const p of this.waiting.values()) p.reject(e);
      this.waiting.clear();
      if (this.worker === w) this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', () => fail(new Error('Beregningen stoppede uventet.')));
    this.worker = w;
    return w;
  }

  /** Send `message` (with a fresh id) to the thread for the database at `url`; the answer with that id. */
  call(url: string, message: object): Promise<Answer> {
    const id = ++this.seq;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.start(url).postMessage({ id, ...message });
    });
  }

  /** Stop the thread (server shut-down); a later call starts a new one. */
  async close() {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/** Runs in flight by key: a second identical request gets the running one's promise. */
export class InFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  has(key: string): boolean {
    return this.running.has(key);
  }

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.running.get(key);
    if (running) return running;
    const run = fn().finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }
}
