import { describe, expect, it } from 'vitest';
import { makeVisitationChangeSchema, upgradedOn, visitationHistory, visitationOn } from './visitation.ts';

describe('visitation over time', () => {
  const changes = [
    { id: 'b', date: '2024-06-01', visitation: 'jobparat' as const },
    { id: 'a', date: '2024-03-01', visitation: 'aktivitetsparat' as const },
    { id: 'c', date: '2024-09-01', visitation: 'jobparat' as const },
    { id: 'd', date: '2024-10-01', visitation: 'oevrige' as const },
  ];
  it('derives from → to in date order and leaves out a change to the same category', () => {
    expect(visitationHistory('jobparat', changes).map((s) => [s.change.id, s.from, s.to])).toEqual([
      ['a', 'jobparat', 'aktivitetsparat'],
      ['b', 'aktivitetsparat', 'jobparat'],
      ['d', 'jobparat', 'oevrige'],
    ]);
  });
  it('gives her category on a day, and the first opvisitering from aktivitetsparat to jobparat', () => {
    expect(visitationOn('jobparat', changes, '2024-02-29')).toBe('jobparat');
    expect(visitationOn('jobparat', changes, '2024-03-01')).toBe('aktivitetsparat');
    expect(visitationOn('jobparat', changes, '2024-12-31')).toBe('oevrige');
    expect(upgradedOn('jobparat', changes)).toBe('2024-06-01');
    expect(upgradedOn('aktivitetsparat', [{ date: '2024-05-01', visitation: 'oevrige' }])).toBeNull();
    expect(upgradedOn('aktivitetsparat', [])).toBeNull();
  });
  it('refuses a date before enrolment or in the future and a change to the category she has, in Danish', () => {
    const schema = makeVisitationChangeSchema({
      today: '2024-12-01',
      enrolledOn: '2024-01-15',
      current: (d) => visitationOn('aktivitetsparat', [], d),
    });
    const msg = (v: Record<string, string>) => schema.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msg({ date: '1.1.2024', visitation: 'jobparat' })).toEqual(['date: Datoen kan ikke ligge før indskrivningen (15.1.2024).']);
    expect(msg({ date: '2.12.2024', visitation: 'jobparat' })).toEqual(['date: Datoen kan ikke ligge i fremtiden (senest 1.12.2024).']);
    expect(msg({ date: '1.6.2024', visitation: 'aktivitetsparat' })).toEqual(['visitation: Hun har allerede den visitation på datoen.']);
    expect(msg({ date: '1.6.2024', visitation: 'fleksjob' })).toEqual(['visitation: Vælg den nye visitation.']);
    expect(schema.safeParse({ date: '1.6.2024', visitation: 'jobparat', reason: ' Klar til job ' }).data).toEqual({
      date: '2024-06-01',
      visitation: 'jobparat',
      reason: 'Klar til job',
    });
  });
});
