/**
 * Yearly files read for known people hand their weeks over as columns (`RegisterData.weekColumns`):
 * the engine reads those, and the map of `weeks` is made only when it is read. Both must give
 * what the map path gives: the same people in the same order, the same trimmed weeks, the same
 * results; and once the map is read (and perhaps changed), it is the one the engine reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isoWeekIndex } from '../monitoring/calendar.ts';
import { monitor } from '../monitoring/engine.ts';
import { factColumns } from '../monitoring/participant-facts.ts';
import type { Category, PersonWeeks, RegisterData } from '../monitoring/types.ts';
import { RegisterInputError } from './errors.ts';
import { RegisterBuilder } from './builder.ts';
import { fileSource } from './chunks.ts';
import { addCode, defaultCodeTable, emptyCodeTable } from './codetable.ts';
import { readBenefits } from './benefits.ts';
import { loadMonitorInput, readRegister } from './load.ts';
import { keepCprs, keepNumbers } from './person-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'fremdrift-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, content: string) => {
  const sub = join(dir, String(n++));
  mkdirSync(sub);
  const p = join(sub, name);
  writeFileSync(p, content);
  return p;
};

const A = '0101901234';
const B = '0202851236';
const C = '0303701238'; // a participant without register rows
const D = '0404651230'; // in the register files, not a participant
const weekCols = () => Array.from({ length: 53 }, (_, i) => `y_${String(i + 1).padStart(2, '0')}`).join(';');
/** A yearly file: rows of [cpr, { week number: code }]. */
const yearly = (y: number, rows: [string, Record<number, number>][]) =>
  file(
    `ydelser_${y}.csv`,
    `PNR;${weekCols()}\n` +
      rows.map(([cpr, codes]) => `${cpr};${Array.from({ length: 53 }, (_, i) => codes[i + 1] ?? '').join(';')}`).join('\n') +
      '\n',
  );
// B is met first (the map's order is the order met), D's rows are not kept, C has none; A's first
// weeks are empty (trimmed), and she has support then a job in 2022 (wage subsidy 2023).
const files = [
  yearly(2021, [
    [B, { 1: 131, 2: 131, 52: 651 }],
    [D, { 1: 131 }],
    [A, { 10: 131, 11: 131 }],
  ]),
  yearly(2022, [
    [A, { 1: 131, 20: 651, 40: 413 }],
    [B, { 5: 730, 6: 730, 7: 730 }],
  ]),
  yearly(2023, [[A, { 8: 130 }]]),
];
const participants = file(
  'deltagere.csv',
  'id;cpr;kommune;indskrevet;visitation;udskrevet\n' +
    `D1;${A};851;2021-02-15;aktivitetsparat;\nD2;${B};851;2021-01-04;jobparat;2022-11-30\nD3;${C};101;2022-03-01;jobparat;\n`,
);
const hours = file('loentimer.csv', `cpr;maaned;timer\n${A};2022-10;40\n${B};2022-02;40,5\n`);
const OPTS = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02', suppress: 0 };

const entries = (weeks: Map<string, PersonWeeks>) => [...weeks].map(([k, p]) => [k, p.weekStart, [...p.codes]]);
/** The same files read for everyone (no known people, so no shared array): the map path. */
const byMap = () => readRegister({ benefits: files, hours: [hours] }, {}, defaultCodeTable());

describe('weeks of yearly files in columns', () => {
  it('are the weeks the map path reads, in the order met, and the engine gives the same results from them', async () => {
    const input = await loadMonitorInput({ participants, benefits: files, hours }, { threads: 1 });
    const columns = input.register.weekColumns;
    expect(columns?.keys).toEqual([B, A]);
    const plain = byMap();
    plain.weeks.delete(D);
    // The engine, before anything reads `weeks`, reads the columns: compare with the map path's input.
    const fromColumns = monitor(input, OPTS);
    expect(input.register.weekColumns).toBe(columns);
    expect(fromColumns).toEqual(monitor({ ...input, register: plain }, OPTS));
    expect(fromColumns.participants.map((p) => p.accumulated)).toEqual([1, 1, 0]);
    expect(entries(input.register.weeks)).toEqual(entries(plain.weeks));
    const a = input.register.weeks.get(A)!;
    expect([a.weekStart, a.codes[0], a.codes.length]).toEqual([
      isoWeekIndex(2021, 10),
      131,
      isoWeekIndex(2023, 8)! - isoWeekIndex(2021, 10)! + 1,
    ]);
  });

  it('are dropped once the map is read, so that a map changed afterwards is the one the engine reads', async () => {
    const input = await loadMonitorInput({ participants, benefits: files, hours }, { threads: 1 });
    const before = monitor(input, OPTS);
    input.register.weeks.delete(A);
    expect(input.register.weekColumns).toBeUndefined();
    const after = monitor(input, OPTS);
    expect(after.participants[0]).not.toEqual(before.participants[0]);
    expect(after.participants[0].accumulated).toBe(2); // only her paid hours are left
    expect(after.participants.slice(1)).toEqual(before.participants.slice(1));
    const replaced: RegisterData = await loadMonitorInput({ participants, benefits: files, hours }, { threads: 1 }).then((i) => i.register);
    replaced.weeks = new Map();
    expect(replaced.weekColumns).toBeUndefined();
    expect(replaced.weeks.size).toBe(0);
  });

  it("hand paid hours over as a list too: the map path's entries in its order, the same results, and a map read and changed afterwards is the one the engine reads", async () => {
    // D's hours are not kept; B's come first and apart (the map's order is the order her array was made);
    // C, with no weeks, has full-time hours in October 2022.
    const apart = file(
      'loentimer.csv',
      `cpr;maaned;timer\n${B};2022-02;40,5\n${D};2022-02;7\n${A};2022-10;40\n${B};2022-03;160\n${C};2022-10;160\n`,
    );
    const input = await loadMonitorInput({ participants, benefits: files, hours: apart }, { threads: 1 });
    const list = input.register.hourColumns;
    expect(list?.keys).toEqual([B, A, C]);
    const plain = readRegister({ benefits: files, hours: [apart] }, {}, defaultCodeTable());
    plain.weeks.delete(D);
    plain.hours.delete(D);
    const fromList = monitor(input, OPTS);
    expect(input.register.hourColumns).toBe(list);
    expect(fromList).toEqual(monitor({ ...input, register: plain }, OPTS));
    expect(fromList.participants.map((p) => p.accumulated)).toEqual([1, 1, 1]);
    const hoursOf = (m: Map<string, { monthStart: number; hours: Float64Array }>) =>
      [...m].map(([k, h]) => [k, h.monthStart, [...h.hours]]);
    expect(hoursOf(input.register.hours)).toEqual(hoursOf(plain.hours));
    expect(input.register.hourColumns).toBeUndefined();
    input.register.hours.delete(C);
    const after = monitor(input, OPTS);
    expect(after.participants[2].accumulated).toBe(0);
    expect(after.participants.slice(0, 2)).toEqual(fromList.participants.slice(0, 2));
  });

  it('take rows read one by one (the first row of every chunk) without meeting the people as persons', () => {
    // Twelve people with a code in every week: each row is longer than the smallest chunk, so
    // every chunk after the first holds one row or two, and most rows are read the general way.
    const people = Array.from({ length: 12 }, (_, k) => `${String(k + 10).padStart(2, '0')}0190123${k % 10}`);
    const full = (y: number, shift: number) =>
      yearly(
        y,
        people.map((c, k) => [c, Object.fromEntries(Array.from({ length: 52 }, (_, i) => [i + 1, k % 3 === shift ? 651 : 131]))]),
      );
    const many = [full(2021, 0), full(2022, 1)];
    const keep = keepCprs(people.slice(0, 10));
    const read = (chunk: number) => {
      const b = new RegisterBuilder();
      b.knownPeople(keepNumbers(keep)!);
      b.expectWeeks(isoWeekIndex(2021, 1)!, isoWeekIndex(2022, 52)!);
      for (const f of many) readBenefits(fileSource(f, chunk), f, b, { keep });
      return b.build(defaultCodeTable());
    };
    const plain = readRegister({ benefits: many }, {}, defaultCodeTable());
    for (const c of people.slice(10)) plain.weeks.delete(c);
    for (const chunk of [64, 1 << 20]) {
      const data = read(chunk);
      expect(data.weekColumns?.keys).toEqual(people.slice(0, 10));
      expect(entries(data.weeks)).toEqual(entries(plain.weeks));
    }
  });

  it('name a conflict found on a row read one by one as the map path names it', () => {
    const clash = [files[0], yearly(2021, [[A, { 11: 730 }]])];
    const keep = keepCprs([A, B]);
    const read = (known: boolean) => {
      const b = new RegisterBuilder();
      if (known) b.knownPeople(keepNumbers(keep)!);
      b.expectWeeks(isoWeekIndex(2021, 1)!, isoWeekIndex(2021, 52)!);
      for (const f of clash) readBenefits(fileSource(f, 64), f, b, { keep });
      return b.build(defaultCodeTable());
    };
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const m = message(() => read(true));
    expect(m).toMatch(/har kode 730 i uge 2021-W11, men samme person og uge har kode 131/);
    expect(m).toBe(message(() => read(false)));
  });
});

describe('weeks of yearly files as bytes (issue 9, item 8)', () => {
  // 300 codes: a table of them (every seventh one praktik, the last uddannelse, the rest
  // kontanthjælp), and twelve people of whom ten are kept; the first file has 200 of the codes,
  // the second the other 100, so the 256th code is met in the middle of the second file.
  const CODES = Array.from({ length: 300 }, (_, k) => 1000 + k);
  const table = emptyCodeTable();
  for (const code of CODES) {
    const category: Category = code % 7 === 0 ? 'praktik' : code === 1299 ? 'uddannelse' : 'ydelse';
    addCode(table, { code, category, tekst: `kode ${code}` });
  }
  const people = Array.from({ length: 12 }, (_, k) => `${String(k + 10).padStart(2, '0')}0190123${k % 10}`);
  const codeOf = (y: number, k: number, w: number) => (y === 2021 ? CODES[(k * 52 + w) % 200] : CODES[200 + ((k * 52 + w) % 100)]);
  const yearOf = (y: number) =>
    yearly(
      y,
      people.map((c, k) => [c, Object.fromEntries(Array.from({ length: 52 }, (_, w) => [w + 1, (w + k) % 5 === 0 ? 0 : codeOf(y, k, w)]))]),
    );
  const both = [yearOf(2021), yearOf(2022)];
  const kept = people.slice(0, 10);
  const read = (benefits: string[], chunk: number) => {
    const keep = keepCprs(kept);
    const b = new RegisterBuilder();
    b.knownPeople(keepNumbers(keep)!);
    b.expectWeeks(isoWeekIndex(2021, 1)!, isoWeekIndex(2022, 52)!);
    for (const f of benefits) readBenefits(fileSource(f, chunk), f, b, { keep });
    return b.build(table);
  };
  const plain = (benefits: string[]) => {
    const data = readRegister({ benefits }, {}, table);
    for (const c of people.slice(10)) data.weeks.delete(c);
    return data;
  };
  const them = kept.map((cpr, k) => ({
    id: `D${k}`,
    cpr,
    kommune: '851',
    visitation: 'jobparat' as const,
    indskrevet: '2021-01-04',
    udskrevet: null,
  }));
  const MONTH = { month: '2022-12', suppress: 0 };

  it('keeps a byte per week while fewer than 256 codes are met, and the codes themselves from the 256th on, read alike either way', () => {
    for (const chunk of [64, 1 << 20]) {
      const one = read(both.slice(0, 1), chunk);
      expect(one.weekColumns?.codes).toBeInstanceOf(Uint8Array);
      expect(one.weekColumns?.codeAt).toBeDefined();
      const oneResult = monitor({ participants: them, register: one, codeTable: table }, MONTH);
      expect(entries(one.weeks)).toEqual(entries(plain(both.slice(0, 1)).weeks));
      expect(oneResult).toEqual(monitor({ participants: them, register: plain(both.slice(0, 1)), codeTable: table }, MONTH));

      const two = read(both, chunk);
      expect(two.weekColumns?.codes).toBeInstanceOf(Int16Array);
      expect(two.weekColumns?.codeAt).toBeUndefined();
      const twoResult = monitor({ participants: them, register: two, codeTable: table }, MONTH);
      expect(entries(two.weeks)).toEqual(entries(plain(both).weeks));
      expect(twoResult).toEqual(monitor({ participants: them, register: plain(both), codeTable: table }, MONTH));
      // Praktik (every seventh code) in their months: the results are not all alike.
      expect(new Set(twoResult.participants.map((p) => p.accumulated))).toContain(3);
    }
  });

  it('gives the engine each byte’s flag and category, and names a code missing from its table by the code, not its byte', async () => {
    const input = await loadMonitorInput({ participants, benefits: files, hours }, { threads: 1 });
    const cols = input.register.weekColumns!;
    expect(cols.codeAt).toBeDefined();
    // 651 (løntilskud) is not the first code met: its byte is not its code.
    expect(cols.codeAt!.indexOf(651)).toBeGreaterThan(1);
    const without = emptyCodeTable();
    for (const e of defaultCodeTable().entries.values()) if (e.code !== 651) addCode(without, e);
    let error: unknown = null;
    try {
      monitor({ ...input, codeTable: without }, OPTS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegisterInputError);
    expect((error as RegisterInputError & { codes: number[] }).codes).toEqual([651]);
    expect(input.register.weekColumns).toBe(cols);
  });
});

describe('the participants prepared for the engine while the register is read', () => {
  it('come with the input: made of its participants, as the engine would make them', async () => {
    for (const threads of [1, 2]) {
      const input = await loadMonitorInput({ participants, benefits: files, hours }, { threads, minBytes: 0 });
      expect(input.prepared?.of).toBe(input.participants);
      expect(input.prepared?.facts).toEqual(factColumns(input.participants));
      expect(input.prepared?.distinct).toBe(true);
      expect(monitor(input, OPTS)).toEqual(monitor({ ...input, prepared: undefined }, OPTS));
    }
  });
});
