/**
 * Collects register data from any number of files (or in-memory rows) into compact per-person
 * typed arrays (see `RegisterData`). Conflicting codes for the same person and week are an
 * error naming both places (spec §1.2); codes missing from the code table are one error
 * listing them all (spec §1.4), raised by `build`.
 */
import { maskCpr } from '../core/cpr.ts';
import { weekString } from '../monitoring/calendar.ts';
import { MAX_CODE, type CodeTable, type PersonHours, type PersonWeeks, type RegisterData } from '../monitoring/types.ts';
import { defaultCodeTable } from './codetable.ts';
import { listSome } from './csv.ts';
import { RegisterInputError, placeText, type Place, type UnknownCode } from './errors.ts';

/** Where data came from; `locate` re-finds an earlier cell when a conflict needs its place. */
export interface Source {
  file: string;
  locate?: (cpr: string, week: number, beforeLine: number) => Place | null;
}

const MEMORY: Source = { file: '(data i hukommelsen)' };

export class RegisterBuilder {
  readonly weeks = new Map<string, PersonWeeks>();
  readonly hours = new Map<string, PersonHours>();
  private readonly sources: Source[] = [];
  private readonly seen = new Uint8Array(MAX_CODE + 1);
  private readonly firstSeen = new Map<number, Place>();
  /** Week arrays grown with room to spare (long layout, yearly files), trimmed by `build`. */
  private readonly slack = new Set<PersonWeeks>();
  private lastHoursCpr = '';
  private lastWeeksCpr = '';
  private lastWeeks: PersonWeeks | undefined;
  private lastHours: PersonHours | undefined;

  addSource(src: Source): void {
    this.sources.push(src);
  }

  /**
   * Merge one row of weekly codes (codes[i] belongs to week weekStart + i). The array is kept
   * as is when the person is new, so callers must not reuse it — unless they say `reused`: then
   * it is copied, and a person's weeks grow with room to spare (yearly files add a year per file,
   * so growing by exactly one year each time would copy her weeks once per file).
   */
  addWeekRow(
    cpr: string,
    weekStart: number,
    codes: Int16Array,
    src: Source = MEMORY,
    line = 0,
    column: (w: number) => string = weekString,
    reused = false,
  ): void {
    const seen = this.seen;
    let prev = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === prev) continue; // codes come in runs
      prev = c;
      if (c !== 0 && seen[c] === 0) this.markSeen(c, { file: src.file, line, column: column(weekStart + i) });
    }
    const p = this.weeks.get(cpr);
    if (!p) {
      this.weeks.set(cpr, { weekStart, codes: reused ? codes.slice() : codes });
      return;
    }
    const hi = weekStart + codes.length - 1;
    if (reused && (weekStart < p.weekStart || hi >= p.weekStart + p.codes.length)) {
      // Grow by at least the current length in the direction of growth; `build` trims the rest.
      const room = p.codes.length;
      ensureWeeks(p, weekStart < p.weekStart ? weekStart - room : weekStart, hi >= p.weekStart + p.codes.length ? hi + room : hi);
      this.slack.add(p);
    } else ensureWeeks(p, weekStart, hi);
    const off = weekStart - p.weekStart;
    const dst = p.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) continue;
      const old = dst[off + i];
      if (old === 0) dst[off + i] = c;
      else if (old !== c) this.conflict(cpr, weekStart + i, old, c, { file: src.file, line, column: column(weekStart + i) });
    }
  }

  /** Set one week's code (long layout, in-memory rows). */
  setWeek(cpr: string, week: number, code: number, src: Source = MEMORY, line = 0, column = 'kode'): void {
    if (code === 0) return;
    if (this.seen[code] === 0) this.markSeen(code, { file: src.file, line, column });
    // Rows come grouped by person: keep the last one at hand.
    let p = cpr === this.lastWeeksCpr ? this.lastWeeks : this.weeks.get(cpr);
    if (!p) {
      p = { weekStart: week, codes: new Int16Array(64) };
      this.weeks.set(cpr, p);
      this.slack.add(p);
    }
    this.lastWeeksCpr = cpr;
    this.lastWeeks = p;
    if (week < p.weekStart || week >= p.weekStart + p.codes.length) {
      // Grow by at least her current length (doubling), so weeks read in order cost a few copies, not one per 32 weeks.
      const room = Math.max(32, p.codes.length);
      ensureWeeks(p, week < p.weekStart ? week - room : p.weekStart, week >= p.weekStart ? week + room : p.weekStart);
      this.slack.add(p);
    }
    const j = week - p.weekStart;
    const old = p.codes[j];
    if (old === 0) p.codes[j] = code;
    else if (old !== code) this.conflict(cpr, week, old, code, { file: src.file, line, column });
  }

  /** Add paid hours for one month (several rows for a month are summed, spec §1.3). */
  addHours(cpr: string, month: number, hours: number): void {
    // Rows come grouped by person: keep the last one at hand.
    let p = cpr === this.lastHoursCpr ? this.lastHours : this.hours.get(cpr);
    if (!p) {
      p = { monthStart: month, hours: new Float64Array(12) };
      this.hours.set(cpr, p);
    }
    this.lastHoursCpr = cpr;
    this.lastHours = p;
    if (month < p.monthStart || month >= p.monthStart + p.hours.length) ensureMonths(p, month - 6, month + 6);
    p.hours[month - p.monthStart] += hours;
  }

  /** Finish: check every code against the table and return the compact data. */
  build(codeTable: CodeTable): RegisterData {
    const unknown: number[] = [];
    for (let c = 1; c <= MAX_CODE; c++) if (this.seen[c] && !codeTable.categoryOf[c]) unknown.push(c);
    if (unknown.length > 0) throw unknownCodesError(countCodes(this.weeks, unknown), this.firstSeen);
    // Sums of decimal hours are kept to four decimals so that 74 h stays exactly 74 (spec §3).
    for (const p of this.hours.values()) {
      for (let i = 0; i < p.hours.length; i++) p.hours[i] = Math.round(p.hours[i] * 1e4) / 1e4;
    }
    for (const p of this.slack) trimWeeks(p);
    this.slack.clear();
    this.sources.length = 0;
    return { weeks: this.weeks, hours: this.hours };
  }

  private markSeen(code: number, place: Place): void {
    this.seen[code] = 1;
    this.firstSeen.set(code, place);
  }

  private conflict(cpr: string, week: number, oldCode: number, newCode: number, here: Place): never {
    let earlier: Place | null = null;
    for (const s of this.sources) {
      earlier = s.locate?.(cpr, week, s.file === here.file ? here.line : Infinity) ?? null;
      if (earlier) break;
    }
    const there = earlier ? placeText(earlier) : 'tidligere indlæste data';
    throw new RegisterInputError(
      'conflict',
      `${placeText(here)}: ${personText(cpr)} har kode ${newCode} i uge ${weekString(week)}, ` +
        `men samme person og uge har kode ${oldCode} i ${there}. En uge kan kun have én kode.`,
      { ...here, other: earlier },
    );
  }
}

/** CPR masked, or the running number, for messages. */
export function personText(key: string): string {
  return key.startsWith('#') ? `løbenummer ${key.slice(1)}` : `CPR ${maskCpr(key)}`;
}

/** How many weeks and people carry each of `codes`. */
export function countCodes(weeks: Map<string, PersonWeeks>, codes: number[]): UnknownCode[] {
  const index = new Map(codes.map((c, i) => [c, i]));
  const nWeeks = new Array<number>(codes.length).fill(0);
  const nPeople = new Array<number>(codes.length).fill(0);
  const mark = new Int32Array(codes.length).fill(-1);
  let person = 0;
  for (const p of weeks.values()) {
    for (const c of p.codes) {
      if (c === 0) continue;
      const i = index.get(c);
      if (i === undefined) continue;
      nWeeks[i]++;
      if (mark[i] !== person) {
        mark[i] = person;
        nPeople[i]++;
      }
    }
    person++;
  }
  return codes.map((code, i) => ({ code, weeks: nWeeks[i], people: nPeople[i] }));
}

function unknownCodesError(unknown: UnknownCode[], firstSeen: Map<number, Place>): RegisterInputError {
  const parts = unknown.map(({ code: c, weeks, people }) => {
    const p = firstSeen.get(c);
    const n = `${weeks.toLocaleString('da-DK')} ${weeks === 1 ? 'uge' : 'uger'} hos ${people.toLocaleString('da-DK')} ${people === 1 ? 'person' : 'personer'}`;
    return p && p.line > 0 ? `${c} (${n}; første gang i ${placeText(p)})` : `${c} (${n})`;
  });
  const codes = unknown.map((u) => u.code);
  const files = [...new Set(codes.map((c) => firstSeen.get(c)?.file).filter((f): f is string => !!f))];
  const first = firstSeen.get(codes[0]);
  return new RegisterInputError(
    'unknown_codes',
    // Each part is a code, two counts and a place whose names are already cut (placeText), so
    // the parts are bounded; cutting them at a name's length would cut the place in half.
    `Ukendte ydelseskoder, som ikke står i kodetabellen: ${listSome(parts, 10, 400)}. ` +
      'Tilføj dem til kodetabellen (--codes) med en kategori.',
    { file: listSome(files), line: files.length === 1 ? first?.line : null, column: files.length === 1 ? first?.column : null, codes, unknown },
  );
}

/** Grow a person's week array to cover lo..hi. */
function ensureWeeks(p: PersonWeeks, lo: number, hi: number): void {
  const start = Math.min(p.weekStart, lo);
  const end = Math.max(p.weekStart + p.codes.length - 1, hi);
  if (start === p.weekStart && end === p.weekStart + p.codes.length - 1) return;
  const next = new Int16Array(end - start + 1);
  next.set(p.codes, p.weekStart - start);
  p.weekStart = start;
  p.codes = next;
}

/** Drop leading and trailing weeks without a code (keeps stored rows small). */
function trimWeeks(p: PersonWeeks): void {
  let lo = 0;
  let hi = p.codes.length - 1;
  while (lo <= hi && p.codes[lo] === 0) lo++;
  while (hi >= lo && p.codes[hi] === 0) hi--;
  if (lo === 0 && hi === p.codes.length - 1) return;
  p.weekStart += lo;
  p.codes = p.codes.slice(lo, hi + 1);
}

function ensureMonths(p: PersonHours, lo: number, hi: number): void {
  const start = Math.min(p.monthStart, lo);
  const end = Math.max(p.monthStart + p.hours.length - 1, hi);
  const next = new Float64Array(end - start + 1);
  next.set(p.hours, p.monthStart - start);
  p.monthStart = start;
  p.hours = next;
}

/** In-memory rows for `buildRegisterData` (demo generator, application). */
export interface RegisterRows {
  /** Week as index (calendar.ts) or `YYYY-Www`. */
  benefits?: Iterable<{ cpr: string; week: number; code: number }>;
  /** Whole weekly arrays per person (fastest for generated data). */
  weekArrays?: Iterable<{ cpr: string; weekStart: number; codes: Int16Array }>;
  /** Month as index (calendar.ts). */
  hours?: Iterable<{ cpr: string; month: number; hours: number }>;
}

/** Build `RegisterData` from in-memory rows with the same checks as the file readers. */
export function buildRegisterData(rows: RegisterRows, codeTable: CodeTable = defaultCodeTable()): RegisterData {
  const b = new RegisterBuilder();
  for (const r of rows.weekArrays ?? []) b.addWeekRow(r.cpr, r.weekStart, r.codes);
  for (const r of rows.benefits ?? []) b.setWeek(r.cpr, r.week, r.code);
  for (const r of rows.hours ?? []) b.addHours(r.cpr, r.month, r.hours);
  return b.build(codeTable);
}
