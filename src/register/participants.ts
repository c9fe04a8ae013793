/**
 * Participants (`deltagere`, spec §1.1). A CPR number may stand on several rows (a woman
 * enrolled twice); each row is a participant of its own, and `id` must be unique.
 */
import { isPlainCpr, parseCpr } from '../core/cpr.ts';
import { isoDateText } from '../monitoring/calendar.ts';
import { VISITATIONS, type Participant, type Visitation } from '../monitoring/types.ts';
import { bytesSource, readingSource, type ByteSource, type RegisterInput } from './chunks.ts';
import { CsvReader } from './csv.ts';
import { cprAt, digitsAt } from './fields.ts';
import { runningNumberKey } from './person-key.ts';

const VISITATION_ALIASES: Record<string, Visitation> = {
  selvforsørgende: 'selvforsoergende',
  øvrige: 'oevrige',
};

export function parseVisitation(text: string): Visitation | null {
  if ((VISITATIONS as readonly string[]).includes(text)) return text as Visitation; // as written, the usual case
  const t = text.trim().toLowerCase();
  if ((VISITATIONS as readonly string[]).includes(t)) return t as Visitation;
  return VISITATION_ALIASES[t] ?? null;
}

/** At most this many distinct municipality and date strings are shared (`once`). */
const MAX_SHARED = 100_000;

/** `input`: the bytes, or a path read in chunks (fileName names it in messages). */
export function readParticipants(input: RegisterInput, fileName: string): Participant[] {
  return readingSource(input, (src) => participantsFrom(src, fileName), fileName);
}

function participantsFrom(src: Uint8Array | ByteSource, fileName: string): Participant[] {
  const r = new CsvReader(src, fileName);
  const cId = r.requireCol('id');
  // An extract keyed by running number (`lobenr`) carries the birth date (`foedselsdato`) instead of CPR.
  const cLobenr = r.col('cpr') < 0 ? r.col('lobenr', 'løbenr') : -1;
  const cCpr = cLobenr >= 0 ? -1 : r.requireCol('cpr');
  const cBirth = cLobenr >= 0 ? r.requireCol('foedselsdato', 'fødselsdato') : -1;
  const cKommune = r.requireCol('kommune');
  const cIn = r.requireCol('indskrevet');
  const cVis = r.requireCol('visitation');
  const cOut = r.col('udskrevet');
  const out: Participant[] = [];
  const ids = new UniqueIds();
  const shared = sharedFields(r);
  // Each distinct date text (one string per value, `shared`) is checked once.
  const dates = new Map<string, string | null>();
  const dateOf = (text: string): string | null => {
    let d = dates.get(text);
    if (d === undefined) {
      d = isoDateText(text);
      if (dates.size < MAX_SHARED) dates.set(text, d);
    }
    return d;
  };
  while (r.next()) {
    r.checkFieldCount();
    const id = r.text(cId);
    if (!id) throw r.error('bad_value', cId, 'id mangler.');
    const before = ids.lineOf(id, r.rowLine, out);
    if (before !== undefined) throw r.error('duplicate', cId, `id «${id}» står også i linje ${before}; id skal være entydigt.`);
    let key: string;
    let birthDate: string | undefined;
    if (cLobenr >= 0) {
      const lobenr = r.text(cLobenr);
      if (!/^[0-9A-Za-z_-]{1,40}$/.test(lobenr))
        throw r.error('bad_cpr', cLobenr, `«${lobenr.slice(0, 40)}» er ikke et løbenummer (cifre eller bogstaver).`);
      key = runningNumberKey(lobenr);
      const born = isoDateText(r.text(cBirth));
      if (born === null)
        throw r.error(
          'bad_date',
          cBirth,
          `«${r.text(cBirth).slice(0, 40)}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`,
        );
      birthDate = born;
    } else {
      const text = r.text(cCpr);
      if (isPlainCpr(text)) key = text;
      else {
        const cpr = parseCpr(text);
        if (!cpr.ok) throw r.error('bad_cpr', cCpr, `«${text}»: ${cpr.error}`);
        key = cpr.value.cpr;
      }
    }
    const kommune = shared(cKommune);
    if (!kommune) throw r.error('bad_value', cKommune, 'kommune mangler.');
    const indskrevet = dateOf(shared(cIn));
    if (indskrevet === null)
      throw r.error('bad_date', cIn, `«${r.text(cIn)}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`);
    const visitation = visitationAt(r, cVis) ?? parseVisitation(r.text(cVis));
    if (!visitation) {
      throw r.error(
        'bad_value',
        cVis,
        `ukendt visitationskategori «${r.text(cVis)}»; brug en af: aktivitetsparat, jobparat, selvforsoergende, oevrige.`,
      );
    }
    const udskrevet = exitDate(r, cOut, indskrevet, shared, dateOf);
    out.push(
      birthDate
        ? { id, cpr: key, birthDate, kommune, visitation, indskrevet, udskrevet }
        : { id, cpr: key, kommune, visitation, indskrevet, udskrevet },
    );
  }
  return out;
}

/**
 * Whether an id stands on an earlier row (spec: `id` is unique): the line of that row, or
 * undefined. While the ids rise (in string order, as an extract sorted by id has them) none can
 * repeat, so no map is kept; from the first id that does not rise, every id so far goes into a
 * map with its line and each later one is looked up there (100,000 ids in a map cost about a fifth
 * of the participants' read, most of it in the garbage collector).
 */
class UniqueIds {
  private last: string | null = null;
  private readonly lines: number[] = [];
  private byId: Map<string, number> | null = null;

  /** `id` on line `line`, after the rows `before` (their ids, in order). */
  lineOf(id: string, line: number, before: readonly { id: string }[]): number | undefined {
    if (this.byId === null) {
      if (this.last === null || id > this.last) {
        this.last = id;
        this.lines.push(line);
        return undefined;
      }
      this.byId = new Map();
      for (let i = 0; i < before.length; i++) this.byId.set(before[i].id, this.lines[i]);
    }
    const had = this.byId.get(id);
    if (had === undefined) this.byId.set(id, line);
    return had;
  }
}

/**
 * Field i's text (`CsvReader.text`) as one string per distinct value: municipalities and dates
 * repeat from row to row, so that 100,000 rows keep two new strings (id, CPR) rather than five
 * (fewer survivors for the young-generation GC to copy). A plain field (digits, or an ISO date
 * `YYYY-MM-DD`) is found by a number made from its bytes, before any text is made of it.
 */
function sharedFields(r: CsvReader): (i: number) => string {
  const same = new Map<string, string>();
  const byBytes = new Map<number, string>();
  return (i: number): string => {
    const key = r.quoted[i] ? -1 : plainFieldKey(r.bytes, r.starts[i], r.ends[i]);
    if (key >= 0) {
      const had = byBytes.get(key);
      if (had !== undefined) return had;
    }
    const t = r.text(i);
    let one = same.get(t);
    if (one === undefined) {
      one = t;
      if (same.size < MAX_SHARED) same.set(t, t);
    }
    if (key >= 0 && byBytes.size < MAX_SHARED) byBytes.set(key, one);
    return one;
  };
}

/**
 * A number for the bytes b[s, e) that no other such bytes share, or -1: an ISO date `YYYY-MM-DD`
 * gives YYYYMMDD (below 10^8), one to eight digits give 10^8 + 10^length + their value (below
 * 3 · 10^8, small integers for V8), anything else -1.
 */
export function plainFieldKey(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 10 && b[s + 4] === 45 && b[s + 7] === 45) {
    const y = digitsAt(b, s, 4);
    const m = digitsAt(b, s + 5, 2);
    const d = digitsAt(b, s + 8, 2);
    return y < 0 || m < 0 || d < 0 ? -1 : y * 10000 + m * 100 + d;
  }
  if (n < 1 || n > 8) return -1;
  const v = digitsAt(b, s, n);
  return v < 0 ? -1 : 1e8 + POW10[n] + v;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * A visitation category written exactly as the spec names it (the usual case), read from the
 * field's bytes (inside its quotes, if any) without making a string of them; null for anything
 * else (then `parseVisitation`).
 */
function visitationAt(r: CsvReader, i: number): Visitation | null {
  const b = r.bytes;
  const s = r.starts[i];
  const n = r.ends[i] - s;
  outer: for (const v of VISITATIONS) {
    if (v.length !== n) continue;
    for (let k = 0; k < n; k++) if (b[s + k] !== v.charCodeAt(k)) continue outer;
    return v;
  }
  return null;
}

/** The row's exit date (`udskrevet`), or null when the column is missing or blank; never before the enrolment. */
function exitDate(
  r: CsvReader,
  cOut: number,
  indskrevet: string,
  shared: (i: number) => string,
  dateOf: (text: string) => string | null,
): string | null {
  const outText = cOut >= 0 ? shared(cOut) : '';
  if (!outText) return null;
  const udskrevet = dateOf(outText);
  if (udskrevet === null) throw r.error('bad_date', cOut, `«${outText}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`);
  if (udskrevet < indskrevet)
    throw r.error('bad_date', cOut, `udskrivningsdatoen ${udskrevet} ligger før indskrivningsdatoen ${indskrevet}.`);
  return udskrevet;
}

/**
 * The participants' CPR numbers, row by row, when every row's `cpr` is ten plain digits (no
 * quotes, dash or blanks), read without the rest of the row; else null. The reader thread of
 * parallel.ts takes these to start reading at once instead of waiting for `readParticipants`
 * on the main thread, which then checks they are its own (load.ts).
 */
export function plainCprNumbers(bytes: Uint8Array): Float64Array | null {
  return plainCprNumbersOf(bytesSource(bytes));
}

/**
 * `plainCprNumbers` of a file read in chunks (`fileSource`): the reader thread reads the
 * participants 1 MiB at a time rather than into one fresh buffer of the file's size, whose
 * pages are each touched for the first time twice (by the read and by the parse; chunks.ts).
 * It stops at the first row it cannot read plainly, and the source is closed however it ends.
 */
export function plainCprNumbersOf(src: ByteSource): Float64Array | null {
  const out: number[] = [];
  try {
    const first = src.next();
    if (!first) return null;
    const r = new CsvReader(first, 'deltagere');
    const c = r.col('cpr');
    if (c < 0 || !plainColumnCprs(r.bytes, r.nextRowAt, c, r.delim, out)) return null;
    for (let b = src.next(); b; b = src.next()) if (!plainColumnCprs(b, 0, c, r.delim, out)) return null;
    return Float64Array.from(out);
  } catch {
    return null; // no header, or the file could not be read: the main thread names the problem
  } finally {
    src.close?.();
  }
}

/**
 * The ten-digit CPR numbers of field `c` of the rows of b from `p` on (see `plainCprNumbers`),
 * pushed onto `out` from the bytes without a string per row; false at the first row with a
 * quote, a lone CR, too few fields or a CPR that is not ten plain digits. Blank lines are
 * skipped, as `CsvReader` does. b ends at a row end (a chunk of `fileSource`).
 */
function plainColumnCprs(b: Uint8Array, p: number, c: number, delim: number, out: number[]): boolean {
  const len = b.length;
  if (b.indexOf(34, p) >= 0) return false; // a quote anywhere (it could hold a line feed): the full reader
  let cr = -1; // the next CR at or after the CPR field (len: none)
  while (p < len) {
    const lf0 = b[p];
    if (lf0 === 10 || (lf0 === 13 && b[p + 1] === 10)) {
      p += lf0 === 10 ? 1 : 2;
      continue;
    }
    let s = p;
    for (let k = 0; k < c; k++) {
      while (s < len && b[s] !== delim && b[s] !== 10 && b[s] !== 13) s++;
      if (b[s] !== delim) return false;
      s++;
    }
    const n = cprAt(b, s, len);
    const after = b[s + 10];
    if (n < 0 || (s + 10 < len && after !== delim && after !== 10 && after !== 13)) return false;
    out.push(n);
    let lf = b.indexOf(10, s + 10);
    if (lf < 0) lf = len;
    if (cr < s + 10) {
      cr = b.indexOf(13, s + 10);
      if (cr < 0) cr = len;
    }
    if (cr < lf - 1) return false; // a lone CR ends a line for the full reader
    p = lf + 1;
  }
  return true;
}
