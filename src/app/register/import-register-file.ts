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
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import {
  findBatch, insertBatch, insertVersions, loadCodeTable, loadPersons, replaceCodeTable, setRevisionSummary, upsertPersons,
} from '../../db/register-store.ts';
import { applyCodeMappings } from '../../db/register-code-mappings.ts';
import { writeAudit } from '../../db/tenant.ts';
import { monthString, weekString } from '../../monitoring/calendar.ts';
import type { CodeTable, PersonHours, PersonWeeks, RegisterData } from '../../monitoring/types.ts';
import { readBenefits } from '../../register/benefits.ts';
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
import { mergeHours, replaceWeeks, trimHours, trimWeeks } from './merge.ts';

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

/** Who imports: a signed-in analyst, or the system (userId 0) for the CLI and demo data. */
export type Importer = Pick<Actor, 'userId' | 'username' | 'role' | 'ip'>;

const CHUNK = 2000;

function countRows(bytes: Uint8Array): number {
  let n = 0;
  let nonEmpty = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10) {
      if (nonEmpty) n++;
      nonEmpty = false;
    } else if (b !== 13) nonEmpty = true;
  }
  if (nonEmpty) n++;
  return Math.max(0, n - 1); // minus the header
}

function weekPeriod(data: RegisterData): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of data.weeks.values()) {
    const t = trimWeeks(p);
    if (!t.codes.length) continue;
    lo = Math.min(lo, t.weekStart);
    hi = Math.max(hi, t.weekStart + t.codes.length - 1);
  }
  return lo === Infinity ? null : [lo, hi];
}

function monthPeriod(data: RegisterData): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of data.hours.values()) {
    const t = trimHours(p);
    if (!t.hours.length) continue;
    lo = Math.min(lo, t.monthStart);
    hi = Math.max(hi, t.monthStart + t.hours.length - 1);
  }
  return lo === Infinity ? null : [lo, hi];
}

const EMPTY_WEEKS: PersonWeeks = { weekStart: 0, codes: new Int16Array(0) };
const EMPTY_HOURS: PersonHours = { monthStart: 0, hours: new Float64Array(0) };

export async function importRegisterFile(
  deps: { db: Database; vault: Vault },
  who: Importer,
  input: { kind: RegisterKind; fileName: string; bytes: Uint8Array },
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportReport> {
  const { db, vault } = deps;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const base = { kind: input.kind, fileName: input.fileName, sha256 };
  const existing = await findBatch(db, input.kind, sha256);
  if (existing) {
    return { ...base, batchId: existing.id, alreadyImported: true, rows: existing.rows, persons: existing.persons, changedPersons: 0,
      ...NO_REVISION, periodFrom: existing.periodFrom, periodTo: existing.periodTo };
  }
  onProgress({ phase: 'laeser', done: 0, total: 1 });
  const rows = countRows(input.bytes);

  if (input.kind === 'kodetabel') {
    const table = readCodeTable(input.bytes, input.fileName);
    return db.tx(async (q) => {
      await checkStoredCodes(q, table, input.fileName);
      const batchId = await insertBatch(q, { ...base, bytes: input.bytes.length, rows, persons: 0, periodFrom: null, periodTo: null,
        importedBy: who.userId || null, importedByName: who.username });
      await replaceCodeTable(q, table, batchId);
      await writeAudit(q, who, { action: 'registerimport', entity: 'register_batch', detail: { batchId, ...base, codes: table.entries.size } });
      onProgress({ phase: 'faerdig', done: 1, total: 1 });
      return { ...base, batchId, alreadyImported: false, rows, persons: 0, changedPersons: 0, ...NO_REVISION, periodFrom: null, periodTo: null };
    });
  }

  // Read and check the whole file first: nothing is written for a file with an error.
  const codeTable = await loadCodeTable(db);
  const builder = input.kind === 'ydelser' ? readBenefits(input.bytes, input.fileName) : readHours(input.bytes, input.fileName);
  const data = builder.build(codeTable);
  const cprs = [...new Set([...data.weeks.keys(), ...data.hours.keys()])];
  if (cprs.some((k) => k.startsWith('#'))) {
    throw new RegisterInputError('bad_cpr', `${input.fileName}, linje 1: filen har løbenumre (lobenr), ikke CPR-numre. Fremdrift kobler registerdata til deltagerne på CPR; brug et udtræk med kolonnen PNR eller cpr.`,
      { file: input.fileName, line: 1, column: 'lobenr' });
  }
  const wp = input.kind === 'ydelser' ? weekPeriod(data) : null;
  const mp = input.kind === 'loentimer' ? monthPeriod(data) : null;
  const periodFrom = wp ? weekString(wp[0]) : mp ? monthString(mp[0]) : null;
  const periodTo = wp ? weekString(wp[1]) : mp ? monthString(mp[1]) : null;

  const resultMonth = wp ? monthOfWeek(wp[1]) : mp ? mp[1] : null;

  return db.tx(async (q) => {
    const batchId = await insertBatch(q, { ...base, bytes: input.bytes.length, rows, persons: cprs.length, periodFrom, periodTo,
      importedBy: who.userId || null, importedByName: who.username });
    let changed = 0;
    let changedWeeks = 0;
    const moved = { count: 0, list: [] as MovedResult[] };
    for (let i = 0; i < cprs.length; i += CHUNK) {
      const chunk = cprs.slice(i, i + CHUNK);
      const hashes = chunk.map((c) => vault.hashCpr(c));
      const stored = await loadPersons(q, hashes);
      const out: { hash: string; data: Uint8Array }[] = [];
      const revised: string[] = []; // people stored before whose data changed
      for (let j = 0; j < chunk.length; j++) {
        const cpr = chunk[j];
        const before = stored.get(hashes[j]);
        const old = before ? unpackPerson(before) : { weeks: EMPTY_WEEKS, hours: EMPTY_HOURS };
        let weeks = old.weeks;
        let hours = old.hours;
        let dirty = false;
        const w = data.weeks.get(cpr);
        if (w && wp) {
          const m = replaceWeeks(old.weeks, w, wp[0], wp[1]);
          weeks = m.merged;
          dirty ||= m.changed;
          if (before) changedWeeks += m.changedWeeks;
        }
        const h = data.hours.get(cpr);
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
      if (beforeResults) movedOf(beforeResults, await resultsOf(q, revised, resultMonth!), moved);
      changed += out.length;
      onProgress({ phase: 'skriver', done: Math.min(i + CHUNK, cprs.length), total: cprs.length });
    }
    const summary = { changedPersons: changed, changedWeeks, movedResults: moved.count };
    await setRevisionSummary(q, batchId, summary);
    await writeAudit(q, who, {
      action: 'registerimport', entity: 'register_batch',
      detail: { batchId, ...base, rows, persons: cprs.length, ...summary, periodFrom, periodTo },
    });
    onProgress({ phase: 'faerdig', done: cprs.length, total: cprs.length });
    return {
      ...base, batchId, alreadyImported: false, rows, persons: cprs.length, ...summary, moved: moved.list,
      resultMonth: resultMonth === null ? null : monthString(resultMonth), periodFrom, periodTo,
    };
  });
}

const MOVED_LISTED = 1000;

interface PeopleResults {
  refs: { enrolmentId: string; participantId: string }[];
  results: ParticipantResult[];
}

/** Results in month m of the enrolments of these people, from their rows as stored now. */
async function resultsOf(q: Queryable, hashes: string[], m: number): Promise<PeopleResults> {
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
    if (into.list.length < MOVED_LISTED) into.list.push({ enrolmentId: after.refs[i].enrolmentId, participantId: after.refs[i].participantId, before: was, after: now });
  });
}

/** A new code table (with the analysts' own mappings on top) must still cover every code already stored. */
async function checkStoredCodes(q: Queryable, uploaded: CodeTable, fileName: string) {
  const table = await applyCodeMappings(q, { entries: new Map(uploaded.entries), categoryOf: uploaded.categoryOf.slice() });
  const r = await q.query<{ data: Uint8Array }>('SELECT data FROM register_person');
  const missing = new Set<number>();
  for (const row of r.rows) {
    const { weeks } = unpackPerson(row.data);
    for (const c of weeks.codes) if (c !== 0 && !table.categoryOf[c]) missing.add(c);
  }
  if (missing.size) {
    const codes = [...missing].sort((a, b) => a - b);
    throw new RegisterInputError('unknown_codes',
      `${fileName}: kodetabellen mangler koder, som findes i de indlæste registerdata: ${listSome(codes.map(String))}. Tilføj dem med en kategori.`,
      { file: fileName, codes });
  }
}
