/**
 * Reading the monitoring and effect inputs from paths (load.ts): the files named as given in
 * Danish messages, the user's code table, the paid hours as one path or several, the people
 * kept (participants, and the pool for the effect), --from and --year passed on, the yearly
 * files' weeks sized at once, and the reader thread ended when the register is not read.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoWeekIndex, parseMonth, parseWeek, weeksInIsoYear } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { RegisterBuilder } from './builder.ts';
import { loadEffectInput, loadMonitorInput, readRegister } from './load.ts';
import { keepCprs } from './person-key.ts';
import { tempFiles } from './test-files.ts';

const { dir, file } = tempFiles('fremdrift-load-');
afterEach(() => vi.restoreAllMocks());
const A = '0101901234';
const B = '0202851236';
const C = '0303701238'; // in the register files, not a participant
const participants = file(
  'deltagere.csv',
  `id;cpr;kommune;indskrevet;visitation;udskrevet\nD1;${A};851;2021-01-15;aktivitetsparat;\nD2;${B};851;2021-03-01;jobparat;\n`,
);
const benefits = file('ydelser.csv', `cpr;uge;kode\n${A};2021-W01;131\n${B};2021-W02;4711\n${C};2021-W03;730\n${A};2020-W40;651\n`);
const plainBenefits = file(
  'ydelser-kendte.csv',
  `cpr;uge;kode\n${A};2021-W01;131\n${B};2021-W02;730\n${C};2021-W03;730\n${A};2020-W40;651\n`,
);
const hours1 = file('timer1.csv', `cpr;maaned;timer\n${A};2021-01;10\n${C};2021-01;5\n`);
const hours2 = file('timer2.csv', `cpr;maaned;timer\n${A};2021-01;2,5\n${B};2020-11;7\n`);
const codes = file('koder.csv', 'kode;kategori\n131;ydelse\n651;uddannelse\n730;ydelse\n4711;ydelse\n');

const codeAt = (d: RegisterData, cpr: string, week: string) => {
  const p = d.weeks.get(cpr);
  const w = parseWeek(week)!;
  return p && w >= p.weekStart && w < p.weekStart + p.codes.length ? p.codes[w - p.weekStart] : 0;
};
const hoursIn = (d: RegisterData, cpr: string, month: string) => {
  const h = d.hours.get(cpr);
  return h ? h.hours[parseMonth(month)! - h.monthStart] : undefined;
};
const error = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('no error'),
    (e: Error & Record<string, unknown>) => e,
  );

describe('loadMonitorInput', () => {
  it('reads the participants and only their register rows, with the user code table and every hours file', async () => {
    const input = await loadMonitorInput({ participants, benefits: [benefits], hours: [hours1, hours2], codes }, { threads: 1 });
    expect(input.participants.map((p) => p.cpr)).toEqual([A, B]);
    expect([...input.register.weeks.keys()]).toEqual([A, B]);
    expect(codeAt(input.register, B, '2021-W02')).toBe(4711);
    expect(input.codeTable.entries.get(4711)?.category).toBe('ydelse');
    expect(input.codeTable.entries.has(652)).toBe(false); // the user's table, not the shipped one
    expect(hoursIn(input.register, A, '2021-01')).toBe(12.5);
    expect(hoursIn(input.register, B, '2020-11')).toBe(7);
    expect(input.register.hours.has(C)).toBe(false);
  });

  it('takes one hours path as well as a list, and the shipped code table when none is given', async () => {
    const one = await loadMonitorInput({ participants, benefits: [plainBenefits], hours: hours2 }, { threads: 1 });
    expect(hoursIn(one.register, A, '2021-01')).toBe(2.5);
    expect(one.codeTable.entries.get(652)?.category).toBe('uddannelse');
    const none = await loadMonitorInput({ participants, benefits: [plainBenefits] }, { threads: 1 });
    expect(none.register.hours.size).toBe(0);
    // 4711 is not in the shipped table.
    expect(await error(loadMonitorInput({ participants, benefits: [benefits] }, { threads: 1 }))).toMatchObject({ code: 'unknown_codes' });
  });

  it('passes --from and --year on to the register files', async () => {
    const from = await loadMonitorInput({ participants, benefits: [plainBenefits], hours: [hours2], from: '2021-01' }, { threads: 1 });
    expect(codeAt(from.register, A, '2020-W40')).toBe(0);
    expect(codeAt(from.register, A, '2021-W01')).toBe(131);
    expect(from.register.hours.has(B)).toBe(false); // 2020-11 is before --from
    const yearly = file('ydelser.csv', `PNR;y_01;y_02\n${A};131;\n${B};;730\n`);
    const y = await loadMonitorInput({ participants, benefits: [yearly], year: 2019 }, { threads: 1 });
    expect(codeAt(y.register, A, '2019-W01')).toBe(131);
    expect(codeAt(y.register, B, '2019-W02')).toBe(730);
    expect(await error(loadMonitorInput({ participants, benefits: [yearly] }, { threads: 1 }))).toMatchObject({ code: 'missing_column' });
  });

  it('names a missing or unreadable file by the path as given, in Danish', async () => {
    const missing = join(dir, 'ingen-deltagere.csv');
    const e = await error(loadMonitorInput({ participants: missing, benefits: [plainBenefits] }, { threads: 1 }));
    expect(e).toMatchObject({ name: 'RegisterInputError', code: 'bad_value', file: missing, message: `${missing}: filen findes ikke.` });
    const folder = join(dir, 'en-mappe');
    mkdirSync(folder);
    const f = await error(loadMonitorInput({ participants, benefits: [plainBenefits], codes: folder }, { threads: 1 }));
    expect(f).toMatchObject({ code: 'bad_value', file: folder, message: `${folder}: filen kan ikke læses.` });
  });

  it('reads on one thread below the size limit, on two when asked, and ends the reader thread when the participants are wrong', async () => {
    let threads = 0;
    await loadMonitorInput({ participants, benefits: [plainBenefits] }, { onRead: (t) => (threads = t) });
    expect(threads).toBe(1);
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const two = await loadMonitorInput(
      { participants, benefits: [plainBenefits], hours: hours1 },
      { threads: 2, minBytes: 0, onRead: (t) => (threads = t) },
    );
    expect(threads).toBe(2);
    expect([...two.register.weeks.keys()]).toEqual([A, B]);
    expect(hoursIn(two.register, A, '2021-01')).toBe(10);
    expect(terminate).toHaveBeenCalled();
    terminate.mockClear();
    threads = 0;
    const bad = file('deltagere.csv', 'id;cpr\nD1;12345\n');
    await expect(
      loadMonitorInput({ participants: bad, benefits: [plainBenefits] }, { threads: 2, minBytes: 0, onRead: (t) => (threads = t) }),
    ).rejects.toThrow(/linje 1: kolonnen «kommune» mangler/);
    expect(threads).toBe(0); // the register was not read
    expect(terminate).toHaveBeenCalledTimes(1);
  });
});

describe('loadEffectInput', () => {
  const pool = file('pulje.csv', `cpr;kommune\n${C};851\n`);
  it('keeps the participants’ and the pool’s register rows, on one thread and on two', async () => {
    for (const how of [{ threads: 1 }, { threads: 2, minBytes: 0 }]) {
      let threads = 0;
      const input = await loadEffectInput(
        { participants, pool, benefits: [plainBenefits], hours: [hours1, hours2] },
        { ...how, onRead: (t) => (threads = t) },
      );
      expect(threads).toBe(how.threads);
      expect(input.pool.map((p) => p.cpr)).toEqual([C]);
      expect(input.participants.map((p) => p.cpr)).toEqual([A, B]);
      expect([...input.register.weeks.keys()]).toEqual([A, B, C]);
      expect(codeAt(input.register, C, '2021-W03')).toBe(730);
      expect(hoursIn(input.register, C, '2021-01')).toBe(5);
      expect(input.codeTable.entries.get(652)?.category).toBe('uddannelse');
    }
    const own = await loadEffectInput({ participants, pool, benefits: [benefits], codes, from: '2021-01' }, { threads: 1 });
    expect(codeAt(own.register, B, '2021-W02')).toBe(4711);
    expect(codeAt(own.register, A, '2020-W40')).toBe(0);
    const missing = join(dir, 'ingen-pulje.csv');
    expect(await error(loadEffectInput({ participants, pool: missing, benefits: [plainBenefits] }, { threads: 1 }))).toMatchObject({
      message: `${missing}: filen findes ikke.`,
    });
  });
  it('ends the reader thread when a file is wrong', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const missing = join(dir, 'ingen-pulje-2.csv');
    await expect(loadEffectInput({ participants, pool: missing, benefits: [plainBenefits] }, { threads: 2, minBytes: 0 })).rejects.toThrow(
      /filen findes ikke/,
    );
    expect(terminate).toHaveBeenCalledTimes(1);
  });
});

describe('readRegister', () => {
  it('sizes the weeks of several yearly files at once (from the years in their names), unless --year is given', () => {
    const yearly = (y: number) => file(`ydelser_${y}.csv`, `PNR;y_01;y_52\n${A};131;651\n${B};;730\n`);
    const files = [yearly(2021), yearly(2019), yearly(2020)];
    const expectWeeks = vi.spyOn(RegisterBuilder.prototype, 'expectWeeks');
    const d = readRegister({ benefits: files }, { keep: keepCprs([A, B]) });
    expect(expectWeeks.mock.calls).toEqual([[isoWeekIndex(2019, 1), isoWeekIndex(2021, weeksInIsoYear(2021))]]);
    expect(codeAt(d, A, '2019-W01')).toBe(131);
    expect(codeAt(d, B, '2021-W52')).toBe(730);
    expectWeeks.mockClear();
    readRegister({ benefits: [files[0]] }, { keep: keepCprs([A, B]) });
    readRegister({ benefits: [files[0], files[1]] }, { keep: keepCprs([A, B]), year: 2020 });
    readRegister({ benefits: [files[0], plainBenefits] }, { keep: keepCprs([A, B]) });
    expect(expectWeeks).not.toHaveBeenCalled();
    // A 53-week last year is covered to its week 53.
    readRegister({ benefits: [yearly(2020), yearly(2019)] }, {});
    expect(expectWeeks.mock.calls).toEqual([[isoWeekIndex(2019, 1), isoWeekIndex(2020, 53)]]);
  });

  it('tells the builder the people kept, so that it writes their weeks by number', () => {
    const known = vi.spyOn(RegisterBuilder.prototype, 'knownPeople');
    const d = readRegister({ benefits: [plainBenefits] }, { keep: keepCprs([C]) });
    expect([...d.weeks.keys()]).toEqual([C]);
    expect(known).toHaveBeenCalledTimes(1);
    known.mockClear();
    expect([...readRegister({ benefits: [plainBenefits] }).weeks.keys()]).toEqual([A, B, C]);
    expect(known).not.toHaveBeenCalled();
  });
});
