/**
 * The CPR column of a register file, read row by row. Files are usually sorted by person, so
 * when a row's raw bytes equal the previous row's, the previous string is reused.
 */
import type { CsvReader } from './csv.ts';
import { cprFromBytes, cprFromText, cprNumberFromBytes } from './fields.ts';

export class CprColumn {
  private last = '';
  private lastStart = -1;
  private lastLen = -1;
  /** The chunk lastStart points into (a streamed file changes chunks). */
  private lastBytes: Uint8Array | null = null;

  constructor(
    private readonly r: CsvReader,
    private readonly col: number,
  ) {}

  /** The current row's CPR as a number when it is unquoted and well formed, else -1 (see `read`). */
  number(): number {
    const { r, col } = this;
    return r.quoted[col] ? -1 : cprNumberFromBytes(r.bytes, r.starts[col], r.ends[col]);
  }

  /** Ten-digit CPR of the current row; a malformed one is an error naming line and column. */
  read(): string {
    const { r, col } = this;
    const b = r.bytes;
    const s = r.starts[col];
    const len = r.ends[col] - s;
    let same = len === this.lastLen && !r.quoted[col] && b === this.lastBytes;
    for (let k = 0; same && k < len; k++) same = b[s + k] === b[this.lastStart + k];
    if (same) return this.last;
    const cpr = r.quoted[col] ? cprFromText(r.text(col)) : cprFromBytes(b, s, r.ends[col]);
    if (!cpr) throw r.error('bad_cpr', col, `«${r.text(col)}» er ikke et CPR-nummer (10 cifre, med eller uden bindestreg).`);
    this.last = cpr;
    this.lastStart = s;
    this.lastLen = r.quoted[col] ? -1 : len;
    this.lastBytes = b;
    return cpr;
  }
}
