import { describe, expect, it } from 'vitest';
import { computeAlerts } from './alerts.ts';
import { input, only } from './test-support.ts';
import { conversationPace } from './alert-rules.ts';
import { withDefaults } from './alert-settings.ts';
import { exemptDays, exemptionOn, exemptionSchema, shiftDeadline, type ExemptionPeriod } from './exemptions.ts';
import { nextDueDate } from './follow-up.ts';
import { WHO5 } from './who5.ts';

const barsel = (startDate: string, endDate: string | null): ExemptionPeriod => ({ kind: 'barsel', startDate, endDate });

describe('exemption periods: counting days', () => {
  it('counts exempt days inclusively, merging overlaps, and an open period up to today only', () => {
    const p = [barsel('2024-03-01', '2024-03-10'), { kind: 'sygdom' as const, startDate: '2024-03-05', endDate: '2024-03-14' }];
    expect(exemptDays(p, '2024-01-01', '2024-12-31', '2024-06-01')).toBe(14);
    expect(exemptDays(p, '2024-03-10', '2024-03-11', '2024-06-01')).toBe(2);
    expect(exemptDays(p, '2024-03-15', '2024-12-31', '2024-06-01')).toBe(0);
    expect(exemptDays([barsel('2024-05-01', null)], '2024-01-01', '2024-12-31', '2024-05-10')).toBe(10);
    expect(exemptDays([barsel('2024-05-01', null)], '2024-01-01', '2024-12-31', '2024-04-30')).toBe(0);
  });
  it('moves a deadline by the exempt days before it, also into a later period the move reaches', () => {
    expect(shiftDeadline([], '2024-01-01', '2024-03-01', '2024-01-01')).toBe('2024-03-01');
    expect(shiftDeadline([barsel('2024-02-01', '2024-02-10')], '2024-01-01', '2024-03-01', '2024-01-01')).toBe('2024-03-11');
    // a period after the deadline does not count; one the move runs into does
    expect(shiftDeadline([barsel('2024-03-02', '2024-03-05')], '2024-01-01', '2024-03-01', '2024-01-01')).toBe('2024-03-01');
    expect(
      shiftDeadline([barsel('2024-02-01', '2024-02-10'), barsel('2024-03-05', '2024-03-06')], '2024-01-01', '2024-03-01', '2024-01-01'),
    ).toBe('2024-03-13');
    // before the clock started: nothing
    expect(shiftDeadline([barsel('2023-12-01', '2023-12-31')], '2024-01-01', '2024-03-01', '2024-01-01')).toBe('2024-03-01');
  });
  it('finds the period covering a day', () => {
    const p = [barsel('2024-03-01', '2024-03-10'), barsel('2024-03-05', null)];
    expect(exemptionOn(p, '2024-02-29')).toBeNull();
    expect(exemptionOn(p, '2024-03-02')?.endDate).toBe('2024-03-10');
    expect(exemptionOn(p, '2024-03-06')?.endDate).toBeNull();
  });
});

describe('exemption form', () => {
  it('needs a kind and a start, an end not before the start, and a reason for "andet"', () => {
    expect(exemptionSchema.safeParse({ kind: 'barsel', startDate: '1.3.2024', endDate: '' }).data).toEqual({
      kind: 'barsel',
      startDate: '2024-03-01',
      endDate: null,
      reason: null,
    });
    const bad = exemptionSchema.safeParse({ kind: 'andet', startDate: '2024-03-10', endDate: '2024-03-01', reason: ' ' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endDate', 'Slutdatoen kan ikke ligge før startdatoen.'],
      ['reason', 'Skriv begrundelsen, når årsagen er "Andet".'],
    ]);
    expect(exemptionSchema.safeParse({ kind: 'orlov', startDate: '2024-03-01' }).error?.issues[0].message).toBe(
      'Vælg hvorfor hun er fritaget.',
    );
  });
});

describe('follow-up rules pause during an exemption', () => {
  // Enrolled 1 Jan, no conversation: the next is due 1 Mar (2 months), a warning from 16 Feb.
  it('the conversation rule is silent inside the period and returns after it with the deadline moved by its length', () => {
    const ex = [barsel('2024-02-10', '2024-03-20')]; // 40 days
    expect(only('samtale_frist', computeAlerts(input({ today: '2024-03-05' })))).toEqual([['kritisk', '2024-03-01']]);
    expect(only('samtale_frist', computeAlerts(input({ today: '2024-03-05', exemptions: ex })))).toEqual([]);
    // 1 Mar + 40 days = 10 Apr; warning within 14 days before
    expect(only('samtale_frist', computeAlerts(input({ today: '2024-03-21', exemptions: ex })))).toEqual([]);
    expect(only('samtale_frist', computeAlerts(input({ today: '2024-03-28', exemptions: ex })))).toEqual([['advarsel', '2024-04-10']]);
    expect(only('samtale_frist', computeAlerts(input({ today: '2024-04-11', exemptions: ex })))).toEqual([['kritisk', '2024-04-10']]);
  });
  it('the six-week company rule is silent inside the period, and its deadline moves by the exempt days in the pause', () => {
    const acts = [{ typeKey: 'virksomhedspraktik', startDate: '2024-01-08', endDate: '2024-02-29', status: 'afsluttet' as const }];
    const at = (today: string, exemptions?: ExemptionPeriod[]) =>
      only('virksomhedspause', computeAlerts(input({ today, activities: acts, conversations: [{ date: today }], exemptions })));
    expect(at('2024-04-13')).toEqual([['kritisk', '2024-04-12']]);
    const sick = [{ kind: 'sygdom' as const, startDate: '2024-03-10', endDate: '2024-03-19' }]; // 10 days
    expect(at('2024-03-15', sick)).toEqual([]);
    expect(at('2024-04-13', sick)).toEqual([]);
    expect(at('2024-04-16', sick)).toEqual([['advarsel', '2024-04-22']]);
    expect(at('2024-04-23', sick)).toEqual([['kritisk', '2024-04-22']]);
    // a next activity starting by the moved deadline keeps the pause within the limit
    const next = [...acts, { typeKey: 'virksomhedspraktik', startDate: '2024-04-20', endDate: null, status: 'planlagt' as const }];
    expect(
      only(
        'virksomhedspause',
        computeAlerts(input({ today: '2024-04-15', activities: next, conversations: [{ date: '2024-04-15' }], exemptions: sick })),
      ),
    ).toEqual([]);
  });
  it('the plan deadline moves and the yearly pace is prorated for the exempt days', () => {
    const ex = [barsel('2024-01-10', '2024-01-19')];
    expect(only('plan_mangler', computeAlerts(input({ today: '2024-02-01', plan: null })))).toEqual([['kritisk', '2024-01-31']]);
    expect(only('plan_mangler', computeAlerts(input({ today: '2024-02-01', plan: null, exemptions: ex })))).toEqual([]);
    expect(only('plan_mangler', computeAlerts(input({ today: '2024-02-05', plan: null, exemptions: ex })))).toEqual([
      ['advarsel', '2024-02-10'],
    ]);
    expect(only('plan_mangler', computeAlerts(input({ today: '2024-02-11', plan: null, exemptions: ex })))).toEqual([
      ['kritisk', '2024-02-10'],
    ]);
    const s = withDefaults({});
    // enrolled a year ago, on maternity leave for six months of it: half the yearly target
    const year = input({
      enrolment: { date: '2023-01-01', exitDate: null },
      today: '2024-01-01',
      exemptions: [barsel('2023-03-01', '2023-08-31')],
    });
    const pace = conversationPace(year, s);
    expect(pace.expected).toBe(Math.floor((8 * (365 - 184)) / 365));
  });
  it('WHO-5 still alerts during an exemption; due dates are unknown while an open period lasts', () => {
    const low = { instrumentKey: WHO5.key, date: '2024-02-15', answers: Object.fromEntries(WHO5.dimensions.map((d) => [d.key, 1])) };
    const alerts = computeAlerts(input({ today: '2024-03-05', assessments: [low], plan: null, exemptions: [barsel('2024-02-10', null)] }));
    expect(alerts.map((a) => a.code)).toEqual(['who5_lav']);
    expect(nextDueDate(input({ today: '2024-03-05', exemptions: [barsel('2024-02-10', null)] }))).toBeNull();
    // known end: the earliest moved date (the company pause from enrolment: 12 Feb + 40 days)
    expect(nextDueDate(input({ today: '2024-03-05', exemptions: [barsel('2024-02-10', '2024-03-20')] }))).toMatchObject({
      date: '2024-03-23',
      kind: 'virksomhedsrettet_tilbud',
    });
  });
});
