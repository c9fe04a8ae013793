import { describe, expect, it } from 'vitest';
import {
  attendanceSchema,
  attendsSteadily,
  buddyOn,
  danishTimeline,
  normaliseMonthInput,
  passedTests,
  steadyAttendance,
  testSchema,
} from './danish.ts';

describe('Danish tuition rules', () => {
  it('reads a month typed in several ways, and refuses a month in the future or outside 0–100 %', () => {
    expect(['3-2026', '03.2026', '3/2026', '2026-3', 'marts 2026', 'mar. 2026'].map(normaliseMonthInput)).toEqual(Array(6).fill('2026-03'));
    const s = attendanceSchema('2026-03-15');
    expect(s.safeParse({ month: '03-2026', percent: '100' }).success).toBe(true);
    expect(s.safeParse({ month: '03-2026', percent: '0' }).success).toBe(true);
    const errors = (v: Record<string, string>) => s.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(errors({ month: '04-2026', percent: '50' })).toEqual([expect.stringContaining('Måneden ligger i fremtiden.')]);
    expect(errors({ month: '03-2026', percent: '101' })).toEqual(['Fremmødet skal være mellem 0 og 100 %.']);
    expect(errors({ month: '03-2026', percent: '-1' })).toEqual(['Fremmødet skal være mellem 0 og 100 %.']);
    expect(errors({ month: '03-2026', percent: '50,5' })).toEqual(['Angiv fremmødet i procent som et helt tal fra 0 til 100.']);
  });

  it('wants a result for a passed test and a module for a module test; a coming test may lie ahead', () => {
    const s = testSchema('2026-03-15');
    const msgs = (v: Record<string, string>) => s.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(msgs({ kind: 'pd3', module: '', takenOn: '2026-03-01', outcome: 'bestaaet', result: '' })).toEqual([
      'Skriv resultatet (karakter eller point), når prøven er bestået.',
    ]);
    expect(msgs({ kind: 'modultest', module: '', takenOn: '2026-03-01', outcome: 'ikke_bestaaet', result: '' })).toEqual([
      'Vælg hvilket modul modultesten gjaldt.',
    ]);
    expect(msgs({ kind: 'pd2', module: '', takenOn: '2026-04-01', outcome: 'afventer', result: '' })).toEqual([]);
    expect(msgs({ kind: 'pd2', module: '', takenOn: '2026-04-01', outcome: 'bestaaet', result: '7' })).toEqual([
      expect.stringContaining('kan ikke ligge i fremtiden'),
    ]);
    // A Prøve i Dansk has no module, whatever was chosen.
    expect(s.parse({ kind: 'pd1', module: '4', takenOn: '2026-03-01', outcome: 'bestaaet', result: '7' }).module).toBeNull();
  });

  it('"møder stabilt": each of her three latest recorded months at or above the threshold', () => {
    const m = (month: string, percent: number) => ({ month, percent });
    expect(attendsSteadily([m('2026-01', 80), m('2026-02', 95), m('2026-03', 80)], '2026-03', 80)).toBe(true);
    expect(attendsSteadily([m('2026-01', 79), m('2026-02', 95), m('2026-03', 100)], '2026-03', 80)).toBe(false);
    // Only two months recorded: not (yet) stable.
    expect(attendsSteadily([m('2026-02', 95), m('2026-03', 100)], '2026-03', 80)).toBe(false);
    // An older low month no longer counts; a later month than the as-of month is ignored.
    expect(attendsSteadily([m('2025-10', 10), m('2026-01', 90), m('2026-02', 90), m('2026-03', 90), m('2026-04', 0)], '2026-03', 80)).toBe(
      true,
    );
    // "Latest recorded": a gap in the months does not matter.
    expect(attendsSteadily([m('2025-06', 90), m('2025-09', 90), m('2026-03', 90)], '2026-03', 80)).toBe(true);
    const a = (participantId: string, month: string, percent: number) => ({ participantId, month, percent });
    const facts = [
      a('x', '2026-01', 90),
      a('x', '2026-02', 90),
      a('x', '2026-03', 90),
      a('y', '2026-03', 100),
      a('z', '2026-01', 90),
      a('z', '2026-02', 90),
      a('z', '2026-03', 90),
    ];
    // z is not among the women enrolled by the date; y is taught but has one month only.
    expect(steadyAttendance(new Set(['x', 'y', 'w']), facts, '2026-03-31', 80)).toEqual({ count: 1, denominator: 2 });
    expect(steadyAttendance(new Set(['x', 'y']), facts, '2026-03-31', 95)).toEqual({ count: 0, denominator: 2 });
  });

  it('"bestået": women who passed a test after enrolling and by the date, each once', () => {
    const t = (participantId: string, takenOn: string, outcome: 'bestaaet' | 'ikke_bestaaet' | 'afventer') => ({
      participantId,
      takenOn,
      outcome,
    });
    const first = new Map([
      ['a', '2025-01-01'],
      ['b', '2025-06-01'],
      ['c', '2025-01-01'],
    ]);
    const tests = [
      t('a', '2025-03-01', 'bestaaet'),
      t('a', '2025-09-01', 'bestaaet'),
      t('b', '2025-05-01', 'bestaaet'),
      t('c', '2025-04-01', 'ikke_bestaaet'),
      t('c', '2026-04-01', 'bestaaet'),
      t('d', '2025-04-01', 'bestaaet'),
    ];
    expect(passedTests(first, tests, '2026-03-31')).toEqual({ count: 1, denominator: 3 });
    expect(passedTests(first, tests, '2026-04-30')).toEqual({ count: 2, denominator: 3 });
  });

  it('her sprogmakker on a day, and her tuition on the timeline', () => {
    const changes = [
      { fromDate: '2025-01-01', buddyName: 'Anne' },
      { fromDate: '2025-06-01', buddyName: null },
    ];
    expect(buddyOn(changes, '2025-03-01')?.buddyName).toBe('Anne');
    expect(buddyOn(changes, '2025-07-01')?.buddyName).toBeNull();
    expect(buddyOn(changes, '2024-12-31')).toBeNull();
    const entries = danishTimeline({
      courses: [{ education: 'du2', module: 3, provider: 'Sprogcenter Nord', startDate: '2025-02-01', endDate: null }],
      attendance: [{ month: '2025-02', percent: 85 }],
      tests: [{ kind: 'modultest', module: 3, takenOn: '2025-05-02', outcome: 'bestaaet', result: '7' }],
      buddies: changes,
    });
    expect(entries.map((e) => [e.date, e.title, e.detail])).toEqual([
      ['2025-02-01', 'Dansk: Danskuddannelse 2, modul 3', 'Sprogcenter Nord'],
      ['2025-02-28', 'Fremmøde til dansk i februar 2025: 85 %', ''],
      ['2025-05-02', 'Dansk: modultest, modul 3 – bestået', 'Resultat: 7'],
      ['2025-01-01', 'Sprogmakker: Anne', ''],
      ['2025-06-01', 'Ingen sprogmakker', ''],
    ]);
  });
});
