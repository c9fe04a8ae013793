import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertSettingsSchema, DEFAULT_ALERT_SETTINGS } from './alert-settings.ts';
import { caseloadAlerts, computeAlerts, type FollowUpInput } from './alerts.ts';
import { completePlan, input, only } from './test-support.ts';
import { companyPauses } from './company-pauses.ts';
import { addDays } from '../core/dates.ts';
import { WHO5 } from './who5.ts';

const praktik = (startDate: string, endDate: string | null, status: 'planlagt' | 'i_gang' | 'afsluttet' | 'afbrudt' = 'afsluttet') => ({
  typeKey: 'virksomhedspraktik',
  startDate,
  endDate,
  status,
});

describe('settings', () => {
  it('defaults to the seeds’ rules', () => {
    expect(DEFAULT_ALERT_SETTINGS).toMatchObject({
      maxPauseCompanyWeeks: 6,
      maxMonthsWithoutConversation: 2,
      conversationsPerYearTarget: 8,
      planDueDays: 30,
      who5Threshold: 50,
      caseloadLimit: 40,
    });
  });
  it('accepts form strings and allows caseload limits 1–200 only', () => {
    expect(alertSettingsSchema.parse({ caseloadLimit: '35', maxPauseCompanyWeeks: '8' })).toMatchObject({
      caseloadLimit: 35,
      maxPauseCompanyWeeks: 8,
    });
    expect(alertSettingsSchema.safeParse({ caseloadLimit: 200 }).success).toBe(true);
    expect(alertSettingsSchema.safeParse({ caseloadLimit: 201 }).error?.issues[0].message).toMatch(/højst være 200/);
    expect(alertSettingsSchema.safeParse({ caseloadLimit: 0 }).success).toBe(false);
    expect(alertSettingsSchema.safeParse({ planDueDays: '30,5' }).error?.issues[0].message).toMatch(/helt tal/);
  });
});

describe('company-oriented pause rule (max 6 weeks)', () => {
  // praktik ends Thu 29 Feb 2024; the pause starts 1 Mar; 42 days later is 12 Apr
  const acts = [praktik('2024-01-08', '2024-02-29')];
  const at = (today: string, activities = acts) =>
    only('virksomhedspause', computeAlerts(input({ today, activities, conversations: [{ date: today }] })));

  it('is quiet until 5 weeks into the pause, warns from 5 weeks, and is critical after 6 weeks', () => {
    expect(at('2024-04-04')).toEqual([]);
    expect(at('2024-04-05')).toEqual([['advarsel', '2024-04-12']]);
    expect(at('2024-04-12')).toEqual([['advarsel', '2024-04-12']]); // exactly 6 weeks: not yet broken
    expect(at('2024-04-13')).toEqual([['kritisk', '2024-04-12']]); // 6 weeks and a day
  });
  it('accepts a next activity starting after exactly 6 weeks, not 6 weeks and a day', () => {
    const onTime = [...acts, praktik('2024-04-12', null, 'planlagt')];
    const late = [...acts, praktik('2024-04-13', null, 'planlagt')];
    expect(at('2024-04-10', onTime)).toEqual([]);
    expect(at('2024-04-10', late)).toEqual([['advarsel', '2024-04-12']]);
    expect(at('2024-04-12', late)).toEqual([['advarsel', '2024-04-12']]);
    const p = (a: typeof acts) => companyPauses({ enrolmentDate: '2024-01-01', exitDate: null, activities: a, maxPauseWeeks: 6 });
    expect(p(onTime)[1]).toMatchObject({ start: '2024-03-01', lengthDays: 42, exceeded: false });
    expect(p(late)[1]).toMatchObject({ start: '2024-03-01', lengthDays: 43, exceeded: true });
  });
  it('counts from enrolment when there has been no company-oriented activity', () => {
    const a = (today: string) => only('virksomhedspause', computeAlerts(input({ today, conversations: [{ date: today }] })));
    expect(a('2024-02-04')).toEqual([]);
    expect(a('2024-02-05')).toEqual([['advarsel', '2024-02-12']]);
    expect(a('2024-02-13')).toEqual([['kritisk', '2024-02-12']]);
  });
  it('ignores other categories, respects an open-ended activity and a project’s own company type', () => {
    const course = [{ typeKey: 'jobklub', startDate: '2024-01-01', endDate: null, status: 'i_gang' as const }];
    expect(at('2024-03-01', course)).toEqual([['kritisk', '2024-02-12']]);
    expect(at('2024-12-01', [praktik('2024-01-05', null, 'i_gang')])).toEqual([]);
    const own = [{ key: 'butik', name: 'Butik', category: 'virksomhedsrettet' as const, atCompany: true }];
    const alerts = computeAlerts(
      input({
        today: '2024-03-01',
        conversations: [{ date: '2024-03-01' }],
        activities: [{ ...course[0], typeKey: 'butik' }],
        extraActivityTypes: own,
      }),
    );
    expect(only('virksomhedspause', alerts)).toEqual([]);
  });
  it('merges overlapping and back-to-back activities into one period', () => {
    const chain = [
      praktik('2024-01-01', '2024-02-15'),
      { ...praktik('2024-02-16', '2024-03-31'), typeKey: 'loentilskud' },
      praktik('2024-03-01', '2024-03-10'),
    ];
    const pauses = companyPauses({ enrolmentDate: '2024-01-01', exitDate: null, activities: chain, maxPauseWeeks: 6 });
    expect(pauses).toEqual([{ start: '2024-04-01', nextStart: null, deadline: '2024-05-13', lengthDays: null, exceeded: true }]);
  });
  it('ends a pause at a planned exit date', () => {
    const pauses = companyPauses({ enrolmentDate: '2024-01-01', exitDate: '2024-02-11', activities: [], maxPauseWeeks: 6 });
    expect(pauses[0]).toMatchObject({ lengthDays: 42, exceeded: false });
  });
});

describe('conversation interval rule (max 2 months)', () => {
  const at = (today: string, conversations = [{ date: '2024-01-15' }]) =>
    only('samtale_frist', computeAlerts(input({ today, conversations, activities: [praktik('2024-01-01', null, 'i_gang')] })));
  it('warns when fewer than 14 days remain and is critical after exactly 2 months', () => {
    expect(at('2024-03-01')).toEqual([]); // 14 days remain
    expect(at('2024-03-02')).toEqual([['advarsel', '2024-03-15']]); // 13 days remain
    expect(at('2024-03-15')).toEqual([['advarsel', '2024-03-15']]); // exactly 2 months
    expect(at('2024-03-16')).toEqual([['kritisk', '2024-03-15']]);
  });
  it('counts from enrolment when no conversation has been held, and clamps month ends', () => {
    expect(at('2024-03-02', [])).toEqual([['kritisk', '2024-03-01']]);
    const e = computeAlerts(
      input({
        enrolment: { date: '2023-12-31', exitDate: null },
        today: '2024-02-29',
        activities: [praktik('2023-12-31', null, 'i_gang')],
      }),
    );
    expect(only('samtale_frist', e)).toEqual([['advarsel', '2024-02-29']]);
    expect(e.find((a) => a.code === 'samtale_frist')?.message).toMatch(/ingen samtaler endnu/);
  });
});

describe('yearly conversation target (8 a year)', () => {
  const monthly = (n: number, from: string) => Array.from({ length: n }, (_, i) => ({ date: addDays(from, i * 20) }));
  const at = (enrolment: string, today: string, conversations: { date: string }[]) =>
    only(
      'samtaler_aarsmaal',
      computeAlerts(
        input({ enrolment: { date: enrolment, exitDate: null }, today, conversations, activities: [praktik(enrolment, null, 'i_gang')] }),
      ),
    );
  it('warns when fewer than 8 conversations were held in the last 12 months', () => {
    expect(at('2023-01-01', '2024-06-30', monthly(8, '2024-01-01'))).toEqual([]);
    expect(at('2023-01-01', '2024-06-30', monthly(7, '2024-01-01'))).toEqual([['advarsel', undefined]]);
    // conversations older than 12 months do not count
    expect(at('2023-01-01', '2024-06-30', [...monthly(7, '2024-01-01'), { date: '2023-06-30' }])).toEqual([['advarsel', undefined]]);
  });
  it('prorates the target for a woman enrolled less than a year', () => {
    // 182 of 366 days enrolled: 8 × 182/366 = 3.98 → at least 3
    expect(at('2024-01-01', '2024-07-01', monthly(3, '2024-01-10'))).toEqual([]);
    const two = computeAlerts(
      input({
        enrolment: { date: '2024-01-01', exitDate: null },
        today: '2024-07-01',
        conversations: monthly(2, '2024-05-01'),
        activities: [praktik('2024-01-01', null, 'i_gang')],
      }),
    );
    expect(two.find((a) => a.code === 'samtaler_aarsmaal')?.message).toBe(
      '2 samtaler de seneste 12 måneder; målet er 8 om året (for den tid, hun har været indskrevet: 3).',
    );
  });
});

describe('plan, CV and ABC strategy within 30 days', () => {
  const at = (today: string, plan: FollowUpInput['plan']) =>
    only(
      'plan_mangler',
      computeAlerts(
        input({
          enrolment: { date: '2024-03-01', exitDate: null },
          today,
          plan,
          conversations: [{ date: today }],
          activities: [praktik('2024-03-01', null, 'i_gang')],
        }),
      ),
    );
  it('warns in the last week before day 30 and is critical from day 31', () => {
    expect(at('2024-03-23', null)).toEqual([]);
    expect(at('2024-03-24', null)).toEqual([['advarsel', '2024-03-31']]);
    expect(at('2024-03-31', null)).toEqual([['advarsel', '2024-03-31']]); // day 30
    expect(at('2024-04-01', null)).toEqual([['kritisk', '2024-03-31']]);
  });
  it('names each missing item separately', () => {
    const alerts = computeAlerts(
      input({
        enrolment: { date: '2024-03-01', exitDate: null },
        today: '2024-04-01',
        plan: { ...completePlan, cvOnJobnet: false, abcStrategy: { a: 'x', b: null, c: null } },
        conversations: [{ date: '2024-04-01' }],
        activities: [praktik('2024-03-01', null, 'i_gang')],
      }),
    );
    expect(alerts.map((a) => a.code)).toEqual(['abc_mangler', 'cv_mangler']);
    expect(alerts[1].message).toBe('CV på Jobnet mangler 30 dage efter indskrivning (frist 31.3.2024).');
    expect(at('2024-04-01', completePlan)).toEqual([]);
  });
});

describe('WHO-5 rule', () => {
  const who5 = (date: string, total: number) => {
    const raw = total / 4;
    const answers = Object.fromEntries(WHO5.dimensions.map((d, i) => [d.key, Math.min(5, Math.max(0, raw - i * 5))]));
    return { instrumentKey: 'who5', date, answers };
  };
  const at = (assessments: ReturnType<typeof who5>[], settings?: FollowUpInput['settings']) =>
    computeAlerts(
      input({
        today: '2024-02-01',
        conversations: [{ date: '2024-02-01' }],
        activities: [praktik('2024-01-01', null, 'i_gang')],
        assessments,
        settings,
      }),
    ).filter((a) => a.code === 'who5_lav');
  it('uses the latest WHO-5: under 50 warns, 28 or below is critical', () => {
    expect(at([who5('2024-01-10', 52)])).toEqual([]);
    expect(at([who5('2024-01-10', 48)])[0]).toMatchObject({
      severity: 'advarsel',
      message: 'WHO-5-score 48 (under 50) den 10.1.2024: risiko for nedsat trivsel.',
    });
    expect(at([who5('2024-01-10', 32)])[0].severity).toBe('advarsel');
    expect(at([who5('2024-01-10', 28)])[0]).toMatchObject({
      severity: 'kritisk',
      message: 'WHO-5-score 28 (under 50) den 10.1.2024: mulig depression – henvis til vurdering.',
    });
    expect(at([who5('2024-01-05', 20), who5('2024-01-20', 60)])).toEqual([]);
    expect(at([who5('2024-01-05', 60), who5('2024-03-01', 20)])).toEqual([]); // after today: ignored
  });
  it('follows the project’s threshold', () => {
    expect(at([who5('2024-01-10', 52)], { who5Threshold: 52 })).toEqual([]);
    expect(at([who5('2024-01-10', 48)], { who5Threshold: 40 })).toEqual([]);
  });
});

describe('computeAlerts overall', () => {
  it('sorts critical alerts first', () => {
    const alerts = computeAlerts(input({ today: '2024-04-01', plan: null }));
    expect(alerts.map((a) => a.severity)).toEqual(['kritisk', 'kritisk', 'kritisk', 'kritisk', 'kritisk', 'advarsel']);
  });
  it('gives an exited woman no alerts (property)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2023-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(day, { maxLength: 5 }),
        (enrol, exitAfter, todayAfter, convDates) => {
          const exitDate = addDays(enrol, exitAfter);
          const today = addDays(exitDate, todayAfter);
          const alerts = computeAlerts(
            input({ enrolment: { date: enrol, exitDate }, today, plan: null, conversations: convDates.map((date) => ({ date })) }),
          );
          expect(alerts).toEqual([]);
        },
      ),
    );
  });
  it('never raises the conversation alert on a day with a conversation (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), (enrolOffset, after) => {
        const enrol = addDays('2022-01-01', enrolOffset);
        const today = addDays(enrol, after);
        const alerts = computeAlerts(input({ enrolment: { date: enrol, exitDate: null }, today, conversations: [{ date: today }] }));
        expect(alerts.some((a) => a.code === 'samtale_frist')).toBe(false);
      }),
    );
  });
  it('always warns before it turns critical: the day before a critical alert there is a warning (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 60 }), (offset, lastConv) => {
        const today = addDays('2024-01-01', offset);
        const conv = lastConv <= offset ? [{ date: addDays('2024-01-01', lastConv) }] : [];
        const now = computeAlerts(input({ today, conversations: conv }));
        const before = computeAlerts(input({ today: addDays(today, -1), conversations: conv }));
        for (const a of now.filter((x) => x.severity === 'kritisk' && x.dueDate === addDays(today, -1))) {
          expect(before.some((b) => b.code === a.code && b.severity === 'advarsel')).toBe(true);
        }
      }),
    );
  });
});

describe('caseloadAlerts', () => {
  const cw = (n: number) => ({ caseworkerId: `cw${n}`, name: `Sagsbehandler ${n}`, activeCount: n });
  it('warns within 2 of the limit and is critical above it', () => {
    const r = caseloadAlerts([cw(37), cw(38), cw(40), cw(41)]);
    expect(r.map((a) => [a.caseworkerId, a.severity])).toEqual([
      ['cw41', 'kritisk'],
      ['cw38', 'advarsel'],
      ['cw40', 'advarsel'],
    ]);
    expect(r[0].message).toBe('Sagsbehandler 41 har 41 sager; grænsen er 40.');
  });
  it('follows the project’s limit', () => {
    expect(caseloadAlerts([cw(36)], { caseloadLimit: 35 })[0].severity).toBe('kritisk');
    expect(caseloadAlerts([cw(36)], { caseloadLimit: 50 })).toEqual([]);
  });
});
