/**
 * The person column of a register file: `PNR`, `pnr` or `cpr` (a CPR number, with or without
 * dash), or `lobenr` (a running number that an extract uses instead of CPR; the participants
 * file must then carry the same `lobenr`). Also the options every register reader takes: which
 * people to keep and from which month.
 */
import { firstWeekOfMonth, parseMonth } from '../monitoring/calendar.ts';
import { CprColumn } from './cpr-column.ts';
import { listSome, type CsvReader } from './csv.ts';
import { RegisterInputError } from './errors.ts';
import { NumIndex } from './num-index.ts';

/** Column names that hold the person, in order of preference. */
export const PERSON_COLUMNS = ['pnr', 'cpr', 'lobenr', 'løbenr'] as const;

/**
 * A person as the readers give her: the key string (ten-digit CPR or `#lobenr`), or a CPR as
 * the number its digits spell (`cprNumberFromBytes`), which saves building a string per row.
 */
export type PersonKey = string | number;

/** Key of a person given by running number: `#` + the number, so it never equals a CPR. */
export function runningNumberKey(lobenr: string): string {
  return `#${lobenr}`;
}

export interface ReadOptions {
  /**
   * Keep only the people for whom this returns true (the key: ten-digit CPR, or `#lobenr`).
   * Rows of other people are skipped without reading their cells, so memory grows with the
   * people kept, not with the file. See `keepCprs` and `keepCprHashes`.
   */
  keep?: (key: string) => boolean;
  /** Drop weeks and months before this month (`YYYY-MM`, a week by its Thursday); their cells are not read. */
  from?: string;
  /** Year of a yearly file with week columns `y_01 … y_53` (else from the file name or a year column). */
  year?: number;
}

/**
 * A `keep` that can also answer for a CPR number (`cprNumberFromBytes`) without its string;
 * `numbers` holds each kept number's key string (the caller's own string, which the builder
 * then uses as the person's key instead of making another).
 */
export interface KeepByNumber {
  (key: string): boolean;
  readonly numbers: NumIndex<string>;
}

/** Keep the people with these CPR numbers (with or without dash). */
export function keepCprs(cprs: Iterable<string>): KeepByNumber {
  const keys: string[] = [];
  const list = [...cprs];
  const numbers = new NumIndex<string>(list.length);
  for (const c of list) {
    // A plain ten-digit number is its own key (the same string: no copy per participant).
    let key = c;
    let n = c.length === 10 ? tenDigits(c) : -1;
    if (n < 0) {
      key = c.replace('-', '').trim();
      n = key.length === 10 ? tenDigits(key) : -1;
    }
    keys.push(key);
    if (n >= 0) numbers.set(n, key);
  }
  // The string set is made only when a reader asks by string (running numbers, quoted CPRs).
  let set: Set<string> | null = null;
  return Object.assign((key: string) => (set ??= new Set(keys)).has(key), { numbers });
}

/**
 * Keep the people with these CPR numbers, given as numbers (a reader thread's people, taken from
 * the participants file without a string per person): `numbers` holds no key strings, so the
 * builder makes a person's key (`cprText`) only when she is met as a person.
 */
export function keepCprNumbers(cprs: Float64Array): KeepByNumber {
  const numbers = new NumIndex<string>(cprs.length);
  for (let i = 0; i < cprs.length; i++) numbers.add(cprs[i]);
  return Object.assign(
    (key: string) => {
      const n = key.length === 10 ? tenDigits(key) : -1;
      return n >= 0 && numbers.has(n);
    },
    { numbers },
  );
}

/** The number ten ASCII digits spell, or -1. */
export function tenDigits(s: string): number {
  let v = 0;
  for (let i = 0; i < 10; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The number set of a `keep` made by `keepCprs`, or null (then ask `keep` with the string). */
export function keepNumbers(keep: ReadOptions['keep']): NumIndex<string> | null {
  return keep && 'numbers' in keep ? (keep as KeepByNumber).numbers : null;
}

/**
 * Keep the people whose keyed CPR hash is in `hashes` (the database's `cpr_hash`), with the
 * hash function of the vault. Each row's CPR is hashed once; the CPR set (`keepCprs`) is faster
 * when the numbers are at hand.
 */
export function keepCprHashes(hashes: Iterable<string>, hash: (cpr: string) => string): (key: string) => boolean {
  const set = new Set(hashes);
  let lastKey = '';
  let lastKeep = false;
  return (key) => {
    if (key === lastKey) return lastKeep; // rows come grouped by person
    lastKey = key;
    lastKeep = !key.startsWith('#') && set.has(hash(key));
    return lastKeep;
  };
}

/** The first week and month kept under `from` (−Infinity when absent). */
export function fromLimits(options: ReadOptions, file: string): { week: number; month: number } {
  if (!options.from) return { week: -Infinity, month: -Infinity };
  const m = parseMonth(options.from);
  if (m === null)
    throw new RegisterInputError('bad_month', `${file}: --from «${options.from}» er ikke en måned (forventet ÅÅÅÅ-MM).`, { file });
  return { week: firstWeekOfMonth(m), month: m };
}

/** Reads the person key of each row. */
export class PersonColumn {
  readonly index: number;
  private readonly cprs: CprColumn | null;
  private lastRaw = '';
  private lastKey = '';

  constructor(
    private readonly r: CsvReader,
    ...preferred: string[]
  ) {
    const names = [...preferred, ...PERSON_COLUMNS.filter((n) => !preferred.includes(n))];
    const i = r.col(...names);
    if (i < 0) {
      throw new RegisterInputError(
        'missing_column',
        `${r.file}, linje 1: ingen kolonne med personen (PNR, cpr eller lobenr) i overskriftslinjen (fundet: ${listSome(r.header)}).`,
        { file: r.file, line: 1, column: names[0] },
      );
    }
    this.index = i;
    const name = r.headerLower[i];
    this.cprs = name === 'lobenr' || name === 'løbenr' ? null : new CprColumn(r, i);
  }

  /**
   * The row's CPR as a number (`cprNumberFromBytes`) when it is a plain unquoted CPR, else -1:
   * a running number, a quoted or malformed field (then `read` gives the key or the error).
   */
  number(): number {
    this.present();
    return this.cprs ? this.cprs.number() : -1;
  }

  /**
   * A row too short to have the person column is the field-count error (a reader that keeps
   * only some people reads the person before the rest of the row).
   */
  private present(): void {
    if (this.index >= this.r.n) this.r.checkFieldCount();
  }

  /** True for a CPR column (not running numbers). */
  get isCpr(): boolean {
    return this.cprs !== null;
  }

  /** The row's person: her CPR number when the field is a plain CPR, else her key string (or the error). */
  key(): PersonKey {
    const n = this.number();
    return n >= 0 ? n : this.read();
  }

  /**
   * The row's person, or null when `keep` leaves her out. With the number set of `keepCprs`
   * no string is built for a plain CPR.
   */
  keptKey(keep: (key: string) => boolean, numbers: NumIndex<string> | null): PersonKey | null {
    const n = numbers ? this.number() : -1;
    if (n >= 0) return numbers!.has(n) ? n : null;
    const key = this.read();
    return keep(key) ? key : null;
  }

  /**
   * The head of every register reader's row loop, after `r.next(ints, upTo)` read the row (with
   * `keep`, only up to the person): her key with the rest of the row read into `ints` and its
   * field count checked, or null when `keep` leaves her out (the next `next` skips the rest of
   * the row unread). Without `keep` the field count is checked before the key is read.
   */
  rowKey(keep: ((key: string) => boolean) | undefined, numbers: NumIndex<string> | null, ints?: Int32Array): PersonKey | null {
    if (!keep) {
      this.r.checkFieldCount();
      return this.key();
    }
    const k = this.keptKey(keep, numbers);
    if (k === null) return null;
    this.r.rest(ints);
    this.r.checkFieldCount();
    return k;
  }

  read(): string {
    this.present();
    if (this.cprs) return this.cprs.read();
    const raw = this.r.text(this.index);
    if (raw === this.lastRaw && raw) return this.lastKey;
    if (!/^[0-9A-Za-z_-]{1,40}$/.test(raw))
      throw this.r.error('bad_cpr', this.index, `«${raw.slice(0, 40)}» er ikke et løbenummer (cifre eller bogstaver).`);
    this.lastRaw = raw;
    this.lastKey = runningNumberKey(raw);
    return this.lastKey;
  }
}
