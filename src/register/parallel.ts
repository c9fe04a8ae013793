/**
 * Reading the benefit files on two threads (issue 9, item 8): the machines analysts use have
 * two or more cores, and reading the files is most of the time of `fremdrift monitor`.
 *
 * The benefit files are seen as one run of bytes, cut once at a line boundary: the main thread
 * reads the part before the cut (whole files, then the start of the file the cut falls in) and
 * the paid hours; a worker thread reads the part after it (the rest of that file, with its
 * header line put in front, and the files after it) into a builder of its own, packs the
 * people's weeks into typed arrays (`RegisterBuilder.packWeeks`) and hands them over without
 * copying; the main thread merges them after its own (`mergeWeeks`). Merged in file order, the
 * people, their weeks and their order are the ones a single reader gives:
 * - a person whose rows lie on both sides of the cut (the long layout) or in files on both
 *   sides (yearly files) gets her weeks merged, a differing code in a week being a conflict;
 * - long and yearly rows grow a person's weeks, which `build` trims to the weeks with a code
 *   either way; a file with `y_YYWW` columns is split only when it is the only benefit file,
 *   so every row of it spans the same weeks, as on one thread.
 * Several yearly files (their years in their names, the people from the participants file) are
 * not cut: the worker reads them all into its flat weeks array, which the main thread takes over
 * whole (`handFlat`, `adoptFlat`) after reading the participants and the paid hours meanwhile.
 * Anything that goes wrong on the way (an error in a file, a conflict, an unknown code, a worker
 * that cannot start) makes the caller read everything again on one thread, so errors and their
 * messages are the single reader's. Memory: each thread keeps only the people asked for.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodeTable, RegisterData } from '../monitoring/types.ts';
import { DATED, readBenefits, YEAR_COLUMNS, YEARLY } from './benefits.ts';
import type { FlatHandOver, PackedWeeks, RegisterBuilder } from './builder.ts';
import { DEFAULT_CHUNK, fileSource, MAX_ROW_BYTES, type ByteSource } from './chunks.ts';
import { readHours } from './hours.ts';
import { plainCprNumbersOf } from './participants.ts';
import { keepCprNumbers, keepCprs, tenDigits, type KeepByNumber, type ReadOptions } from './person-key.ts';

/** A byte range of a benefit file; `header`: bytes of its header line, put in front when the range starts later. */
export interface Piece {
  path: string;
  start: number;
  end: number;
  header: number;
}

/**
 * What the worker thread reads (posted to it), and with which options: the people to keep
 * (`cprs`), or the participants file to take them from (`participants`, see `jobPeople`).
 */
export interface PieceJob {
  pieces: Piece[];
  cprs?: string[];
  participants?: string;
  from?: string;
  year?: number;
  expect: [number, number] | null;
  /** The main thread reads no benefit file: the weeks may go back as one array (`readJob`). */
  handFlat?: boolean;
}

/** What the worker thread posts back: the weeks, or that it needs `cprs` posted, or why it failed. */
export interface ReaderReply {
  packed?: PackedWeeks;
  /** The weeks of yearly files as one array (`RegisterBuilder.handFlat`), instead of `packed`. */
  flat?: FlatHandOver;
  /** The CPR numbers it kept when it took them from the participants file itself. */
  kept?: Float64Array;
  need?: boolean;
  error?: string;
}

export interface SplitPlan {
  main: Piece[];
  worker: Piece[];
}

/** How to read: `threads` 1 reads on the main thread only; `minBytes`: benefit files smaller than this together are read on one thread (a thread's start is not worth it). */
export interface ReadThreads {
  threads?: number;
  minBytes?: number;
  /** The cores to count on (default: `os.availableParallelism()`); with one, one thread unless two are asked for. */
  cores?: number;
  /** Told how the register was read: 2 on two threads, 1 on one (tests, benchmarks). */
  onRead?: (threads: 1 | 2) => void;
}

/** Below this many bytes of benefit files, one thread (starting a worker costs some 0.1 s). */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/**
 * What the main thread reads beside its part, in bytes of benefit file that cost as much to read:
 * the paid hours, and the participants when the worker does not wait for them (`early`). Per
 * byte, the long layout costs less to read than the wide one, so the others weigh more against
 * it (30 Nov 2026, CPU per byte of the 100,000-women files: wide 10, long 6.5, hours 13–25,
 * participants 36–65 ns).
 */
const WEIGHTS = { wide: { hours: 1.5, participants: 3.5 }, long: { hours: 4, participants: 10 } };
/** Bytes looked at around a cut for two plain rows, and at most for a header line. */
const WINDOW = 1024 * 1024;
/** Bytes first read for a header line: a national-width one is some 12 kB (fresh memory is dear, see chunks.ts). */
const HEAD = 64 * 1024;

function readAt(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let have = 0;
    while (have < length) {
      const n = readSync(fd, buf, have, length - have, start + have);
      if (n === 0) break;
      have += n;
    }
    return buf.subarray(0, have);
  } finally {
    closeSync(fd);
  }
}

interface Sniffed {
  path: string;
  size: number;
  header: number;
  fields: number;
  delim: number;
  dated: boolean;
  long: boolean;
  /** Weeks `y_01 … y_53` of the year in the file's name (no year column). */
  yearly: boolean;
}

/** A benefit file's size and header line (its length, fields, whether its weeks are `y_YYWW`), or null for anything unusual. */
function sniff(path: string): Sniffed | null {
  const size = statSync(path).size;
  let head = readAt(path, 0, Math.min(size, HEAD));
  if (head.indexOf(10) < 0 && size > HEAD) head = readAt(path, 0, Math.min(size, WINDOW));
  const lf = head.indexOf(10);
  if (lf < 0) return null;
  const text = head.toString('latin1', 0, lf).replace(/\r$/, '');
  if (text.includes('"')) return null;
  const counts = [59, 44, 9].map((d) => text.split(String.fromCharCode(d)).length);
  const best = Math.max(...counts);
  const delim = [59, 44, 9][counts.indexOf(best)];
  const names = text.split(String.fromCharCode(delim)).map((h) => h.trim().toLowerCase());
  return {
    path,
    size,
    header: lf + 1,
    fields: names.length,
    delim,
    dated: names.some((h) => DATED.test(h)),
    long: names.includes('uge') && names.includes('kode'),
    yearly: names.some((h) => YEARLY.test(h)) && !names.some((h) => YEAR_COLUMNS.includes(h)),
  };
}

/** Whether b[s, e) is a plain row: no quote, no CR before its end, `fields` fields. */
function plainRow(b: Buffer, s: number, e: number, fields: number, delim: number): boolean {
  let n = 1;
  for (let p = s; p < e; p++) {
    const c = b[p];
    if (c === 34 || (c === 13 && p !== e - 1)) return false;
    if (c === delim) n++;
  }
  return n === fields;
}

/**
 * A row start at or after `at` (past the header), where the rows around the cut are plain (no
 * quotes that could hold a line feed), or null.
 */
function cutAt(f: Sniffed, at: number): number | null {
  const from = Math.max(at, f.header);
  if (from >= f.size) return null;
  const b = readAt(f.path, from, Math.min(WINDOW, f.size - from));
  const lf = b.indexOf(10);
  if (lf < 0 || b.subarray(0, lf).includes(34)) return null;
  const next = b.indexOf(10, lf + 1);
  const after = next < 0 ? -1 : b.indexOf(10, next + 1);
  if (after < 0) return null;
  if (!plainRow(b, lf + 1, next, f.fields, f.delim) || !plainRow(b, next + 1, after, f.fields, f.delim)) return null;
  return from + lf + 1;
}

/**
 * Where to cut the benefit files between the main thread and the worker, or null to read on
 * one thread (small files, several files with `y_YYWW` columns, unreadable or unusual files:
 * the single reader then says what is wrong).
 */
export function splitPlan(benefits: string[], hours: string[], how: ReadThreads = {}, early?: string, expected = false): SplitPlan | null {
  // By default one benefit file (the long or the wide layout) is cut in two, and several yearly
  // files go whole to the worker when their weeks are expected (`expected`: load.ts's
  // expectedWeeks, the years in their names) and it takes the people from the participants file
  // (`early`): it reads them into its flat weeks array and hands that over uncopied (`handFlat`),
  // while the main thread reads the participants and the paid hours. Cut by bytes instead, yearly
  // files were slower on two threads than on one: each thread's people packed and merged one by
  // one (30 Nov 2026: wall 1.15×, CPU 1.41× of one thread), and a flat array merged cell by cell
  // after the main thread's own files (2 Dec 2026: no gain; the main thread's part slowed by half
  // beside the worker). Read whole on the worker, nothing is merged and each thread reads what
  // only it needs (3 Dec 2026, 16:50, 5 alternating cold pairs of the yearly shape: end to end
  // 1.00–1.10 s against 1.15–1.21 s on one thread; bench/README.md). Any other set of several
  // files is read on one thread unless two are asked for.
  const whole = expected && early !== undefined && benefits.length > 1;
  // A machine of one core reads on one thread: the worker would only take turns with it.
  const byDefault = (how.cores ?? availableParallelism()) < 2 || (benefits.length > 1 && !whole) ? 1 : 2;
  if ((how.threads ?? byDefault) < 2 || benefits.length === 0) return null;
  try {
    const files: Sniffed[] = [];
    for (const path of benefits) {
      const f = sniff(path);
      if (!f) return null;
      files.push(f);
    }
    if (files.length > 1 && files.some((f) => f.dated)) return null;
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total < (how.minBytes ?? PARALLEL_MIN_BYTES)) return null;
    if (whole && files.every((f) => f.yearly && !f.long)) {
      return { main: [], worker: files.map((f) => ({ path: f.path, start: 0, end: f.size, header: 0 })) };
    }
    const w = files.every((f) => f.long) ? WEIGHTS.long : WEIGHTS.wide;
    const beside = hours.reduce((n, h) => n + w.hours * statSync(h).size, 0) + (early ? w.participants * statSync(early).size : 0);
    // The main thread's share of the benefit bytes, so that it ends with its part and what it reads beside it when the worker ends with the rest.
    const share = Math.min(0.5, Math.max(0, (total - beside) / (2 * total)));
    let at = Math.floor(share * total);
    const main: Piece[] = [];
    const worker: Piece[] = [];
    let i = 0;
    for (; i < files.length && at >= files[i].size; i++) {
      main.push({ path: files[i].path, start: 0, end: files[i].size, header: 0 });
      at -= files[i].size;
    }
    if (i < files.length) {
      const f = files[i];
      // No plain rows to cut at near there (the file's end, quotes): cut between files instead.
      let cut = at > 0 ? cutAt(f, at) : 0;
      if (cut === null && i + 1 < files.length) cut = f.size;
      if (cut === null) cut = 0;
      if (cut > 0) main.push({ path: f.path, start: 0, end: cut, header: 0 });
      if (cut < f.size) worker.push({ path: f.path, start: cut, end: f.size, header: cut > 0 ? f.header : 0 });
      for (i++; i < files.length; i++) worker.push({ path: files[i].path, start: 0, end: files[i].size, header: 0 });
    }
    return worker.length ? { main, worker } : null;
  } catch {
    return null;
  }
}

/** A piece as a source of chunks: the header line first when the range starts after it. */
export function pieceSource(p: Piece): ByteSource {
  const rest = fileSource(p.path, DEFAULT_CHUNK, p.path, MAX_ROW_BYTES, { start: p.start, end: p.end });
  if (p.start === 0) return rest;
  let header: Uint8Array | null = readAt(p.path, 0, p.header);
  return {
    close: () => rest.close?.(),
    next() {
      const h = header;
      header = null;
      return h ?? rest.next();
    },
  };
}

/** Read pieces into a builder (the main thread's part, or the worker's). */
export function readPieces(pieces: Piece[], builder: RegisterBuilder, options: ReadOptions): void {
  for (const p of pieces) readBenefits(pieceSource(p), p.path, builder, options);
}

/**
 * The reader thread's precompiled bundle (scripts/build-cli.mjs): beside this file in a bundle,
 * else in dist/cli/ while it is newer than every source it was built from; or null.
 */
export function readerBundle(): URL | null {
  const here = import.meta.url;
  if (here.endsWith('.mjs')) return new URL('./read-worker.mjs', here);
  try {
    const root = new URL('../../', here);
    const dir = new URL('dist/cli/', root);
    const b = (
      JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { bundles: Record<string, { file: string; inputs: string[] }> }
    ).bundles['read-worker'];
    const file = new URL(b.file, dir);
    const built = statSync(file).mtimeMs;
    for (const input of b.inputs) if (statSync(new URL(input, root)).mtimeMs > built) return null;
    return file;
  } catch {
    return null;
  }
}

/**
 * Node's flags for a thread that runs the bundle: without tsx's loader, which a thread inherits
 * from a main thread started through tsx and which costs it some 0.5 s of CPU to load.
 */
export function withoutTsx(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (['--require', '-r', '--import', '--loader', '--experimental-loader'].includes(argv[i]) && /tsx/.test(argv[i + 1] ?? '')) i++;
    else if (!/tsx/.test(argv[i])) out.push(argv[i]);
  }
  return out;
}

/**
 * Start the reader thread: from its bundle when there is a fresh one (a thread that loads tsx
 * first spends some 0.5 s of CPU before it reads a byte), else the sources through tsx.
 */
export function startReader(): Worker {
  const here = import.meta.url;
  const bundle = readerBundle();
  const w = bundle
    ? new Worker(bundle, { execArgv: withoutTsx(process.execArgv) })
    : new Worker(new URL('./read-worker-boot.js', here), { workerData: { entry: new URL('./read-worker.ts', here).href } });
  w.unref();
  w.on('error', () => null); // reported to the reader that waits for it (readRegisterSplit), if any
  return w;
}

/**
 * The register read on two threads by `plan`. Throws on anything unusual (the caller then reads
 * on one thread); the worker is ended either way.
 */
export async function readRegisterSplit(
  plan: SplitPlan,
  worker: Worker,
  hours: string[],
  builder: RegisterBuilder,
  job: Omit<PieceJob, 'pieces'> & { cprs: string[] },
  options: ReadOptions,
  codeTable: CodeTable,
  posted = false,
): Promise<RegisterData> {
  try {
    const reply = new Promise<ReaderReply>((resolve, reject) => {
      worker.on('message', (m: ReaderReply) => {
        if (m.need) worker.postMessage({ cprs: job.cprs });
        else if (m.packed || m.flat) resolve(m);
        else reject(new Error(m.error ?? 'reader thread failed'));
      });
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('reader thread ended')));
    });
    reply.catch(() => null); // awaited below; a rejection while the main thread reads is not unhandled
    // `posted`: the job went out before the participants were read (its people from their file, `jobPeople`).
    if (!posted) worker.postMessage(workerJob(plan, job));
    readPieces(plan.main, builder, options);
    for (const file of hours) readHours({ path: file }, file, builder, options);
    const { packed, flat, kept } = await reply;
    if (kept && !samePeople(kept, job.cprs)) throw new Error('the reader thread kept other people');
    if (flat) builder.adoptFlat(flat);
    else builder.mergeWeeks(packed!);
    return builder.build(codeTable);
  } finally {
    void worker.terminate();
  }
}

/** The job posted to the worker for `plan`: its pieces, and whether it may hand its weeks back as one array (the main thread reads no benefit file). */
export function workerJob(plan: SplitPlan, job: Omit<PieceJob, 'pieces' | 'handFlat'>): PieceJob {
  return { ...job, pieces: plan.worker, handFlat: plan.main.length === 0 };
}

/** Whether the CPR numbers a reader thread took from the participants file are `cprs`, row by row. */
export function samePeople(kept: Float64Array, cprs: string[]): boolean {
  if (kept.length !== cprs.length) return false;
  for (let i = 0; i < kept.length; i++) if (cprs[i].length !== 10 || tenDigits(cprs[i]) !== kept[i]) return false;
  return true;
}

/**
 * The people a job keeps: its `cprs`, or those of its participants file when every CPR there is
 * plain (`plainCprNumbersOf`), with the numbers taken (`kept`, no string made per person); null
 * when the main thread must post them.
 */
export function jobPeople(job: PieceJob): { keep: KeepByNumber; kept?: Float64Array } | null {
  if (job.cprs) return { keep: keepCprs(job.cprs) };
  let kept: Float64Array | null = null;
  try {
    kept = job.participants ? plainCprNumbersOf(fileSource(job.participants)) : null;
  } catch {
    kept = null; // the main thread names the file's problem
  }
  return kept ? { keep: keepCprNumbers(kept), kept } : null;
}

/**
 * The worker's side: read its pieces keeping the people asked for (`keep`), and hand their weeks
 * over: as one array when the main thread reads no benefit file and all of them are in the
 * builder's flat weeks (`handFlat`: yearly files), else packed person by person.
 */
export function readJob(job: PieceJob, keep: KeepByNumber, builder: RegisterBuilder): { flat: FlatHandOver } | { packed: PackedWeeks } {
  builder.knownPeople(keep.numbers);
  if (job.expect) builder.expectWeeks(job.expect[0], job.expect[1]);
  // Whole yearly files without a flat array (too many people for it) are faster read on one thread.
  if (job.handFlat && job.pieces.length > 1 && builder.flatRows() === null) throw new Error('no flat weeks for the people asked for');
  readPieces(job.pieces, builder, { keep, from: job.from, year: job.year });
  const flat = job.handFlat ? builder.handFlat() : null;
  return flat ? { flat } : { packed: builder.packWeeks() };
}

/** The typed arrays of a reader thread's reply, to transfer rather than copy. */
export function replyBuffers(r: ReaderReply): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  if (r.packed) arrays.push(r.packed.nums, r.packed.starts, r.packed.lengths, r.packed.slack, r.packed.codes, r.packed.seen);
  if (r.flat) arrays.push(r.flat.codes, r.flat.nums, r.flat.seen, ...(r.flat.codeAt ? [r.flat.codeAt] : []));
  if (r.kept) arrays.push(r.kept);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
