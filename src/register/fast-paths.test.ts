/**
 * The register readers' fast paths (issue 9, item 8) give exactly what the general reader
 * gives: the CPR read as a number, the integer-keyed index, the long layout's loop over plain
 * rows, and the builder's arrays carved from shared slabs.
 */
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { parseMonth, parseWeek } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { readBenefits } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSource, pooledChunkBytes, type ByteSource } from './chunks.ts';
import { CsvReader } from './csv.ts';
import { defaultCodeTable } from './codetable.ts';
import { cprFromBytes, cprNumberFromBytes, cprText } from './fields.ts';
import { NumIndex } from './num-index.ts';
import { keepCprHashes, keepCprs, keepNumbers, type ReadOptions } from './person-key.ts';
import { readHours } from './hours.ts';
import { thrown } from './test-files.ts';

const enc = new TextEncoder();

describe('CPR as a number', () => {
  it('is the CPR that cprFromBytes reads, or -1 exactly when that is null', () => {
    const chars = fc.constantFrom('0', '1', '2', '3', '9', '-', ' ', 'x', '/');
    const text = fc.oneof(
      fc.array(chars, { maxLength: 14 }).map((a) => a.join('')),
      fc.tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.boolean(), fc.boolean()).map(([n, dash, pad]) => {
        const t = String(n).padStart(10, '0');
        return (pad ? ' ' : '') + (dash ? `${t.slice(0, 6)}-${t.slice(6)}` : t) + (pad ? ' ' : '');
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const b = enc.encode(`;${t};`);
        const s = cprFromBytes(b, 1, b.length - 1);
        const n = cprNumberFromBytes(b, 1, b.length - 1);
        if (s === null) expect(n).toBe(-1);
        else expect(cprText(n)).toBe(s);
      }),
      { numRuns: runs(2000) },
    );
    expect(cprNumberFromBytes(enc.encode('010190-1234'), 0, 11)).toBe(101901234);
    expect(cprText(101901234)).toBe('0101901234');
  });
});

describe('NumIndex', () => {
  it('answers as a Map does, through growth, for keys beyond 32 bits', () => {
    const op = fc.tuple(fc.boolean(), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9_999_999_999 })), fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const ix = new NumIndex<number>(1);
        const map = new Map<number, number>();
        for (const [set, k, v] of ops) {
          if (set) {
            ix.set(k, v);
            map.set(k, v);
          }
          expect(ix.get(k)).toBe(map.get(k));
          expect(ix.has(k)).toBe(map.has(k));
        }
        expect(ix.size).toBe(map.size);
        for (const [k, v] of map) expect(ix.get(k)).toBe(v);
      }),
      { numRuns: runs(300) },
    );
    expect(() => new NumIndex<number>().set(-1, 1)).toThrow(RangeError);
  });
});

/** Bytes handed out in chunks that end after every `every`-th line feed (as a file is read). */
function chunked(bytes: Uint8Array, every: number): ByteSource {
  let at = 0;
  return {
    next() {
      if (at >= bytes.length) return null;
      let p = at;
      for (let n = 0; n < every && p < bytes.length; p++) if (bytes[p] === 10) n++;
      const chunk = bytes.slice(at, p);
      at = p;
      return chunk;
    },
  };
}

function weeksOf(data: RegisterData): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const [k, p] of data.weeks) {
    const w: Record<number, number> = {};
    p.codes.forEach((c, i) => {
      if (c !== 0) w[p.weekStart + i] = c;
    });
    out[k] = w;
  }
  return out;
}

function outcome(read: () => RegisterBuilder): { data: Record<string, Record<number, number>> } | { error: string } {
  try {
    return { data: weeksOf(read().build(defaultCodeTable())) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** A CPR cell: mostly one of four people, now and then one the readers refuse or trim. */
const cprCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('0101901234', '0202851236', '1512884321', '3112999999') },
  { weight: 1, arbitrary: fc.constantFrom('010190-1234', ' 0101901234', '01019O1234', '123', '') },
);
/** What is odd about a row, if anything: a blank line after it, an extra empty field, its last field missing. */
const oddRow = fc.constantFrom('', '', '', '', 'blank', 'extra', 'short');

/** A file's bytes: the header, then each row's fields as made odd. */
function fileBytes(f: { sep: string; nl: string; last: boolean }, header: string[], rows: [string[], string][]): Uint8Array {
  const lines = [header.join(f.sep)];
  for (const [cells, odd] of rows) {
    let fields = cells;
    if (odd === 'extra') fields = [...fields, ''];
    if (odd === 'short') fields = fields.slice(0, -1);
    lines.push(fields.join(f.sep));
    if (odd === 'blank') lines.push('');
  }
  return enc.encode(lines.join(f.nl) + (f.last ? f.nl : ''));
}

/** A file of a person column and two more, in one of three orders, with rows as drawn. */
function threeColumnFile(second: fc.Arbitrary<string>, third: fc.Arbitrary<string>) {
  return fc.record({
    order: fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0]),
    name: fc.constantFrom('cpr', 'PNR'),
    sep: fc.constantFrom(';', ',', '\t'),
    nl: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.tuple(cprCell, second, third, oddRow), { maxLength: 40 }),
    last: fc.boolean(),
    every: fc.integer({ min: 1, max: 8 }),
  });
}
type ThreeColumnFile = ReturnType<typeof threeColumnFile> extends fc.Arbitrary<infer T> ? T : never;

/** Its bytes: the other two columns named `names`, each field written by `q`. */
function threeColumnBytes(f: ThreeColumnFile, names: string[], q: (cell: string) => string): Uint8Array {
  const header = [f.name, ...names];
  const rows = f.rows.map(([cpr, b, c, odd]): [string[], string] => [f.order.map((i) => q([cpr, b, c][i])), odd]);
  return fileBytes(
    f,
    f.order.map((i) => header[i]),
    rows,
  );
}

/** Read options: everyone, people kept by CPR and by hash, and a first month. */
function readOptions(hashed: string[], from: string): [string, () => ReadOptions][] {
  return [
    ['everyone', () => ({})],
    ['keepCprs', () => ({ keep: keepCprs(['0101901234', '1512884321']) })],
    ['keepCprHashes', () => ({ keep: keepCprHashes(hashed, (c) => `h${c}`) })],
    ['from', () => ({ from })],
  ];
}

/** The fast loop gives the general reader's data or error message (quoted rows go to the general reader), in one piece and in chunks. */
function expectGeneralReaders(plain: Uint8Array, quoted: Uint8Array, name: string, every: number, options: () => ReadOptions) {
  const want = outcome(() => readBenefits(quoted, name, new RegisterBuilder(), options()));
  expect(outcome(() => readBenefits(plain, name, new RegisterBuilder(), options()))).toEqual(want);
  const wantChunked = outcome(() => readBenefits(chunked(quoted, every), name, new RegisterBuilder(), options()));
  expect(outcome(() => readBenefits(chunked(plain, every), name, new RegisterBuilder(), options()))).toEqual(wantChunked);
}

describe('the long layout: plain rows read by the fast loop', () => {
  const weekCell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 53 }).map((w) => `2020-W${String(w).padStart(2, '0')}`) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 53 }).map((w) => `21${String(w).padStart(2, '0')}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '2021-W53',
        '2021-w07',
        '2021-W00',
        '9053',
        '1990-W01',
        '1899-W01',
        '2021-W7',
        ' 2107',
        '2107 ',
        'uge',
        '',
      ),
    },
  );
  const codeCell = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('130', '131', '135', '651', '0') },
    { weight: 1, arbitrary: fc.constantFrom('', 'NA', '.', '997.0', '0130', '13a', '32768', '999999999', '1234567890', ' 131') },
  );
  const file = threeColumnFile(weekCell, codeCell);

  /** The file as written, and the same file with every non-empty field quoted (rows only the general reader reads). */
  const render = (f: ThreeColumnFile, quote: boolean) => threeColumnBytes(f, ['uge', 'kode'], (c) => (quote && c !== '' ? `"${c}"` : c));

  for (const [what, options] of readOptions(['h0101901234', 'h3112999999'], '2020-06')) {
    it(`gives the general reader's data or error message (${what}), in one piece and in chunks`, () => {
      fc.assert(
        fc.property(file, (f) => {
          expectGeneralReaders(render(f, false), render(f, true), 'lang.csv', f.every, options);
        }),
        { numRuns: runs(300) },
      );
    });
  }

  it('reads plain rows into the right weeks, and names the line of a conflict', () => {
    const rows = ['cpr;uge;kode', '0101901234;2021-W01;130', '0101901234;2021-W02;651', '0202851236;2107;135', '0101901234;2021-W03;0'];
    const data = readBenefits(enc.encode(rows.join('\n') + '\n'), 'lang.csv').build(defaultCodeTable());
    expect(weeksOf(data)).toEqual({
      '0101901234': { [parseWeek('2021-W01')!]: 130, [parseWeek('2021-W02')!]: 651 },
      '0202851236': { [parseWeek('2021-W07')!]: 135 },
    });
    const clash = [...rows, '0202851236;2021-W07;131'];
    const e = thrown(() => readBenefits(enc.encode(clash.join('\n')), 'lang.csv'));
    expect(e.message).toMatch(
      /^lang\.csv, linje 6, kolonne «kode»: CPR 020285-xxxx har kode 131 i uge 2021-W07, men samme person og uge har kode 135 i lang\.csv, linje 4/,
    );
  });
});

describe('paid hours: plain rows read by the fast loop', () => {
  const monthCell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }).map((m) => `2021-${String(m).padStart(2, '0')}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '2019-12',
        '2021-13',
        '2021-00',
        ' 2021-03',
        '2021-03 ',
        '2021-3',
        '21-03',
        '',
        'maaned',
        '2021/03',
        '20a1-03',
      ),
    },
  );
  const hoursCell = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('80,5', '12', '0', '7.25', '37,0', '0,1', '0,2') },
    { weight: 1, arbitrary: fc.constantFrom('-1', '', ' 3 ', '1,2,3', 'NA', '1e3', ',5', '5,', '1234567890123456,5') },
  );
  const file = threeColumnFile(monthCell, hoursCell);

  // A comma separator needs the decimal comma quoted even in the plain file.
  const render = (f: ThreeColumnFile) => threeColumnBytes(f, ['maaned', 'timer'], (c) => (f.sep === ',' && c.includes(',') ? `"${c}"` : c));

  function hoursOutcome(read: () => RegisterBuilder): { data: [string, number, number[]][] } | { error: string } {
    try {
      return { data: [...read().build(defaultCodeTable()).hours].map(([k, p]) => [k, p.monthStart, [...p.hours]]) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }

  for (const [what, options] of readOptions(['h0101901234', 'h3112999999'], '2021-06')) {
    it(`gives the general reader's sums or error message (${what}), in one piece and in chunks`, () => {
      fc.assert(
        fc.property(file, (f) => {
          // The general reader alone: one row per chunk leaves the fast loop nothing to read
          // (it takes over only after a chunk's first row). Quoting the cells is no oracle here:
          // quoted months and hours are parsed from text, which treats spaces otherwise.
          const plain = render(f);
          const want = hoursOutcome(() => readHours(chunked(plain, 1), 'timer.csv', new RegisterBuilder(), options()));
          expect(hoursOutcome(() => readHours(plain, 'timer.csv', new RegisterBuilder(), options()))).toEqual(want);
          expect(hoursOutcome(() => readHours(chunked(plain, f.every), 'timer.csv', new RegisterBuilder(), options()))).toEqual(want);
        }),
        { numRuns: runs(300) },
      );
    });
  }

  it('sums plain rows per month, and names the line of a bad value after plain rows', () => {
    const rows = ['cpr;maaned;timer', '0101901234;2021-01;10,5', '0101901234;2021-01;4', '0202851236;2021-02;7.25', '0101901234;2021-03;0'];
    const data = readHours(enc.encode(rows.join('\n') + '\n'), 'timer.csv').build(defaultCodeTable());
    const h = data.hours.get('0101901234')!;
    expect(h.hours[parseMonth('2021-01')! - h.monthStart]).toBe(14.5);
    expect(h.hours[parseMonth('2021-03')! - h.monthStart]).toBe(0);
    const g = data.hours.get('0202851236')!;
    expect(g.hours[parseMonth('2021-02')! - g.monthStart]).toBe(7.25);
    const e = thrown(() => readHours(enc.encode([...rows, '0202851236;2021-13;5'].join('\n')), 'timer.csv'));
    expect(e.message).toMatch(/^timer\.csv, linje 6, kolonne «maaned»: «2021-13» er ikke en gyldig måned/);
  });
});

describe('the yearly layout: plain rows read by the fast loop', () => {
  const codeCell = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('', '', '', '130', '131', '651', '0') },
    { weight: 1, arbitrary: fc.constantFrom('NA', '.', '997.0', '0130', '13a', '32768', '9999999', ' 131', 'K') },
  );
  const COLUMNS = ['PNR', 'koen', 'y_01', 'y_02', 'y_30', 'y_52', 'y_53'];
  const file = fc.record({
    order: fc.shuffledSubarray([1, 2, 3, 4, 5, 6], { minLength: 1 }).map((rest) => [0, ...rest]),
    first: fc.boolean(),
    year: fc.constantFrom(2020, 2021),
    sep: fc.constantFrom(';', ',', '\t'),
    nl: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.tuple(cprCell, fc.constantFrom('K', 'M', ''), fc.array(codeCell, { minLength: 5, maxLength: 5 }), oddRow), {
      maxLength: 25,
    }),
    last: fc.boolean(),
    every: fc.integer({ min: 1, max: 6 }),
  });
  type YearlyFile = typeof file extends fc.Arbitrary<infer T> ? T : never;

  function render(f: YearlyFile, quote: boolean): Uint8Array {
    const q = (c: string) => (quote && c !== '' ? `"${c}"` : c);
    // The person column first or last.
    const order = f.first ? f.order : [...f.order.slice(1), 0];
    const rows = f.rows.map(([cpr, koen, codes, odd]): [string[], string] => [order.map((i) => q([cpr, koen, ...codes][i])), odd]);
    return fileBytes(
      f,
      order.map((i) => COLUMNS[i]),
      rows,
    );
  }

  for (const [what, options] of readOptions(['h0101901234'], '2020-07')) {
    it(`gives the general reader's data or error message (${what}), in one piece and in chunks`, () => {
      fc.assert(
        fc.property(file, (f) => {
          expectGeneralReaders(render(f, false), render(f, true), `ydelser_${f.year}.csv`, f.every, options);
        }),
        { numRuns: runs(300) },
      );
    });
  }

  it('writes the people it was told of straight into their weeks (knownPeople + expectWeeks) with the data or message of the general reader', () => {
    // Several yearly files into one builder: people met first in a long file, years beyond the
    // expected ones (her weeks then leave the shared array), conflicts between files, chunks.
    const files = fc.array(fc.tuple(file, fc.constantFrom(2019, 2020, 2021)), { minLength: 1, maxLength: 4 });
    const before = fc.option(fc.constantFrom('0101901234;2019-W02;131', '1512884321;2020-W05;130', '3112999999;2019-W01;130'));
    const expected = fc.constantFrom<[number, number]>([2019, 2020], [2019, 2021], [2020, 2020]);
    fc.assert(
      fc.property(files, before, expected, (fs, first, [lo, hi]) => {
        const read = (flat: boolean) => {
          const keep = keepCprs(['0101901234', '1512884321', '020285-1236']);
          const b = new RegisterBuilder();
          if (flat) {
            b.knownPeople(keepNumbers(keep)!);
            b.expectWeeks(parseWeek(`${lo}-W01`)!, parseWeek(`${hi}-W52`)!);
          }
          if (first) readBenefits(enc.encode(`cpr;uge;kode\n${first}\n`), 'lang.csv', b, { keep });
          for (const [f, year] of fs) readBenefits(chunked(render(f, !flat), f.every), `ydelser_${year}.csv`, b, { keep });
          return b;
        };
        // Exact arrays; a person without any code has no weeks, so where her empty array starts says nothing.
        const exact = (b: RegisterBuilder) =>
          [...b.build(defaultCodeTable()).weeks].map(([k, p]) => [k, p.codes.length ? p.weekStart : null, [...p.codes]]);
        const of = (flat: boolean) => {
          try {
            return { data: exact(read(flat)) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(of(true)).toEqual(of(false));
      }),
      { numRuns: runs(300) },
    );
  });

  it("reads yearly files of plain rows into each person's weeks", () => {
    const b = new RegisterBuilder();
    for (const year of [2019, 2020, 2021]) {
      const rows = ['PNR;y_01;y_02;y_53', `0101901234;130;;${year === 2020 ? '651' : ''}`, `0202851236;;131;`];
      readBenefits(enc.encode(rows.join('\n') + '\n'), `ydelser_${year}.csv`, b);
    }
    const w = weeksOf(b.build(defaultCodeTable()));
    expect(w['0101901234']).toEqual({
      [parseWeek('2019-W01')!]: 130,
      [parseWeek('2020-W01')!]: 130,
      [parseWeek('2020-W53')!]: 651,
      [parseWeek('2021-W01')!]: 130,
    });
    expect(w['0202851236']).toEqual({ [parseWeek('2019-W02')!]: 131, [parseWeek('2020-W02')!]: 131, [parseWeek('2021-W02')!]: 131 });
  });
});

describe('a yearly code of more than six digits', () => {
  it('is left to the general reader before any of it is written (0000130 is 130, not 13 and then a conflict)', () => {
    const read = (flat: boolean) => {
      const keep = keepCprs(['0101901234', '0202851236']);
      const b = new RegisterBuilder();
      if (flat) {
        b.knownPeople(keepNumbers(keep)!);
        b.expectWeeks(parseWeek('2019-W01')!, parseWeek('2019-W52')!);
      }
      // The chunk's first row is the general reader's; the second one the plain loop's.
      readBenefits(enc.encode('PNR;y_01;y_02\n0202851236;131;\n0101901234;0000130;651\n'), 'ydelser_2019.csv', b, { keep });
      return weeksOf(b.build(defaultCodeTable()));
    };
    for (const flat of [true, false])
      expect(read(flat)['0101901234']).toEqual({ [parseWeek('2019-W01')!]: 130, [parseWeek('2019-W02')!]: 651 });
  });
});

describe('the builder with CPR numbers', () => {
  it('gives the same data when told the people to keep (knownPeople), also for people it was not told of', () => {
    const yearly = (y: number) =>
      enc.encode(
        ['PNR;y_01;y_02;y_53', `0101901234;130;;${y === 2020 ? '651' : ''}`, '0202851236;;131;', '1512884321;135;135;'].join('\n') + '\n',
      );
    const long = enc.encode('cpr;uge;kode\n0101901234;2022-W05;131\n3112999999;2022-W06;130\n');
    const hours = enc.encode('cpr;maaned;timer\n0101901234;2022-01;10\n0202851236;2022-02;7,5\n');
    const read = (known: boolean) => {
      const b = new RegisterBuilder();
      // Told of two people (one with a dash); the others are read as before.
      if (known) b.knownPeople(keepNumbers(keepCprs(['0101901234', '020285-1236']))!);
      for (const y of [2019, 2020]) readBenefits(yearly(y), `ydelser_${y}.csv`, b);
      readBenefits(long, 'lang.csv', b);
      readHours(hours, 'timer.csv', b);
      const data = b.build(defaultCodeTable());
      return { weeks: weeksOf(data), hours: [...data.hours].map(([k, p]) => [k, p.monthStart, [...p.hours]]) };
    };
    const want = read(false);
    expect(Object.keys(want.weeks).sort()).toEqual(['0101901234', '0202851236', '1512884321', '3112999999']);
    expect(read(true)).toEqual(want);
  });

  it('merges a person given by her CPR string and by her number into one', () => {
    const b = new RegisterBuilder();
    b.setWeek('0101901234', parseWeek('2021-W01')!, 130);
    readBenefits(enc.encode('cpr;uge;kode\n0101901234;2021-W02;131\n'), 'lang.csv', b);
    b.addHours('0101901234', 300, 10);
    b.addHours(101901234, 300, 5);
    const data = b.build(defaultCodeTable());
    expect([...data.weeks.keys()]).toEqual(['0101901234']);
    expect(weeksOf(data)['0101901234']).toEqual({ [parseWeek('2021-W01')!]: 130, [parseWeek('2021-W02')!]: 131 });
    expect(data.hours.get('0101901234')!.hours[300 - data.hours.get('0101901234')!.monthStart]).toBe(15);
  });

  it('keeps every person her own weeks when arrays are carved from shared slabs', () => {
    // Yearly files: five years per person, each year a fresh scratch row (copied into the arena).
    const b = new RegisterBuilder();
    const people = 3000;
    for (let y = 0; y < 5; y++) {
      const row = new Int16Array(52);
      for (let i = 0; i < people; i++) {
        row.fill(0);
        row[(i + y) % 52] = 130 + (i % 2);
        b.addWeekRow(String(1_000_000_000 + i), 1000 + y * 52, row, undefined, 0, undefined, true);
      }
    }
    const data = b.build(defaultCodeTable());
    let checked = 0;
    for (const [k, p] of data.weeks) {
      const i = Number(k) - 1_000_000_000;
      for (let y = 0; y < 5; y++) expect(p.codes[1000 + y * 52 + ((i + y) % 52) - p.weekStart]).toBe(130 + (i % 2));
      expect(p.codes.reduce((n, c) => n + (c !== 0 ? 1 : 0), 0)).toBe(5);
      checked++;
    }
    expect(checked).toBe(people);
  });
});

describe('fileSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chunks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes its buffers on to the next file only when finished, never while one is being read', () => {
    const text = (tag: string) =>
      [
        'cpr;uge;kode',
        ...Array.from({ length: 3000 }, (_, i) => `${String(1_000_000_000 + i)};2021-W${String(1 + (i % 52)).padStart(2, '0')};${tag}`),
      ].join('\n') + '\n';
    const files = ['a', 'b', 'c'].map((tag) => {
      const path = join(dir, `${tag}.csv`);
      writeFileSync(path, text(tag));
      return { path, text: text(tag) };
    });
    const readAll = (src: ByteSource, keep: Buffer[] = []) => {
      for (let c = src.next(); c; c = src.next()) keep.push(Buffer.from(c));
      return Buffer.concat(keep).toString();
    };
    // a is read half-way, b and c start and finish meanwhile (c gets b's buffers), then a goes on.
    const a = fileSource(files[0].path, 4096);
    const aParts: Buffer[] = [];
    const first = a.next()!;
    const firstCopy = Buffer.from(first);
    aParts.push(Buffer.from(first));
    const second = a.next()!;
    const secondCopy = Buffer.from(second);
    aParts.push(Buffer.from(second));
    // All a file gives, and the buffers its chunks lay in.
    const drain = (src: ByteSource) => {
      const buffers = new Set<ArrayBufferLike>();
      const parts: Buffer[] = [];
      for (let x = src.next(); x; x = src.next()) {
        buffers.add(x.buffer);
        parts.push(Buffer.from(x));
      }
      return { text: Buffer.concat(parts).toString(), buffers };
    };
    const b = drain(fileSource(files[1].path, 4096));
    expect(b.text).toBe(files[1].text);
    const c = drain(fileSource(files[2].path, 4096));
    expect(c.text).toBe(files[2].text);
    expect([...c.buffers].some((x) => b.buffers.has(x))).toBe(true); // b's buffers were reused by c
    // a's last two chunks are intact although two files were read since.
    expect(Buffer.from(second).equals(secondCopy)).toBe(true);
    expect(Buffer.from(first).equals(firstCopy)).toBe(true);
    expect(readAll(a, aParts)).toBe(files[0].text);
    // Read again, a and then the others, each whole.
    for (const f of files) expect(readAll(fileSource(f.path, 4096))).toBe(f.text);
    expect(pooledChunkBytes()).toBeGreaterThan(0);
  });

  it('lets the pooled buffers go at the next turn of the event loop', async () => {
    const path = join(dir, 'small.csv');
    writeFileSync(path, 'cpr;uge;kode\n0101901234;2021-W01;130\n');
    const src = fileSource(path, 4096);
    while (src.next());
    expect(pooledChunkBytes()).toBeGreaterThan(0);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pooledChunkBytes()).toBe(0);
  });

  it('takes turns with two buffers: a chunk stays intact while the next is read, and all bytes come through', () => {
    const rows = ['cpr;uge;kode'];
    for (let i = 0; i < 12_000; i++)
      rows.push(
        `${String(1_000_000_000 + i)};2021-W${String(1 + (i % 52)).padStart(2, '0')};${i % 1000 === 999 ? 'x'.repeat(9000) : '130'}`,
      );
    const text = rows.join('\n') + '\n';
    const path = join(dir, 'lang.csv');
    writeFileSync(path, text);
    const src = fileSource(path, 8192);
    const parts: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    let prev: Uint8Array | null = null;
    let prevCopy: Buffer | null = null;
    for (let c = src.next(); c; c = src.next()) {
      if (prev) expect(Buffer.from(prev).equals(prevCopy!)).toBe(true);
      expect(c[c.length - 1]).toBe(10); // each chunk ends at a row end
      buffers.add(c.buffer);
      parts.push(Buffer.from(c));
      prev = c;
      prevCopy = Buffer.from(c);
    }
    expect(Buffer.concat(parts).toString()).toBe(text);
    expect(parts.length).toBeGreaterThan(40);
    // A buffer per chunk before (46 here); now two in turn, replaced only where a 9,000-byte row outgrew them.
    expect(buffers.size).toBeLessThanOrEqual(8);
  });
});

/**
 * The fast paths are the benefit files' speed: on plain rows the general reader reads only the
 * first row of the chunk (and finds the end). A guard that sent plain rows to the general reader
 * would give the same weeks and pass the agreement tests above; this counts the general reader's rows.
 */
describe('plain benefit rows are read by the fast path', () => {
  afterEach(() => vi.restoreAllMocks());
  const generalRows = (text: string, file: string, b = new RegisterBuilder(), options: ReadOptions = {}) => {
    const next = vi.spyOn(CsvReader.prototype, 'next');
    readBenefits(enc.encode(text), file, b, options);
    const calls = next.mock.results.filter((r) => r.value === true).length;
    next.mockRestore();
    return calls;
  };
  const cpr = (i: number) => String(1000000000 + i * 7919).padStart(10, '0');
  const codes = [130, 651, 0, 135, 737];

  it('the long layout: every row but the first, LF or CRLF, in any column order, with people to keep and a first week', () => {
    const rows = (end: string, order: (c: string, w: string, k: number) => string, head: string) =>
      [
        head,
        ...Array.from({ length: 300 }, (_, i) => order(cpr(i >> 3), `2021-W${String(1 + (i % 8) * 6).padStart(2, '0')}`, codes[i % 5])),
      ].join(end) + end;
    const plain = (c: string, w: string, k: number) => `${c};${w};${k}`;
    expect(generalRows(rows('\n', plain, 'cpr;uge;kode'), 'lang.csv')).toBe(1);
    expect(generalRows(rows('\r\n', plain, 'cpr;uge;kode'), 'lang.csv')).toBe(1);
    expect(
      generalRows(
        rows('\n', (c, w, k) => `${w};${k};${c}`, 'uge;kode;cpr'),
        'lang.csv',
      ),
    ).toBe(1);
    expect(generalRows(rows('\n', plain, 'cpr;uge;kode'), 'lang.csv', new RegisterBuilder(), { keep: keepCprs([cpr(3), cpr(7)]) })).toBe(1);
    expect(generalRows(rows('\n', plain, 'cpr;uge;kode'), 'lang.csv', new RegisterBuilder(), { from: '2021-06' })).toBe(1);
    // A row of another form (a quoted CPR) goes to the general reader; the fast path takes the rows after it.
    expect(generalRows(rows('\n', plain, 'cpr;uge;kode').replace(`\n${cpr(5)};`, `\n"${cpr(5)}";`), 'lang.csv')).toBe(2);
  });

  it('a yearly file: every row but the first, with blank weeks, people to keep and a first week', () => {
    const text = (end: string) =>
      [
        'PNR;y_01;y_02;y_30;y_52;y_53',
        ...Array.from({ length: 200 }, (_, i) => `${cpr(i)};${codes[i % 5]};;${codes[(i + 1) % 5]};${i % 3 ? '' : 651};`),
      ].join(end) + end;
    expect(generalRows(text('\n'), 'ydelser_2020.csv')).toBe(1);
    expect(generalRows(text('\r\n'), 'ydelser_2020.csv')).toBe(1);
    expect(generalRows(text('\n'), 'ydelser_2020.csv', new RegisterBuilder(), { keep: keepCprs([cpr(3), cpr(7)]) })).toBe(1);
    expect(generalRows(text('\n'), 'ydelser_2020.csv', new RegisterBuilder(), { from: '2020-06' })).toBe(1);
  });
});
