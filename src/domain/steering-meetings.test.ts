import { describe, expect, it } from 'vitest';
import {
  actionFormSchema,
  committeeMeetingFor,
  draftAgenda,
  eventueltLast,
  isActionOverdue,
  meetingFormSchema,
  meetingPlanByYear,
  pointsNotOnAgenda,
} from './steering-meetings.ts';

const project = { startDate: '2019-09-01', endDate: '2022-12-31' };
const sg = (heldOn: string) => ({ kind: 'styregruppe' as const, heldOn });

describe('meetingPlanByYear', () => {
  it('asks each year of the project for the promised number, in proportion for a part year, and counts only steering group meetings', () => {
    const years = meetingPlanByYear(
      [sg('2019-10-01'), sg('2019-12-01'), sg('2020-03-01'), { kind: 'udvalg', heldOn: '2020-06-01' }],
      project,
      4,
    );
    expect(years.map((y) => [y.year, y.planned, y.required, y.short])).toEqual([
      [2019, 2, 2, false], // September–December: 4 × 4/12, rounded up
      [2020, 1, 4, true],
      [2021, 0, 4, true],
      [2022, 0, 4, true],
    ]);
    expect(meetingPlanByYear([], { startDate: '2019-11-15', endDate: '2020-02-10' }, 3).map((y) => y.required)).toEqual([1, 1]);
  });
});

describe('draftAgenda', () => {
  it('proposes approval, open actions, goals behind target and late milestones, in that order, ending with Eventuelt', () => {
    const points = draftAgenda({
      lastMeeting: { title: 'Styregruppemøde 1. kvartal', heldOn: '2021-03-15' },
      openActions: [{ description: 'Ring til virksomhederne', owner: 'Projektleder', dueDate: '2021-04-01', overdue: true }],
      goalsBehind: [{ title: 'Halvdelen i job', result: '10 af 40 kvinder (25 %)', target: '50 %', deadline: '2022-12-31', final: false }],
      overdueMilestones: [{ number: 7, content: 'Netværk oprettet', dueDate: '2021-02-28', responsible: 'Teamleder' }],
    });
    expect(points.map((p) => p.source)).toEqual(['manuel', 'handling', 'maal', 'milepael', 'manuel']);
    expect(points.map((p) => p.title)).toEqual([
      'Godkendelse af referat fra sidste møde',
      'Opfølgning: Ring til virksomhederne',
      'Resultatmål ikke nået: Halvdelen i job',
      'Milepæl 7 er forsinket: Netværk oprettet',
      'Eventuelt',
    ]);
    expect(points[1].body).toBe('Ansvarlig: Projektleder. Frist 1.4.2021, overskredet.');
    expect(points[2].body).toBe('10 af 40 kvinder (25 %) mod målsætningen 50 %, frist 31.12.2022.');
    expect(draftAgenda({ lastMeeting: null, openActions: [], goalsBehind: [], overdueMilestones: [] }).map((p) => p.title)).toEqual([
      'Eventuelt',
    ]);
  });
});

describe('committeeMeetingFor', () => {
  it('is the first committee meeting after the report month', () => {
    const ms = [
      { kind: 'udvalg' as const, heldOn: '2022-12-05', id: 1 },
      { kind: 'udvalg' as const, heldOn: '2023-03-01', id: 2 },
      { kind: 'udvalg' as const, heldOn: '2023-01-20', id: 3 },
      { ...sg('2023-01-02'), id: 4 },
    ];
    expect(committeeMeetingFor(ms, '2022-12')?.id).toBe(3);
    expect(committeeMeetingFor(ms, '2022-11')?.id).toBe(1);
    expect(committeeMeetingFor(ms, '2023-03')).toBeNull();
  });
});

describe('actions and forms', () => {
  it('marks open and in-progress actions past their date as overdue, never done or dropped ones', () => {
    expect(isActionOverdue({ status: 'aaben', dueDate: '2021-01-01' }, '2021-01-02')).toBe(true);
    expect(isActionOverdue({ status: 'i_gang', dueDate: '2021-01-02' }, '2021-01-02')).toBe(false);
    expect(isActionOverdue({ status: 'udfoert', dueDate: '2020-01-01' }, '2021-01-02')).toBe(false);
    expect(isActionOverdue({ status: 'udgaaet', dueDate: '2020-01-01' }, '2021-01-02')).toBe(false);
  });

  it('refuses bad input with Danish messages', () => {
    const m = meetingFormSchema.safeParse({ kind: '', heldOn: '30.2.2021', title: ' ', place: '', participants: 'a\u0000b' });
    expect(m.success).toBe(false);
    const msgs = m.error!.issues.map((i) => i.message);
    expect(msgs).toEqual(
      expect.arrayContaining(['Vælg, hvilket slags møde det er.', '30. februar 2021 findes ikke.', 'Teksten indeholder et ugyldigt tegn.']),
    );
    const a = actionFormSchema.safeParse({ description: 'Følg op', owner: 'PL', dueDate: '1.3.2021', status: 'aaben', milestoneId: 'x' });
    expect(a.error!.issues.map((i) => i.message)).toEqual(['Vælg en milepæl fra listen.']);
    expect(
      actionFormSchema.parse({ description: 'Følg op', owner: 'PL', dueDate: '1.3.2021', status: 'aaben', milestoneId: '' }).milestoneId,
    ).toBeNull();
  });
});

describe('drawing the agenda twice', () => {
  const draft = [
    { title: 'Opfølgning: Ring til virksomhederne', body: null, source: 'handling' as const },
    { title: 'Milepæl 3 er forsinket: Netværk', body: null, source: 'milepael' as const },
    { title: 'Eventuelt', body: null, source: 'manuel' as const },
  ];
  it('proposes only the points not already on the agenda, by title regardless of case and spacing', () => {
    expect(pointsNotOnAgenda(draft, [])).toEqual(draft);
    expect(
      pointsNotOnAgenda(draft, [{ title: ' opfølgning:  Ring til virksomhederne' }, { title: 'EVENTUELT' }]).map((p) => p.title),
    ).toEqual(['Milepæl 3 er forsinket: Netværk']);
    expect(pointsNotOnAgenda(draft, draft)).toEqual([]);
  });
  it('keeps "Eventuelt" last after points are appended', () => {
    expect(
      eventueltLast([
        { id: 1, title: 'A' },
        { id: 2, title: 'Eventuelt' },
        { id: 3, title: 'B' },
      ]),
    ).toEqual([1, 3, 2]);
    expect(
      eventueltLast([
        { id: 1, title: 'A' },
        { id: 3, title: 'B' },
      ]),
    ).toEqual([1, 3]);
  });
});
