/**
 * Paid hours from eIndkomst (spec §1.3): person (`cpr`, `pnr` or `lobenr`), `maaned`
 * (YYYY-MM), `timer`. Rows for the same person and month are added together; a missing row
 * means 0 hours. Read in chunks; with `keep`, other people's rows are skipped unread.
 */
import { BASE_YEAR, parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { readingSource, type ByteSource, type RegisterInput } from './chunks.ts';
import { CsvReader } from './csv.ts';
import { cprAt, decimalFromBytes, digitsAt, monthFromBytes, parseDecimal, pastField, POWERS_OF_TEN } from './fields.ts';
import type { NumIndex } from './num-index.ts';
import { fromLimits, keepNumbers, PersonColumn, type ReadOptions } from './person-key.ts';

export function readHours(
  input: RegisterInput,
  fileName: string,
  into = new RegisterBuilder(),
  options: ReadOptions = {},
): RegisterBuilder {
  return readingSource(input, (src) => hoursFrom(src, fileName, into, options));
}

function hoursFrom(src: Uint8Array | ByteSource, fileName: string, into: RegisterBuilder, options: ReadOptions): RegisterBuilder {
  const r = new CsvReader(src, fileName);
  const person = new PersonColumn(r, 'cpr', 'pnr');
  const cMonth = r.requireCol('maaned', 'måned');
  const cHours = r.requireCol('timer');
  into.addSource({ file: fileName });
  const fromMonth = fromLimits(options, fileName).month;
  const keep = options.keep;
  const keepNum = keepNumbers(keep);
  const upTo = keep ? person.index + 1 : 0x7fffffff;
  // Plain rows (three unquoted fields, a ten-digit CPR) are read by `plainHoursRows`; any other
  // row, and the first of each chunk, by the general reader below.
  const plain =
    r.header.length === 3 && person.isCpr && (!keep || keepNum !== null)
      ? plainHoursRows(r, person.index, cMonth, keepNum, fromMonth, into)
      : null;
  while (r.nextAfter(plain, undefined, upTo)) {
    const key = person.rowKey(keep, keepNum);
    if (key === null) continue; // the next `next` skips the rest of the row
    const b = r.bytes;
    const month = r.quoted[cMonth] ? (parseMonth(r.text(cMonth)) ?? NaN) : monthFromBytes(b, r.starts[cMonth], r.ends[cMonth], BASE_YEAR);
    if (Number.isNaN(month))
      throw r.error('bad_month', cMonth, `«${r.text(cMonth).slice(0, 40)}» er ikke en gyldig måned (forventet ÅÅÅÅ-MM, fx 2021-02).`);
    const hours = r.quoted[cHours] ? (parseDecimal(r.text(cHours)) ?? NaN) : decimalFromBytes(b, r.starts[cHours], r.ends[cHours]);
    if (!(hours >= 0)) {
      throw r.error(
        'bad_hours',
        cHours,
        `«${r.text(cHours).slice(0, 40)}» er ikke et gyldigt antal timer (et tal ≥ 0 med decimalkomma eller -punktum, fx 80,5).`,
      );
    }
    if (month >= fromMonth) into.addHours(key, month, hours);
  }
  into.endHoursRun();
  return into;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const DASH = 45;
const COMMA = 44;
const DOT = 46;
const D0 = 48;
const D9 = 57;

/**
 * The paid-hours file's hot path (650,000 rows for 100,000 women): rows of the plain form
 * `0101901234;2021-02;80,5` (three fields in the header's order, the CPR as ten digits, no
 * quotes, LF or CRLF) parsed from the chunk's bytes, the month and hours as the general
 * reader's field parsers (`monthFromBytes`, `decimalFromBytes`) give them: the usual forms read
 * as they are passed (a quarter less time for the file than passing them first, 3 Dec 2026), the
 * others by those parsers. It stops before the first row of any other form or with a value those
 * parsers refuse (a blank line, quotes, spaces around the CPR, a bad month or number, a missing or
 * extra field, the chunk's end): the general reader takes that row, so sums, results and messages
 * are the general reader's. It is long because it is one loop over the chunk's bytes with each
 * field read inline and its state in locals (see `pastField`): a helper per field would cost a
 * call on every one of the 650,000 rows' three fields.
 */
function plainHoursRows(
  r: CsvReader,
  cPerson: number,
  cMonth: number,
  keepNum: NumIndex<string> | null,
  fromMonth: number,
  into: RegisterBuilder,
): () => void {
  const delim = r.delim;
  let lastNum = -1;
  let lastKept = false;
  return () => {
    let p = r.nextRowAt;
    if (p < 0) return;
    const b = r.bytes;
    const len = b.length;
    let rows = 0;
    let done = p;
    // The plain rows' byte loop, shaped as every fast path's (see `pastField`).
    rows: for (; p < len; done = p) {
      let num = 0;
      let month = 0;
      let hours = 0;
      for (let f = 0; f < 3; f++) {
        if (f === cPerson) {
          num = cprAt(b, p, len);
          if (num < 0) break rows;
          p += 10;
        } else {
          const s = p;
          // The usual field is read as it is passed (`2021-02`; `80,5` or `80`), with the value the
          // field parsers give; anything else is passed first and then given to them (what follows
          // the value is `pastField`'s to check: a space or a letter there leaves the row to the
          // general reader).
          let v = NaN;
          let c = b[p];
          if (f === cMonth) {
            if (b[p + 4] === DASH) {
              const y = digitsAt(b, p, 4);
              const m = digitsAt(b, p + 5, 2);
              if (y >= 0 && m >= 1 && m <= 12) {
                v = (y - BASE_YEAR) * 12 + (m - 1);
                p += 7;
                c = b[p];
              }
            }
          } else {
            let int = 0;
            for (; c >= D0 && c <= D9; c = b[++p]) int = int * 10 + (c - D0);
            const digits = p - s;
            if (c === COMMA || c === DOT) {
              const fs = ++p;
              let frac = 0;
              for (c = b[p]; c >= D0 && c <= D9; c = b[++p]) frac = frac * 10 + (c - D0);
              const k = p - fs;
              if (digits > 0 && k > 0 && digits + k <= 16) v = (int * POWERS_OF_TEN[k] + frac) / POWERS_OF_TEN[k];
            } else if (digits > 0 && digits <= 15) v = int;
          }
          if (Number.isNaN(v)) {
            p = s;
            for (c = b[p]; p < len && c !== delim && c !== LF && c !== CR; c = b[++p]) {
              if (c === QUOTE) break rows;
            }
            v = f === cMonth ? monthFromBytes(b, s, p, BASE_YEAR) : decimalFromBytes(b, s, p);
          }
          if (f === cMonth) {
            if (Number.isNaN(v)) break rows;
            month = v;
          } else {
            if (!(v >= 0)) break rows;
            hours = v;
          }
        }
        p = pastField(b, p, f === 2, delim);
        if (p < 0) break rows;
      }
      rows++;
      if (num !== lastNum) {
        lastNum = num;
        lastKept = keepNum === null || keepNum.has(num);
      }
      if (lastKept && month >= fromMonth) into.addHours(num, month, hours);
    }
    r.skipTo(done, rows);
  };
}
