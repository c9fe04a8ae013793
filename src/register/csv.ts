/**
 * A byte-level CSV reader (spec §1): delimiter `;`, `,` or tab detected from the header line;
 * UTF-8 with or without BOM, or Windows-1252 when the bytes are not valid UTF-8; quoted fields
 * with `""` escapes. It works on the raw bytes (delimiters, quotes and digits are ASCII in both
 * encodings) and decodes a field to text only when asked, so a 100 MB DREAM file is read
 * without building a string per cell.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { ByteSource } from './chunks.ts';
import { MAX_NAME, RegisterInputError, cellError, shorten, sizeText, type Place, type RegisterErrorCode } from './errors.ts';

/**
 * The header line's bounds: a wide DREAM extract has about 1,900 columns in some 20 kB; a file
 * beyond these is not a register file, and its header is refused before it is read into names.
 */
export const MAX_COLUMNS = 10_000;
export const MAX_HEADER_BYTES = 1024 * 1024;

/** A chunk is decoded whole once fields have been asked for as text about once per this many of its bytes. */
const ASCII_AFTER = 1024;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SEMI = 59;
const COMMA = 44;
const TAB = 9;

export class CsvReader {
  /** The current chunk (the whole file when read from memory); field offsets point into it. */
  bytes: Uint8Array;
  readonly file: string;
  readonly delim: number;
  /** Header names as written (trimmed), and lower-cased for matching. */
  readonly header: string[];
  readonly headerLower: string[];
  /** Line number of the current row. */
  rowLine = 0;
  /** Number of fields read of the current row. */
  n = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted = new Uint8Array(64);
  private pos: number;
  private line = 1;
  /** True while a row was read only in part (`next` with `upTo`): `pos` is at its next field. */
  private open = false;
  /** The chunk as a Buffer (native `indexOf`), and the next quote and CR found in it. */
  private buf: Buffer = Buffer.alloc(0);
  private nextQuote = -1;
  private nextCr = -1;
  private decodeRange: (s: number, e: number) => string = () => '';
  private cp1252 = false;
  private readonly source: ByteSource | null;

  /** `input`: the whole file in memory, or a source of chunks that end at row boundaries. */
  constructor(input: Uint8Array | ByteSource, file: string) {
    this.file = file;
    this.source = input instanceof Uint8Array ? null : input;
    const bytes = input instanceof Uint8Array ? input : (input.next() ?? new Uint8Array(0));
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.bytes = bytes;
    this.useChunk(bytes);
    this.pos = bom ? 3 : 0;
    const headerEnd = this.buf.indexOf(LF, this.pos);
    if ((headerEnd < 0 ? bytes.length : headerEnd) - this.pos > MAX_HEADER_BYTES) {
      throw new RegisterInputError(
        'too_large',
        `${file}, linje 1: overskriftslinjen er længere end ${sizeText(MAX_HEADER_BYTES)}, som er det højeste tilladte. Er det den rigtige fil?`,
        { file, line: 1 },
      );
    }
    this.delim = detectDelimiter(bytes, this.pos);
    if (this.delim < 0 || !this.next(undefined, MAX_COLUMNS + 1)) {
      throw new RegisterInputError(
        'header',
        `${file}: filen har ingen overskriftslinje med kolonnenavne adskilt af semikolon, komma eller tabulator.`,
        { file, line: 1 },
      );
    }
    if (this.n > MAX_COLUMNS) {
      throw new RegisterInputError(
        'too_large',
        `${file}, linje 1: overskriftslinjen har flere end ${MAX_COLUMNS.toLocaleString('da-DK')} kolonner, som er det højeste tilladte. Er det den rigtige fil?`,
        { file, line: 1 },
      );
    }
    this.header = [];
    for (let i = 0; i < this.n; i++) this.header.push(this.text(i));
    this.headerLower = this.header.map((h) => h.toLowerCase());
  }

  /**
   * Take a new chunk: UTF-8 unless its bytes are not valid UTF-8, then Windows-1252 from there
   * on (delimiters, quotes and digits are ASCII in both).
   */
  private useChunk(bytes: Uint8Array): void {
    this.bytes = bytes;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buf = buf;
    this.pos = 0;
    this.nextQuote = -1;
    this.nextCr = -1;
    if (!this.cp1252 && !isUtf8(bytes)) this.cp1252 = true;
    if (this.cp1252) {
      const dec = new TextDecoder('windows-1252');
      this.decodeRange = (s, e) => dec.decode(bytes.subarray(s, e));
    } else {
      // A file whose fields are read as text row by row (the participants) costs a native call
      // per field; once a chunk has been asked for many fields, it is decoded once when it is
      // plain ASCII (then byte offsets are string offsets) and a field is a slice of that string.
      let calls = 0;
      let text: string | null = null;
      this.decodeRange = (s, e) => {
        if (text !== null) return text.slice(s, e);
        if (++calls * ASCII_AFTER >= bytes.length && calls >= 64) {
          if (isAscii(bytes)) {
            text = buf.toString('latin1');
            return text.slice(s, e);
          }
          calls = -Infinity; // not ASCII: field by field
        }
        return buf.toString('utf8', s, e);
      };
    }
  }

  /** Index of the first column with one of the names (any case), or -1. */
  col(...names: string[]): number {
    for (const name of names) {
      const i = this.headerLower.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  }

  /** Like `col`, but a missing column is an error naming it. */
  requireCol(...names: string[]): number {
    const i = this.col(...names);
    if (i < 0) {
      throw new RegisterInputError(
        'missing_column',
        `${this.file}, linje 1: kolonnen «${names[0]}» mangler i overskriftslinjen (fundet: ${listSome(this.header)}).`,
        { file: this.file, line: 1, column: names[0] },
      );
    }
    return i;
  }

  /** Place of field i of the current row, for error messages. */
  place(i: number): Place {
    // While the header line itself is read, there are no column names yet.
    return { file: this.file, line: this.rowLine, column: this.header?.[i] ?? `felt ${i + 1}` };
  }

  error(code: RegisterErrorCode, i: number, what: string): RegisterInputError {
    return cellError(code, this.place(i), what);
  }

  /** The current row must have as many fields as the header. */
  checkFieldCount(): void {
    const want = this.header.length;
    if (this.n < want)
      throw this.error('field_count', this.n, `rækken har ${this.n} felter, men overskriften har ${want}; feltet mangler.`);
    // Extra fields are accepted only when empty (a trailing delimiter): no data is dropped.
    for (let i = want; i < this.n; i++) {
      if (this.ends[i] > this.starts[i] && this.text(i) !== '') {
        throw cellError(
          'field_count',
          { file: this.file, line: this.rowLine, column: `felt ${i + 1}` },
          `rækken har ${this.n} felter, men overskriften har kun ${want}.`,
        );
      }
    }
  }

  /** Decoded, trimmed text of field i (quotes removed, `""` unescaped). */
  text(i: number): string {
    const t = this.decodeRange(this.starts[i], this.ends[i]);
    return (this.quoted[i] ? t.replaceAll('""', '"') : t).trim();
  }

  /**
   * `next` for a reader with a plain-row loop: `plain` first takes the plain rows it can (from
   * `nextRowAt` on), then `next` reads the row it stopped at; false at the end of the file.
   */
  nextAfter(plain: (() => void) | null, ints?: Int32Array, upTo?: number): boolean {
    if (plain !== null) plain();
    return this.next(ints, upTo);
  }

  /**
   * Advance to the next non-empty row; false at the end of the file. With `ints`, also parse
   * each unquoted field as a non-negative integer in the same pass (the wide DREAM hot path):
   * ints[i] = value, -1 when empty, -2 when not plain digits (the caller re-reads the field).
   * With `upTo`, stop after that many fields: then `rest` reads the others or `skipRow` drops
   * the row (a reader that keeps only some people looks at the CPR first).
   */
  next(ints?: Int32Array, upTo = 0x7fffffff): boolean {
    if (this.open) this.skipRow();
    let b = this.bytes;
    let p = this.pos;
    for (;;) {
      while (p < b.length && (b[p] === LF || b[p] === CR)) {
        if (b[p] === LF || b[p + 1] !== LF) this.line++; // LF, CRLF or a lone CR ends a line
        p++;
      }
      if (p < b.length) break;
      const chunk = this.source?.next();
      if (!chunk) {
        this.pos = p;
        return false;
      }
      this.useChunk(chunk);
      b = chunk;
      p = 0;
    }
    this.rowLine = this.line;
    this.pos = p;
    this.n = 0;
    this.fields(ints, upTo);
    return true;
  }

  /**
   * Between rows, the offset in `bytes` where the next row starts, for a caller that parses
   * plain rows itself (the long layout); -1 while a row is read only in part.
   */
  get nextRowAt(): number {
    return this.open ? -1 : this.pos;
  }

  /** Line number of the next row (between rows). */
  get nextLine(): number {
    return this.line;
  }

  /** After a caller parsed `lines` rows itself: go on at `pos`, the start of the next row. */
  skipTo(pos: number, lines: number): void {
    this.pos = pos;
    this.line += lines;
  }

  /** Read the remaining fields of a row read in part. */
  rest(ints?: Int32Array): void {
    if (this.open) this.fields(ints, 0x7fffffff);
  }

  /** Skip the rest of a row read in part, without looking at its fields. */
  skipRow(): void {
    if (!this.open) return;
    const b = this.buf;
    const p = this.pos;
    const lf = b.indexOf(LF, p);
    if (this.nextQuote < p) {
      const q = b.indexOf(QUOTE, p);
      this.nextQuote = q < 0 ? Infinity : q;
    }
    if (this.nextCr < p) {
      const c = b.indexOf(CR, p);
      this.nextCr = c < 0 ? Infinity : c;
    }
    // A quoted field may hold a line break, and a lone CR ends a line: read those fields
    // properly. Otherwise the row ends at the line feed (a CR just before it is CRLF).
    if (lf < 0 || this.nextQuote < lf || this.nextCr < lf - 1) {
      this.fields(undefined, 0x7fffffff);
      return;
    }
    this.pos = lf + 1;
    this.line++;
    this.open = false;
  }

  /**
   * Parse fields from `pos` until the row ends or `upTo` fields are read.
   * Long on purpose: the byte loop of the reader (quoted fields, integers parsed in place, row
   * ends) runs once per byte of a register file, with its state in locals; split into helpers it
   * would write `pos`/`n` back to the object or allocate per field.
   */
  private fields(ints: Int32Array | undefined, upTo: number): void {
    const b = this.bytes;
    const len = b.length;
    const delim = this.delim;
    let p = this.pos;
    let n = this.n;
    for (;;) {
      if (n === this.starts.length) this.grow();
      if (ints && n >= ints.length) ints = undefined; // fields beyond the header: checkFieldCount
      let s = p;
      let e: number;
      let q = 0;
      if (b[p] === QUOTE) {
        q = 1;
        s = ++p;
        for (;;) {
          if (p >= len) {
            this.n = n;
            throw this.error('bad_value', n, 'et felt i anførselstegn slutter ikke.');
          }
          const c = b[p];
          if (c === QUOTE) {
            if (b[p + 1] === QUOTE) p += 2;
            else break;
          } else {
            if (c === LF) this.line++;
            p++;
          }
        }
        e = p++;
        while (p < len && (b[p] === 32 || b[p] === TAB) && b[p] !== delim) p++;
        if (p < len && b[p] !== delim && b[p] !== LF && b[p] !== CR) {
          this.n = n;
          throw this.error('bad_value', n, 'tegn efter det afsluttende anførselstegn.');
        }
        if (ints) ints[n] = -2;
      } else if (ints) {
        let v = 0;
        let ok = true;
        while (p < len) {
          const c = b[p];
          if (c === delim || c === LF || c === CR) break;
          const d = c - 48;
          if (d >= 0 && d <= 9) v = v * 10 + d;
          else ok = false;
          p++;
        }
        e = p;
        ints[n] = e === s ? -1 : ok && e - s < 10 ? v : -2;
      } else {
        while (p < len) {
          const c = b[p];
          if (c === delim || c === LF || c === CR) break;
          p++;
        }
        e = p;
      }
      this.starts[n] = s;
      this.ends[n] = e;
      this.quoted[n] = q;
      n++;
      if (p < len && b[p] === delim) {
        p++;
        if (n >= upTo) {
          this.n = n;
          this.pos = p;
          this.open = true;
          return;
        }
        continue;
      }
      // End of row: CRLF, LF, lone CR or end of file.
      if (p < len && b[p] === CR) p++;
      if (p < len && b[p] === LF) p++;
      this.line++;
      break;
    }
    this.n = n;
    this.pos = p;
    this.open = false;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const s = new Int32Array(size);
    s.set(this.starts);
    const e = new Int32Array(size);
    e.set(this.ends);
    const q = new Uint8Array(size);
    q.set(this.quoted);
    this.starts = s;
    this.ends = e;
    this.quoted = q;
  }
}

/**
 * At most ten items joined by ", ", then how many more (an extract can have 1,700 columns or
 * thousands of unknown values; a message must stay readable).
 */
export function listSome(items: readonly string[], max = 10, itemMax = MAX_NAME): string {
  const some = items.slice(0, max).map((s) => shorten(s, itemMax));
  if (items.length <= max) return some.join(', ');
  return `${some.join(', ')} og ${(items.length - max).toLocaleString('da-DK')} flere`;
}

/** The delimiter that occurs most often in the header line (outside quotes), or -1. */
function detectDelimiter(b: Uint8Array, from: number): number {
  let semi = 0;
  let comma = 0;
  let tab = 0;
  let inQuote = false;
  for (let p = from; p < b.length; p++) {
    const c = b[p];
    if (c === QUOTE) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === LF || c === CR) break;
    else if (c === SEMI) semi++;
    else if (c === COMMA) comma++;
    else if (c === TAB) tab++;
  }
  if (semi === 0 && comma === 0 && tab === 0) return -1;
  if (semi >= comma && semi >= tab) return SEMI;
  return tab >= comma ? TAB : COMMA;
}
