import { describe, expect, it } from 'vitest';
import { monitor } from './engine.ts';
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
