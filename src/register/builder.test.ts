/**
 * The register builder (builder.ts) on its own: every way the readers hand it rows (one cell,
 * a row of weeks, a person at once, a yearly row written straight into her weeks, paid hours),
 * checked against a plain model of what the data must be — each person's codes by week, hours
 * summed by month and rounded to four decimals, the people in the order first met — and the
 * two errors a user sees: a conflict (both codes, the week, the person, the places) and the
 * unknown codes (each code with its weeks, people and first place). Also the same rows read in
 * two parts and merged (`packWeeks` + `mergeWeeks`, what parallel.ts does across threads).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { parseWeek, weekString } from '../monitoring/calendar.ts';
import { MAX_CODE, type CodeTable, type PersonWeeks } from '../monitoring/types.ts';
import { AS_CODES, RegisterBuilder, buildRegisterData, countCodes, personText, type Source } from './builder.ts';
import { RegisterInputError, placeText, type Place } from './errors.ts';
import { cprText } from './fields.ts';
import { NumIndex } from './num-index.ts';
import { putFlat, thrown, weekCells as cells } from './test-files.ts';

/** A code table knowing only `known` (everything else is an unknown code). */
function table(known: number[]): CodeTable {
  const categoryOf = new Uint8Array(MAX_CODE + 1);
  for (const c of known) categoryOf[c] = 1;
  return { entries: new Map(), categoryOf };
}
const KNOWN = [130, 131, 651];
const W0 = parseWeek('2021-W01')!;
const MEMORY_SRC: Source = { file: '(data i hukommelsen)' };

// ---------------------------------------------------------------------------------------------
// The model: what the builder must produce from a sequence of operations.

const NUMS = [101901234, 202851236, 1512884321];

/** A builder that knows the first `n` of NUMS and expects the weeks of two yearly files from W0. */
function yearlyBuilder(n = NUMS.length) {
  const names = new NumIndex<string>(n);
  for (const num of NUMS.slice(0, n)) names.set(num, cprText(num));
  const b = new RegisterBuilder();
  b.knownPeople(names);
  b.expectWeeks(W0, W0 + 104);
  return { names, b };
}
/** Who a row names: a CPR number, the same person by her ten-digit text, or a running number (text only). */
type Who = { num: number; text: boolean } | { run: string };
type Op =
  | { t: 'set'; who: Who; week: number; code: number }
  | { t: 'row'; who: Who; ws: number; codes: number[]; reused: boolean }
  | { t: 'new'; who: Who; ws: number; codes: number[] }
  | { t: 'year'; num: number; ws: number; codes: number[] }
  | { t: 'hours'; who: Who; month: number; hours: number };

const keyOf = (w: Who): number | string => ('run' in w ? w.run : w.text ? cprText(w.num) : w.num);
const idOf = (w: Who): string => ('run' in w ? w.run : cprText(w.num));
const fileOf = (k: number) => `f${k % 2}.csv`;
const column = (w: number) => `u${weekString(w)}`;

class Conflict {
  constructor(readonly message: string) {}
}

class Model {
  weeks = new Map<string, Map<number, number>>();
  hours = new Map<string, { start: number; end: number; sums: Map<number, number> }>();
  firstSeen = new Map<number, Place>();
  /**
   * The weeks of a person first met by a row not reused (`addWeekRow`), which the builder keeps
   * as given until a later row reaches past them (then her array grows and `build` trims it).
   */
  asGiven = new Map<string, { start: number; end: number } | null>();

  /** A row of weeks start … end of an existing person (of any op): she grows past the weeks as given. */
  private reach(id: string, start: number, end: number): void {
    const g = this.asGiven.get(id);
    if (g && (start < g.start || end > g.end)) this.asGiven.set(id, null);
  }

  private note(code: number, place: Place): void {
    if (code !== 0 && !this.firstSeen.has(code)) this.firstSeen.set(code, place);
  }

  private person(id: string): Map<number, number> {
    let p = this.weeks.get(id);
    if (!p) this.weeks.set(id, (p = new Map()));
    return p;
  }

  private put(id: string, week: number, code: number, here: Place): void {
    const p = this.person(id);
    const old = p.get(week) ?? 0;
    if (old === 0) p.set(week, code);
    else if (old !== code)
      throw new Conflict(
        `${placeText(here)}: ${personText(id)} har kode ${code} i uge ${weekString(week)}, men samme person og uge har kode ${old} ` +
          'i tidligere indlæste data. En uge kan kun have én kode.',
      );
  }

  apply(op: Op, k: number): void {
    const file = fileOf(k);
    const line = k + 1;
    switch (op.t) {
      case 'set': {
        if (op.code === 0) return;
        const here = { file, line, column: 'kode' };
        this.note(op.code, here);
        this.reach(idOf(op.who), op.week, op.week);
        this.put(idOf(op.who), op.week, op.code, here);
        return;
      }
      case 'row':
      case 'year':
      case 'new': {
        const id = op.t === 'year' ? cprText(op.num) : idOf(op.who);
        if (op.t === 'new' && this.weeks.has(id)) return;
        if (!this.weeks.has(id) && op.t === 'row' && !op.reused) this.asGiven.set(id, { start: op.ws, end: op.ws + op.codes.length - 1 });
        else this.reach(id, op.ws, op.ws + op.codes.length - 1);
        op.codes.forEach((c, i) => this.note(c, { file, line, column: column(op.ws + i) }));
        this.person(id);
        op.codes.forEach((c, i) => {
          if (c !== 0) this.put(id, op.ws + i, c, { file, line, column: column(op.ws + i) });
        });
        return;
      }
      case 'hours': {
        const id = idOf(op.who);
        const m = op.month;
        let h = this.hours.get(id);
        // Her array as it grows row by row: 12 months from her first; past an end, 6 months beyond the month met.
        if (!h) this.hours.set(id, (h = { start: m, end: m + 11, sums: new Map() }));
        else if (m < h.start || m > h.end) {
          h.start = Math.min(h.start, m - 6);
          h.end = Math.max(h.end, m + 6);
        }
        h.sums.set(m, (h.sums.get(m) ?? 0) + op.hours);
      }
    }
  }

  unknownError(codeTable: CodeTable): { code: string; message: string; unknown: unknown } | null {
    const codes = [...this.firstSeen.keys()].filter((c) => !codeTable.categoryOf[c]).sort((a, b) => a - b);
    if (codes.length === 0) return null;
    const unknown = codes.map((code) => {
      let weeks = 0;
      let people = 0;
      for (const p of this.weeks.values()) {
        const n = [...p.values()].filter((c) => c === code).length;
        weeks += n;
        if (n > 0) people++;
      }
      return { code, weeks, people };
    });
    const parts = unknown.map(({ code, weeks, people }) => {
      const p = this.firstSeen.get(code)!;
      const n = `${weeks} ${weeks === 1 ? 'uge' : 'uger'} hos ${people} ${people === 1 ? 'person' : 'personer'}`;
      return p.line > 0 ? `${code} (${n}; første gang i ${placeText(p)})` : `${code} (${n})`;
    });
    return {
      code: 'unknown_codes',
      message: `Ukendte ydelseskoder, som ikke står i kodetabellen: ${parts.join(', ')}. Tilføj dem til kodetabellen (--codes) med en kategori.`,
      unknown,
    };
  }
}

/** Run one operation on the builder as the readers do. */
function run(b: RegisterBuilder, op: Op, k: number): void {
  const src: Source = { file: fileOf(k) };
  const line = k + 1;
  switch (op.t) {
    case 'set':
      return b.setWeek(keyOf(op.who), op.week, op.code, src, line, 'kode');
    case 'row':
      return b.addWeekRow(keyOf(op.who), op.ws, Int16Array.from(op.codes), src, line, column, op.reused);
    case 'new': {
      const key = keyOf(op.who);
      if (b.weeksOfPerson(key)) return;
      op.codes.forEach((c, i) => {
        if (c !== 0 && !b.hasSeen(c)) b.noteCode(c, { file: src.file, line, column: column(op.ws + i) });
      });
      return b.addNewPerson(key, op.ws, Int16Array.from(op.codes));
    }
    case 'year': {
      // As the yearly reader (benefits.ts): her weeks in `flat` when the builder has it, else grown by `weeksForRow`.
      const n = op.codes.length;
      const f = b.flatRows();
      const flat = f !== null && op.ws >= f.lo && op.ws + n - 1 <= f.hi ? f : null;
      const slot = f !== null ? f.names.slotOf(op.num) : 0;
      let o = flat !== null && slot >= 0 ? flat.base[slot] : -2;
      if (o === -1) o = b.flatPlace(op.num, slot, op.ws, n);
      let base = 0;
      let dst: () => Int16Array | Uint8Array;
      let store: () => Int16Array = () => AS_CODES;
      if (o >= 0) {
        // Asked again at every week: a 256th code widens the shared array.
        dst = () => flat!.codes;
        store = () => flat!.store;
        base = o + op.ws - flat!.lo;
      } else {
        const p = b.weeksForRow(op.num, op.ws, n);
        dst = () => p.codes;
        base = op.ws - p.weekStart;
      }
      op.codes.forEach((c, i) => {
        if (c === 0) return;
        const place = { file: src.file, line, column: column(op.ws + i) };
        if (!b.hasSeen(c)) b.noteCode(c, place);
        const old = dst()[base + i];
        if (old === 0) dst()[base + i] = store()[c];
        // The general reader takes the row then, and names the conflict.
        else if (old !== store()[c]) b.setWeek(op.num, op.ws + i, c, src, line, place.column);
      });
      return;
    }
    case 'hours':
      return b.addHours(keyOf(op.who), op.month, op.hours);
  }
}

// ---------------------------------------------------------------------------------------------
// The operations: few people and weeks (so that rows meet often), now and then far away (growth).

const who: fc.Arbitrary<Who> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ num: fc.constantFrom(...NUMS), text: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ run: '#123456789' }) },
);
const code = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(0, 130, 131, 651) }, { weight: 1, arbitrary: fc.constantFrom(2, MAX_CODE) });
const week = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }).map((w) => W0 + w) },
  { weight: 1, arbitrary: fc.integer({ min: -150, max: 250 }).map((w) => W0 + w) },
);
const codes = fc.array(code, { minLength: 1, maxLength: 8 });
/** A yearly row: 53 weeks from the first of 2021 or 2022 (inside the weeks expected) or 2024 (beyond), a few with a code. */
const yearRow = fc.record({
  num: fc.constantFrom(...NUMS),
  ws: fc.constantFrom(W0, W0 + 52, W0 + 156),
  codes: fc.array(fc.tuple(fc.nat(52), code), { maxLength: 4 }).map((cs) => {
    const a = new Array<number>(53).fill(0);
    for (const [i, c] of cs) a[i] = c;
    return a;
  }),
});
const M0 = 1500;
const month = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3, max: 20 }).map((m) => M0 + m) },
  { weight: 1, arbitrary: fc.constantFrom(M0 - 1024, M0 - 1025, M0 + 1023, M0 + 1024, M0 + 1100) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('set' as const), who, week, code }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('row' as const), who, ws: week, codes, reused: fc.boolean() }) },
  {
    weight: 1,
    // The long layout hands a person over with a code in her first and last week.
    arbitrary: fc.record({ t: fc.constant('new' as const), who, ws: week, codes }).filter((o) => o.codes[0] !== 0 && o.codes.at(-1) !== 0),
  },
  { weight: 2, arbitrary: yearRow.map((y) => ({ t: 'year' as const, ...y })) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('hours' as const), who, month, hours: fc.integer({ min: 0, max: 2000 }).map((h) => h / 10) }),
  },
);
/** How the builder is told of the people and weeks before the rows (as load.ts and parallel.ts do). */
const setup = fc.record({ known: fc.constantFrom(0, 2, 3), expect: fc.constantFrom('none', 'years', 'too long') });
type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

function builder(s: Setup): RegisterBuilder {
  const b = new RegisterBuilder();
  if (s.known > 0) {
    const names = new NumIndex<string>(s.known);
    for (const n of NUMS.slice(0, s.known)) names.set(n, cprText(n));
    b.knownPeople(names);
  }
  if (s.expect === 'years') b.expectWeeks(W0, W0 + 104);
  if (s.expect === 'too long') b.expectWeeks(W0, W0 + 60 * 53 + 1);
  return b;
}

/** What the builder gave: people in order with their weeks, hours with their span; or the error. */
function outcome(read: () => RegisterBuilder, codeTable: CodeTable): unknown {
  try {
    const data = read().build(codeTable);
    return {
      weeks: [...data.weeks].map(([k, p]) => [k, cells(p)]),
      shapes: [...data.weeks].map(([k, p]) => [k, p.codes.length > 0 ? p.weekStart : null, p.codes.length]),
      hours: [...data.hours].map(([k, h]) => [k, h.monthStart, [...h.hours]]),
    };
  } catch (e) {
    if (!(e instanceof RegisterInputError)) throw e;
    return { code: e.code, message: e.message, unknown: e.code === 'unknown_codes' ? e.unknown : undefined };
  }
}

function expected(ops: Op[], codeTable: CodeTable): unknown {
  const m = new Model();
  try {
    ops.forEach((o, k) => m.apply(o, k));
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    return { code: 'conflict', message: e.message, unknown: undefined };
  }
  const unknown = m.unknownError(codeTable);
  if (unknown) return unknown;
  const weeks = [...m.weeks].map(([k, p]) => [k, [...p].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0])] as const);
  return {
    weeks,
    // Each person's array: as given (see `Model.asGiven`), else trimmed to her first and last week with a code.
    shapes: weeks.map(([k, cs]) => {
      const g = m.asGiven.get(k);
      if (g) return [k, g.start, g.end - g.start + 1];
      return cs.length > 0 ? [k, cs[0][0], cs[cs.length - 1][0] - cs[0][0] + 1] : [k, null, 0];
    }),
    hours: [...m.hours].map(([k, h]) => {
      const a = new Array<number>(h.end - h.start + 1).fill(0);
      for (const [mo, s] of h.sums) a[mo - h.start] = Math.round(s * 1e4) / 1e4;
      return [k, h.start, a];
    }),
  };
}

describe('the register builder against a model of its data', () => {
  it('gives each person her codes by week and her hours by month (summed, four decimals), in the order met, or the error', () => {
    fc.assert(
      fc.property(setup, fc.array(op, { maxLength: 30, size: 'medium' }), (s, ops) => {
        const codeTable = table(KNOWN);
        const got = outcome(() => {
          const b = builder(s);
          ops.forEach((o, k) => run(b, o, k));
          return b;
        }, codeTable);
        expect(got).toEqual(expected(ops, codeTable));
      }),
      { numRuns: runs(300) },
    );
  });

  it('read in two parts and merged (packWeeks, mergeWeeks) gives the same people and weeks, or a conflict', () => {
    // No hours (parallel.ts reads them on one thread) and no person handed over at once: a part
    // that has not met her adds her whole (the long layout's reader in a thread of its own).
    const weekOps = op.filter((o) => o.t !== 'hours' && o.t !== 'new');
    fc.assert(
      fc.property(setup, fc.array(weekOps, { maxLength: 24, size: 'medium' }), fc.nat(20), (s, ops, cut) => {
        const codeTable = table(KNOWN);
        const at = Math.min(cut, ops.length);
        const want = expected(ops, codeTable) as { code?: string; weeks?: unknown; unknown?: unknown };
        const first = expected(ops.slice(0, at), codeTable) as { code?: string };
        const second = expected(ops.slice(at), codeTable) as { code?: string };
        let got: { code?: string; weeks?: unknown; unknown?: unknown; message?: string };
        try {
          const a = builder(s);
          ops.slice(0, at).forEach((o, k) => run(a, o, k));
          const b = builder(s);
          ops.slice(at).forEach((o, k) => run(b, o, at + k));
          a.mergeWeeks(b.packWeeks());
          const data = a.build(codeTable);
          got = { weeks: [...data.weeks].map(([k, p]) => [k, cells(p)]) };
        } catch (e) {
          if (!(e instanceof RegisterInputError)) throw e;
          got = { code: e.code, message: e.message, unknown: e.code === 'unknown_codes' ? e.unknown : undefined };
        }
        if (first.code === 'conflict' || second.code === 'conflict') {
          expect(got.code).toBe('conflict');
        } else if (want.code === 'conflict') {
          // Only across the parts: no place is known (parallel.ts then reads on one thread for the message).
          expect(got).toEqual({ code: 'conflict', message: 'conflict between parts read in parallel', unknown: undefined });
        } else if (want.code === 'unknown_codes') {
          expect({ code: got.code, unknown: got.unknown }).toEqual({ code: want.code, unknown: want.unknown });
        } else {
          expect(got).toEqual({ weeks: want.weeks });
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('the unknown codes: one error naming each code, its weeks and people, and where it was first met', () => {
  it('lists the codes in order with their counts and first places, and names the files', () => {
    const b = new RegisterBuilder();
    b.setWeek('0101901234', W0, 2, { file: 'a.csv' }, 5, 'kode');
    b.setWeek('0101901234', W0 + 1, 2, { file: 'a.csv' }, 6, 'kode');
    b.setWeek('0202851236', W0, 2, { file: 'a.csv' }, 7, 'kode');
    b.setWeek('0202851236', W0 + 3, 1, { file: 'a.csv' }, 8, 'kode');
    b.addWeekRow('0303030303', W0, Int16Array.from([130, MAX_CODE, MAX_CODE, 0, MAX_CODE]), { file: 'b.csv' }, 9, column);
    const e = thrown(() => b.build(table(KNOWN)));
    expect(e).toBeInstanceOf(RegisterInputError);
    expect(e.message).toBe(
      'Ukendte ydelseskoder, som ikke står i kodetabellen: 1 (1 uge hos 1 person; første gang i a.csv, linje 8, kolonne «kode»), ' +
        '2 (3 uger hos 2 personer; første gang i a.csv, linje 5, kolonne «kode»), ' +
        `${MAX_CODE} (3 uger hos 1 person; første gang i b.csv, linje 9, kolonne «${column(W0 + 1)}»). ` +
        'Tilføj dem til kodetabellen (--codes) med en kategori.',
    );
    expect({ code: e.code, file: e.file, line: e.line, column: e.column, codes: e.codes, unknown: e.unknown }).toEqual({
      code: 'unknown_codes',
      file: 'a.csv, b.csv',
      line: null,
      column: null,
      codes: [1, 2, MAX_CODE],
      unknown: [
        { code: 1, weeks: 1, people: 1 },
        { code: 2, weeks: 3, people: 2 },
        { code: MAX_CODE, weeks: 3, people: 1 },
      ],
    });
  });

  it('names the line and column of the first code when all were met in one file, and counts in Danish', () => {
    const b = new RegisterBuilder();
    b.addWeekRow('0101901234', W0, new Int16Array(1200).fill(7), { file: 'y.csv' }, 3, column);
    b.setWeek('0202851236', W0, 5, { file: 'y.csv' }, 4, 'kode');
    const e = thrown(() => b.build(table(KNOWN)));
    expect(e.message).toBe(
      'Ukendte ydelseskoder, som ikke står i kodetabellen: 5 (1 uge hos 1 person; første gang i y.csv, linje 4, kolonne «kode»), ' +
        `7 (1.200 uger hos 1 person; første gang i y.csv, linje 3, kolonne «${column(W0)}»). Tilføj dem til kodetabellen (--codes) med en kategori.`,
    );
    expect({ file: e.file, line: e.line, column: e.column }).toEqual({ file: 'y.csv', line: 4, column: 'kode' });
  });

  it('gives no place for codes from rows in memory, and lists ten codes and how many more', () => {
    const benefits = Array.from({ length: 12 }, (_, i) => ({ cpr: '0101901234', week: W0 + i, code: 20 + i }));
    const e = thrown(() => buildRegisterData({ benefits }, table(KNOWN)));
    const parts = benefits.slice(0, 10).map((r) => `${r.code} (1 uge hos 1 person)`);
    expect(e.message).toBe(
      `Ukendte ydelseskoder, som ikke står i kodetabellen: ${parts.join(', ')} og 2 flere. Tilføj dem til kodetabellen (--codes) med en kategori.`,
    );
    expect(e.codes).toEqual(benefits.map((r) => r.code));
  });

  it('counts the weeks of each person of a yearly file once, also while her weeks are still in the shared array', () => {
    const { names, b } = yearlyBuilder();
    const f = b.flatRows()!;
    expect(f).not.toBeNull();
    for (const n of NUMS) {
      const slot = names.slotOf(n);
      const o = b.flatPlace(n, slot, W0, 53);
      expect(o).toBeGreaterThanOrEqual(0);
      putFlat(b, o + 10, n === NUMS[1] ? 9 : 130, { file: 'ydelser_2021.csv', line: 3, column: 'u' });
    }
    const e = thrown(() => b.build(table(KNOWN)));
    expect(e.unknown).toEqual([{ code: 9, weeks: 1, people: 1 }]);
  });

  it('countCodes counts weeks and people per code', () => {
    const weeks = new Map<string, PersonWeeks>([
      ['a', { weekStart: 0, codes: Int16Array.from([5, 5, 0, 6]) }],
      ['b', { weekStart: 3, codes: Int16Array.from([6, 7, 5]) }],
      ['c', { weekStart: 0, codes: Int16Array.from([]) }],
    ]);
    expect(countCodes(weeks, [6, 5, 8])).toEqual([
      { code: 6, weeks: 2, people: 2 },
      { code: 5, weeks: 3, people: 2 },
      { code: 8, weeks: 0, people: 0 },
    ]);
  });
});

describe('a conflict: both codes, the week, the person and both places', () => {
  it('asks each file in turn for the earlier place (up to this line in the same file), and names the first found', () => {
    const asked: [string, string, number, number][] = [];
    const b = new RegisterBuilder();
    const earlier: Place = { file: 'b.csv', line: 4, column: 'uge' };
    b.addSource({ file: 'a.csv', locate: (cpr, week, before) => (asked.push(['a', cpr, week, before]), null) });
    b.addSource({ file: 'b.csv', locate: (cpr, week, before) => (asked.push(['b', cpr, week, before]), earlier) });
    b.addSource({ file: 'c.csv', locate: (cpr, week, before) => (asked.push(['c', cpr, week, before]), null) });
    b.setWeek(101901234, W0 + 2, 130, { file: 'a.csv' }, 2);
    const e = thrown(() => b.setWeek('0101901234', W0 + 2, 131, { file: 'b.csv' }, 9, 'kode'));
    expect(e.message).toBe(
      `b.csv, linje 9, kolonne «kode»: CPR 010190-xxxx har kode 131 i uge ${weekString(W0 + 2)}, men samme person og uge har kode 130 ` +
        'i b.csv, linje 4, kolonne «uge». En uge kan kun have én kode.',
    );
    expect({ code: e.code, file: e.file, line: e.line, column: e.column, other: e.other }).toEqual({
      code: 'conflict',
      file: 'b.csv',
      line: 9,
      column: 'kode',
      other: earlier,
    });
    expect(asked).toEqual([
      ['a', '0101901234', W0 + 2, Infinity],
      ['b', '0101901234', W0 + 2, 9],
    ]);
  });

  it('says "tidligere indlæste data" when no file knows the place, and names a running number as such', () => {
    const b = new RegisterBuilder();
    b.addSource({ file: 'a.csv' });
    b.addWeekRow('#77', W0, Int16Array.from([130, 131]), { file: 'a.csv' }, 2, column);
    const e = thrown(() => b.addWeekRow('#77', W0 + 1, Int16Array.from([651]), { file: 'a.csv' }, 3, column));
    expect(e.message).toBe(
      `a.csv, linje 3, kolonne «${column(W0 + 1)}»: løbenummer 77 har kode 651 i uge ${weekString(W0 + 1)}, men samme person og uge har kode 131 ` +
        'i tidligere indlæste data. En uge kan kun have én kode.',
    );
    expect(e.other).toBeNull();
    expect(personText('0101901234')).toBe('CPR 010190-xxxx');
  });
});

/** A builder told of one person by her own key text, 010190-1234, and met by number in week W0 with code 130. */
function builderKnowing010190(): RegisterBuilder {
  const names = new NumIndex<string>(1);
  names.set(101901234, '010190-1234');
  const b = new RegisterBuilder();
  b.knownPeople(names);
  b.setWeek(101901234, W0, 130);
  return b;
}

describe('what build makes of the rows', () => {
  it('keys a person met by number by the text the caller gave for her (knownPeople)', () => {
    const b = builderKnowing010190();
    b.addHours(101901234, M0, 3);
    b.setWeek(202851236, W0, 131);
    const data = b.build(table(KNOWN));
    expect([...data.weeks.keys()]).toEqual(['010190-1234', '0202851236']);
    expect([...data.hours.keys()]).toEqual(['010190-1234']);
  });

  it("sums a person's hours in one array when her rows are apart, under her key string or by number, also when told of the people twice", () => {
    const names = new NumIndex<string>(2);
    names.set(101901234, '010190-1234');
    names.set(202851236, '0202851236');
    const b = new RegisterBuilder();
    b.knownPeople(names);
    b.addHours('0202851236', M0, 1);
    b.addHours(101901234, M0, 2);
    b.addHours(202851236, M0, 4); // her string rows first, now by number
    b.addHours(101901234, M0 + 20, 8); // apart from her first run: her array grows
    const again = new NumIndex<string>(8);
    for (let i = 0; i < 5; i++) again.set(303030303 + i, cprText(303030303 + i));
    b.knownPeople(again);
    // Found again by number, not last: the people found by slot are found by number now.
    b.addHours(202851236, M0 + 1, 32);
    b.addHours(101901234, M0, 16);
    const data = b.build(table(KNOWN));
    expect(
      [...data.hours].map(([k, h]) => [k, h.monthStart, h.hours[M0 - h.monthStart], h.hours[M0 + 1 - h.monthStart], h.hours.at(-7)]),
    ).toEqual([
      ['0202851236', M0, 5, 32, 0],
      ['010190-1234', M0, 18, 0, 8],
    ]);
  });

  it('trims grown weeks to the first and last week with a code', () => {
    const b = new RegisterBuilder();
    b.setWeek('0101901234', W0 + 40, 130);
    b.setWeek('0101901234', W0 - 100, 131);
    b.setWeek('0101901234', W0 + 300, 651);
    b.addWeekRow('0202851236', W0, Int16Array.from([0, 130, 0]), MEMORY_SRC, 0, column, true);
    b.addWeekRow('0202851236', W0 + 200, Int16Array.from([131, 0]), MEMORY_SRC, 0, column, true);
    const data = b.build(table(KNOWN));
    const p = data.weeks.get('0101901234')!;
    expect([p.weekStart, p.codes.length, p.codes[0], p.codes.at(-1)]).toEqual([W0 - 100, 401, 131, 651]);
    const q = data.weeks.get('0202851236')!;
    expect([q.weekStart, q.codes.length, q.codes[0], q.codes.at(-1)]).toEqual([W0 + 1, 200, 130, 131]);
  });

  it('trims the people of a yearly file in their shared array, whether they fill it or not', () => {
    for (const filled of [1, 3]) {
      const { names, b } = yearlyBuilder();
      for (const n of NUMS.slice(0, filled)) {
        const o = b.flatPlace(n, names.slotOf(n), W0 + 52, 53);
        putFlat(b, o + 52 + 3, 130);
        putFlat(b, o + 52 + 7, 131);
      }
      const data = b.build(table(KNOWN));
      for (const n of NUMS.slice(0, filled)) {
        expect(data.weeks.get(cprText(n))).toEqual({ weekStart: W0 + 55, codes: Int16Array.from([130, 0, 0, 0, 131]) });
      }
    }
  });

  it('keeps the later yearly rows of a person whose weeks grew past the years expected', () => {
    const { b } = yearlyBuilder(2);
    const year = (num: number, ws: number, codes: number[]) => run(b, { t: 'year', num, ws, codes }, 0);
    const row = (at: number, c: number) => Array.from({ length: 53 }, (_, i) => (i === at ? c : 0));
    year(NUMS[0], W0, row(1, 130));
    year(NUMS[1], W0, row(2, 131));
    // Her weeks grow past the span (a long-layout row of 2019): she leaves the shared array.
    b.setWeek(NUMS[0], W0 - 60, 651);
    year(NUMS[0], W0 + 52, row(3, 131));
    year(NUMS[1], W0 + 52, row(4, 130));
    year(NUMS[0], W0 + 52, row(5, 130));
    const data = b.build(table(KNOWN));
    expect(cells(data.weeks.get(cprText(NUMS[0]))!)).toEqual([
      [W0 - 60, 651],
      [W0 + 1, 130],
      [W0 + 55, 131],
      [W0 + 57, 130],
    ]);
    expect(cells(data.weeks.get(cprText(NUMS[1]))!)).toEqual([
      [W0 + 2, 131],
      [W0 + 56, 130],
    ]);
  });

  it('sums the hours of a month and rounds the sums to four decimals', () => {
    const data = buildRegisterData(
      {
        hours: [
          { cpr: '0101901234', month: M0, hours: 0.1 },
          { cpr: '0101901234', month: M0, hours: 0.2 },
          { cpr: '0101901234', month: M0 + 1, hours: 12.34567 },
        ],
      },
      table(KNOWN),
    );
    const h = data.hours.get('0101901234')!;
    expect([h.monthStart, h.hours[0], h.hours[1]]).toEqual([M0, 0.3, 12.3457]);
  });

  it('gives a person met first her hours of months far apart, and the next person only hers', () => {
    const rows = [
      { cpr: '0101901234', month: M0, hours: 1 },
      { cpr: '0101901234', month: M0 + 1023, hours: 2 },
      { cpr: '0101901234', month: M0 + 1024, hours: 3 },
      { cpr: '0101901234', month: M0 - 1024, hours: 4 },
      { cpr: '0101901234', month: M0 - 1025, hours: 5 },
      { cpr: '0202851236', month: M0, hours: 6 },
      { cpr: '0202851236', month: M0 + 1, hours: 7 },
    ];
    const data = buildRegisterData({ hours: rows }, table(KNOWN));
    const sums = (k: string) => {
      const h = data.hours.get(k)!;
      return [...h.hours].flatMap((v, i) => (v !== 0 ? [[h.monthStart + i, v]] : []));
    };
    expect(sums('0101901234')).toEqual([
      [M0 - 1025, 5],
      [M0 - 1024, 4],
      [M0, 1],
      [M0 + 1023, 2],
      [M0 + 1024, 3],
    ]);
    expect(sums('0202851236')).toEqual([
      [M0, 6],
      [M0 + 1, 7],
    ]);
  });
});

describe("a new person's hours summed before she has an array (HoursRun)", () => {
  it('keeps every row of hers, later, earlier and far before her first, with the span growing row by row gives', () => {
    const rows = [
      { cpr: '0101901234', month: M0, hours: 1 },
      { cpr: '0101901234', month: M0 + 11, hours: 2 }, // the last of her first twelve months: no growth
      { cpr: '0101901234', month: M0 + 5, hours: 4 }, // between her first and latest
      { cpr: '0101901234', month: M0 - 1025, hours: 8 }, // before the months summed: she gets her array first
    ];
    const h = buildRegisterData({ hours: rows }, table(KNOWN)).hours.get('0101901234')!;
    expect([h.monthStart, h.hours.length]).toEqual([M0 - 1031, M0 + 11 - (M0 - 1031) + 1]);
    expect([...h.hours].flatMap((v, i) => (v !== 0 ? [[h.monthStart + i, v]] : []))).toEqual([
      [M0 - 1025, 8],
      [M0, 1],
      [M0 + 5, 4],
      [M0 + 11, 2],
    ]);
  });
});

describe('packWeeks and mergeWeeks beyond the model (issue 17, mutation testing)', () => {
  it('hands a grown person over trimmed as build trims her, and CPR 0000000000 and two running numbers each under her own key', () => {
    const a = new RegisterBuilder();
    a.setWeek('0101901234', W0 + 40, 130);
    a.setWeek('0101901234', W0 - 100, 131);
    a.setWeek('0000000000', W0, 651); // CPR number 0: handed over as a number, not a text
    a.setWeek('#1', W0, 130);
    a.setWeek('#2', W0 + 1, 131);
    const b = new RegisterBuilder();
    b.mergeWeeks(a.packWeeks());
    const data = b.build(table(KNOWN));
    expect([...data.weeks].map(([k, p]) => [k, p.weekStart, p.codes.length, p.codes[0], p.codes.at(-1)])).toEqual([
      ['0101901234', W0 - 100, 141, 131, 130],
      ['0000000000', W0, 1, 651, 651],
      ['#1', W0, 1, 130, 130],
      ['#2', W0 + 1, 1, 131, 131],
    ]);
  });

  it('keeps the place where this thread met a code first when a merged part met it too', () => {
    const a = new RegisterBuilder();
    a.setWeek('0101901234', W0, 4711, { file: 'a.csv' }, 3, 'kode');
    const other = new RegisterBuilder();
    other.setWeek('0202851236', W0, 4711, { file: 'a.csv' }, 9, 'kode');
    a.mergeWeeks(other.packWeeks());
    const e = thrown(() => a.build(table(KNOWN)));
    expect(e.message).toContain('4711 (2 uger hos 2 personer; første gang i a.csv, linje 3, kolonne «kode»)');
  });
});

describe('a person known by her own key text (knownPeople), met by number', () => {
  it('is found again by number after someone else was met, not made anew', () => {
    const b = builderKnowing010190();
    b.setWeek('#7', W0, 131);
    b.setWeek(101901234, W0 + 1, 131);
    const data = b.build(table(KNOWN));
    expect(cells(data.weeks.get('010190-1234')!)).toEqual([
      [W0, 130],
      [W0 + 1, 131],
    ]);
  });
});

describe('the shared slabs the arrays are carved from', () => {
  it('keeps every week and month when the people fill more than one slab, and for a person spanning more than a slab', () => {
    const b = new RegisterBuilder();
    const n = 12_000;
    for (let i = 0; i < n; i++) {
      b.setWeek(cprText(i + 1), W0 + (i % 7), KNOWN[i % 3]);
      b.addHours(cprText(i + 1), M0 + (i % 5), i % 100);
    }
    b.setWeek('#far', 10, 130);
    b.setWeek('#far', 600_010, 131);
    const data = b.build(table(KNOWN));
    for (let i = 0; i < n; i++) {
      expect(cells(data.weeks.get(cprText(i + 1))!)).toEqual([[W0 + (i % 7), KNOWN[i % 3]]]);
      const h = data.hours.get(cprText(i + 1))!;
      expect([h.monthStart, h.hours.length, h.hours[0]]).toEqual([M0 + (i % 5), 12, i % 100]);
    }
    expect(cells(data.weeks.get('#far')!)).toEqual([
      [10, 130],
      [600_010, 131],
    ]);
  });
});

describe('the weeks of known people in their shared array at build (issue 17, mutation testing)', () => {
  /** A yearly builder knowing NUMS, the first by the caller's own text `010190-1234`. */
  function knowing(): { names: NumIndex<string>; b: RegisterBuilder } {
    const names = new NumIndex<string>(NUMS.length);
    for (const num of NUMS) names.set(num, num === NUMS[0] ? '010190-1234' : cprText(num));
    const b = new RegisterBuilder();
    b.knownPeople(names);
    b.expectWeeks(W0, W0 + 104);
    return { names, b };
  }
  /** Place each person's row of the span's 105 weeks (as the yearly reader writes it). */
  function place(names: NumIndex<string>, b: RegisterBuilder, rows: [number, Record<number, number>][]): void {
    for (const [num, codes] of rows) {
      const o = b.flatPlace(num, names.slotOf(num), W0, 105);
      for (const [w, c] of Object.entries(codes)) putFlat(b, o + Number(w), c);
    }
  }

  it('hands people placed only over as columns under the caller’s key text, an empty person with no weeks between the others', () => {
    const { names, b } = knowing();
    // The first has a code in the span's first week only, the second none, the third a code in its middle.
    place(names, b, [
      [NUMS[0], { 0: 130 }],
      [NUMS[1], {}],
      [NUMS[2], { 50: 131 }],
    ]);
    const data = b.build(table(KNOWN));
    const cols = data.weekColumns!;
    expect([...cols.keys]).toEqual(['010190-1234', '0202851236', '1512884321']);
    expect([...cols.weekStart].filter((_, k) => cols.length[k] > 0)).toEqual([W0, W0 + 50]);
    expect([...cols.length]).toEqual([1, 0, 1]);
    expect([...data.weeks].map(([k, p]) => [k, p.codes.length, cells(p)])).toEqual([
      ['010190-1234', 1, [[W0, 130]]],
      ['0202851236', 0, []],
      ['1512884321', 1, [[W0 + 50, 131]]],
    ]);
  });

  it('trims them where they are when someone else was met, also a person given a view of her own, up to the last week expected', () => {
    const { names, b } = knowing();
    place(names, b, [
      [NUMS[0], { 3: 130, 104: 131 }],
      [NUMS[1], { 103: 651 }],
      [NUMS[2], { 0: 130 }],
    ]);
    b.setWeek('#9', W0, 130); // met otherwise: the people are no longer placed only
    // Her weeks read by their bounds (a view of her own span), not grown.
    b.addWeekRow(NUMS[1], W0 + 100, Int16Array.from([651]), MEMORY_SRC, 0, column);
    const data = b.build(table(KNOWN));
    expect(data.weekColumns).toBeUndefined();
    expect([...data.weeks].map(([k, p]) => [k, p.weekStart, p.codes.length, cells(p)])).toEqual([
      [
        '010190-1234',
        W0 + 3,
        102,
        [
          [W0 + 3, 130],
          [W0 + 104, 131],
        ],
      ],
      [
        '0202851236',
        W0 + 100,
        4,
        [
          [W0 + 100, 651],
          [W0 + 103, 651],
        ],
      ],
      ['1512884321', W0, 1, [[W0, 130]]],
      ['#9', W0, 1, [[W0, 130]]],
    ]);
  });

  it('keeps a row not reused as given while later rows of hers stay inside it', () => {
    const b = new RegisterBuilder();
    b.addWeekRow('0101901234', W0, Int16Array.from([0, 130, 0, 0]), MEMORY_SRC, 0, column);
    b.addWeekRow('0101901234', W0 + 1, Int16Array.from([0, 131]), MEMORY_SRC, 0, column);
    b.addWeekRow('0101901234', W0, Int16Array.from([0, 0, 0, 0]), MEMORY_SRC, 0, column);
    const p = b.build(table(KNOWN)).weeks.get('0101901234')!;
    expect([p.weekStart, [...p.codes]]).toEqual([W0, [0, 130, 131, 0]]);
  });
});

describe('paid hours of a known person looked up by number when the people were told after the first hours', () => {
  it('adds her later rows to her own array, not to a new one under her key text', () => {
    const names = new NumIndex<string>(1);
    names.set(101901234, '010190-1234');
    const b = new RegisterBuilder();
    b.addHours('#1', M0, 1); // hours before the people are known: she is then found by number, not by slot
    b.knownPeople(names);
    b.addHours(101901234, M0, 2);
    b.addHours('#2', M0, 4);
    b.addHours(101901234, M0 + 1, 8);
    const data = b.build(table(KNOWN));
    expect([...data.hours].map(([k, h]) => [k, h.monthStart, h.hours[0], h.hours[1]])).toEqual([
      ['#1', M0, 1, 0],
      ['010190-1234', M0, 2, 8],
      ['#2', M0, 4, 0],
    ]);
  });
});

describe('people met before the builder was told of them (issue 17, mutation testing)', () => {
  const names010190 = () => {
    const names = new NumIndex<string>(NUMS.length);
    for (const num of NUMS) names.set(num, num === NUMS[0] ? '010190-1234' : cprText(num));
    return names;
  };

  it('finds a person met by number before knownPeople by number after it, weeks and hours', () => {
    const b = new RegisterBuilder();
    b.setWeek(101901234, W0, 130);
    b.addHours(101901234, M0, 1);
    b.setWeek(202851236, W0, 131);
    b.addHours(202851236, M0, 2);
    const names = new NumIndex<string>(1);
    names.set(101901234, '0101901234');
    b.knownPeople(names);
    b.setWeek(101901234, W0 + 1, 131);
    b.addHours(101901234, M0 + 1, 4);
    const data = b.build(table(KNOWN));
    expect(cells(data.weeks.get('0101901234')!)).toEqual([
      [W0, 130],
      [W0 + 1, 131],
    ]);
    const h = data.hours.get('0101901234')!;
    expect([h.monthStart, h.hours[0], h.hours[1]]).toEqual([M0, 1, 4]);
  });

  it('keeps a person met under her key text out of the shared array when her yearly row comes, and a known person met there later under the caller’s text', () => {
    const b = new RegisterBuilder();
    b.knownPeople(names010190());
    b.expectWeeks(W0, W0 + 104);
    b.setWeek(cprText(NUMS[1]), W0, 130); // by her key text: no place in the shared array
    const f = b.flatRows()!;
    for (const [num, week] of [
      [NUMS[1], 5],
      [NUMS[0], 7],
    ]) {
      const o = b.flatPlace(num, f.names.slotOf(num), W0, 53);
      if (o >= 0) putFlat(b, o + week, 131);
      else b.weeksForRow(num, W0, 53).codes[W0 + week - b.weeksOfPerson(num)!.weekStart] = 131;
    }
    // Told the weeks again (another yearly file): the people placed keep their weeks.
    b.expectWeeks(W0, W0 + 104);
    const data = b.build(table(KNOWN));
    expect([...data.weeks].map(([k, p]) => [k, cells(p)])).toEqual([
      [
        '0202851236',
        [
          [W0, 130],
          [W0 + 5, 131],
        ],
      ],
      ['010190-1234', [[W0 + 7, 131]]],
    ]);
  });

  it('keeps the people placed in the shared array when told the weeks again', () => {
    const b = new RegisterBuilder();
    const names = names010190();
    b.knownPeople(names);
    b.expectWeeks(W0, W0 + 104);
    putFlat(b, b.flatPlace(NUMS[2], names.slotOf(NUMS[2]), W0, 53) + 3, 130);
    b.expectWeeks(W0, W0 + 104);
    const data = b.build(table(KNOWN));
    expect([...data.weeks].map(([k, p]) => [k, cells(p)])).toEqual([['1512884321', [[W0 + 3, 130]]]]);
  });
});

describe('rows and data at their edges (issue 17, mutation testing)', () => {
  it('names the first row that met an unknown code, also when a later row of weeks meets it again', () => {
    const b = new RegisterBuilder();
    b.addWeekRow('0101901234', W0, Int16Array.from([130, 4711]), { file: 'a.csv' }, 2, column);
    b.addWeekRow('0202851236', W0, Int16Array.from([0, 4711]), { file: 'a.csv' }, 5, column);
    expect(thrown(() => b.build(table(KNOWN))).message).toContain(
      `4711 (2 uger hos 2 personer; første gang i a.csv, linje 2, kolonne «${column(W0 + 1)}»)`,
    );
  });

  it('grows a person’s weeks for a row that ends one week past them', () => {
    const b = new RegisterBuilder();
    b.expectWeeks(W0, W0 + 104);
    const p = b.weeksForRow('#1', W0, 53); // sized for the weeks expected: W0 … W0 + 104
    expect([p.weekStart, p.codes.length]).toEqual([W0, 105]);
    const q = b.weeksForRow('#1', W0 + 53, 53); // W0 + 53 … W0 + 105
    q.codes[W0 + 105 - q.weekStart] = 130;
    expect(cells(b.build(table(KNOWN)).weeks.get('#1')!)).toEqual([[W0 + 105, 130]]);
  });

  it('hands over hours kept by key beside weeks in columns, and the data has weeks and hours as its own keys, read or not, replaceable', () => {
    const names = new NumIndex<string>(1);
    names.set(NUMS[0], cprText(NUMS[0]));
    const b = new RegisterBuilder();
    b.knownPeople(names);
    b.expectWeeks(W0, W0 + 104);
    putFlat(b, b.flatPlace(NUMS[0], names.slotOf(NUMS[0]), W0, 53) + 2, 130);
    b.addHours('#1', M0, 5); // by key text: kept in the map
    const data = b.build(table(KNOWN));
    expect(data.weekColumns).toBeDefined();
    expect(Object.keys(data).sort()).toEqual(['hours', 'weeks']);
    expect([...data.hours.keys()]).toEqual(['#1']);
    expect([...data.weeks.keys()]).toEqual([cprText(NUMS[0])]);
    expect(Object.keys(data).sort()).toEqual(['hours', 'weeks']);
    const other = new Map<string, PersonWeeks>();
    (data as { weeks: Map<string, PersonWeeks> }).weeks = other;
    expect(data.weeks).toBe(other);
  });

  it('builds in-memory rows of one kind with no people of the other', () => {
    const weeksOnly = buildRegisterData({ benefits: [{ cpr: '0101901234', week: W0, code: 130 }] }, table(KNOWN));
    expect([[...weeksOnly.weeks.keys()], [...weeksOnly.hours.keys()]]).toEqual([['0101901234'], []]);
    const hoursOnly = buildRegisterData({ hours: [{ cpr: '0101901234', month: M0, hours: 1 }] }, table(KNOWN));
    expect([[...hoursOnly.weeks.keys()], [...hoursOnly.hours.keys()]]).toEqual([[], ['0101901234']]);
  });
});
