import { describe, expect, it } from 'vitest';
import type { FollowUpInput } from './alerts.ts';
import { dueDates, lastContact, nextDueDate } from './follow-up.ts';

const base: FollowUpInput = {
  enrolment: { date: '2024-03-01', exitDate: null },
  activities: [],
  conversations: [],
  plan: null,
  assessments: [],
  today: '2024-03-05',
};
const plan = { jobGoal: 'Kantine', abcStrategy: { a: 'Kok', b: 'Kantine', c: 'Opvask' }, cvOnJobnet: true };

describe('nextDueDate', () => {
  it('lists conversation, company activity and plan deadlines, earliest first', () => {
    expect(dueDates(base).map((d) => [d.kind, d.date])).toEqual([
      ['plan', '2024-03-31'],
      ['virksomhedsrettet_tilbud', '2024-04-12'],
      ['samtale', '2024-05-01'],
    ]);
    expect(nextDueDate(base)).toEqual({ date: '2024-03-31', kind: 'plan', label: 'Plan, CV og ABC-jobstrategi' });
  });
  it('drops the plan once complete and the company deadline while an open-ended activity runs', () => {
    expect(nextDueDate({ ...base, plan })?.kind).toBe('virksomhedsrettet_tilbud');
    const running = {
      ...base,
      plan,
      activities: [{ typeKey: 'loentilskud', startDate: '2024-03-04', endDate: null, status: 'i_gang' as const }],
    };
    expect(nextDueDate(running)).toEqual({ date: '2024-05-01', kind: 'samtale', label: 'Næste samtale' });
  });
  it('moves the company deadline to 6 weeks after the current activity ends', () => {
    const ending = {
      ...base,
      plan,
      conversations: [{ date: '2024-03-05' }],
      activities: [{ typeKey: 'igu', startDate: '2024-03-04', endDate: '2024-03-31', status: 'i_gang' as const }],
    };
    expect(nextDueDate(ending)).toEqual({ date: '2024-05-05', kind: 'samtale', label: 'Næste samtale' });
    expect(dueDates(ending).find((d) => d.kind === 'virksomhedsrettet_tilbud')?.date).toBe('2024-05-13'); // pause from 1 Apr + 42 days
  });
  it('returns an overdue date as is, and nothing for an exited woman', () => {
    expect(nextDueDate({ ...base, today: '2024-06-01' })?.date).toBe('2024-03-31');
    expect(nextDueDate({ ...base, enrolment: { date: '2024-03-01', exitDate: '2024-03-05' } })).toBeNull();
  });
});

describe('lastContact', () => {
  it('returns the latest conversation on or before today, keeping its fields', () => {
    const conv = [
      { date: '2024-02-01', kind: 'individuel' },
      { date: '2024-03-04', kind: 'hjemmebesoeg' },
      { date: '2024-03-06', kind: 'gruppe' },
    ];
    expect(lastContact(conv, '2024-03-05')).toEqual({ date: '2024-03-04', kind: 'hjemmebesoeg' });
    expect(lastContact([], '2024-03-05')).toBeNull();
  });
});
