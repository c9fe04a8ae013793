/**
 * Where parallel.ts cuts the benefit files (`splitPlan`), and the reading of the two parts on
 * the main thread (`readPieces`, `readJob`, `jobPeople`): the parts read one after the other
 * give the people of one reading, and the plan cuts at a row start near the share it computes,
 * or reads on one thread when anything is unusual. Fast: no worker thread is started here
 * (parallel.test.ts reads through a real one).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { isoWeekIndex } from '../monitoring/calendar.ts';
import type { CodeTable, RegisterData } from '../monitoring/types.ts';
import { RegisterBuilder } from './builder.ts';
import { addCode, defaultCodeTable, emptyCodeTable } from './codetable.ts';
import { readRegister } from './load.ts';
import {
  jobPeople,
  PARALLEL_MIN_BYTES,
  readJob,
  readPieces,
  readRegisterSplit,
  samePeople,
  splitPlan,
  withoutTsx,
  type PieceJob,
  type ReaderReply,
  type SplitPlan,
} from './parallel.ts';
import { keepCprs } from './person-key.ts';
import { tempFiles, thrown } from './test-files.ts';

const { dir, file } = tempFiles('fremdrift-split-');
const cpr = (i: number) =>
  `${String(1 + (i % 28)).padStart(2, '0')}0${(i % 9) + 1}${String(80 + (i % 20)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')}`;
const CODES = [730, 707, 651, 131];

/** A long file of `people` people with `weeks` rows each, with delimiter `d`. */
function longText(people: number, weeks: number, d = ';'): string {
  const rows = [['cpr', 'uge', 'kode'].join(d)];
  for (let i = 0; i < people; i++)
    for (let k = 0; k < weeks; k++) rows.push([cpr(i), `2020-W${String(1 + k).padStart(2, '0')}`, CODES[(i + k) % 4]].join(d));
  return rows.join('\n') + '\n';
}
/** A wide file (`PNR;koen;y_2101…`). */
function wideText(people: number, head = 'y_21'): string {
  const rows = [['PNR', 'koen', ...Array.from({ length: 20 }, (_, k) => `${head}${String(k + 1).padStart(2, '0')}`)].join(';')];
  for (let i = 0; i < people; i++)
    rows.push([cpr(i), 'K', ...Array.from({ length: 20 }, (_, k) => ((i + k) % 3 ? CODES[k % 4] : ''))].join(';'));
  return rows.join('\n') + '\n';
}
const size = (s: string) => Buffer.byteLength(s);
/** The row start a plan cuts at for a target byte `at` in `text`: the start of the row after the one `at` is in. */
const rowAfter = (text: string, at: number) => text.indexOf('\n', Math.max(at, text.indexOf('\n') + 1)) + 1;

function same(a: RegisterData, b: RegisterData): void {
  expect([...b.weeks.keys()]).toEqual([...a.weeks.keys()]);
  for (const [k, p] of a.weeks) {
    expect(b.weeks.get(k)!.weekStart).toBe(p.weekStart);
    expect([...b.weeks.get(k)!.codes]).toEqual([...p.codes]);
  }
}

/** The plan's two parts read as the threads read them (the worker's part through `readJob`), merged. */
function readPlan(
  plan: SplitPlan,
  cprs: string[],
  opts: { from?: string; year?: number; expect?: [number, number] | null; codeTable?: CodeTable } = {},
): RegisterData {
  const options = { keep: keepCprs(cprs), from: opts.from, year: opts.year };
  const main = new RegisterBuilder();
  main.knownPeople(options.keep.numbers);
  if (opts.expect) main.expectWeeks(opts.expect[0], opts.expect[1]);
  readPieces(plan.main, main, options);
  const got = readJob(
    { pieces: plan.worker, from: opts.from, year: opts.year, expect: opts.expect ?? null, handFlat: plan.main.length === 0 },
    keepCprs(cprs),
    new RegisterBuilder(),
  );
  if ('flat' in got) main.adoptFlat(got.flat);
  else main.mergeWeeks(got.packed);
  return main.build(opts.codeTable ?? defaultCodeTable());
}

describe('splitPlan', () => {
  const long = longText(30, 20);
  const longPath = file('lang.csv', long);

  it('cuts one long file at the row after the middle, and its two parts read as one file', () => {
    const plan = splitPlan([longPath], [], { minBytes: 0 })!;
    const cut = rowAfter(long, Math.floor(size(long) / 2));
    expect(plan).toEqual({
      main: [{ path: longPath, start: 0, end: cut, header: 0 }],
      worker: [{ path: longPath, start: cut, end: size(long), header: 'cpr;uge;kode\n'.length }],
    });
    const cprs = Array.from({ length: 30 }, (_, i) => cpr(i)).filter((_, i) => i % 3 !== 1);
    same(readRegister({ benefits: [longPath] }, { keep: keepCprs(cprs) }), readPlan(plan, cprs));
    same(readRegister({ benefits: [longPath] }, { keep: keepCprs(cprs), from: '2020-03' }), readPlan(plan, cprs, { from: '2020-03' }));
  });

  it('reads on one thread when asked, for no file, for small files, and for several files unless two threads are asked for', () => {
    expect(splitPlan([longPath], [], { minBytes: 0, threads: 1 })).toBeNull();
    expect(splitPlan([], [], { minBytes: 0, threads: 2 })).toBeNull();
    expect(splitPlan([longPath], [])).toBeNull(); // under PARALLEL_MIN_BYTES
    expect(PARALLEL_MIN_BYTES).toBe(8 * 1024 * 1024);
    expect(splitPlan([longPath], [], { minBytes: size(long) + 1 })).toBeNull();
    expect(splitPlan([longPath], [], { minBytes: size(long) })).not.toBeNull();
    const second = file('lang2.csv', long);
    expect(splitPlan([longPath, second], [], { minBytes: 0 })).toBeNull();
    expect(splitPlan([longPath, second], [], { minBytes: 0, threads: 2 })).not.toBeNull();
  });

  it('weighs the paid hours and an early participants file against the benefit bytes, by layout', () => {
    const hoursText = 'cpr;maaned;timer\n' + Array.from({ length: 40 }, (_, i) => `${cpr(i)};2021-01;${i},5`).join('\n') + '\n';
    const hours = file('timer.csv', hoursText);
    const participants = file('deltagere.csv', 'id;cpr\n' + Array.from({ length: 30 }, (_, i) => `D${i};${cpr(i)}`).join('\n') + '\n');
    const h = size(hoursText);
    const p = size('id;cpr\n' + Array.from({ length: 30 }, (_, i) => `D${i};${cpr(i)}`).join('\n') + '\n');
    const cutOf = (plan: SplitPlan | null) => plan!.worker[0].start;
    const total = size(long);
    expect(cutOf(splitPlan([longPath], [hours], { minBytes: 0 }))).toBe(
      rowAfter(long, Math.floor(((total - 4 * h) / (2 * total)) * total)),
    );
    expect(cutOf(splitPlan([longPath], [], { minBytes: 0 }, participants))).toBe(
      rowAfter(long, Math.floor(((total - 10 * p) / (2 * total)) * total)),
    );
    const wide = wideText(200);
    const widePath = file('bred.csv', wide);
    const wt = size(wide);
    expect(cutOf(splitPlan([widePath], [hours], { minBytes: 0 }, participants))).toBe(
      rowAfter(wide, Math.floor(((wt - 1.5 * h - 3.5 * p) / (2 * wt)) * wt)),
    );
    // More beside than the benefit files weigh: the worker reads them all.
    const big = file('timer-stor.csv', hoursText.repeat(40));
    expect(splitPlan([longPath], [big], { minBytes: 0 })).toEqual({
      main: [],
      worker: [{ path: longPath, start: 0, end: total, header: 0 }],
    });
  });

  it('a share that falls exactly on a line feed cuts right after it', () => {
    // The header padded with blanks (trimmed by every reader) until the middle byte is a row's line feed.
    const texts = Array.from({ length: 48 }, (_, pad) => longText(30, 20).replace('cpr;uge;kode', 'cpr;uge;kode' + ' '.repeat(pad)));
    const text = texts.find((t) => t[Math.floor(size(t) / 2)] === '\n')!;
    expect(text).toBeDefined();
    const at = Math.floor(size(text) / 2);
    const p = file('lang.csv', text);
    const plan = splitPlan([p], [], { minBytes: 0 })!;
    expect(plan.main).toEqual([{ path: p, start: 0, end: at + 1, header: 0 }]);
    expect(plan.worker[0].start).toBe(at + 1);
    const cprs = Array.from({ length: 30 }, (_, i) => cpr(i));
    same(readRegister({ benefits: [p] }, { keep: keepCprs(cprs) }), readPlan(plan, cprs));
  });

  it('weighs a mix of long and wide files by the wide layout', () => {
    const hoursText = 'cpr;maaned;timer\n' + Array.from({ length: 40 }, (_, i) => `${cpr(i)};2021-01;${i},5`).join('\n') + '\n';
    const hours = file('timer.csv', hoursText);
    const h = size(hoursText);
    const yearly = ['PNR;' + Array.from({ length: 52 }, (_, k) => `y_${String(k + 1).padStart(2, '0')}`).join(';')];
    for (let i = 0; i < 5; i++) yearly.push([cpr(i), ...Array.from({ length: 52 }, (_, k) => CODES[(i + k) % 4])].join(';'));
    const wide = file('ydelser_2021.csv', yearly.join('\n') + '\n');
    const total = size(long) + size(yearly.join('\n') + '\n');
    const at = Math.floor(((total - 1.5 * h) / (2 * total)) * total);
    expect(at).toBeLessThan(size(long));
    expect(splitPlan([longPath, wide], [hours], { minBytes: 0, threads: 2 })!.worker[0].start).toBe(rowAfter(long, at));
  });

  it('finds the delimiter (; , or tab) to count the fields of the rows around the cut', () => {
    for (const d of [',', '\t']) {
      const text = longText(30, 20, d);
      const p = file('lang.csv', text);
      const plan = splitPlan([p], [], { minBytes: 0 })!;
      expect(plan.worker[0].start).toBe(rowAfter(text, Math.floor(size(text) / 2)));
      same(readRegister({ benefits: [p] }, { keep: keepCprs([cpr(3), cpr(20)]) }), readPlan(plan, [cpr(3), cpr(20)]));
    }
  });

  it('reads on one thread a file it cannot cut at plain rows: a quoted header, no line end, a missing file', () => {
    expect(splitPlan([file('q.csv', '"cpr";uge;kode\n' + long.slice(13))], [], { minBytes: 0 })).toBeNull();
    expect(splitPlan([file('x.csv', 'cpr;uge;kode')], [], { minBytes: 0 })).toBeNull();
    expect(splitPlan([join(dir, 'ingen.csv')], [], { minBytes: 0 })).toBeNull();
    // A wide file with y_YYWW columns is cut only when it is the only file.
    const dated = file('bred.csv', wideText(50));
    expect(splitPlan([dated], [], { minBytes: 0 })).not.toBeNull();
    expect(splitPlan([dated, longPath], [], { minBytes: 0, threads: 2 })).toBeNull();
    expect(splitPlan([longPath, dated], [], { minBytes: 0, threads: 2 })).toBeNull();
  });

  it('gives the worker the whole file when the rows after the middle are not plain (quotes, a lone CR, another field count, too few rows)', () => {
    const whole = (text: string) => {
      const p = file('lang.csv', text);
      return splitPlan([p], [], { minBytes: 0 })!;
    };
    const half = Math.floor(size(long) / 2);
    const cut = rowAfter(long, half);
    const next = long.indexOf('\n', cut) + 1;
    const breakAt = (i: number, s: string) => long.slice(0, i) + s + long.slice(i + 1);
    for (const broken of [
      breakAt(cut + 2, '"'), // a quote in the first row after the cut
      breakAt(next + 2, '"'), // in the second
      breakAt(half, '"'), // in the row the middle falls in
      breakAt(cut + 2, '\r'), // a CR inside a row
      breakAt(cut + 10, ','), // one field fewer
      breakAt(next + 10, ','),
    ]) {
      const plan = whole(broken);
      expect(plan.main).toEqual([]);
      expect(plan.worker[0]).toMatchObject({ start: 0, end: size(broken), header: 0 });
    }
    // CRLF rows are plain.
    const crlf = long.replace(/\n/g, '\r\n');
    expect(whole(crlf).worker[0].start).toBe(crlf.indexOf('\n', Math.floor(size(crlf) / 2)) + 1);
    // Too few rows after the middle to check two.
    const three = 'cpr;uge;kode\n' + `${cpr(1)};2020-W01;730\n`.repeat(3);
    expect(whole(three).main).toEqual([]);
  });

  it('several files: whole files before the share, the file it falls in cut, or cut between files when it cannot be cut', () => {
    const a = longText(10, 20);
    const pa = file('a.csv', a);
    const b = longText(30, 20);
    const pb = file('b.csv', b);
    const total = size(a) + size(b);
    const plan = splitPlan([pa, pb], [], { minBytes: 0, threads: 2 })!;
    const cut = rowAfter(b, Math.floor(total / 2) - size(a));
    expect(plan).toEqual({
      main: [
        { path: pa, start: 0, end: size(a), header: 0 },
        { path: pb, start: 0, end: cut, header: 0 },
      ],
      worker: [{ path: pb, start: cut, end: size(b), header: 'cpr;uge;kode\n'.length }],
    });
    // The first file cannot be cut (a quote after its middle): it goes whole to the main thread.
    const c = longText(30, 20);
    const d = longText(5, 20);
    const at = rowAfter(c, Math.floor((size(c) + size(d)) / 2)) + 2;
    const quoted = c.slice(0, at) + '"' + c.slice(at + 1);
    const pc = file('c.csv', quoted);
    const pd = file('d.csv', d);
    const p2 = splitPlan([pc, pd], [], { minBytes: 0, threads: 2 })!;
    expect(p2.main).toEqual([{ path: pc, start: 0, end: size(quoted), header: 0 }]);
    expect(p2.worker).toEqual([{ path: pd, start: 0, end: size(longText(5, 20)), header: 0 }]);
    // The share falls exactly at the end of the first file: the second goes whole to the worker.
    const e = longText(10, 20);
    const pe = file('e.csv', e);
    const pf = file('f.csv', e);
    expect(splitPlan([pe, pf], [], { minBytes: 0, threads: 2 })).toEqual({
      main: [{ path: pe, start: 0, end: size(e), header: 0 }],
      worker: [{ path: pf, start: 0, end: size(e), header: 0 }],
    });
    // Three files: the ones after the cut file go whole to the worker.
    const p3 = splitPlan([pa, pb, pd], [], { minBytes: 0, threads: 2 })!;
    expect(p3.worker.map((p) => p.path)).toEqual([pb, pd]);
    expect(p3.worker[1]).toEqual({ path: pd, start: 0, end: size(longText(5, 20)), header: 0 });
    const cprs = Array.from({ length: 30 }, (_, i) => cpr(i));
    same(readRegister({ benefits: [pa, pb, pd] }, { keep: keepCprs(cprs) }), readPlan(p3, cprs));
  });

  it('yearly files without a year in their names: the worker reads them with the year and the expected weeks it is given', () => {
    const yearly = (people: number) => {
      const rows = [['PNR', ...Array.from({ length: 52 }, (_, k) => `y_${String(k + 1).padStart(2, '0')}`)].join(';')];
      for (let i = 0; i < people; i++)
        rows.push([cpr(i), ...Array.from({ length: 52 }, (_, k) => ((i + k) % 4 ? CODES[(i + k) % 4] : ''))].join(';'));
      return rows.join('\n') + '\n';
    };
    const text = yearly(40);
    const p = file('ydelser.csv', text);
    const plan = splitPlan([p], [], { minBytes: 0 })!;
    expect(plan.main[0].end).toBe(plan.worker[0].start);
    const cprs = Array.from({ length: 40 }, (_, i) => cpr(i)).filter((_, i) => i % 2);
    const one = readRegister({ benefits: [p] }, { keep: keepCprs(cprs), year: 2021, from: '2021-03' });
    same(one, readPlan(plan, cprs, { year: 2021, from: '2021-03', expect: [1, 10_000] }));
    expect(() => readPlan(plan, cprs)).toThrow(/ugekolonnerne y_01 … y_53 siger ikke, hvilket år/);
  });
});

describe('jobPeople', () => {
  it('takes the cprs of the job, else the plain CPRs of its participants file, else asks (null)', () => {
    const given = jobPeople({ pieces: [], cprs: ['0101901234'], expect: null })!;
    expect(given.kept).toBeUndefined();
    expect(given.keep('0101901234')).toBe(true);
    expect(given.keep.numbers.get(101901234)).toBe('0101901234');
    const plain = file('deltagere.csv', `id;cpr\nD1;${cpr(1)}\nD2;0101901234\n`);
    const got = jobPeople({ pieces: [], participants: plain, expect: null })!;
    expect([...got.kept!]).toEqual([Number(cpr(1)), 101901234]);
    // Numbers only: kept as numbers (no key strings), asked for by string or by number.
    expect(got.keep.numbers.size).toBe(2);
    expect(got.keep.numbers.has(101901234) && got.keep.numbers.has(Number(cpr(1)))).toBe(true);
    expect(got.keep.numbers.get(101901234)).toBeUndefined();
    expect([got.keep('0101901234'), got.keep(cpr(1)), got.keep('0101901235'), got.keep('010190123x'), got.keep('#7')]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(jobPeople({ pieces: [], participants: file('deltagere.csv', `id;cpr\nD1;010190-1234\n`), expect: null })).toBeNull();
    expect(jobPeople({ pieces: [], participants: join(dir, 'ingen.csv'), expect: null })).toBeNull();
    expect(jobPeople({ pieces: [], expect: null })).toBeNull();
  });
});

describe('the reader thread’s helpers', () => {
  it('samePeople: the numbers kept are the CPRs, row by row, each of exactly ten digits', () => {
    expect(samePeople(Float64Array.of(101901234, 202851236), ['0101901234', '0202851236'])).toBe(true);
    expect(samePeople(Float64Array.of(202851236, 101901234), ['0101901234', '0202851236'])).toBe(false);
    expect(samePeople(Float64Array.of(101901234), ['0101901234', '0202851236'])).toBe(false);
    // Eleven characters whose first ten are her digits are not her CPR.
    expect(samePeople(Float64Array.of(101901234), ['01019012345'])).toBe(false);
    expect(samePeople(Float64Array.of(101901234), ['010190-123'])).toBe(false);
  });

  it('withoutTsx: node’s flags without tsx’s loader, the others kept in order', () => {
    const tsx = '/x/node_modules/tsx/dist/loader.mjs';
    expect(
      withoutTsx([
        '--import',
        tsx,
        '--max-old-space-size=512',
        '--require',
        'tsx/cjs',
        '-r',
        'tsx',
        '--loader',
        'tsx',
        '--conditions',
        'dev',
      ]),
    ).toEqual(['--max-old-space-size=512', '--conditions', 'dev']);
    expect(withoutTsx(['--experimental-loader', 'tsx', `--import=${tsx}`, '--import', './other.mjs', '--enable-source-maps'])).toEqual([
      '--import',
      './other.mjs',
      '--enable-source-maps',
    ]);
    expect(withoutTsx(['--require', './setup.cjs', '-r'])).toEqual(['--require', './setup.cjs', '-r']);
    expect(withoutTsx([])).toEqual([]);
  });
});

/**
 * A stand-in for the reader thread: it records what it is posted and answers through `answer`
 * (on a later turn, as a thread would); `terminate` is counted.
 */
class FakeThread extends EventEmitter {
  posted: unknown[] = [];
  ended = 0;
  constructor(private answer: (m: unknown, t: FakeThread) => ReaderReply | 'exit' | Error | null) {
    super();
  }
  postMessage(m: unknown): void {
    this.posted.push(m);
    const a = this.answer(m, this);
    if (a === null) return;
    setImmediate(() => (a === 'exit' ? this.emit('exit', 1) : a instanceof Error ? this.emit('error', a) : this.emit('message', a)));
  }
  terminate(): Promise<number> {
    this.ended++;
    setImmediate(() => this.emit('exit', 1)); // as a thread ends: on a later turn
    return Promise.resolve(1);
  }
  asWorker(): Worker {
    return this as unknown as Worker;
  }
}

describe('readRegisterSplit with a stand-in reader thread', () => {
  const long = longText(30, 20);
  const longPath = file('lang.csv', long);
  const hoursPath = file(
    'timer.csv',
    'cpr;maaned;timer\n' + Array.from({ length: 30 }, (_, i) => `${cpr(i)};2021-01;${i},5`).join('\n') + '\n',
  );
  const cprs = Array.from({ length: 30 }, (_, i) => cpr(i)).filter((_, i) => i % 3 !== 1);
  const plan = splitPlan([longPath], [], { minBytes: 0 })!;
  const job = { cprs, expect: null };
  const options = () => ({ keep: keepCprs(cprs) });
  const builder = () => {
    const b = new RegisterBuilder();
    b.knownPeople(keepCprs(cprs).numbers);
    return b;
  };
  /** The weeks a real reader thread would pack for its job. */
  const packedFor = (m: PieceJob & { cprs: string[] }) => readJob(m, keepCprs(m.cprs), new RegisterBuilder());
  const split = (t: FakeThread, hours: string[] = [], posted = false) =>
    readRegisterSplit(plan, t.asWorker(), hours, builder(), job, options(), defaultCodeTable(), posted);

  it('posts the thread its part, reads its own part and the paid hours, and gives the one-thread register; the thread is ended', async () => {
    const t = new FakeThread((m) => packedFor(m as PieceJob & { cprs: string[] }));
    // No `posted`: by default the job has not gone out yet.
    const got = await readRegisterSplit(plan, t.asWorker(), [hoursPath], builder(), job, options(), defaultCodeTable());
    expect(t.posted).toEqual([{ ...job, pieces: plan.worker, handFlat: false }]);
    const one = readRegister({ benefits: [longPath], hours: [hoursPath] }, options());
    same(one, got);
    expect(got.hours.size).toBeGreaterThan(0);
    expect([...got.hours.keys()]).toEqual([...one.hours.keys()]);
    for (const [k, h] of one.hours) expect([...got.hours.get(k)!.hours]).toEqual([...h.hours]);
    expect(t.ended).toBe(1);
  });

  it('a job posted before (the participants file): posts nothing first, and the people when the thread asks for them', async () => {
    const t = new FakeThread((m) =>
      (m as { pieces?: unknown }).pieces === undefined
        ? packedFor({ ...(m as { cprs: string[] }), pieces: plan.worker, expect: null })
        : null,
    );
    const running = split(t, [], true);
    expect(t.posted).toEqual([]);
    t.emit('message', { need: true } satisfies ReaderReply);
    same(readRegister({ benefits: [longPath] }, options()), await running);
    expect(t.posted).toEqual([{ cprs }]);
    expect(t.ended).toBe(1);
  });

  it('takes the people the thread kept when they are the caller’s, and throws when they are not', async () => {
    const numbers = Float64Array.from(cprs, Number);
    const ok = new FakeThread((m) => ({ ...packedFor(m as PieceJob & { cprs: string[] }), kept: numbers }));
    same(readRegister({ benefits: [longPath] }, options()), await split(ok));
    const other = new FakeThread((m) => ({ ...packedFor(m as PieceJob & { cprs: string[] }), kept: numbers.slice(1) }));
    await expect(split(other)).rejects.toThrow('the reader thread kept other people');
    expect(other.ended).toBe(1);
  });

  it('throws the thread’s error, its failure, its crash or its end, and ends it every time', async () => {
    const cases: [ReaderReply | 'exit' | Error, string][] = [
      [{ error: 'ydelser.csv: linje 3: ukendt kode' }, 'ydelser.csv: linje 3: ukendt kode'],
      [{}, 'reader thread failed'],
      [new Error('out of memory'), 'out of memory'],
      ['exit', 'reader thread ended'],
    ];
    for (const [answer, message] of cases) {
      const t = new FakeThread(() => answer);
      await expect(split(t)).rejects.toThrow(message);
      expect(t.ended).toBe(1);
    }
  });

  it('an error in its own part is thrown as it is, and the thread’s end after it is no unhandled rejection', async () => {
    const rows = long.split('\n');
    rows[3] = rows[3].replace(/2020-W\d\d/, '2020-W99');
    const bad = rows.join('\n');
    const badPath = file('lang.csv', bad);
    const badPlan = splitPlan([badPath], [], { minBytes: 0 })!;
    expect(badPlan.main[0].end).toBeGreaterThan(bad.indexOf('2020-W99'));
    const single = (() => {
      try {
        readRegister({ benefits: [badPath] }, options());
      } catch (e) {
        return (e as Error).message;
      }
      return 'read';
    })();
    expect(single).toContain('2020-W99');
    const t = new FakeThread(() => null); // still reading when the main thread fails
    const unhandled: unknown[] = [];
    const note = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', note);
    try {
      await expect(readRegisterSplit(badPlan, t.asWorker(), [], builder(), job, options(), defaultCodeTable())).rejects.toThrow(single);
      expect(t.ended).toBe(1);
      for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('yearly files read whole by the worker, their weeks handed over as one array', () => {
  /** A yearly file of `year` (`PNR;y_01;…;y_53`) with a row for each of `people`, codes by `code`. */
  const yearly = (year: number, people: number[], code: (i: number, k: number) => number | '', extra = '') => {
    const rows = [['PNR', ...Array.from({ length: 53 }, (_, k) => `y_${String(k + 1).padStart(2, '0')}`)].join(';')];
    for (const i of people) rows.push([cpr(i), ...Array.from({ length: 53 }, (_, k) => (k < 52 ? code(i, k) : ''))].join(';'));
    return file(`ydelser_${year}.csv`, rows.join('\n') + '\n' + extra);
  };
  const everyone = Array.from({ length: 40 }, (_, i) => i);
  const files = (code: (i: number, k: number) => number | '', extra = '') =>
    [2020, 2021, 2022].map((y, n) => yearly(y, everyone.filter((i) => (i + n) % 5 !== 0).reverse(), code, n === 1 ? extra : ''));
  const expect3: [number, number] = [isoWeekIndex(2020, 1)!, isoWeekIndex(2022, 52)!];
  const cprs = everyone.filter((i) => i % 3 !== 1).map(cpr);
  const participants = file('deltagere.csv', `id;cpr\n${cprs.map((c, k) => `D${k};${c}`).join('\n')}\n`);
  const usual = (i: number, k: number) => ((i + k) % 4 ? CODES[(i + k) % 4] : '');

  it('plans all of them for the worker when their weeks are expected and it takes the people from the participants file', () => {
    const fs = files(usual);
    const hours = file('loentimer.csv', 'cpr;maaned;timer\n');
    const whole = splitPlan(fs, [hours], { minBytes: 0 }, participants, true);
    expect(whole).toEqual({ main: [], worker: fs.map((path) => ({ path, start: 0, end: size(readFileSync(path, 'latin1')), header: 0 })) });
    // Otherwise several files are read on one thread, as before, unless two are asked for (then cut by bytes).
    expect(splitPlan(fs, [hours], { minBytes: 0 }, participants, false)).toBeNull();
    expect(splitPlan(fs, [hours], { minBytes: 0 }, undefined, true)).toBeNull();
    expect(splitPlan(fs, [hours], { minBytes: 0, threads: 1 }, participants, true)).toBeNull();
    // One core: one thread by default (for one file too), two only when asked for.
    expect(splitPlan(fs, [hours], { minBytes: 0, cores: 1 }, participants, true)).toBeNull();
    expect(splitPlan(fs.slice(0, 1), [], { minBytes: 0, cores: 1 })).toBeNull();
    expect(splitPlan(fs.slice(0, 1), [], { minBytes: 0, cores: 2 })).not.toBeNull();
    expect(splitPlan(fs, [hours], { minBytes: 0, cores: 1, threads: 2 }, participants, true)!.main).toEqual([]);
    expect(splitPlan(fs, [hours], { minBytes: 0, threads: 2 }, participants, false)!.main.length).toBeGreaterThan(0);
    expect(splitPlan(fs, [hours], { minBytes: Infinity }, participants, true)).toBeNull();
    // Yearly files with a year column, or week columns y_YYWW, are not planned whole.
    const withYear = file('ydelser_2020.csv', 'PNR;aar;y_01;y_02\n' + `${cpr(0)};2020;730;730\n`);
    expect(splitPlan([withYear, fs[1]], [], { minBytes: 0 }, participants, true)!.main.length).toBeGreaterThan(0);
  });

  it('the worker hands its weeks over whole, and taken over they are the one-thread register', () => {
    const fs = files(usual);
    const plan = splitPlan(fs, [], { minBytes: 0 }, participants, true)!;
    const job = { pieces: plan.worker, expect: expect3, handFlat: true };
    const got = readJob(job, keepCprs(cprs), new RegisterBuilder());
    expect('flat' in got).toBe(true);
    if (!('flat' in got)) return;
    expect(got.flat.codes).toBeInstanceOf(Uint8Array);
    expect(got.flat.nums.length).toBe(cprs.length);
    expect([...got.flat.seen]).toEqual([131, 651, 707]);
    const one = readRegister({ benefits: fs }, { keep: keepCprs(cprs) });
    same(one, readPlan(plan, cprs, { expect: expect3 }));
    // Without `handFlat` (the main thread reads a part too) the weeks are packed person by person.
    expect('packed' in readJob({ ...job, handFlat: false }, keepCprs(cprs), new RegisterBuilder())).toBe(true);
  });

  it('more than 255 codes (the array holds codes, not bytes) and unknown codes: the same register, and the same message naming the first place', () => {
    const many = (i: number, k: number) => 100 + ((i * 52 + k) % 400);
    const fs = files(many);
    const plan = splitPlan(fs, [], { minBytes: 0 }, participants, true)!;
    const got = readJob({ pieces: plan.worker, expect: expect3, handFlat: true }, keepCprs(cprs), new RegisterBuilder());
    expect('flat' in got && got.flat.codes instanceof Int16Array && got.flat.codeAt === null).toBe(true);
    const all = emptyCodeTable();
    for (let c = 100; c < 500; c++) addCode(all, { code: c, category: 'ingen', tekst: `kode ${c}` });
    same(readRegister({ benefits: fs }, { keep: keepCprs(cprs) }, all), readPlan(plan, cprs, { expect: expect3, codeTable: all }));
    const unknown = thrown(() => readRegister({ benefits: fs }, { keep: keepCprs(cprs) })).message;
    expect(unknown).toMatch(/første gang i .*ydelser_2020\.csv, linje \d+, kolonne «y_\d+»/);
    expect(thrown(() => readPlan(plan, cprs, { expect: expect3 })).message).toBe(unknown);
  });

  it('weeks not all in the array (someone met as a person) are packed instead; a builder that has read weeks takes no array', () => {
    const fs = files(usual);
    const plan = splitPlan(fs, [], { minBytes: 0 }, participants, true)!;
    const keep = keepCprs(cprs);
    const met = new RegisterBuilder();
    met.knownPeople(keep.numbers);
    met.expectWeeks(expect3[0], expect3[1]);
    readPieces(plan.worker, met, { keep });
    expect(met.handFlat()).not.toBeNull();
    expect(met.weeksOfPerson(cprs[0])).toBeDefined();
    expect(met.handFlat()).toBeNull();
    // adoptFlat refuses anything but a builder that has read no weeks and expects the same weeks for the same people.
    const flatOf = () => {
      const r = readJob({ pieces: plan.worker, expect: expect3, handFlat: true }, keepCprs(cprs), new RegisterBuilder());
      if (!('flat' in r)) throw new Error('expected flat weeks');
      return r.flat;
    };
    const builder = (lo = expect3[0], people = keep) => {
      const b = new RegisterBuilder();
      b.knownPeople(people.numbers);
      b.expectWeeks(lo, expect3[1]);
      return b;
    };
    expect(() => builder().adoptFlat(flatOf())).not.toThrow();
    const read = builder();
    readPieces(plan.worker.slice(0, 1), read, { keep });
    expect(() => read.adoptFlat(flatOf())).toThrow(/weeks read here/);
    expect(() => builder(expect3[0] + 1).adoptFlat(flatOf())).toThrow(/another span/);
    expect(() => builder(expect3[0], keepCprs(cprs.slice(1))).adoptFlat(flatOf())).toThrow(/another span or people/);
  });
});
