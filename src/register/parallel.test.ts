/**
 * Reading on two threads (parallel.ts) gives exactly what one thread gives: the same people in
 * the same order with the same weeks, on random files of every layout, with a person whose rows
 * lie on both sides of the cut and yearly files that share people; and the same error when a
 * file is wrong.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoWeekIndex, weeksInIsoYear } from '../monitoring/calendar.ts';
import type { MonitorInput } from '../monitoring/types.ts';
import { loadMonitorInput, type InputPaths } from './load.ts';
import { samePeople, splitPlan } from './parallel.ts';
import { plainCprNumbers } from './participants.ts';
import { tempFiles } from './test-files.ts';

const { file } = tempFiles('fremdrift-parallel-');
const cpr = (i: number) =>
  `${String(1 + (i % 28)).padStart(2, '0')}0${(i % 9) + 1}${String(80 + (i % 20)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')}`;
const CODES = [730, 707, 651, 131];
/** A person's code in a week (0: none), fixed per person and week so that rows never conflict. */
const codeOf = (person: number, week: number, seed: number) => {
  const h = Math.imul(person * 7919 + week * 104729 + seed, 2654435761) >>> 0;
  return h % 3 === 0 ? 0 : CODES[h % CODES.length];
};

interface World {
  people: number;
  participants: number[];
  seed: number;
}

function participantsFile(w: World): string {
  const rows = ['id;cpr;kommune;indskrevet;visitation;udskrevet'];
  for (const i of w.participants) rows.push(`D${i};${cpr(i)};851;2021-03-10;aktivitetsparat;2022-06-30`);
  return file('deltagere.csv', rows.join('\n') + '\n');
}

function hoursFile(w: World): string {
  const rows = ['cpr;maaned;timer'];
  for (let i = 0; i < w.people; i += 3) rows.push(`${cpr(i)};2021-0${1 + (i % 9)};${i},5`);
  return file('loentimer.csv', rows.join('\n') + '\n');
}

function week(y: number, w: number): string {
  return `${y}-W${String(w).padStart(2, '0')}`;
}

async function both(paths: InputPaths): Promise<{ one: MonitorInput | string; two: MonitorInput | string; threads: number }> {
  const outcome = (p: Promise<MonitorInput>) => p.catch((e: Error) => e.message);
  const one = await outcome(loadMonitorInput(paths, { threads: 1 }));
  let threads = 0;
  const two = await outcome(loadMonitorInput(paths, { threads: 2, minBytes: 0, onRead: (t) => (threads = t) }));
  return { one, two, threads };
}

/** Read on two threads, with the data (not an error) that one thread gives. */
function expectReadOnTwoThreads(r: { one: MonitorInput | string; two: MonitorInput | string; threads: number }): void {
  expectSame(r.one, r.two);
  expect(typeof r.one).not.toBe('string');
  expect(r.threads).toBe(2);
}

function expectSame(one: MonitorInput | string, two: MonitorInput | string): void {
  if (typeof one === 'string' || typeof two === 'string') {
    expect(two).toEqual(one);
    return;
  }
  const a = one.register;
  const b = two.register;
  expect([...b.weeks.keys()]).toEqual([...a.weeks.keys()]);
  for (const [k, p] of a.weeks) {
    const q = b.weeks.get(k)!;
    expect(q.weekStart).toBe(p.weekStart);
    expect([...q.codes]).toEqual([...p.codes]);
  }
  expect([...b.hours.keys()]).toEqual([...a.hours.keys()]);
  for (const [k, p] of a.hours) expect(b.hours.get(k)).toEqual(p);
}

/** The CPRs on the rows just before and just after the cut of a one-file plan (as `loadMonitorInput` plans it). */
function aroundCut(path: string, hours: string, participants: string): [string, string] {
  const plan = splitPlan([path], [hours], { minBytes: 0 }, participants)!;
  const cut = plan.worker[0].start;
  const text = readFileSync(path, 'latin1');
  const before = text.slice(text.lastIndexOf('\n', cut - 2) + 1, cut);
  return [before.slice(0, 10), text.slice(cut, cut + 10)];
}

const world = fc.record({
  people: fc.integer({ min: 3, max: 30 }),
  seed: fc.integer({ min: 0, max: 1 << 20 }),
  share: fc.double({ min: 0.2, max: 1, noNaN: true }),
});
const toWorld = ({ people, seed, share }: { people: number; seed: number; share: number }): World => ({
  people,
  seed,
  participants: Array.from({ length: people }, (_, i) => i).filter((i) => i === 0 || (i * 37 + seed) % 100 < share * 100),
});

/** A property over six random worlds (few: each run starts reader threads). */
const eachWorld = (body: (w: World) => Promise<void>) =>
  fc.assert(
    fc.asyncProperty(world, (wp) => body(toWorld(wp))),
    { numRuns: 6 },
  );

describe('reading on two threads', () => {
  it('long layout: the same as one thread, with a person whose rows lie on both sides of the cut', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.integer({ min: 0, max: 3 }), async (wp, splitAt) => {
        const w = toWorld(wp);
        // Person 0 has many rows in the middle of the file; the others' rows come before and
        // after her, one of them in two separate runs.
        const rowsOf = (i: number, from: number, to: number) => {
          const out: string[] = [];
          for (let k = from; k < to; k++) {
            const y = 2019 + Math.floor(k / 52);
            const c = codeOf(i, k, w.seed);
            if (c !== 0) out.push(`${cpr(i)};${week(y, (k % 52) + 1)};${c}`);
          }
          return out;
        };
        const others = Array.from({ length: w.people - 1 }, (_, k) => k + 1);
        const half = Math.floor(others.length / 2);
        const rows = ['cpr;uge;kode'];
        for (const i of others.slice(0, half)) rows.push(...rowsOf(i, 0, 30));
        rows.push(...rowsOf(splitAt, 30, 60)); // an earlier run of a person met again later
        rows.push(...rowsOf(0, 0, 200 * (1 + w.people)));
        for (const i of others.slice(half)) rows.push(...rowsOf(i, 0, 40));
        rows.push(...rowsOf(splitAt, 0, 30));
        const benefits = file('ydelser-lang.csv', rows.join('\n') + '\n');
        const hours = hoursFile(w);
        const participants = participantsFile(w);
        const [before, after] = aroundCut(benefits, hours, participants);
        expect(before).toBe(cpr(0));
        expect(after).toBe(cpr(0));
        const r = await both({ participants, benefits: [benefits], hours });
        expectReadOnTwoThreads(r);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('five yearly files sharing people: the same as one thread', async () => {
    await eachWorld(async (w) => {
      const benefits: string[] = [];
      for (let y = 2019; y <= 2023; y++) {
        const n = weeksInIsoYear(y);
        const rows = [['PNR', ...Array.from({ length: 53 }, (_, k) => `y_${String(k + 1).padStart(2, '0')}`)].join(';')];
        for (let k = 0; k < w.people; k++) {
          const i = (k * 7 + y + w.seed) % w.people; // each year its own order
          if ((i + y + w.seed) % 4 === 0) continue; // not everyone every year
          const base = isoWeekIndex(y, 1)!;
          const cells = Array.from({ length: 53 }, (_, j) => (j < n ? codeOf(i, base + j, w.seed) || '' : ''));
          rows.push([cpr(i), ...cells].join(';'));
        }
        benefits.push(file(`ydelser_${y}.csv`, rows.join('\n') + '\n'));
      }
      const hours = hoursFile(w);
      const r = await both({ participants: participantsFile(w), benefits, hours });
      expectReadOnTwoThreads(r);
      // By default too: the worker reads them all, taking the people from the participants file, and
      // hands their weeks over as one array (splitPlan's `whole`), while the main thread reads the rest.
      const participants = participantsFile(w);
      let threads = 0;
      const byDefault = await loadMonitorInput({ participants, benefits, hours }, { minBytes: 0, onRead: (t) => (threads = t) });
      expect(threads).toBe(2);
      expectSame(r.one, byDefault);
      expect(splitPlan(benefits, [hours], { minBytes: 0 }, participants, true)!.main).toEqual([]);
      // Cut by bytes only when two threads are asked for without those (then packed person by person).
      expect(splitPlan(benefits, [hours], { minBytes: 0 })).toBeNull();
      expect(splitPlan(benefits, [hours], { minBytes: 0, threads: 2 })).not.toBeNull();
    });
  }, 120_000);

  it('one wide file with y_YYWW columns (a person on two rows): the same as one thread', async () => {
    await eachWorld(async (w) => {
      const rows = [['PNR', 'koen', ...Array.from({ length: 52 }, (_, k) => `y_21${String(k + 1).padStart(2, '0')}`)].join(';')];
      const base = isoWeekIndex(2021, 1)!;
      for (let k = 0; k < w.people * 2; k++) {
        const i = (k * 5 + w.seed) % w.people;
        const cells = Array.from({ length: 52 }, (_, j) => ((j + k) % 2 ? codeOf(i, base + j, w.seed) || '' : ''));
        rows.push([cpr(i), 'K', ...cells].join(';'));
      }
      const r = await both({
        participants: participantsFile(w),
        benefits: [file('ydelser.csv', rows.join('\n') + '\n')],
        hours: hoursFile(w),
      });
      expectReadOnTwoThreads(r);
    });
  }, 120_000);

  it('the reader thread takes the people from a participants file of plain CPRs, else waits for the main thread’s', async () => {
    const w = toWorld({ people: 40, seed: 3, share: 0.5 });
    const rows = ['cpr;uge;kode'];
    for (let i = 0; i < w.people; i++) for (let k = 0; k < 60; k++) rows.push(`${cpr(i)};${week(2020, 1 + (k % 52))};${CODES[i % 4]}`);
    const benefits = file('lang.csv', rows.join('\n') + '\n');
    const hours = hoursFile(w);
    const plain = participantsFile(w);
    // The same people written with a dash, quoted and with blanks: the thread cannot take them and asks.
    const text = readFileSync(plain, 'utf8').split('\n');
    const odd = text.map((l, i) =>
      i === 0 || !l ? l : l.replace(/;(\d{6})(\d{4});/, i % 3 === 0 ? ';$1-$2;' : i % 3 === 1 ? ';"$1$2";' : '; $1$2 ;'),
    );
    const written = file('deltagere.csv', odd.join('\n'));
    for (const participants of [plain, written]) {
      const r = await both({ participants, benefits: [benefits], hours });
      expect(r.threads).toBe(2);
      expectSame(r.one, r.two);
      expect((r.two as MonitorInput).register.weeks.size).toBe(w.participants.length);
    }
    expect(plainCprNumbers(readFileSync(plain))).toEqual(Float64Array.from(w.participants, (i) => Number(cpr(i))));
    expect(plainCprNumbers(readFileSync(written))).toBeNull();
    expect(plainCprNumbers(Buffer.from('id;lobenr;foedselsdato\nD1;77;1980-01-01\n'))).toBeNull();
    // The main thread uses the thread's people only when they are its participants, row by row.
    const kept = Float64Array.from([101901234, 3112999999]);
    expect(samePeople(kept, ['0101901234', '3112999999'])).toBe(true);
    expect(samePeople(kept, ['3112999999', '0101901234'])).toBe(false);
    expect(samePeople(kept, ['0101901234'])).toBe(false);
    expect(samePeople(kept, ['0101901234', '3112999998'])).toBe(false);
    expect(samePeople(kept, ['010190-1234', '3112999999'])).toBe(false);
  }, 60_000);
  it('gives the single reader’s error when the two parts conflict or a code is unknown', async () => {
    const w = toWorld({ people: 4, seed: 1, share: 1 });
    const rows = ['cpr;uge;kode'];
    for (let k = 0; k < 200; k++) rows.push(`${cpr(0)};${week(2019 + Math.floor(k / 52), (k % 52) + 1)};730`);
    const participants = participantsFile(w);
    const hours = hoursFile(w);
    const conflict = file('lang.csv', [...rows, `${cpr(0)};2019-W01;707`].join('\n') + '\n');
    const unknown = file('lang.csv', [...rows, `${cpr(0)};2024-W01;555`].join('\n') + '\n');
    for (const benefits of [conflict, unknown]) {
      const r = await both({ participants, benefits: [benefits], hours });
      expect(typeof r.one).toBe('string');
      expect(r.two).toBe(r.one);
      expect(r.threads).toBe(1); // read again on one thread
    }
  }, 60_000);

  it('yearly files read whole by the worker: a conflict, an unknown code or a bad week give the single reader’s error', async () => {
    const w = toWorld({ people: 6, seed: 2, share: 1 });
    const participants = participantsFile(w);
    const hours = hoursFile(w);
    const head = ['PNR', ...Array.from({ length: 53 }, (_, k) => `y_${String(k + 1).padStart(2, '0')}`)].join(';');
    const row = (i: number, cells: (k: number) => number | '') => [cpr(i), ...Array.from({ length: 53 }, (_, k) => cells(k))].join(';');
    const year = (y: number, extra: string[] = []) =>
      file(`ydelser_${y}.csv`, [head, ...w.participants.map((i) => row(i, (k) => (k < 52 ? 730 : ''))), ...extra].join('\n') + '\n');
    const cases = [
      [year(2020), year(2021, [row(0, (k) => (k === 3 ? 707 : ''))])], // a second row of hers with another code in week 4
      [year(2020), year(2021, [row(1, (k) => (k === 3 ? 555 : ''))])], // a code the table does not know
      [year(2020), year(2021, [row(2, (k) => (k === 52 ? 730 : ''))])], // week 53 of a 52-week year
    ];
    for (const benefits of cases) {
      const r = await both({ participants, benefits, hours });
      expect(typeof r.one).toBe('string');
      expect(r.two).toBe(r.one);
      expect(r.threads).toBe(1); // read again on one thread
    }
    expect((await both({ participants, benefits: [year(2020), year(2021)], hours })).threads).toBe(2);
  }, 60_000);
});
