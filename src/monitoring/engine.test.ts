import { describe, expect, it } from 'vitest';
import { monitor, MonitorOptionError } from './engine.ts';
import { RegisterInputError } from './input-errors.ts';
import { inputOf } from './test-support.ts';
import { AGE_BANDS, ageAt, ageBand } from './participant-facts.ts';
import { ageOn, parseCpr } from '../core/cpr.ts';
import fc from 'fast-check';

describe('window, current and accumulated (spec §2, §4)', () => {
  it('accumulated is the best level in her window; current is level(R)', () => {
    const input = inputOf([{ in: '2022-01-10', weeks: { '2022-W10': 707 }, hours: { '2022-06': 20 } }]);
    const r = monitor(input, { month: '2022-12', suppress: 0 }).participants[0];
    expect(r).toEqual({ id: 'P1', current: 0, accumulated: 2, durable: 'none', snapshot: 'selvforsoergende' });
  });
  it('exit before the report month: not active (current null), accumulated counts her window only', () => {
    const input = inputOf([{ in: '2022-01-10', out: '2022-05-03', weeks: { '2022-W10': 707 }, hours: { '2022-06': 160 } }]);
    const r = monitor(input, { month: '2022-12', suppress: 0 }).participants[0];
    expect(r.current).toBeNull();
    expect(r.accumulated).toBe(3); // the hours of June fall after her exit month
  });
  it('the exit month itself is in the window', () => {
    const input = inputOf([{ in: '2022-01-10', out: '2022-06-03', hours: { '2022-06': 160 } }]);
    expect(monitor(input, { month: '2022-06', suppress: 0 }).participants[0]).toMatchObject({ current: 1, accumulated: 1 });
    expect(monitor(input, { month: '2022-12', suppress: 0 }).participants[0]).toMatchObject({ current: null, accumulated: 1 });
  });
  it('enrolment after the report month: not active, empty window, accumulated 0', () => {
    const input = inputOf([{ in: '2023-02-01', hours: { '2022-10': 160, '2022-11': 160, '2022-12': 160 } }]);
    const r = monitor(input, { month: '2022-12', suppress: 0 });
    expect(r.participants[0]).toMatchObject({ current: null, accumulated: 0, durable: 'full', snapshot: 'beskaeftigelse_fuld' });
    expect(r.series).toEqual([]);
  });
  it('months before enrolment do not count', () => {
    const input = inputOf([{ in: '2022-03-01', weeks: { '2022-W05': 651 } }]);
    expect(monitor(input, { month: '2022-12', suppress: 0 }).participants[0].accumulated).toBe(0);
  });
  it('accepts DD-MM-YYYY dates on in-memory participants', () => {
    const input = inputOf([{ in: '10-01-2022', hours: { '2022-02': 10 } }]);
    expect(monitor(input, { month: '2022-03', suppress: 0 }).participants[0].accumulated).toBe(2);
  });
  it('keeps input order and every participant, also a CPR enrolled twice', () => {
    const input = inputOf([
      { id: 'B', in: '2022-01-01' },
      { id: 'A', in: '2021-01-01' },
      { id: 'C', in: '2023-05-01' },
    ]);
    input.participants[2].cpr = input.participants[0].cpr;
    expect(monitor(input, { month: '2022-12' }).participants.map((p) => p.id)).toEqual(['B', 'A', 'C']);
  });
  it('no participants: zero counts and an empty series', () => {
    const r = monitor(inputOf([]), { month: '2022-12', suppress: 0 });
    expect(r.groups.all.n).toBe(0);
    expect(r.groups.kommune).toEqual({});
    expect(r.series).toEqual([]);
  });
  it('rejects a malformed month and a negative threshold with a Danish message', () => {
    const input = inputOf([{ in: '2022-01-01' }]);
    expect(() => monitor(input, { month: '2022-13' })).toThrow(/ÅÅÅÅ-MM/);
    expect(() => monitor(input, { month: '2022-12', suppress: -1 })).toThrow(/helt tal/);
  });
});

describe('groups (spec §5)', () => {
  const input = inputOf([
    { kommune: 'Aalborg', visitation: 'jobparat', born: '1995-06-01', in: '2021-03-01', hours: { '2021-05': 160 } },
    { kommune: 'Aalborg', visitation: 'aktivitetsparat', born: '1980-01-01', in: '2022-01-01', weeks: { '2022-W10': 707 } },
    {
      kommune: 'Aarhus',
      visitation: 'selvforsoergende',
      born: '1960-01-01',
      in: '2022-02-01',
      out: '2022-04-01',
      hours: { '2022-03': 10 },
    },
    { kommune: 'Aarhus', visitation: 'oevrige', born: '1950-01-01', in: '2022-02-01' },
  ]);
  const r = monitor(input, { month: '2022-12', suppress: 0 });
  it('counts n, accumulated 1/2/3/0 and "1 or 2"', () => {
    expect(r.groups.all.n).toBe(4);
    expect(r.groups.all.accumulated).toEqual({ '1': 1, '2': 1, '3': 1, '0': 1, '1_or_2': 2 });
  });
  it('counts active and the current levels among them', () => {
    expect(r.groups.all.current).toEqual({ active: 3, '1': 0, '2': 0, '3': 0, '0': 3 });
  });
  it('cross-tabulates durable by accumulated level, and snapshot per category', () => {
    expect(r.groups.all.durable).toEqual({ full: 0, partial: 0, none: 4 });
    expect(r.groups.all.durableByAccumulated['1']).toEqual({ full: 0, partial: 0, none: 1 });
    expect(r.groups.all.snapshot.selvforsoergende).toBe(4);
  });
  it('groups by kommune, visitation, age band at enrolment and enrolment year', () => {
    expect(Object.keys(r.groups.kommune)).toEqual(['Aalborg', 'Aarhus']);
    expect(r.groups.kommune.Aarhus.accumulated['2']).toBe(1);
    expect(r.groups.visitation.jobparat.accumulated['1']).toBe(1);
    expect(Object.keys(r.groups.visitation)).toEqual(['aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige']);
    expect(Object.keys(r.groups.alder)).toEqual([...AGE_BANDS]);
    expect(r.groups.alder['18-29'].n).toBe(1); // 25 at enrolment
    expect(r.groups.alder['40-49'].n).toBe(1); // 42
    expect(r.groups.alder['60-64'].n).toBe(1); // 62
    expect(r.groups.alder.other.n).toBe(1); // 72
    expect(r.groups.aar).toMatchObject({ '2021': { n: 1 }, '2022': { n: 3 } });
  });
  it('the monthly series runs from the earliest enrolment through R', () => {
    expect(r.series[0].month).toBe('2021-03');
    expect(r.series.at(-1)!.month).toBe('2022-12');
    expect(r.series).toHaveLength(22);
    const may21 = r.series.find((s) => s.month === '2021-05')!;
    expect(may21).toMatchObject({ enrolled: 1, active: 1, current: { '1': 1 }, accumulated: { '1': 1, '1_or_2': 1 } });
    const jun21 = r.series.find((s) => s.month === '2021-06')!;
    expect(jun21).toMatchObject({ current: { '0': 1, '1': 0 }, accumulated: { '1': 1 } });
    const dec22 = r.series.at(-1)!;
    expect(dec22).toMatchObject({ enrolled: 4, active: 3, accumulated: r.groups.all.accumulated });
  });
});

describe('age bands', () => {
  it('bands 18–29 … 60–64 and "other" outside 18–64', () => {
    expect([17, 18, 29, 30, 39, 40, 49, 50, 59, 60, 64, 65].map(ageBand)).toEqual([
      'other',
      '18-29',
      '18-29',
      '30-39',
      '30-39',
      '40-49',
      '40-49',
      '50-59',
      '50-59',
      '60-64',
      '60-64',
      'other',
    ]);
  });
  it('the fast age at enrolment equals ageOn(parseCpr(cpr).birthDate, date)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2019-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (birth, on, serial) => {
          const y = birth.getUTCFullYear();
          const seventh = y < 2000 ? 0 : 4;
          const b = birth.toISOString().slice(0, 10);
          const cpr = `${b.slice(8, 10)}${b.slice(5, 7)}${b.slice(2, 4)}${seventh}${String(serial).padStart(3, '0')}`;
          const parsed = parseCpr(cpr);
          if (!parsed.ok || y > 2036) return;
          const onIso = on.toISOString().slice(0, 10);
          const p = { id: 'x', cpr, kommune: 'k', visitation: 'jobparat' as const, indskrevet: onIso, udskrevet: null };
          expect(ageAt(p, onIso)).toBe(ageOn(parsed.value.birthDate, onIso));
          expect(ageAt({ ...p, cpr: 'nøgle', birthDate: parsed.value.birthDate }, onIso)).toBe(ageOn(parsed.value.birthDate, onIso));
        },
      ),
    );
  });
});

describe('options, spans and errors of monitor()', () => {
  const input = inputOf([{ in: '2022-06-01' }]);
  it('names the option that is not a month, also a missing report month', () => {
    expect(() => monitor(input, { month: undefined as unknown as string })).toThrow(
      'Rapportmåneden skal være en måned på formen ÅÅÅÅ-MM, fx 2022-12 (fik «»).',
    );
    expect(() => monitor(input, { month: '2022-12', durableMonth: '2022-13' })).toThrow(/^Måneden for varig beskæftigelse .*«2022-13»/);
    expect(() => monitor(input, { month: '2022-12', snapshotMonth: 'dec' })).toThrow(/^Statusmåneden .*«dec»/);
    expect(() => monitor(input, { month: '2022-12', suppress: 2.5 })).toThrow('Grænsen for små tal skal være et helt tal ≥ 0 (fik 2.5).');
    expect(() => monitor(input, { month: '2022-12', suppress: -1 })).toThrow(MonitorOptionError);
  });
  it('reports its months, the threshold (default 5) and the definition', () => {
    const r = monitor(input, { month: '2022-12' });
    expect(r).toMatchObject({ definition: 'kib-2019.1', month: '2022-12', durableMonth: '2022-12', snapshotMonth: '2022-12', suppress: 5 });
    expect(r.groups.all.n).toBe('<5');
    const s = monitor(input, { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2021-01', suppress: 0 });
    expect(s).toMatchObject({ durableMonth: '2023-02', snapshotMonth: '2021-01', suppress: 0 });
    expect(s.groups.all.n).toBe(1);
  });
  it('a snapshot or durable month before her enrolment, or a snapshot month after R, reads its own hours', () => {
    const full = { '2021-01': 160, '2021-02': 160, '2021-03': 160, '2023-03': 160 };
    const p = (opts: { durableMonth?: string; snapshotMonth?: string }) =>
      monitor(inputOf([{ in: '2022-06-01', hours: full }]), { month: '2022-12', suppress: 0, ...opts }).participants[0];
    expect(p({ snapshotMonth: '2021-01' }).snapshot).toBe('beskaeftigelse_fuld');
    expect(p({ snapshotMonth: '2023-03' }).snapshot).toBe('beskaeftigelse_fuld');
    expect(p({ durableMonth: '2021-03' }).durable).toBe('full');
    expect(p({ durableMonth: '2021-04' }).durable).toBe('full');
    expect(p({}).durable).toBe('none');
    expect(p({}).accumulated).toBe(0);
  });
  it('refuses codes missing from the code table, listing each once in order', () => {
    const inp = inputOf([
      { in: '2022-01-01', weeks: { '2022-W10': 730, '2022-W11': 705 } },
      { in: '2022-01-01', weeks: { '2022-W12': 730 } },
    ]);
    const categoryOf = inp.codeTable.categoryOf.slice();
    categoryOf[730] = 0;
    categoryOf[705] = 0;
    let err: unknown;
    try {
      monitor({ ...inp, codeTable: { ...inp.codeTable, categoryOf } }, { month: '2022-12' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegisterInputError);
    expect(err).toMatchObject({
      code: 'unknown_codes',
      file: '(registerdata)',
      codes: [705, 730],
      message: 'Ukendte ydelseskoder, som ikke står i kodetabellen: 705, 730.',
    });
    // The code only stands outside the months the engine looks at: still refused.
    categoryOf[730] = inp.codeTable.categoryOf[730];
    expect(() => monitor({ ...inp, codeTable: { ...inp.codeTable, categoryOf } }, { month: '2022-12' })).toThrow(/: 705\.$/);
  });
});

describe('group keys and the series of women who left', () => {
  it('municipalities in Danish order (Æ, Ø, Å and Aa last) and enrolment years in order', () => {
    const r = monitor(
      inputOf([
        { kommune: 'Aabenraa', in: '2022-01-01' },
        { kommune: 'Ærø', in: '2021-01-01' },
        { kommune: 'Odense', in: '2022-01-01' },
        { kommune: 'Brøndby', in: '2020-01-01' },
        { kommune: 'Odense', in: '2021-05-01' },
      ]),
      { month: '2022-12', suppress: 0 },
    );
    expect(Object.keys(r.groups.kommune)).toEqual(['Brøndby', 'Odense', 'Ærø', 'Aabenraa']);
    expect(r.groups.kommune.Odense.n).toBe(2);
    expect(Object.keys(r.groups.aar)).toEqual(['2020', '2021', '2022']);
    expect(r.groups.aar['2021'].n).toBe(2);
  });
  it('after her exit month she stays enrolled and inactive with her best level, month by month', () => {
    const r = monitor(
      inputOf([
        { in: '2022-01-10', out: '2022-03-05', hours: { '2022-02': 10 } },
        { in: '2022-02-10', out: '2022-02-20', weeks: { '2022-W07': 707 } },
      ]),
      { month: '2022-05', suppress: 0 },
    );
    expect(r.series.map((s) => [s.month, s.enrolled, s.active, s.current['0'], s.accumulated['2'], s.accumulated['3']])).toEqual([
      ['2022-01', 1, 1, 1, 0, 0],
      ['2022-02', 2, 2, 0, 1, 1],
      ['2022-03', 2, 1, 1, 1, 1],
      ['2022-04', 2, 0, 0, 1, 1],
      ['2022-05', 2, 0, 0, 1, 1],
    ]);
  });
  it('an exit month before the enrolment month: counted as enrolled from her enrolment, never active', () => {
    const r = monitor(
      inputOf([
        { in: '2022-01-10', hours: { '2022-01': 10 } },
        { in: '2022-03-10', out: '2022-02-01', hours: { '2022-03': 10 } },
      ]),
      { month: '2022-04', suppress: 0 },
    );
    expect(r.series.map((s) => [s.month, s.enrolled, s.active, s.accumulated['0']])).toEqual([
      ['2022-01', 1, 1, 0],
      ['2022-02', 1, 1, 0],
      ['2022-03', 2, 1, 1],
      ['2022-04', 2, 1, 1],
    ]);
    expect(r.participants[1]).toMatchObject({ current: null, accumulated: 0 });
  });
});

describe('reasons of secondary suppression (suppressedFor)', () => {
  it('every reason names a secondary cell and the hidden cell it protects, by their paths in the result', () => {
    const people = [
      ...Array.from({ length: 9 }, () => ({ kommune: 'Aalborg', in: '2022-01-10', hours: { '2022-12': 160 } })),
      ...Array.from({ length: 2 }, () => ({ kommune: 'Aarhus', in: '2022-01-10', hours: { '2022-12': 160 } })),
      ...Array.from({ length: 7 }, () => ({ kommune: 'Aarhus', in: '2022-02-10' })),
      // A month of the series with one woman at level 2 among six.
      ...Array.from({ length: 6 }, (_, i) => ({ kommune: 'Aalborg', in: '2021-11-10', hours: { '2021-11': i === 0 ? 10 : 0 } })),
    ];
    const r = monitor(inputOf(people), { month: '2022-12', suppress: 5 });
    const entries = Object.entries(r.suppressedFor!);
    expect(entries.length).toBeGreaterThan(0);
    const at = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], r);
    for (const [cell, target] of entries) {
      expect(at(cell), cell).toBe('x');
      expect(['<5', 'x'], target).toContain(at(target));
      expect(target).not.toBe(cell);
    }
    expect(entries.some(([, t]) => at(t) === '<5')).toBe(true);
    // Every secondary cell of the result has its reason.
    const secondary: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v === 'x') secondary.push(path);
      else if (typeof v === 'object' && v !== null) for (const [k, w] of Object.entries(v)) walk(w, `${path}.${k}`);
    };
    walk(r.groups, 'groups');
    walk(r.series, 'series');
    expect(entries.map(([c]) => c).sort()).toEqual(secondary.sort());
    expect(r.series[0].current['2']).toBe('<5');
    expect(r.suppressedFor!['series.0.current.0']).toBe('series.0.current.2');
    // Aarhus has 2 women at level 1: hidden, and protected against Aalborg's 9 and all's 11.
    expect(r.groups.kommune.Aarhus.accumulated['1']).toBe('<5');
    expect(entries.some(([, t]) => t === 'groups.kommune.Aarhus.accumulated.1')).toBe(true);
    expect(entries.some(([c]) => c.startsWith('series.'))).toBe(true);
    expect(entries.some(([c]) => c.startsWith('groups.kommune.'))).toBe(true);
  });
});

describe('the engine case by case (issue 17: the survivors of its mutation run)', () => {
  it('an option error is a MonitorOptionError by name too (the web layer tells it from other errors)', () => {
    let err: unknown;
    try {
      monitor(inputOf([{ in: '2022-01-01' }]), { month: '2022-13' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MonitorOptionError);
    expect((err as Error).name).toBe('MonitorOptionError');
  });

  it('refuses unknown codes in numeric order, not in the order met', () => {
    const inp = inputOf([
      { in: '2022-01-01', weeks: { '2022-W10': 997 } },
      { in: '2022-01-01', weeks: { '2022-W10': 730 } },
      { in: '2022-01-01', weeks: { '2022-W10': 100 } },
    ]);
    const categoryOf = inp.codeTable.categoryOf.slice();
    for (const c of [997, 730, 100]) categoryOf[c] = 0;
    expect(() => monitor({ ...inp, codeTable: { ...inp.codeTable, categoryOf } }, { month: '2022-12' })).toThrow(
      'Ukendte ydelseskoder, som ikke står i kodetabellen: 100, 730, 997.',
    );
  });

  it('each woman counts in her own group of every dimension, and once in all', () => {
    const r = monitor(
      inputOf([
        { kommune: 'Aalborg', visitation: 'aktivitetsparat', born: '1985-05-05', in: '2021-03-01' },
        { kommune: 'Aarhus', visitation: 'jobparat', born: '1960-05-05', in: '2022-03-01' },
        { kommune: 'Aarhus', visitation: 'oevrige', born: '1995-05-05', in: '2022-04-01' },
      ]),
      { month: '2022-12', suppress: 0 },
    );
    const n = (g: Record<string, { n: unknown }>) => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.n]));
    expect(r.groups.all.n).toBe(3);
    expect(n(r.groups.kommune)).toEqual({ Aalborg: 1, Aarhus: 2 });
    expect(n(r.groups.visitation)).toEqual({ aktivitetsparat: 1, jobparat: 1, selvforsoergende: 0, oevrige: 1 });
    expect(Object.values(n(r.groups.alder)).reduce((a, b) => (a as number) + (b as number), 0)).toBe(3);
    expect(n(r.groups.aar)).toEqual({ 2021: 1, 2022: 2 });
  });

  it('a woman enrolled in the report month is current with that month’s level', () => {
    const r = monitor(inputOf([{ in: '2022-12-05', weeks: { '2022-W50': 651 } }]), { month: '2022-12', suppress: 0 });
    expect(r.participants[0]).toMatchObject({ current: 1, accumulated: 1 });
    expect(r.groups.all.current).toMatchObject({ active: 1, 1: 1 });
  });

  it('a woman who left before the report month is not active in the groups either', () => {
    const r = monitor(inputOf([{ in: '2022-01-10', out: '2022-03-05', weeks: { '2022-W05': 651 } }]), { month: '2022-12', suppress: 0 });
    expect(r.groups.all.current).toEqual({ active: 0, 1: 0, 2: 0, 3: 0, 0: 0 });
    expect(r.groups.all.accumulated['1']).toBe(1);
  });

  it('exits before the enrolment in the first and in the report month: enrolled from her enrolment on, in every month', () => {
    const r = monitor(
      inputOf([
        { in: '2022-01-10', out: '2021-12-01' },
        { in: '2022-02-10', hours: { '2022-02': 10 } },
        { in: '2022-03-10', out: '2022-02-01' },
      ]),
      { month: '2022-03', suppress: 0 },
    );
    expect(r.series.map((s) => [s.month, s.enrolled, s.active])).toEqual([
      ['2022-01', 1, 0],
      ['2022-02', 2, 1],
      ['2022-03', 3, 1],
    ]);
  });
});
