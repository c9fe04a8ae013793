import { describe, expect, it } from 'vitest';
import { monitor } from './engine.ts';
import { explainParticipant } from './explain.ts';
import { isFullTime } from './classify.ts';
import { inputOf, type PersonSpec } from './test-support.ts';

/** Result of one woman enrolled long before, report month R. */
function one(spec: Omit<PersonSpec, 'in'> & { in?: string }, R: string, opts: { durableMonth?: string; snapshotMonth?: string } = {}) {
  const input = inputOf([{ in: '2020-01-01', ...spec }]);
  return monitor(input, { month: R, suppress: 0, ...opts }).participants[0];
}

describe('level(m) and the worked examples of spec §3', () => {
  it('February 2021: 74 h gives a = 18.5 → D, level 2; 74.5 h gives 18.625 → F, level 1', () => {
    expect(one({ hours: { '2021-02': 74 } }, '2021-02').current).toBe(2);
    expect(one({ hours: { '2021-02': 74.5 } }, '2021-02').current).toBe(1);
    expect(isFullTime(74, 28)).toBe(false);
    expect(isFullTime(74.0001, 28)).toBe(true);
  });
  it('April 2021: 79.3 h gives 18.503 → F (a fixed 4.33 weeks would say 18.3)', () => {
    expect(one({ hours: { '2021-04': 79.3 } }, '2021-04').current).toBe(1);
    const e = explainParticipant(inputOf([{ in: '2020-01-01', hours: { '2021-04': 79.3 } }]), 0, '2021-04');
    expect(e.averageWeeklyHours).toBeCloseTo(18.503, 3);
    expect(e.F).toBe(true);
  });
  it('decimal sums that land exactly on 18.5 a week stay D (0.1 × 740 = 74 h in February 2021)', () => {
    let h = 0;
    for (let i = 0; i < 740; i++) h += 0.1; // 73.99999999999…: float noise must not decide
    expect(h).not.toBe(74);
    expect(one({ hours: { '2021-02': h } }, '2021-02').current).toBe(2);
  });
  it('education (SU code 651) in any week of the month is level 1, even with few hours', () => {
    expect(one({ weeks: { '2021-W10': 651 }, hours: { '2021-03': 10 } }, '2021-03').current).toBe(1);
  });
  it('paid hours beat a company-oriented offer: D → 2 even with praktik', () => {
    expect(one({ weeks: { '2021-W10': 707 }, hours: { '2021-03': 10 } }, '2021-03').current).toBe(2);
  });
  it('a code in category `ingen` gives no level and no flag: employment status 100 alone is 0, with hours it is the hours', () => {
    expect(one({ weeks: { '2021-W10': 100, '2021-W11': 122 } }, '2021-03').current).toBe(0);
    expect(one({ weeks: { '2021-W10': 100 }, hours: { '2021-03': 10 } }, '2021-03').current).toBe(2);
    expect(one({ weeks: { '2021-W10': 100, '2021-W11': 707 } }, '2021-03').current).toBe(3);
  });
  it('praktik (707) or løntilskud (705) alone is level 3; a benefit only is 0', () => {
    expect(one({ weeks: { '2021-W10': 707 } }, '2021-03').current).toBe(3);
    expect(one({ weeks: { '2021-W10': 705 } }, '2021-03').current).toBe(3);
    expect(one({ weeks: { '2021-W10': 730 } }, '2021-03').current).toBe(0);
  });
  it('a week straddling two months counts for the month of its Thursday only', () => {
    // 2021-W26 (28 June – 4 July) belongs to July, not June.
    expect(one({ weeks: { '2021-W26': 651 } }, '2021-06').current).toBe(0);
    expect(one({ weeks: { '2021-W26': 651 } }, '2021-07').current).toBe(1);
    // 2020-W53 (28 Dec – 3 Jan) belongs to December 2020.
    expect(one({ weeks: { '2020-W53': 707 } }, '2020-12').current).toBe(3);
    expect(one({ weeks: { '2020-W53': 707 } }, '2021-01').current).toBe(0);
  });
});

describe('durable employment (spec §4)', () => {
  const full = 120; // > 18.5 h/week in any month
  it('full: three consecutive months with F within Dm-5..Dm', () => {
    expect(one({ hours: { '2022-08': full, '2022-09': full, '2022-10': full } }, '2022-12').durable).toBe('full');
  });
  it('partial: three consecutive months with hours, not all F', () => {
    expect(one({ hours: { '2022-10': full, '2022-11': 10, '2022-12': full } }, '2022-12').durable).toBe('partial');
  });
  it('none: months with F not consecutive, or outside the six months', () => {
    expect(one({ hours: { '2022-08': full, '2022-09': full, '2022-11': full, '2022-12': full } }, '2022-12').durable).toBe('none');
    expect(one({ hours: { '2022-04': full, '2022-05': full, '2022-06': full } }, '2022-12').durable).toBe('none');
  });
  it('looks at Dm-5..Dm whatever her window, and uses --durable-month', () => {
    const r = one({ out: '2022-06-30', hours: { '2022-11': full, '2022-12': full, '2023-01': full } }, '2022-12', {
      durableMonth: '2023-02',
    });
    expect(r.durable).toBe('full');
    expect(r.current).toBeNull();
  });
});

describe('snapshot precedence at S (spec §4, items 1–9)', () => {
  const S = '2023-02';
  const last = '2023-W08'; // Monday 20 Feb, Thursday 23 Feb: the last week of February 2023
  const snap = (weeks: Record<string, number>, hours: Record<string, number> = {}) => one({ weeks, hours }, S).snapshot;
  it('1. udgaaet wins over everything', () => expect(snap({ [last]: 997 }, { [S]: 160 })).toBe('udgaaet'));
  it('2. uddannelse wins over hours', () => expect(snap({ [last]: 651 }, { [S]: 160 })).toBe('uddannelse'));
  it('3. beskaeftigelse_fuld: F(S) beats a fleksjob code', () => expect(snap({ [last]: 771 }, { [S]: 160 })).toBe('beskaeftigelse_fuld'));
  it('4. beskaeftigelse_delvis: D(S) beats a benefit', () => expect(snap({ [last]: 730 }, { [S]: 20 })).toBe('beskaeftigelse_delvis'));
  it('5. fleksjob', () => expect(snap({ [last]: 771 })).toBe('fleksjob'));
  it('6. foertidspension', () => expect(snap({ [last]: 783 })).toBe('foertidspension'));
  it('7. ressourceforloeb', () => expect(snap({ [last]: 810 })).toBe('ressourceforloeb'));
  it('8. ledig_ydelse for ydelse, praktik and løntilskud', () => {
    expect(snap({ [last]: 730 })).toBe('ledig_ydelse');
    expect(snap({ [last]: 707 })).toBe('ledig_ydelse');
    expect(snap({ [last]: 705 })).toBe('ledig_ydelse');
  });
  it('9. selvforsoergende: no code that week and no hours', () => expect(snap({})).toBe('selvforsoergende'));
  it('a code in category `ingen` (0 self-support, 100 employment, 121 holiday pay from employment) is a week without a code', () => {
    expect(snap({ [last]: 100 })).toBe('selvforsoergende');
    expect(snap({ [last]: 121 })).toBe('selvforsoergende');
    expect(snap({ [last]: 0 })).toBe('selvforsoergende');
    expect(snap({ [last]: 100 }, { [S]: 20 })).toBe('beskaeftigelse_delvis');
  });
  it('only the last week of S counts: a code the week before is ignored', () => {
    expect(snap({ '2023-W07': 997 })).toBe('selvforsoergende');
    expect(snap({ '2023-W09': 997 })).toBe('selvforsoergende'); // Thursday 2 March: belongs to March
  });
  it('uses --snapshot-month', () => {
    expect(one({ weeks: { '2023-W13': 783 } }, '2022-12', { snapshotMonth: '2023-03' }).snapshot).toBe('foertidspension'); // Thu 30 March
  });
});
