import { describe, expect, it } from 'vitest';
import { attendanceRates, normaliseTime, parseGroupSession, parseLanguages, seriesDates } from './group-sessions.ts';

const form = (o: Record<string, string> = {}) => ({
  projectId: '1',
  kind: 'kvindecafe',
  title: '',
  heldOn: '2026-03-02',
  startsAt: '10',
  endsAt: '12.30',
  place: 'Beboerhuset',
  languages: '',
  note: '',
  repeatWeeks: '',
  repeatUntil: '',
  ...o,
});

describe('group sessions', () => {
  it('repeats every N weeks up to and including the end date', () => {
    expect(seriesDates('2026-03-02', 4, '2026-04-27')).toEqual(['2026-03-02', '2026-03-30', '2026-04-27']);
    expect(seriesDates('2026-03-02', 4, '2026-04-26')).toEqual(['2026-03-02', '2026-03-30']);
    expect(seriesDates('2026-03-02', 0, null)).toEqual(['2026-03-02']);
  });

  it('reads times as Danes write them and languages as a list', () => {
    expect(['9.30', '09:30', '930', '9'].map(normaliseTime)).toEqual(['09:30', '09:30', '09:30', '09:00']);
    expect(parseLanguages(' arabisk,  Somali ; arabisk\ndari ')).toEqual(['arabisk', 'Somali', 'dari']);
  });

  it('shows every field error at once and checks across fields', () => {
    const r = parseGroupSession(form({ kind: '', startsAt: '13', endsAt: '12', repeatWeeks: '4' }), { projects: [1], creating: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      kind: 'Vælg hvilken slags møde det er.',
      endsAt: 'Sluttidspunktet skal ligge efter starttidspunktet.',
      repeatUntil: 'Angiv hvornår gentagelsen slutter.',
    });
    const edit = parseGroupSession(form({ repeatWeeks: '4' }), { projects: [1], creating: false });
    expect(edit.ok && edit.value.repeatWeeks).toBe(0);
    expect(parseGroupSession(form({ projectId: '2' }), { projects: [1], creating: true })).toEqual({
      ok: false,
      errors: { projectId: 'Vælg et af jobcentrets projekter.' },
    });
  });

  it('counts the attendance rate per kind over held sessions only; afbud is not attending', () => {
    const rates = attendanceRates([
      { kind: 'kvindecafe', cancelled: false, statuses: ['moedt', 'moedt', 'afbud', 'udeblevet'] },
      { kind: 'kvindecafe', cancelled: false, statuses: ['moedt'] },
      { kind: 'kvindecafe', cancelled: true, statuses: ['udeblevet', 'udeblevet'] },
      { kind: 'partnere', cancelled: false, statuses: [] },
    ]);
    expect(rates.find((r) => r.kind === 'kvindecafe')).toEqual({
      kind: 'kvindecafe',
      sessions: 2,
      registered: 5,
      attended: 3,
      excused: 1,
      absent: 1,
      rate: 0.6,
    });
    expect(rates.find((r) => r.kind === 'partnere')).toMatchObject({ sessions: 1, registered: 0, rate: null });
    expect(rates.find((r) => r.kind === 'kickstart')).toMatchObject({ sessions: 0, rate: null });
  });
});
