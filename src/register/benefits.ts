/**
 * DREAM benefit weeks (spec §1.2) in the wide layout (a person column + one column per week)
 * or the long layout (person, `uge`, `kode`). Wide week columns are `y_YYWW` (DREAM), or
 * `y_01 … y_53` in yearly files, whose year comes from `--year`, a four-digit year in the file
 * name, or a year column (`aar`/`år`/`year`). Other columns (sex, age, `branche_…`) are
 * ignored. The person column is `PNR`, `pnr`, `cpr` or `lobenr` (person-key.ts). A file is read
 * in chunks (chunks.ts), so its size is not bounded by memory; with `keep`, rows of other
 * people are skipped without reading their cells.
 */
import { isoWeekIndex, weeksInIsoYear } from '../monitoring/calendar.ts';
import { MAX_CODE } from '../monitoring/types.ts';
import { AS_CODES, RegisterBuilder, type Source } from './builder.ts';
import { readingSource, rereadable, type RegisterInput } from './chunks.ts';
import { CsvReader, listSome } from './csv.ts';
import { RegisterInputError, type Place } from './errors.ts';
import { cprAt, dreamYear, intFromBytes, parseDreamWeek, weekFromBytes } from './fields.ts';
import { plainLongRows } from './long-rows.ts';
import type { NumIndex } from './num-index.ts';
import { fromLimits, keepCprs, keepNumbers, PersonColumn, tenDigits, type PersonKey, type ReadOptions } from './person-key.ts';

interface BenefitSink {
  /**
   * Wide row: codes[i] is week weekStart + i. The array is fresh for each row unless `reused`
   * (then it is the scanner's scratch array, overwritten by the next row: copy what you keep).
   */
  row(key: PersonKey, weekStart: number, codes: Int16Array, line: number, column: (w: number) => string, reused?: boolean): void;
  /** Long row. */
  cell(key: PersonKey, week: number, code: number, line: number, column: string): void;
  /** The builder the rows go to, for a fast path that writes codes straight into a person's weeks. */
  into?: { builder: RegisterBuilder; src: Source };
}

/** Read a benefits file into a builder (a new one unless `into` is given). */
export function readBenefits(
  input: RegisterInput,
  fileName: string,
  into = new RegisterBuilder(),
  options: ReadOptions = {},
): RegisterBuilder {
  const src: Source = {
    file: fileName,
    locate: rereadable(input) ? (key, week, before) => locateBenefit(input, fileName, key, week, before, options) : undefined,
  };
  into.addSource(src);
  scanBenefits(input, fileName, options, {
    row: (key, ws, codes, line, column, reused) => into.addWeekRow(key, ws, codes, src, line, column, reused),
    cell: (key, week, code, line, column) => into.setWeek(key, week, code, src, line, column),
    into: { builder: into, src },
  });
  return into;
}

/**
 * Re-read a file to find where a person's week first got a code (for conflict messages). A CPR
 * is kept by number (`keepCprs`), so the long layout's plain rows take its fast loop (without a
 * builder: every kept row to `cell`); a running number is kept by its key string.
 */
function locateBenefit(
  input: RegisterInput,
  file: string,
  key: string,
  week: number,
  beforeLine: number,
  options: ReadOptions,
): Place | null {
  let found: Place | null = null;
  const stop = new Error('found');
  const keep = key.length === 10 && tenDigits(key) >= 0 ? keepCprs([key]) : (k: string) => k === key;
  try {
    scanBenefits(
      input,
      file,
      { ...options, keep },
      {
        row(c, ws, codes, line, column) {
          if (line >= beforeLine) throw stop;
          if (week >= ws && week < ws + codes.length && codes[week - ws] !== 0) {
            found = { file, line, column: column(week) };
            throw stop;
          }
        },
        cell(_c, w, _code, line, column) {
          if (line >= beforeLine) throw stop;
          if (w === week) {
            found = { file, line, column };
            throw stop;
          }
        },
      },
    );
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found;
}

function scanBenefits(input: RegisterInput, file: string, options: ReadOptions, sink: BenefitSink): void {
  readingSource(input, (src) => {
    const r = new CsvReader(src, file);
    if (r.col('uge') >= 0 || r.col('kode') >= 0) scanLong(r, options, sink);
    else scanWide(r, options, sink);
  });
}

/**
 * Code in field i; 0 when there is none: empty, blanks, R's `NA`, SAS's `.`, or code 0
 * (self-support). A whole number written with decimals (`997.0`, pandas) is that number.
 */
export function readCode(r: CsvReader, i: number): number {
  const v = intFromBytes(r.bytes, r.starts[i], r.ends[i]);
  if (v === -1) return 0;
  if (v >= 0 && v <= MAX_CODE) return v;
  const t = r.text(i);
  if (t === '' || t === '.' || t.toUpperCase() === 'NA') return 0;
  const m = /^(\d{1,9})(?:[.,]0+)?$/.exec(t);
  const n = m ? Number(m[1]) : -1;
  if (n < 0 || n > MAX_CODE)
    throw r.error(
      'bad_code',
      i,
      `«${t.slice(0, 40)}» er ikke en gyldig ydelseskode (et heltal fra 0 til ${MAX_CODE}; tom, NA eller . betyder ingen kode).`,
    );
  return n;
}

/** Week columns of the wide layout (`y_YYWW`) and of a yearly file (`y_01 … y_53`). */
export const DATED = /^y_(\d{2})(\d{2})$/;
export const YEARLY = /^y_(\d{2})$/;
export const YEAR_COLUMNS = ['aar', 'år', 'year', 'aargang', 'årgang'];

/** A year (1990–2099) standing alone in a file name, e.g. `dream_2019.csv`, or null. */
export function yearInFileName(file: string): number | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  const all = [...base.matchAll(/(?:^|\D)((?:19|20)\d{2})(?=\D|$)/g)].map((m) => Number(m[1])).filter((y) => y >= 1990);
  return all.length === 1 ? all[0] : null;
}

function headerError(r: CsvReader, i: number, what: string, code: 'bad_week' | 'duplicate' = 'bad_week'): RegisterInputError {
  return new RegisterInputError(code, `${r.file}, linje 1, kolonne «${r.header[i]}»: ${what}`, {
    file: r.file,
    line: 1,
    column: r.header[i],
  });
}

function scanWide(r: CsvReader, options: ReadOptions, sink: BenefitSink): void {
  const person = new PersonColumn(r);
  const from = fromLimits(options, r.file);
  const dated: number[] = [];
  const yearly: number[] = [];
  const bad: string[] = [];
  for (let i = 0; i < r.header.length; i++) {
    const h = r.headerLower[i];
    if (!h.startsWith('y_')) continue;
    if (DATED.test(h)) dated.push(i);
    else if (YEARLY.test(h)) yearly.push(i);
    else bad.push(r.header[i]);
  }
  if (bad.length) {
    throw new RegisterInputError(
      'bad_week',
      `${r.file}, linje 1: ${bad.length === 1 ? 'kolonnen' : `${bad.length.toLocaleString('da-DK')} kolonner`} ${listSome(bad.map((b) => `«${b}»`))} er ikke en gyldig uge (forventet y_ÅÅUU, fx y_2107, eller y_UU i en årsfil).`,
      { file: r.file, line: 1, column: bad[0] },
    );
  }
  if (dated.length && yearly.length) {
    throw headerError(r, yearly[0], `en fil kan ikke både have ugekolonner med år (y_ÅÅUU som «${r.header[dated[0]]}») og uden (y_UU).`);
  }
  if (!dated.length && !yearly.length) {
    throw new RegisterInputError(
      'missing_column',
      `${r.file}, linje 1: ingen ugekolonner (y_ÅÅUU eller y_UU) i bredt format og ingen kolonner «uge» og «kode» i langt format (fundet: ${listSome(r.header)}).`,
      { file: r.file, line: 1, column: 'y_ÅÅUU' },
    );
  }
  if (dated.length) scanDated(r, person, dated, from.week, options, sink);
  else scanYearly(r, person, yearly, from.week, options, sink);
}

/** `y_YYWW` columns: each column is one fixed week. */
function scanDated(r: CsvReader, person: PersonColumn, cols: number[], fromWeek: number, options: ReadOptions, sink: BenefitSink): void {
  const keptCols: number[] = [];
  const weeks: number[] = [];
  const byWeek = new Map<number, number>();
  for (const i of cols) {
    const m = DATED.exec(r.headerLower[i])!;
    const w = isoWeekIndex(dreamYear(Number(m[1])), Number(m[2]));
    if (w === null) throw headerError(r, i, 'ikke en gyldig uge (forventet y_ÅÅUU med en ISO-uge, fx y_2107).');
    const dup = byWeek.get(w);
    if (dup !== undefined) throw headerError(r, i, `ugen står også i kolonne «${r.header[dup]}».`, 'duplicate');
    byWeek.set(w, i);
    if (w < fromWeek) continue; // --from: older weeks are not read
    keptCols.push(i);
    weeks.push(w);
  }
  if (!keptCols.length) {
    while (r.next(undefined, person.index + 1)) person.read(); // still check the person column
    return;
  }
  let weekStart = Infinity;
  let weekEnd = -Infinity;
  for (const w of weeks) {
    if (w < weekStart) weekStart = w;
    if (w > weekEnd) weekEnd = w;
  }
  const span = weekEnd - weekStart + 1;
  const colOfOffset = new Int32Array(span);
  const offs = new Int32Array(keptCols.length);
  for (let k = 0; k < keptCols.length; k++) {
    offs[k] = weeks[k] - weekStart;
    colOfOffset[offs[k]] = keptCols[k];
  }
  const colIdx = Int32Array.from(keptCols);
  const column = (w: number) => r.header[colOfOffset[w - weekStart]];
  const keep = options.keep;
  const keepNum = keepNumbers(keep);
  const upTo = keep ? person.index + 1 : 0x7fffffff;
  // Values of the header's fields (extra fields are left to checkFieldCount).
  const ints = new Int32Array(r.header.length);
  while (r.next(ints, upTo)) {
    const key = person.rowKey(keep, keepNum, ints);
    if (key === null) continue; // the next `next` skips the rest of the row
    const codes = new Int16Array(span);
    for (let k = 0; k < colIdx.length; k++) {
      const v = ints[colIdx[k]];
      if (v > 0 && v <= MAX_CODE) codes[offs[k]] = v;
      else if (v !== -1 && v !== 0) codes[offs[k]] = readCode(r, colIdx[k]);
    }
    sink.row(key, weekStart, codes, r.rowLine, column);
  }
}

/**
 * `y_01 … y_53` columns of one year: fixed by --year or the file name, or per row by a year column.
 * It is long because the header checks, the choice of the byte-level fast path and the row loop
 * share the week numbers, the year state and the scratch arrays; the row loop runs once per
 * person and year, so it stays inline rather than calling a helper per row.
 */
function scanYearly(r: CsvReader, person: PersonColumn, cols: number[], fromWeek: number, options: ReadOptions, sink: BenefitSink): void {
  const weekNo = new Int32Array(cols.length);
  const byNo = new Map<number, number>();
  cols.forEach((i, k) => {
    const n = Number(YEARLY.exec(r.headerLower[i])![1]);
    if (n < 1 || n > 53) throw headerError(r, i, 'ikke en gyldig uge i en årsfil (forventet y_01 … y_53).');
    const dup = byNo.get(n);
    if (dup !== undefined) throw headerError(r, i, `ugen står også i kolonne «${r.header[dup]}».`, 'duplicate');
    byNo.set(n, i);
    weekNo[k] = n;
  });
  const cYear = r.col(...YEAR_COLUMNS);
  const fixed = options.year ?? (cYear >= 0 ? null : yearInFileName(r.file));
  if (fixed === null && cYear < 0) {
    throw new RegisterInputError(
      'missing_column',
      `${r.file}, linje 1: ugekolonnerne y_01 … y_53 siger ikke, hvilket år de hører til. ` +
        'Angiv året med --year, i filnavnet (fx ydelser_2019.csv) eller i en kolonne «aar».',
      { file: r.file, line: 1, column: 'aar' },
    );
  }
  if (fixed !== null && !(Number.isInteger(fixed) && fixed >= 1990 && fixed <= 2099)) {
    throw new RegisterInputError('bad_value', `${r.file}: året ${fixed} er ikke et år fra 1990 til 2099.`, { file: r.file });
  }
  const colIdx = Int32Array.from(cols);
  const keep = options.keep;
  const keepNum = keepNumbers(keep);
  const upTo = keep ? person.index + 1 : 0x7fffffff;
  const ints = new Int32Array(r.header.length);
  let year = fixed ?? 0;
  let weekStart = 0;
  let weeksInYear = 0;
  const setYear = (y: number) => {
    year = y;
    weekStart = isoWeekIndex(y, 1)!;
    weeksInYear = weeksInIsoYear(y);
  };
  if (fixed !== null) setYear(fixed);
  const column = (w: number) => r.header[byNo.get(w - weekStart + 1) ?? cols[0]];
  const scratch52 = new Int16Array(52);
  const scratch53 = new Int16Array(53);
  // Plain rows of a year fixed for the file are parsed by `plainYearlyRows`; any other row,
  // and the first of each chunk, by the general reader below.
  // (The person column must come before the weeks, and the weeks in order, so that codes are
  // met in the general reader's order: the first place of a code is named in messages.)
  let plain: (() => void) | null = null;
  const inOrder = cols.every((i, k) => i > person.index && (k === 0 || weekNo[k] > weekNo[k - 1]));
  if (sink.into && inOrder && fixed !== null && person.isCpr && (!keep || keepNum !== null) && weekStart + weeksInYear - 1 >= fromWeek) {
    const offOfCol = new Int32Array(r.header.length).fill(-1);
    cols.forEach((i, k) => (offOfCol[i] = weekNo[k] - 1));
    plain = plainYearlyRows(r, person.index, offOfCol, weeksInYear, weekStart, fromWeek, keepNum, sink.into.builder, sink.into.src.file);
  }
  while (r.nextAfter(plain, ints, upTo)) {
    const key = person.rowKey(keep, keepNum, ints);
    if (key === null) continue; // the next `next` skips the rest of the row
    if (fixed === null) {
      const y = intFromBytes(r.bytes, r.starts[cYear], r.ends[cYear]);
      if (!(y >= 1990 && y <= 2099)) throw r.error('bad_value', cYear, `«${r.text(cYear).slice(0, 40)}» er ikke et år (ÅÅÅÅ).`);
      if (y !== year) setYear(y);
    }
    if (weekStart + weeksInYear - 1 < fromWeek) continue;
    // One scratch array per year length: a year's row is 52 or 53 weeks, and most people are
    // already known from an earlier year's file, so a fresh array per row would only feed the GC.
    const codes = weeksInYear === 53 ? scratch53 : scratch52;
    codes.fill(0);
    for (let k = 0; k < colIdx.length; k++) {
      const v = ints[colIdx[k]];
      if (v === -1 || v === 0) continue;
      const code = v > 0 && v <= MAX_CODE ? v : readCode(r, colIdx[k]);
      if (code === 0) continue;
      const off = weekNo[k] - 1;
      if (off >= weeksInYear) throw r.error('bad_week', colIdx[k], `${year} har kun ${weeksInYear} ISO-uger; uge 53 skal være tom.`);
      if (weekStart + off >= fromWeek) codes[off] = code;
    }
    sink.row(key, weekStart, codes, r.rowLine, column, true);
  }
}

function scanLong(r: CsvReader, options: ReadOptions, sink: BenefitSink): void {
  const person = new PersonColumn(r, 'cpr', 'pnr');
  const cUge = r.requireCol('uge');
  const cKode = r.requireCol('kode');
  const kodeName = r.header[cKode];
  const weeks = new Map<number, number>();
  const fromWeek = fromLimits(options, r.file).week;
  const keep = options.keep;
  const keepNum = keepNumbers(keep);
  const upTo = keep ? person.index + 1 : 0x7fffffff;
  // Plain rows (three unquoted fields, a ten-digit CPR) are parsed by `plainLongRows`; any
  // other row, and the first of each chunk, by the general reader below.
  const plain =
    r.header.length === 3 && person.isCpr && (!keep || keepNum !== null)
      ? plainLongRows(
          r,
          { person: person.index, uge: cUge, kode: cKode },
          keepNum,
          fromWeek,
          kodeName,
          sink.cell,
          sink.into?.builder ?? null,
        )
      : null;
  while (r.nextAfter(plain, undefined, upTo)) {
    const key = person.rowKey(keep, keepNum);
    if (key === null) continue; // the next `next` skips the rest of the row
    let week = r.quoted[cUge] ? NaN : weekFromBytes(r.bytes, r.starts[cUge], r.ends[cUge], weeks);
    if (Number.isNaN(week)) week = parseDreamWeek(r.text(cUge)) ?? NaN; // quoted or unusual forms
    if (Number.isNaN(week))
      throw r.error(
        'bad_week',
        cUge,
        `«${r.text(cUge).slice(0, 40)}» er ikke en gyldig uge (forventet ÅÅÅÅ-Uuu, fx 2021-W07, eller ÅÅUU).`,
      );
    const code = readCode(r, cKode);
    if (code !== 0 && week >= fromWeek) sink.cell(key, week, code, r.rowLine, kodeName);
  }
}

/**
 * The yearly layout's hot path: rows of the plain form `0101901234;;;130;130;;…` (unquoted,
 * the CPR as ten digits before the weeks, each week empty or a code's digits, other columns
 * without quotes) parsed straight from the chunk's bytes into the person's weeks, found by
 * number. It stops before the first row of any other form, and before a code that differs from
 * the one she has, which the general reader then takes (codes it finds already written are the
 * same and pass), so results and messages are the general reader's.
 * It is long because it is one loop over the chunk's bytes with its state in locals (position,
 * field, week offset, person): per-field helpers would cost a call on every person-week.
 * A file of the person and then every week in order (`PNR;y_01;…;y_53`, as DREAM's yearly
 * extracts are) takes an inner loop over the weeks alone, without a column lookup per field: the
 * five yearly files of the benchmark then read in 0.8–1.0 of the time of merely splitting them,
 * against 1.0–1.2 with the lookup (3 Dec 2026, 15 warm rounds each).
 */
function plainYearlyRows(
  r: CsvReader,
  cPerson: number,
  offOfCol: Int32Array,
  weeks: number,
  weekStart: number,
  fromWeek: number,
  keepNum: NumIndex<string> | null,
  builder: RegisterBuilder,
  file: string,
): () => void {
  const nFields = offOfCol.length;
  const delim = r.delim;
  // The people's weeks in one array (yearly files with the people known): one probe per row.
  const f = keepNum !== null ? builder.flatRows() : null;
  const flat = f !== null && f.names === keepNum && weekStart >= f.lo && weekStart + weeks - 1 <= f.hi ? f : null;
  const flatBase = flat?.base ?? null;
  const flatShift = flat ? weekStart - flat.lo : 0;
  const seen = builder.seenCodes();
  const last = nFields - 1;
  const lastOff = nFields - 2;
  let weeksOnly = cPerson === 0 && nFields > 1;
  for (let f = 1; f < nFields; f++) if (offOfCol[f] !== f - 1) weeksOnly = false;
  // Week offsets from here on are kept (--from).
  const fromOff = fromWeek - weekStart;
  // The loop itself, long for the reason above: one pass over the bytes, all state in locals.
  return () => {
    let p = r.nextRowAt;
    if (p < 0) return;
    const b = r.bytes;
    const len = b.length;
    // A week field of three digits and its delimiter (`130;`, the usual cell) is read as one word.
    const words = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const lastWord = len - 4;
    // `flat`'s weeks and how a code is written there (bytes, or the codes themselves once the
    // builder widens them): read again after each call that may widen them.
    let flatCodes = flat?.codes ?? null;
    let flatStore = flat?.store ?? AS_CODES;
    const line0 = r.nextLine;
    let rows = 0;
    let done = p;
    // The plain rows' byte loop: see `pastField` for its shape.
    rows: for (; p < len; done = p) {
      let dst: Int16Array | Uint8Array | null = null;
      let store: Int16Array = AS_CODES;
      let base = 0;
      for (let f = 0; f < nFields; f++) {
        if (weeksOnly && f === 1) {
          // Every field from here on is a week in order (`PNR;y_01;…;y_53`): offset f − 1.
          for (let off = 0; ; off++) {
            let v = 0;
            let c: number;
            const x = p <= lastWord ? words.getUint32(p, true) : 0;
            if ((x & 0xff) === delim) c = delim;
            else if (x >>> 24 === delim && (x & 0xf0f0f0) === 0x303030 && ((x + 0x060606) & 0xf0f0f0) === 0x303030) {
              v = (x & 0xf) * 100 + ((x >>> 8) & 0xf) * 10 + ((x >>> 16) & 0xf);
              p += 3;
              c = delim;
            } else {
              const s = p;
              c = b[p];
              while (c >= 48 && c <= 57) {
                v = v * 10 + (c - 48);
                c = b[++p];
              }
              if (p - s > 6) break rows;
            }
            if (v !== 0) {
              if (v > MAX_CODE || off >= weeks) break rows;
              if (off >= fromOff) {
                if (seen[v] === 0) {
                  builder.noteCode(v, { file, line: line0 + rows, column: r.header[off + 1] });
                  if (flat !== null && flat.codes !== flatCodes) break rows;
                }
                const y = store[v];
                const j = base + off;
                const old = dst![j];
                if (old === 0) dst![j] = y;
                else if (old !== y) break rows;
              }
            }
            if (c === delim) {
              p++;
              continue;
            }
            if (off !== lastOff) break rows;
            if (c === 10) p++;
            else if (c === 13 && b[p + 1] === 10) p += 2;
            else break rows;
            break;
          }
          break;
        }
        if (f === cPerson) {
          const num = cprAt(b, p, len);
          if (num < 0) break rows;
          p += 10;
          // Then the delimiter: the person column comes before every week (`inOrder`), so never last.
          if (b[p] !== delim) break rows;
          const slot = keepNum !== null ? keepNum.slotOf(num) : 0;
          if (slot < 0) {
            // Not asked for: on to the next line feed, unless a quote or a lone CR needs the general reader.
            const lf = b.indexOf(10, p);
            if (lf < 0) break rows;
            for (let q = p; q < lf; q++) {
              const c = b[q];
              if (c === 34 || (c === 13 && q !== lf - 1)) break rows;
            }
            p = lf + 1;
            rows++;
            continue rows;
          }
          let o = flatBase !== null ? flatBase[slot] : -2;
          if (o === -1) o = builder.flatPlace(num, slot, weekStart, weeks);
          if (o < 0) {
            const person = builder.weeksForRow(num, weekStart, weeks);
            dst = person.codes;
            base = weekStart - person.weekStart;
          }
          if (flat !== null && flat.codes !== flatCodes) {
            flatCodes = flat.codes;
            flatStore = flat.store;
          }
          if (o >= 0) {
            dst = flatCodes;
            store = flatStore;
            base = o + flatShift;
          }
        } else {
          const off = offOfCol[f];
          let c = b[p];
          if (off >= 0) {
            let v = 0;
            // Byte k of the word is b[p + k]: three digits then the delimiter (`130;`, the usual
            // week) are taken at once; anything else digit by digit.
            const x = p <= lastWord ? words.getUint32(p, true) : 0;
            if (x >>> 24 === delim && (x & 0xf0f0f0) === 0x303030 && ((x + 0x060606) & 0xf0f0f0) === 0x303030) {
              v = (x & 0xf) * 100 + ((x >>> 8) & 0xf) * 10 + ((x >>> 16) & 0xf);
              p += 3;
              c = delim;
            } else {
              // A code's digits (more than six: the general reader's, as any other unusual field).
              const s = p;
              while (c >= 48 && c <= 57) {
                v = v * 10 + (c - 48);
                c = b[++p];
              }
              if (p - s > 6) break rows;
            }
            if (v !== 0 && dst !== null) {
              if (v > MAX_CODE || off >= weeks) break rows;
              if (off >= fromOff) {
                if (seen[v] === 0) {
                  builder.noteCode(v, { file, line: line0 + rows, column: r.header[f] });
                  // A 256th code: `flat` widened, the general reader takes this row.
                  if (flat !== null && flat.codes !== flatCodes) break rows;
                }
                const x = store[v];
                const j = base + off;
                const old = dst[j];
                if (old === 0) dst[j] = x;
                else if (old !== x) break rows;
              }
            }
          } else {
            for (; c !== delim && c !== 10 && c !== 13 && p < len; c = b[++p]) {
              if (c === 34) break rows;
            }
          }
          // Past the field (pastField, inline: this runs once per person-week).
          if (f !== last) {
            if (c !== delim) break rows;
            p++;
          } else if (c === 10) p++;
          else if (c === 13 && b[p + 1] === 10) p += 2;
          else break rows;
          continue;
        }
        p++; // past the person's delimiter
      }
      rows++;
    }
    r.skipTo(done, rows);
  };
}
