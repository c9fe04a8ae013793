/**
 * Import one register file (DREAM benefit weeks, eIndkomst paid hours, or a code table) into
 * the database. The file is read and checked completely before anything is written; then
 * everything is written in ONE transaction, so a failed or killed import leaves nothing behind.
 * The same file (by SHA-256) twice changes nothing. Every import is kept as a batch with its
 * provenance: file name, SHA-256, bytes, rows, people, period covered, who and when.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import { maskCpr } from '../../core/cpr.ts';
import type { Database, Queryable } from '../../db/database.ts';
import {
  batchesCovering, findBatch, insertBatch, loadCodeTable, loadPersons, replaceCodeTable, setChangedPersons, upsertPersons,
} from '../../db/register-store.ts';
import { writeAudit } from '../../db/tenant.ts';
import { monthString, weekString } from '../../monitoring/calendar.ts';
import type { CodeTable, PersonHours, PersonWeeks, RegisterData } from '../../monitoring/types.ts';
import { readBenefits } from '../../register/benefits.ts';
import { readCodeTable } from '../../register/codetable.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { readHours } from '../../register/hours.ts';
import { packPerson, unpackPerson } from '../../register/pack.ts';
import type { Vault } from '../../security/vault.ts';
import { mergeHours, mergeWeeks, trimHours, trimWeeks } from './merge.ts';

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
  periodFrom: string | null;
  periodTo: string | null;
}

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

/** The line of the file where a CPR number stands (for a conflict message naming both places). */
function lineOf(bytes: Uint8Array, cpr: string): number | null {
  const text = new TextDecoder('latin1').decode(bytes);
  const dashed = `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
  let idx = text.indexOf(cpr);
  if (idx < 0) idx = text.indexOf(dashed);
  if (idx < 0) return null;
  let line = 1;
  for (let i = 0; i < idx; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
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
      periodFrom: existing.periodFrom, periodTo: existing.periodTo };
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
      return { ...base, batchId, alreadyImported: false, rows, persons: 0, changedPersons: 0, periodFrom: null, periodTo: null };
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

  return db.tx(async (q) => {
    const batchId = await insertBatch(q, { ...base, bytes: input.bytes.length, rows, persons: cprs.length, periodFrom, periodTo,
      importedBy: who.userId || null, importedByName: who.username });
    let changed = 0;
    for (let i = 0; i < cprs.length; i += CHUNK) {
      const chunk = cprs.slice(i, i + CHUNK);
      const hashes = chunk.map((c) => vault.hashCpr(c));
      const stored = await loadPersons(q, hashes);
      const out: { hash: string; data: Uint8Array }[] = [];
      for (let j = 0; j < chunk.length; j++) {
        const cpr = chunk[j];
        const before = stored.get(hashes[j]);
        const old = before ? unpackPerson(before) : { weeks: EMPTY_WEEKS, hours: EMPTY_HOURS };
        let weeks = old.weeks;
        let hours = old.hours;
        let dirty = false;
        const w = data.weeks.get(cpr);
        if (w) {
          const m = mergeWeeks(old.weeks, trimWeeks(w));
          if (m.conflict) await throwConflict(q, input, cpr, m.conflict, batchId);
          weeks = m.merged;
          dirty ||= m.changed;
        }
        const h = data.hours.get(cpr);
        if (h && mp) {
          const m = mergeHours(old.hours, h, mp[0], mp[1]);
          hours = m.merged;
          dirty ||= m.changed;
        }
        if (dirty) out.push({ hash: hashes[j], data: packPerson(weeks, hours) });
      }
      await upsertPersons(q, batchId, out);
      changed += out.length;
      onProgress({ phase: 'skriver', done: Math.min(i + CHUNK, cprs.length), total: cprs.length });
    }
    await setChangedPersons(q, batchId, changed);
    await writeAudit(q, who, {
      action: 'registerimport', entity: 'register_batch',
      detail: { batchId, ...base, rows, persons: cprs.length, changedPersons: changed, periodFrom, periodTo },
    });
    onProgress({ phase: 'faerdig', done: cprs.length, total: cprs.length });
    return { ...base, batchId, alreadyImported: false, rows, persons: cprs.length, changedPersons: changed, periodFrom, periodTo };
  });
}

async function throwConflict(
  q: Queryable,
  input: { fileName: string; bytes: Uint8Array },
  cpr: string,
  c: { week: number; stored: number; incoming: number },
  thisBatch: number,
): Promise<never> {
  const week = weekString(c.week);
  const earlier = (await batchesCovering(q, 'ydelser', week)).filter((b) => b.id !== thisBatch);
  const there = earlier.length
    ? earlier.map((b) => `${b.fileName} (indlæst ${b.importedAt.toISOString().slice(0, 10)}, parti ${b.id})`).join(' eller ')
    : 'tidligere indlæste registerdata';
  const line = lineOf(input.bytes, cpr);
  throw new RegisterInputError(
    'conflict',
    `${input.fileName}${line ? `, linje ${line}` : ''}: CPR ${maskCpr(cpr)} har kode ${c.incoming} i uge ${week}, ` +
      `men samme person og uge har kode ${c.stored} i ${there}. En uge kan kun have én kode.`,
    { file: input.fileName, line, column: week },
  );
}

/** A new code table must still cover every code already stored. */
async function checkStoredCodes(q: Queryable, table: CodeTable, fileName: string) {
  const r = await q.query<{ data: Uint8Array }>('SELECT data FROM register_person');
  const missing = new Set<number>();
  for (const row of r.rows) {
    const { weeks } = unpackPerson(row.data);
    for (const c of weeks.codes) if (c !== 0 && !table.categoryOf[c]) missing.add(c);
  }
  if (missing.size) {
    const codes = [...missing].sort((a, b) => a - b);
    throw new RegisterInputError('unknown_codes',
      `${fileName}: kodetabellen mangler koder, som findes i de indlæste registerdata: ${codes.join(', ')}. Tilføj dem med en kategori.`,
      { file: fileName, codes });
  }
}
