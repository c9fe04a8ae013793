/**
 * CSV writers for the demo register files in the spec's formats (spec §1): `deltagere`, wide
 * and long `ydelser`, `loentimer` (decimal comma) and `kodetabel`. Each yields chunks of about
 * 1 MB, so 100,000 women × 260 weeks stream to disk without one giant string. `;` delimiter,
 * UTF-8 without BOM, `\n` line ends.
 */
import { isoWeekOf, monthString, weekString } from '../monitoring/calendar.ts';
import type { CodeTable } from '../monitoring/types.ts';
import type { DemoRegister } from './register.ts';
import type { DemoWoman } from './types.ts';

const CHUNK = 1 << 20;
const encoder = new TextEncoder();
const SEMI = 59;
const NL = 10;

/** Collects the header and the rows as text lines and hands them out in ~1 MB chunks. */
function* textChunks(header: string, rows: Iterable<string>): Generator<Uint8Array> {
  let parts: string[] = [header];
  let size = header.length + 1;
  for (const line of rows) {
    parts.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      yield encoder.encode(parts.join('\n') + '\n');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield encoder.encode(parts.join('\n') + '\n');
}

export function deltagereCsv(women: readonly DemoWoman[]): Generator<Uint8Array> {
  const rows = women.map((w) => `${w.id};${w.cpr};${w.kommuneKode};${w.indskrevet};${w.visitation};${w.udskrevet ?? ''}`);
  return textChunks('id;cpr;kommune;indskrevet;visitation;udskrevet', rows);
}

/** DREAM's wide column name of a week: `y_YYWW` (two-digit ISO year and week). */
export function wideWeekColumn(w: number): string {
  const { year, week } = isoWeekOf(w);
  return `y_${String(year % 100).padStart(2, '0')}${String(week).padStart(2, '0')}`;
}

/** ASCII digits of a code, cached (codes are small positive integers): a memo of pure data. */
const digitCache = new Map<number, Uint8Array>();
function digits(code: number): Uint8Array {
  let d = digitCache.get(code);
  if (!d) digitCache.set(code, (d = encoder.encode(String(code))));
  return d;
}

/** Wide `ydelser`: `PNR;y_YYWW;…`, one row per woman over the register's whole week range. */
export function* ydelserWideCsv(reg: DemoRegister): Generator<Uint8Array> {
  const { firstWeek, lastWeek } = reg;
  const header: string[] = ['PNR'];
  for (let w = firstWeek; w <= lastWeek; w++) header.push(wideWeekColumn(w));
  yield encoder.encode(header.join(';') + '\n');
  const weeks = lastWeek - firstWeek + 1;
  const maxRow = 11 + weeks * 6 + 1;
  let buf = new Uint8Array(Math.max(CHUNK, maxRow * 2));
  let pos = 0;
  for (const p of reg.persons) {
    if (pos + maxRow > buf.length) {
      yield buf.subarray(0, pos);
      buf = new Uint8Array(buf.length); // the consumer may still hold the old one
      pos = 0;
    }
    for (let i = 0; i < 10; i++) buf[pos++] = p.cpr.charCodeAt(i);
    const { weekStart, codes } = p.weeks;
    for (let w = firstWeek; w <= lastWeek; w++) {
      buf[pos++] = SEMI;
      const i = w - weekStart;
      const c = i >= 0 && i < codes.length ? codes[i] : 0;
      if (c !== 0) {
        const d = digits(c);
        buf.set(d, pos);
        pos += d.length;
      }
    }
    buf[pos++] = NL;
  }
  if (pos > 0) yield buf.subarray(0, pos);
}

/** A cached label function (week and month labels repeat for every woman). */
function cached(f: (n: number) => string): (n: number) => string {
  const labels = new Map<number, string>();
  return (n) => {
    let l = labels.get(n);
    if (!l) labels.set(n, (l = f(n)));
    return l;
  };
}

/**
 * `cpr;label;value` rows of one series per person (her weeks' codes, her months' hours): a row
 * for each entry `shown` gives a text for.
 */
function* seriesRows(
  reg: DemoRegister,
  series: (p: DemoRegister['persons'][number]) => { start: number; values: ArrayLike<number> },
  label: (n: number) => string,
  shown: (v: number) => string | null,
): Generator<string> {
  const labelOf = cached(label);
  for (const p of reg.persons) {
    const { start, values } = series(p);
    for (let i = 0; i < values.length; i++) {
      const text = shown(values[i]);
      if (text !== null) yield `${p.cpr};${labelOf(start + i)};${text}`;
    }
  }
}

/** Long `ydelser`: `cpr;uge;kode`, one row per week with a code, `uge` as `YYYY-Www`. */
export function ydelserLongCsv(reg: DemoRegister): Generator<Uint8Array> {
  const weeks = seriesRows(
    reg,
    (p) => ({ start: p.weeks.weekStart, values: p.weeks.codes }),
    weekString,
    (c) => (c !== 0 ? String(c) : null),
  );
  return textChunks('cpr;uge;kode', weeks);
}

/** Hours with a decimal comma: 80,5 (the generator keeps one decimal). */
export function decimalComma(h: number): string {
  const tenths = Math.round(h * 10);
  const whole = Math.trunc(tenths / 10);
  const frac = Math.abs(tenths % 10);
  return frac === 0 ? String(whole) : `${whole},${frac}`;
}

/** `loentimer`: `cpr;maaned;timer`, only months with paid hours (a missing row means 0). */
export function loentimerCsv(reg: DemoRegister): Generator<Uint8Array> {
  const months = seriesRows(
    reg,
    (p) => ({ start: p.hours.monthStart, values: p.hours.hours }),
    monthString,
    (h) => (h > 0 ? decimalComma(h) : null),
  );
  return textChunks('cpr;maaned;timer', months);
}

/** `kodetabel`: `kode;kategori;tekst` of a code table, in code order. */
export function kodetabelCsv(table: CodeTable): Generator<Uint8Array> {
  const rows = [...table.entries.values()].sort((a, b) => a.code - b.code).map((e) => `${e.code};${e.category};${e.tekst}`);
  return textChunks('kode;kategori;tekst', rows);
}
