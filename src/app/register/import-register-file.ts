/**
 * Import one register file (DREAM benefit weeks, eIndkomst paid hours, or a code table) into
 * the database. The file is read and checked completely before anything is written; then
 * everything is written in ONE transaction, so a failed or killed import leaves nothing behind.
 * The same file (by SHA-256) twice changes nothing. Every import is kept as a batch with its
 * provenance: file name, SHA-256, bytes, rows, people, period covered, who and when.
 *
 * A file replaces the weeks (or months) it covers for the people in it: DREAM is redelivered
 * with its full history and past weeks change. Each changed person's new row is also kept as
 * the version of this batch, so results can be recomputed as of any earlier delivery. The
 * report gives the revision summary: person-weeks changed, and the enrolments whose result
 * (current, accumulated, durable, snapshot in the last month the file covers) moved.
 * A pure function of its inputs and the database (no module state): a worker can call it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Actor } from '../../core/actor.ts';
import { auditAs, ownerTx, type Db, type Tx } from '../../db/door.ts';
import {
  allPackedPersons,
  findBatch,
  insertBatch,
  insertVersions,
  loadCodeTable,
  loadPersons,
  markDelivered,
  replaceCodeTable,
  setRevisionSummary,
  undoPendingBatch,
  upsertPersons,
  type BatchRow,
} from '../../db/register-store.ts';
import { applyCodeMappings } from '../../db/register-code-mappings.ts';
import { monthString, weekString } from '../../monitoring/calendar.ts';
import type { CodeTable, PersonHours, PersonWeeks, RegisterData } from '../../monitoring/types.ts';
import { readBenefits } from '../../register/benefits.ts';
import { sourceOf, type RegisterInput } from '../../register/chunks.ts';
import { readCodeTable } from '../../register/codetable.ts';
import { listSome } from '../../register/csv.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { readHours } from '../../register/hours.ts';
import { packPerson, unpackPerson } from '../../register/pack.ts';
import type { Vault } from '../../security/vault.ts';
import { monitor } from '../../monitoring/engine.ts';
import { monthOfWeek } from '../../monitoring/calendar.ts';
import type { ParticipantResult } from '../../monitoring/types.ts';
import { monitorInputForPeople } from './load-monitor-input.ts';
import { mergeHours, nonZeroRange, replaceWeeks } from './merge.ts';

export type RegisterKind = 'ydelser' | 'loentimer' | 'kodetabel';
export const REGISTER_KINDS: Record<RegisterKind, string> = {
  ydelser: 'Ydelsesuger (DREAM)',
  loentimer: 'Løntimer (eIndkomst)',
  kodetabel: 'Kodetabel',
};

export interface ImportProgress {
  phase: 'laeser' | 'skriver' | 'faerdig';
  done: number;
  total: number;
}

export interface ImportReport {
  batchId: number;
  alreadyImported: boolean;
  kind: RegisterKind;
  fileName: string;
  sha256: string;
  rows: number;
  persons: number;
  changedPersons: number;
  /** Revision summary: person-weeks whose code changed for people stored before (0 for new people). */
  changedWeeks: number;
  /** Enrolments whose result moved in `resultMonth` (at most 1,000 listed; `movedResults` counts all). */
  movedResults: number;
  moved: MovedResult[];
  resultMonth: string | null;
  periodFrom: string | null;
  periodTo: string | null;
}

export interface MovedResult {
  enrolmentId: string;
  participantId: string;
  before: Omit<ParticipantResult, 'id'>;
  after: Omit<ParticipantResult, 'id'>;
}

const NO_REVISION = { changedWeeks: 0, movedResults: 0, moved: [] as MovedResult[], resultMonth: null };

/** The report for a file stored before (same kind and digest): the stored batch, nothing written now. */
const alreadyImported = (base: { kind: RegisterKind; fileName: string; sha256: string }, batch: BatchRow): ImportReport => ({
  ...base,
  batchId: batch.id,
  alreadyImported: true,
  rows: batch.rows,
  persons: batch.persons,
  changedPersons: 0,
  ...NO_REVISION,
  periodFrom: batch.periodFrom,
  periodTo: batch.periodTo,
});

/** Who imports: a signed-in analyst, or the system (userId 0) for the CLI and demo data. */
export type Importer = Pick<Actor, 'userId' | 'username' | 'role' | 'ip'>;

/** People per write in one transaction (PostgreSQL, the CLI). */
const CHUNK = 2000;
/**
 * People per committed batch on PGlite, where one engine serves every request and a transaction
 * holds it. Measured on the shared 2-core machine at load average 14–17 (19,483 new people, a
 * four-statement page every 10 ms): a page waited p95 52 / 91 / 121 / 250 ms with batches of
 * 100 / 250 / 500 / 1,000 while the writing took 8.3 / 5.4 / 3.2 / 3.7 s; 250 keeps a page's
 * wait well under 50 ms on a quiet machine and the import near its speed in one transaction.
 * FREMDRIFT_IMPORT_BATCH sets another size (the benchmark compares).
 */
export const PGLITE_BATCH = 250;

/** Counts non-empty lines over chunks (a line may span two chunks). */
export class RowCounter {
  private n = 0;
  private nonEmpty = false;
  add(bytes: Uint8Array): void {
    let n = this.n;
    let nonEmpty = this.nonEmpty;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 10) {
        if (nonEmpty) n++;
        nonEmpty = false;
      } else if (b !== 13) nonEmpty = true;
    }
    this.n = n;
    this.nonEmpty = nonEmpty;
  }
  /** Data rows: lines minus the header. */
  rows(): number {
    return Math.max(0, this.n + (this.nonEmpty ? 1 : 0) - 1);
  }
}

/** A register file: its bytes in memory (demo data, tests) or a path read as a stream (uploads, the CLI). */
export type FileInput = { bytes: Uint8Array } | { path: string };

/** SHA-256, size and data rows of a file, read in 1 MB pieces (never whole). */
export function digestFile(input: FileInput): { sha256: string; bytes: number; rows: number } {
  const hash = createHash('sha256');
  const rows = new RowCounter();
  if ('bytes' in input) {
    hash.update(input.bytes);
    rows.add(input.bytes);
    return { sha256: hash.digest('hex'), bytes: input.bytes.length, rows: rows.rows() };
  }
  const fd = openSync(input.path, 'r');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (!n) break;
      const piece = buf.subarray(0, n);
      hash.update(piece);
      rows.add(piece);
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes: size, rows: rows.rows() };
}

const registerInput = (input: FileInput): RegisterInput => ('bytes' in input ? input.bytes : { path: input.path });

/** The first and last week (month) in which anyone has a non-zero value, or null when no one has. */
function coveredPeriod<P>(people: Iterable<P>, series: (p: P) => { start: number; values: ArrayLike<number> }): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of people) {
    const { start, values } = series(p);
    const [a, b] = nonZeroRange(values);
    if (a === b) continue;
    lo = Math.min(lo, start + a);
    hi = Math.max(hi, start + b - 1);
  }
  return lo === Infinity ? null : [lo, hi];
}

const weekPeriod = (data: RegisterData) => coveredPeriod(data.weeks.values(), (p) => ({ start: p.weekStart, values: p.codes }));
const monthPeriod = (data: RegisterData) => coveredPeriod(data.hours.values(), (p) => ({ start: p.monthStart, values: p.hours }));

const EMPTY_WEEKS: PersonWeeks = { weekStart: 0, codes: new Int16Array(0) };
const EMPTY_HOURS: PersonHours = { monthStart: 0, hours: new Float64Array(0) };

/** What a benefits or paid-hours file holds, read and checked: the people come in chunks. */
export interface ParsedMeta {
  persons: number;
  wp: [number, number] | null;
  mp: [number, number] | null;
}

/** People of a parsed file by CPR hash, in the file's order. */
export interface PersonChunk {
  hashes: string[];
  weeks: (PersonWeeks | undefined)[];
  hours: (PersonHours | undefined)[];
}

export interface ParsedPeople {
  meta: ParsedMeta;
  /** The next `n` people, or null after the last. */
  next(n: number): Promise<PersonChunk | null>;
  /** Let go of the parse (the worker thread, when there is one). */
  close(): void;
}

/**
 * Read and check a benefits or paid-hours file completely (streamed from its path in chunks):
 * the CPU-heavy part of an import, pure, so it runs in a worker thread on PGlite.
 */
const ownWeeks = (p: PersonWeeks | undefined): PersonWeeks | undefined => p && { weekStart: p.weekStart, codes: p.codes.slice() };
const ownHours = (p: PersonHours | undefined): PersonHours | undefined => p && { monthStart: p.monthStart, hours: p.hours.slice() };

export function parseRegisterFile(
  input: FileInput,
  kind: 'ydelser' | 'loentimer',
  fileName: string,
  codeTable: CodeTable,
  hashCpr: (cpr: string) => string,
): { meta: ParsedMeta; chunk(from: number, n: number): PersonChunk } {
  const src = registerInput(input);
  const builder = kind === 'ydelser' ? readBenefits(src, fileName) : readHours(src, fileName);
  const data = builder.build(codeTable);
  const cprs = [...new Set([...data.weeks.keys(), ...data.hours.keys()])];
  if (cprs.some((k) => k.startsWith('#'))) {
    throw new RegisterInputError(
      'bad_cpr',
      `${fileName}, linje 1: filen har løbenumre (lobenr), ikke CPR-numre. Fremdrift kobler registerdata til deltagerne på CPR; brug et udtræk med kolonnen PNR eller cpr.`,
      { file: fileName, line: 1, column: 'lobenr' },
    );
  }
  const wp = kind === 'ydelser' ? weekPeriod(data) : null;
  const mp = kind === 'loentimer' ? monthPeriod(data) : null;
  return {
    meta: { persons: cprs.length, wp, mp },
    chunk(from, n) {
      const some = cprs.slice(from, from + n);
      // Arrays of their own: the builder's share a few large buffers, which a worker's message
      // (structured clone) would otherwise copy whole for every chunk.
      return {
        hashes: some.map(hashCpr),
        weeks: some.map((c) => ownWeeks(data.weeks.get(c))),
        hours: some.map((c) => ownHours(data.hours.get(c))),
      };
    },
  };
}

/** The same parse in this thread (PostgreSQL's worker, the CLI, demo data). */
function parseInline(input: FileInput, kind: 'ydelser' | 'loentimer', fileName: string, codeTable: CodeTable, vault: Vault): ParsedPeople {
  const p = parseRegisterFile(input, kind, fileName, codeTable, (c) => vault.hashCpr(c));
  let at = 0;
  return {
    meta: p.meta,
    async next(n) {
      if (at >= p.meta.persons) return null;
      const c = p.chunk(at, n);
      at += n;
      return c;
    },
    close() {},
  };
}

export interface ImportOptions {
  /**
   * 'transaction' (default): everything in one transaction. 'batches' (PGlite, the web): the
   * people are written in committed batches of PGLITE_BATCH under a batch marked pending, which
   * no reader counts as delivered; the last step marks it delivered. A failure, a stop or a
   * crash removes everything of the pending batch again (`undoPendingBatch`), so the outcome is
   * still all or nothing, while other requests get the engine between batches.
   */
  mode?: 'transaction' | 'batches';
  /** With 'batches': the server's batch writers (its import jobs hold one); a fresh one when left out. */
  writing?: BatchWriting;
  /** Parse elsewhere (a worker thread): given the code table in force, the parsed people. */
  parse?: (codeTable: CodeTable) => Promise<ParsedPeople>;
  /** Checked between batches: a stopping server ends the import (and undoes it). */
  stopped?: () => string | null;
  /** People per committed batch (default PGLITE_BATCH; the benchmark measures others). */
  batchSize?: number;
  /** The file's SHA-256 once it is read (the job records it). */
  onDigest?: (sha256: string) => Promise<void>;
}

// Long because writeChunk and finish are closures over one import's state (the parsed file, its periods, the
// running counts of changed people and moved results) that both write modes below share: the one transaction and
// the committed batches. Split apart, that state would have to travel as a mutable object between four
// functions.
export async function importRegisterFile(
  deps: { db: Db; vault: Vault },
  who: Importer,
  input: { kind: RegisterKind; fileName: string } & FileInput,
  onProgress: (p: ImportProgress) => void = () => undefined,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const { vault } = deps;
  const db = deps.db;
  onProgress({ phase: 'laeser', done: 0, total: 1 });
  const file = digestFile(input);
  const { sha256, rows } = file;
  await opts.onDigest?.(sha256);
  const base = { kind: input.kind, fileName: input.fileName, sha256 };
  const existing = await findBatch(db, input.kind, sha256);
  if (existing) {
    return alreadyImported(base, existing);
  }

  if (input.kind === 'kodetabel') {
    const table = readCodeTable(sourceOf(registerInput(input)), input.fileName);
    return ownerTx(db, async (q) => {
      await checkStoredCodes(q, table, input.fileName);
      const batchId = await insertBatch(q, {
        ...base,
        bytes: file.bytes,
        rows,
        persons: 0,
        periodFrom: null,
        periodTo: null,
        importedBy: who.userId || null,
        importedByName: who.username,
      });
      await replaceCodeTable(q, table, batchId);
      await auditAs(q, who, {
        action: 'registerimport',
        entity: 'register_batch',
        detail: { batchId, ...base, codes: table.entries.size },
      });
      onProgress({ phase: 'faerdig', done: 1, total: 1 });
      return {
        ...base,
        batchId,
        alreadyImported: false,
        rows,
        persons: 0,
        changedPersons: 0,
        ...NO_REVISION,
        periodFrom: null,
        periodTo: null,
      };
    });
  }

  // Read and check the whole file first: nothing is written for a file with an error.
  const codeTable = await loadCodeTable(db);
  const parsed = opts.parse ? await opts.parse(codeTable) : parseInline(input, input.kind, input.fileName, codeTable, vault);
  try {
    const { wp, mp, persons } = parsed.meta;
    const periodFrom = wp ? weekString(wp[0]) : mp ? monthString(mp[0]) : null;
    const periodTo = wp ? weekString(wp[1]) : mp ? monthString(mp[1]) : null;
    const resultMonth = wp ? monthOfWeek(wp[1]) : mp ? mp[1] : null;
    const batchRow = {
      ...base,
      bytes: file.bytes,
      rows,
      persons,
      periodFrom,
      periodTo,
      importedBy: who.userId || null,
      importedByName: who.username,
    };
    const state = { changed: 0, changedWeeks: 0, moved: { count: 0, list: [] as MovedResult[] } };

    /** Merge and write the next chunk of people; false after the last. */
    const writeChunk = async (q: Tx, batchId: number, size: number, done: number): Promise<number> => {
      const chunk = await parsed.next(size);
      if (!chunk) return -1;
      const hashes = chunk.hashes;
      const stored = await loadPersons(q, hashes);
      const out: { hash: string; data: Uint8Array }[] = [];
      const revised: string[] = []; // people stored before whose data changed
      for (let j = 0; j < hashes.length; j++) {
        const before = stored.get(hashes[j]);
        const old = before ? unpackPerson(before) : { weeks: EMPTY_WEEKS, hours: EMPTY_HOURS };
        let weeks = old.weeks;
        let hours = old.hours;
        let dirty = false;
        const w = chunk.weeks[j];
        if (w && wp) {
          const m = replaceWeeks(old.weeks, w, wp[0], wp[1]);
          weeks = m.merged;
          dirty ||= m.changed;
          if (before) state.changedWeeks += m.changedWeeks;
        }
        const h = chunk.hours[j];
        if (h && mp) {
          const m = mergeHours(old.hours, h, mp[0], mp[1]);
          hours = m.merged;
          dirty ||= m.changed;
        }
        if (dirty) {
          out.push({ hash: hashes[j], data: packPerson(weeks, hours) });
          if (before) revised.push(hashes[j]);
        }
      }
      const beforeResults = revised.length && resultMonth !== null ? await resultsOf(q, revised, resultMonth) : null;
      await upsertPersons(q, batchId, out);
      await insertVersions(q, batchId, out);
      if (beforeResults) movedOf(beforeResults, await resultsOf(q, revised, resultMonth!), state.moved);
      state.changed += out.length;
      const now = Math.min(done + hashes.length, persons);
      onProgress({ phase: 'skriver', done: now, total: persons });
      return now;
    };

    const finish = async (q: Tx, batchId: number): Promise<ImportReport> => {
      const summary = { changedPersons: state.changed, changedWeeks: state.changedWeeks, movedResults: state.moved.count };
      await setRevisionSummary(q, batchId, summary);
      await auditAs(q, who, {
        action: 'registerimport',
        entity: 'register_batch',
        detail: { batchId, ...base, rows, persons, ...summary, periodFrom, periodTo },
      });
      onProgress({ phase: 'faerdig', done: persons, total: persons });
      return {
        ...base,
        batchId,
        alreadyImported: false,
        rows,
        persons,
        ...summary,
        moved: state.moved.list,
        resultMonth: resultMonth === null ? null : monthString(resultMonth),
        periodFrom,
        periodTo,
      };
    };

    if (opts.mode !== 'batches') {
      return await ownerTx(db, async (q) => {
        const batchId = await insertBatch(q, batchRow);
        for (let done = 0; done >= 0 && done < persons;) done = await writeChunk(q, batchId, CHUNK, done);
        return finish(q, batchId);
      });
    }

    // Batches: one import writes at a time (the undo of one must not meet another's rows).
    const writing = opts.writing ?? new BatchWriting();
    return await writing.exclusive(async () => {
      // The same file may have been delivered while this one waited for its turn.
      const same = await findBatch(db, input.kind, sha256);
      if (same) {
        return alreadyImported(base, same);
      }
      const batchId = await insertBatch(db, { ...batchRow, pending: true });
      writing.here.add(batchId);
      try {
        for (let done = 0; done >= 0 && done < persons;) {
          const why = opts.stopped?.();
          if (why) throw new ImportStopped(why);
          done = await ownerTx(db, (q) => writeChunk(q, batchId, opts.batchSize ?? PGLITE_BATCH, done));
          await giveWay(db);
        }
        return await ownerTx(db, async (q) => {
          const report = await finish(q, batchId);
          await markDelivered(q, batchId);
          return report;
        });
      } catch (e) {
        await undoPendingBatch(db, batchId);
        throw e;
      } finally {
        writing.here.delete(batchId);
      }
    });
  } finally {
    parsed.close();
  }
}

/** The longest an import waits for the engine to fall idle before its next batch. */
const MAX_GIVE_WAY_MS = 250;

/**
 * Between batches: a full turn of the event loop (incoming requests are read, due timers run),
 * then wait while other requests' statements are queued for the engine, so a page's several
 * statements run one after another instead of each waiting for a batch; at most
 * MAX_GIVE_WAY_MS, so the import still moves under steady traffic.
 */
async function giveWay(db: Db): Promise<void> {
  const until = performance.now() + MAX_GIVE_WAY_MS;
  await new Promise((r) => setTimeout(r, 0));
  while ((db.busy?.() ?? 0) > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 1));
}

/** A running import ended by a stopping server (its message says so). */
export class ImportStopped extends Error {}

/**
 * The imports of one server that write in batches (PGlite): run one after another, and the
 * pending batches they are writing now (not abandoned: see `undoAbandonedBatches`). One per server
 * (its import jobs, app/register/import-jobs.ts), not per module, so two servers in one process
 * (the tests start several) neither queue behind nor protect each other's imports. In production a
 * PGlite database is served by exactly one server, so this is also one queue per engine.
 */
export class BatchWriting {
  /** Pending batches being written now. */
  readonly here = new Set<number>();
  private last: Promise<unknown> = Promise.resolve();

  /** Run `fn` after every import queued before it has ended. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.last.then(fn, fn);
    this.last = run.catch(() => undefined);
    return run;
  }
}

const MOVED_LISTED = 1000;

interface PeopleResults {
  refs: { enrolmentId: string; participantId: string }[];
  results: ParticipantResult[];
}

/** Results in month m of the enrolments of these people, from their rows as stored now. */
async function resultsOf(q: Tx, hashes: string[], m: number): Promise<PeopleResults> {
  const stored = await monitorInputForPeople(q, hashes);
  const month = monthString(m);
  const results = stored.input.participants.length ? monitor(stored.input, { month, suppress: 0 }).participants : [];
  return { refs: stored.refs, results };
}

function movedOf(before: PeopleResults, after: PeopleResults, into: { count: number; list: MovedResult[] }) {
  after.results.forEach((a, i) => {
    const b = before.results[i];
    if (b.current === a.current && b.accumulated === a.accumulated && b.durable === a.durable && b.snapshot === a.snapshot) return;
    into.count++;
    const { id: _b, ...was } = b;
    const { id: _a, ...now } = a;
    if (into.list.length < MOVED_LISTED)
      into.list.push({ enrolmentId: after.refs[i].enrolmentId, participantId: after.refs[i].participantId, before: was, after: now });
  });
}

/** A new code table (with the analysts' own mappings on top) must still cover every code already stored. */
async function checkStoredCodes(q: Tx, uploaded: CodeTable, fileName: string) {
  const table = await applyCodeMappings(q, { entries: new Map(uploaded.entries), categoryOf: uploaded.categoryOf.slice() });
  const missing = new Set<number>();
  for (const data of await allPackedPersons(q)) {
    const { weeks } = unpackPerson(data);
    for (const c of weeks.codes) if (c !== 0 && !table.categoryOf[c]) missing.add(c);
  }
  if (missing.size) {
    const codes = [...missing].sort((a, b) => a - b);
    throw new RegisterInputError(
      'unknown_codes',
      `${fileName}: kodetabellen mangler koder, som findes i de indlæste registerdata: ${listSome(codes.map(String))}. Tilføj dem med en kategori.`,
      { file: fileName, codes },
    );
  }
}
