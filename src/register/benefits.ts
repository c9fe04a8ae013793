/**
 * DREAM benefit weeks (spec §1.2) in the wide layout (`PNR`/`cpr` + `y_YYWW` columns) or the
 * long layout (`cpr`, `uge`, `kode`). Columns that are neither the CPR nor a `y_` week (DREAM
 * extracts carry e.g. sex and age) are ignored in the wide layout.
 */
import { MAX_CODE } from '../monitoring/types.ts';
import { isoWeekIndex } from '../monitoring/calendar.ts';
import { RegisterBuilder, type Source } from './builder.ts';
import { CsvReader } from './csv.ts';
import { RegisterInputError, type Place } from './errors.ts';
import { CprColumn } from './cpr-column.ts';
import { dreamYear, intFromBytes, parseDreamWeek, weekFromBytes } from './fields.ts';

interface BenefitSink {
  /** Wide row: codes[i] is week weekStart + i; the array is fresh for each row. */
  row(cpr: string, weekStart: number, codes: Int16Array, line: number, column: (w: number) => string): void;
  /** Long row. */
  cell(cpr: string, week: number, code: number, line: number, column: string): void;
}

/** Read a benefits file into a builder (a new one unless `into` is given). */
export function readBenefits(bytes: Uint8Array, fileName: string, into = new RegisterBuilder()): RegisterBuilder {
  const src: Source = { file: fileName, locate: (cpr, week, before) => locateBenefit(bytes, fileName, cpr, week, before) };
  into.addSource(src);
  scanBenefits(bytes, fileName, {
    row: (cpr, ws, codes, line, column) => into.addWeekRow(cpr, ws, codes, src, line, column),
    cell: (cpr, week, code, line, column) => into.setWeek(cpr, week, code, src, line, column),
  });
  return into;
}

/** Re-read a file to find where a person's week first got a code (for conflict messages). */
function locateBenefit(bytes: Uint8Array, file: string, cpr: string, week: number, beforeLine: number): Place | null {
  let found: Place | null = null;
  const stop = new Error('found');
  try {
    scanBenefits(bytes, file, {
      row(c, ws, codes, line, column) {
        if (line >= beforeLine) throw stop;
        if (c === cpr && week >= ws && week < ws + codes.length && codes[week - ws] !== 0) {
          found = { file, line, column: column(week) };
          throw stop;
        }
      },
      cell(c, w, _code, line, column) {
        if (line >= beforeLine) throw stop;
        if (c === cpr && w === week) {
          found = { file, line, column };
          throw stop;
        }
      },
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found;
}

function scanBenefits(bytes: Uint8Array, file: string, sink: BenefitSink): void {
  const r = new CsvReader(bytes, file);
  if (r.col('uge') >= 0 || r.col('kode') >= 0) scanLong(r, sink);
  else scanWide(r, sink);
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
  if (n < 0 || n > MAX_CODE) throw r.error('bad_code', i, `«${t}» er ikke en gyldig ydelseskode (et heltal fra 0 til ${MAX_CODE}; tom, NA eller . betyder ingen kode).`);
  return n;
}

function scanWide(r: CsvReader, sink: BenefitSink): void {
  const cprs = new CprColumn(r, r.requireCol('pnr', 'cpr'));
  const cols: number[] = [];
  const weeks: number[] = [];
  for (let i = 0; i < r.header.length; i++) {
    const h = r.headerLower[i];
    if (!h.startsWith('y_')) continue;
    const m = /^y_(\d{2})(\d{2})$/.exec(h);
    const w = m ? isoWeekIndex(dreamYear(Number(m[1])), Number(m[2])) : null;
    if (w === null) throw new RegisterInputError('bad_week', `${r.file}, linje 1, kolonne «${r.header[i]}»: ikke en gyldig uge (forventet y_ÅÅUU med en ISO-uge, fx y_2107).`, { file: r.file, line: 1, column: r.header[i] });
    const dup = weeks.indexOf(w);
    if (dup >= 0) throw new RegisterInputError('duplicate', `${r.file}, linje 1, kolonne «${r.header[i]}»: ugen står også i kolonne «${r.header[cols[dup]]}».`, { file: r.file, line: 1, column: r.header[i] });
    cols.push(i);
    weeks.push(w);
  }
  if (cols.length === 0) {
    throw new RegisterInputError(
      'missing_column',
      `${r.file}, linje 1: ingen ugekolonner (y_ÅÅUU) i bredt format og ingen kolonner «uge» og «kode» i langt format (fundet: ${r.header.join(', ')}).`,
      { file: r.file, line: 1, column: 'y_ÅÅUU' },
    );
  }
  const weekStart = Math.min(...weeks);
  const span = Math.max(...weeks) - weekStart + 1;
  const colOfOffset = new Int32Array(span);
  const offs = new Int32Array(cols.length);
  for (let k = 0; k < cols.length; k++) {
    offs[k] = weeks[k] - weekStart;
    colOfOffset[offs[k]] = cols[k];
  }
  const colIdx = Int32Array.from(cols);
  const column = (w: number) => r.header[colOfOffset[w - weekStart]];
  // Values of the header's fields (extra fields are left to checkFieldCount).
  const ints = new Int32Array(r.header.length + 1);
  while (r.next(ints)) {
    r.checkFieldCount();
    const cpr = cprs.read();
    const codes = new Int16Array(span);
    for (let k = 0; k < colIdx.length; k++) {
      let v = ints[colIdx[k]];
      if (v <= 0) {
        if (v === -2) codes[offs[k]] = readCode(r, colIdx[k]);
        continue;
      }
      if (v > MAX_CODE) v = readCode(r, colIdx[k]);
      codes[offs[k]] = v;
    }
    sink.row(cpr, weekStart, codes, r.rowLine, column);
  }
}

function scanLong(r: CsvReader, sink: BenefitSink): void {
  const cprs = new CprColumn(r, r.requireCol('cpr', 'pnr'));
  const cUge = r.requireCol('uge');
  const cKode = r.requireCol('kode');
  const kodeName = r.header[cKode];
  const weeks = new Map<number, number>();
  while (r.next()) {
    r.checkFieldCount();
    const cpr = cprs.read();
    let week = r.quoted[cUge] ? NaN : weekFromBytes(r.bytes, r.starts[cUge], r.ends[cUge], weeks);
    if (Number.isNaN(week)) week = parseDreamWeek(r.text(cUge)) ?? NaN; // quoted or unusual forms
    if (Number.isNaN(week)) throw r.error('bad_week', cUge, `«${r.text(cUge)}» er ikke en gyldig uge (forventet ÅÅÅÅ-Uuu, fx 2021-W07, eller ÅÅUU).`);
    const code = readCode(r, cKode);
    if (code !== 0) sink.cell(cpr, week, code, r.rowLine, kodeName);
  }
}
