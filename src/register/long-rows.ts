/**
 * The long layout's hot path (`cpr;uge;kode`, one row per person-week; issue 9, item 8): a loop
 * over the chunk's bytes that reads rows of the plain form `0101901234;2021-W07;730` (fields in
 * the header's order, `;`, `,` or tab, LF or CRLF; week `YYYY-Www` or `YYWW`) straight into
 * numbers. It stops before the first row of any other form (quotes, blanks, NA, an empty or bad
 * field, the chunk's end): the general reader in benefits.ts takes that row, so results and
 * error messages are the same as the general reader's alone (fast-paths.test.ts).
 *
 * A person's rows usually come together. So:
 * - the CPR is compared with the previous row's as three loads of its ten bytes (`DataView`), and
 *   read as digits and looked up only when it differs;
 * - a person the builder has not met yet is gathered in a scratch array covering every week the
 *   loop can read (`Run`) and handed over once, sized exactly, when her rows end
 *   (`RegisterBuilder.addNewPerson`): her weeks are not grown and copied row by row;
 * - a person met before (an unsorted file, a chunk's edge) has her rows written into her weeks
 *   where they fit, and through the builder (`cell`) where they do not, as the general reader does.
 * A week that already has another code in her run is a conflict: the loop hands the run over
 * and stops before that row, and the general reader names both places.
 */
import { isoWeekIndex, weeksInIsoYear } from '../monitoring/calendar.ts';
import { MAX_CODE, type PersonWeeks } from '../monitoring/types.ts';
import type { RegisterBuilder } from './builder.ts';
import type { CsvReader } from './csv.ts';
import { cprAt, digitsAt, dreamYear, pastField } from './fields.ts';
import type { NumIndex } from './num-index.ts';

const UNKNOWN = -0x80000000;
const INVALID = -0x7fffffff;

/** The weeks the loop can read: `YYYY-Www` of 1900–2155 (`YYWW` is 1990–2089). */
export const LONG_FIRST_WEEK = isoWeekIndex(1900, 1)!;
export const LONG_LAST_WEEK = isoWeekIndex(2155, weeksInIsoYear(2155))!;

/** Where a long row goes when the loop does not write it itself (the builder's `setWeek` for this file). */
export type LongCell = (cpr: number, week: number, code: number, line: number, column: string) => void;

/** One person's weeks while her rows are read: codes by week − LONG_FIRST_WEEK, and the weeks with a code. */
class Run {
  readonly codes = new Int16Array(LONG_LAST_WEEK - LONG_FIRST_WEEK + 1);
  /** Her CPR number, or -1 while no person is gathered. */
  num = -1;
  lo = Infinity;
  hi = -Infinity;

  /** Hand her weeks to the builder (a person it has not met) and clear the scratch. */
  flush(builder: RegisterBuilder): void {
    if (this.num >= 0 && this.hi >= this.lo) {
      const s = this.lo - LONG_FIRST_WEEK;
      const e = this.hi - LONG_FIRST_WEEK + 1;
      builder.addNewPerson(this.num, this.lo, this.codes.subarray(s, e));
      this.codes.fill(0, s, e);
    }
    this.num = -1;
    this.lo = Infinity;
    this.hi = -Infinity;
  }
}

/** The week index of DREAM's `YYWW` at b[p…] (from `byDream`, filled as weeks are met), or INVALID. */
function dreamWeekAt(b: Uint8Array, p: number, byDream: Int32Array): number {
  const yyww = digitsAt(b, p, 4);
  if (yyww < 0) return INVALID;
  if (byDream[yyww] === UNKNOWN) byDream[yyww] = isoWeekIndex(dreamYear(Math.floor(yyww / 100)), yyww % 100) ?? INVALID;
  return byDream[yyww];
}

/**
 * The loop for one CsvReader, called between the general reader's rows; `builder` null (a
 * re-read that only looks for a place) sends every row to `cell`.
 */
export function plainLongRows(
  r: CsvReader,
  cols: { person: number; uge: number; kode: number },
  keepNum: NumIndex<string> | null,
  fromWeek: number,
  kodeName: string,
  cell: LongCell,
  builder: RegisterBuilder | null,
): () => void {
  // Week index by DREAM's `YYWW`; per year of `YYYY-Www` (1900–2155) its first week's index and
  // (at + 256) its number of weeks (a Date each to compute): UNKNOWN until first met.
  const byDream = new Int32Array(10_000).fill(UNKNOWN);
  const years = new Int32Array(512).fill(UNKNOWN);
  const run = builder !== null ? new Run() : null;
  return () => {
    const p = r.nextRowAt;
    if (p < 0) return;
    // Each call starts afresh (the general reader may have taken a row of the same person since).
    const end = longRows(r, r.bytes, p, cols, byDream, years, keepNum, fromWeek, kodeName, cell, builder, run);
    if (run !== null) run.flush(builder!);
    r.skipTo(end.p, end.rows);
  };
}

/**
 * The rows from p on, as far as they are plain; where the loop stopped and the rows it read.
 * It is long because it is one pass over the bytes with every field's parse inline and all state
 * in locals: split into calls per field, the long file's read took measurably longer.
 */
function longRows(
  r: CsvReader,
  b: Uint8Array,
  p: number,
  cols: { person: number; uge: number; kode: number },
  byDream: Int32Array,
  years: Int32Array,
  keepNum: NumIndex<string> | null,
  fromWeek: number,
  kodeName: string,
  cell: LongCell,
  builder: RegisterBuilder | null,
  run: Run | null,
): { p: number; rows: number } {
  const len = b.length;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const delim = r.delim;
  const line0 = r.nextLine;
  const { person: cPerson, uge: cUge } = cols;
  // The current person: her CPR's bytes as three loads (none yet: -1), number, whether kept, weeks met before.
  let c0 = -1;
  let c1 = -1;
  let c2 = -1;
  let num = -1;
  let kept = false;
  let cur: PersonWeeks | null = null;
  // The last `YYYY-Www` year: its four bytes (none yet: -1), its first week's index, its number of weeks.
  let y4 = -1;
  let yFirst = 0;
  let yWeeks = 0;
  const scratch = run?.codes ?? null;
  let rows = 0;
  let done = p;
  // Shaped as every fast path's loop (see `pastField`), for the speed given above.
  rows: for (; p < len; done = p) {
    let week = 0;
    let code = 0;
    for (let f = 0; f < 3; f++) {
      if (f === cPerson) {
        if (p + 10 > len) break rows;
        const a0 = dv.getUint32(p, true);
        const a1 = dv.getUint32(p + 4, true);
        const a2 = dv.getUint16(p + 8, true);
        if (a0 !== c0 || a1 !== c1 || a2 !== c2) {
          // Another person (or the first row): her digits as a number, and where her rows go.
          const n = cprAt(b, p, len);
          if (n < 0) break rows;
          if (run !== null) run.flush(builder!);
          c0 = a0;
          c1 = a1;
          c2 = a2;
          num = n;
          kept = keepNum === null || keepNum.has(n);
          cur = kept && builder !== null ? (builder.weeksOfPerson(n) ?? null) : null;
          if (kept && run !== null && cur === null) run.num = n;
        }
        p += 10;
      } else if (f === cUge) {
        if (b[p + 4] === 45) {
          // YYYY-Www: the year's first week looked up when its four bytes differ from the last row's.
          const a = dv.getUint32(p, true);
          if (a !== y4) {
            const y = digitsAt(b, p, 4);
            if (y < 1900 || y > 2155) break rows;
            y4 = a;
            if (years[y - 1900] === UNKNOWN) {
              years[y - 1900] = isoWeekIndex(y, 1)!;
              years[y - 1900 + 256] = weeksInIsoYear(y);
            }
            yFirst = years[y - 1900];
            yWeeks = years[y - 1900 + 256];
          }
          const ch = b[p + 5];
          const w = digitsAt(b, p + 6, 2);
          if ((ch !== 87 && ch !== 119) || w < 1 || w > yWeeks) break rows;
          week = yFirst + w - 1;
          p += 8;
        } else {
          week = dreamWeekAt(b, p, byDream);
          if (week === INVALID) break rows;
          p += 4;
        }
      } else {
        const s = p;
        for (let c = b[p]; c >= 48 && c <= 57 && p - s < 9; c = b[++p]) code = code * 10 + (c - 48);
        if (p === s || code > MAX_CODE) break rows;
      }
      p = pastField(b, p, f === 2, delim);
      if (p < 0) break rows;
    }
    rows++;
    if (!kept || code === 0 || week < fromWeek) continue;
    if (scratch !== null && run!.num >= 0) {
      // A person new to the builder: gathered in the run.
      const j = week - LONG_FIRST_WEEK;
      const old = scratch[j];
      if (old === 0) {
        scratch[j] = code;
        if (week < run!.lo) run!.lo = week;
        if (week > run!.hi) run!.hi = week;
        if (!builder!.hasSeen(code)) builder!.noteCode(code, { file: r.file, line: line0 + rows - 1, column: kodeName });
      } else if (old !== code) {
        // A conflict in her own rows: the general reader names it, after the run is handed over.
        rows--;
        break rows;
      }
      continue;
    }
    // A person met before: a week inside her weeks and a code already met is written here;
    // anything else (a new code, growth, a conflict) goes through the builder as every other row does.
    if (cur !== null && builder!.hasSeen(code)) {
      const j = week - cur.weekStart;
      const codes = cur.codes;
      if (j >= 0 && j < codes.length && codes[j] === 0) {
        codes[j] = code;
        continue;
      }
    }
    cell(num, week, code, line0 + rows - 1, kodeName);
    if (builder !== null) cur = builder.weeksOfPerson(num) ?? null;
  }
  return { p: done, rows };
}
