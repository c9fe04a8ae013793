import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.ts';
import { WHO5 } from './who5.ts';

describe('buildTimeline', () => {
  const t = buildTimeline({
    enrolment: { date: '2024-01-02', exitDate: '2024-06-28', exitReason: 'job_ordinaer' },
    activities: [
      {
        typeKey: 'virksomhedspraktik',
        provider: 'Føtex',
        startDate: '2024-02-05',
        endDate: '2024-03-29',
        status: 'afsluttet',
        hoursPerWeek: 18.5,
      },
      { typeKey: 'kickstart', provider: null, startDate: '2024-01-08', endDate: '2024-01-12', status: 'i_gang' },
    ],
    conversations: [
      { date: '2024-01-02', kind: 'individuel', participants: 'Borger, rådgiver', interpreterUsed: true, note: 'Visitation' },
    ],
    assessments: [{ instrumentKey: 'who5', date: '2024-01-08', answers: Object.fromEntries(WHO5.dimensions.map((d) => [d.key, 2])) }],
    planChanges: [{ date: '2024-01-15', by: 'Sara', changes: [{ field: 'jobGoal', label: 'Jobmål', from: null, to: 'Butik' }] }],
    registerStatuses: [{ month: '2024-04', level: 2, snapshot: 'Løntimer 40 t i april' }],
  });

  it('merges every source into one list, oldest first', () => {
    expect(t.map((e) => [e.date, e.kind])).toEqual([
      ['2024-01-02', 'indskrivning'],
      ['2024-01-02', 'samtale'],
      ['2024-01-08', 'aktivitet_start'],
      ['2024-01-08', 'maaling'],
      ['2024-01-15', 'planaendring'],
      ['2024-02-05', 'aktivitet_start'],
      ['2024-03-29', 'aktivitet_slut'],
      ['2024-04-01', 'registerstatus'],
      ['2024-06-28', 'udskrivning'],
    ]);
  });
  it('writes Danish titles and details', () => {
    const byKind = (k: string) => t.filter((e) => e.kind === k);
    expect(byKind('aktivitet_start')[1]).toEqual({
      date: '2024-02-05',
      kind: 'aktivitet_start',
      title: 'Start: Virksomhedspraktik',
      detail: 'Føtex · 5.2.2024–29.3.2024 · 18,5 t/uge · Afsluttet',
    });
    expect(byKind('samtale')[0].detail).toBe('Borger, rådgiver · med tolk · Visitation');
    expect(byKind('maaling')[0]).toMatchObject({ title: 'Måling: WHO-5 Trivselsindeks', detail: 'Score 40 · risiko for nedsat trivsel' });
    expect(byKind('planaendring')[0]).toMatchObject({ title: 'Plan ændret af Sara', detail: 'Jobmål: – → Butik' });
    expect(byKind('registerstatus')[0].title).toBe('Registerstatus 2024-04: Mål 2: løntimer, højst 18,5 timer/uge');
    expect(byKind('udskrivning')[0].detail).toBe('Årsag: Job (ordinære vilkår)');
  });
  it('returns an empty list for no input', () => {
    expect(buildTimeline({})).toEqual([]);
  });
});
