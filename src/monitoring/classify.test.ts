import { describe, expect, it } from 'vitest';
import { monitor } from './engine.ts';
import { explainParticipant } from './explain.ts';
import { categoryInWeek, codeFlags, durableOf, isBetter, isFullTime, levelOf, monthFlags, monthFlagsAt } from './classify.ts';
import { FLAG_F, FLAG_H, FLAG_U, FLAG_V, LEVEL_OF_FLAGS, snapshotIndex, snapshotOf, Span } from './classify.ts';
import { monthIndex, parseWeek, weekString } from './calendar.ts';
import { CAT } from './types.ts';
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

describe('the month flags directly (classify.ts)', () => {
  // Category ids by code for a small table: 1 uddannelse, 2 praktik, 3 løntilskud, 7 ydelse, 9 ingen; code 5 unknown.
  const categoryOf = new Uint8Array(10);
  categoryOf[1] = CAT.uddannelse;
  categoryOf[2] = CAT.praktik;
  categoryOf[3] = CAT.loentilskud;
  categoryOf[7] = CAT.ydelse;
  categoryOf[9] = CAT.ingen;
  const flagOf = codeFlags(categoryOf);
  const weeksOf = (weekStart: number, codes: number[]) => ({ weekStart, codes: Int16Array.from(codes) });
  const hoursOf = (monthStart: number, hours: number[]) => ({ monthStart, hours: Float64Array.from(hours) });
  const flagsOf = (span: Span, weeks?: ReturnType<typeof weeksOf>, hours?: ReturnType<typeof hoursOf>) => {
    const out = new Uint8Array(span.length + 1).fill(255);
    const unknown = monthFlags(weeks, hours, flagOf, span, out);
    return { flags: [...out.subarray(0, span.length)], unknown, after: out[span.length] };
  };

  it('codeFlags: U for uddannelse, V for praktik and løntilskud, 0 for other categories and code 0, a marker for unknown codes', () => {
    expect([...flagOf.subarray(0, 4)]).toEqual([0, FLAG_U, FLAG_V, FLAG_V]);
    expect(flagOf[7]).toBe(0);
    expect(flagOf[9]).toBe(0);
    expect(flagOf[5]).toBe(128);
    expect(flagOf).toHaveLength(10);
  });
  it('Span: days per month, the weeks whose Thursday lies in the span, and the month of each', () => {
    const jun = monthIndex(2021, 6);
    const span = new Span(jun, 2);
    expect([...span.days]).toEqual([30, 31]);
    expect(weekString(span.firstWeek)).toBe('2021-W22'); // Thursday 3 June
    expect(weekString(span.lastWeek)).toBe('2021-W30'); // Thursday 29 July
    expect([...span.weekMonth]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]); // W26 (Thursday 1 July) is July's
    // Before 1990 the table does not reach: the Thursday rule still gives the months.
    const old = new Span(monthIndex(1989, 12), 2);
    expect([...old.weekMonth]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(new Span(jun, 0).weekMonth).toHaveLength(0);
  });
  it('sets U, V, H and F by month, fills only the span, and reports an unknown code', () => {
    const span = new Span(monthIndex(2021, 6), 2);
    const w22 = parseWeek('2021-W22')!;
    // W22..W30: praktik in W23 (June), uddannelse in W27 (July), ingen in W24, ydelse in W25.
    const r = flagsOf(span, weeksOf(w22, [0, 2, 9, 7, 0, 1, 0, 0, 0]), hoursOf(monthIndex(2021, 6), [10, 100]));
    expect(r.flags).toEqual([FLAG_V | FLAG_H, FLAG_U | FLAG_H | FLAG_F]);
    expect(r.unknown).toBe(0);
    expect(r.after).toBe(255);
    expect(flagsOf(span, weeksOf(w22, [0, 5, 0])).unknown).toBe(5);
    expect(flagsOf(span, weeksOf(w22, [0, 5, 0])).flags).toEqual([0, 0]);
    expect(flagsOf(span).flags).toEqual([0, 0]);
  });
  it('ignores weeks and hours outside the span, and clears the flags of an earlier person', () => {
    const span = new Span(monthIndex(2021, 6), 1);
    const w22 = parseWeek('2021-W22')!;
    // Weeks from W20 (May) to W27 (July): only W22–W25 are June's.
    expect(flagsOf(span, weeksOf(w22 - 2, [1, 1, 0, 0, 0, 0, 1, 1])).flags).toEqual([0]);
    expect(flagsOf(span, weeksOf(w22 - 2, [1, 1, 2, 0, 0, 0, 1, 1])).flags).toEqual([FLAG_V]);
    expect(flagsOf(span, weeksOf(w22 - 2, [1, 1, 0, 0, 0, 2, 1, 1])).flags).toEqual([FLAG_V]);
    expect(flagsOf(span, weeksOf(w22 + 4, [1, 1])).flags).toEqual([0]);
    expect(flagsOf(span, weeksOf(w22 - 3, [5])).unknown).toBe(0);
    // Hours of May and July do not count for June; June's do.
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 5), [100, 0, 100])).flags).toEqual([0]);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 5), [0, 5, 0])).flags).toEqual([FLAG_H]);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 6), [80])).flags).toEqual([FLAG_H | FLAG_F]);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 7), [80])).flags).toEqual([0]);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 4), [80, 80])).flags).toEqual([0]);
    const out = new Uint8Array([FLAG_U | FLAG_F]);
    monthFlags(undefined, undefined, flagOf, span, out);
    expect([...out]).toEqual([0]);
  });
  it('F needs a > 18.5 with the days of that month: 80 h is F in June (18.67) and D in July (18.06)', () => {
    const span = new Span(monthIndex(2021, 6), 2);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 6), [80, 80])).flags).toEqual([FLAG_H | FLAG_F, FLAG_H]);
    expect(flagsOf(span, undefined, hoursOf(monthIndex(2021, 6), [0.0001, 0])).flags).toEqual([FLAG_H, 0]);
    expect(isFullTime(79.2858, 30)).toBe(true);
    expect(isFullTime(79.2857, 30)).toBe(false);
  });
  it('Span: the months of weeks before 1990 and past the week table (2090) follow the Thursday rule too', () => {
    // November 1989 – January 1990: Thursdays 2, 9, 16, 23, 30 Nov; 7, 14, 21, 28 Dec; 4, 11, 18, 25 Jan.
    const old = new Span(monthIndex(1989, 11), 3);
    expect(weekString(old.firstWeek)).toBe('1989-W44');
    expect([...old.weekMonth]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    // December 2089 – February 2090, across the table's end (2090-W03, Thursday 19 January, is the first week past it):
    // Thursdays 1, 8, 15, 22, 29 Dec; 5, 12, 19, 26 Jan; 2, 9, 16, 23 Feb.
    const late = new Span(monthIndex(2089, 12), 3);
    expect(weekString(late.firstWeek)).toBe('2089-W48');
    expect([...late.weekMonth]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });
  it('monthFlagsAt reads only her own weeks of a shared array, and leaves a longer buffer alone past the span', () => {
    const span = new Span(monthIndex(2021, 6), 1);
    const w22 = parseWeek('2021-W22')!;
    // Her two weeks W22–W23 (no code) at offset 1, then the next person's uddannelse and praktik codes.
    const shared = Int16Array.from([1, 0, 0, 1, 2, 1]);
    const out = new Uint8Array(4).fill(255);
    expect(monthFlagsAt(shared, 1, w22, 2, undefined, flagOf, span, out)).toBe(0);
    expect([...out]).toEqual([0, 255, 255, 255]);
    // Hours in June and the two months after it: only June is the span's.
    const later = new Uint8Array(3).fill(16);
    monthFlagsAt(shared, 1, w22, 2, hoursOf(monthIndex(2021, 6), [5, 100, 100]), flagOf, span, later);
    expect([...later]).toEqual([FLAG_H, 16, 16]);
  });
  it('levelOf, isBetter and LEVEL_OF_FLAGS', () => {
    expect([FLAG_U, FLAG_F | FLAG_H, FLAG_H, FLAG_V, 0, FLAG_V | FLAG_H, FLAG_U | FLAG_V].map(levelOf)).toEqual([1, 1, 2, 3, 0, 2, 1]);
    expect(LEVEL_OF_FLAGS).toEqual(Array.from({ length: 16 }, (_, f) => levelOf(f)));
    expect(isBetter(1, 2)).toBe(true);
    expect(isBetter(2, 1)).toBe(false);
    expect(isBetter(3, 0)).toBe(true);
    expect(isBetter(0, 3)).toBe(false);
    expect(isBetter(0, 0)).toBe(false);
    expect(isBetter(2, 2)).toBe(false);
  });
  it('durableOf: three months in a row within the six ending at `end`; months before the span count as empty', () => {
    const F = FLAG_H | FLAG_F;
    const H = FLAG_H;
    const d = (flags: number[], end = flags.length - 1) => durableOf(Uint8Array.from(flags), end);
    expect(d([F, F, F])).toBe('full'); // indexes -3..-1 are empty
    expect(d([F, F])).toBe('none');
    expect(d([F, F, F, 0, 0, 0, 0, 0])).toBe('none');
    expect(d([F, F, F, 0, 0, 0, 0])).toBe('none');
    expect(d([0, F, F, F, 0, 0, 0])).toBe('full');
    expect(d([F, F, H, 0])).toBe('partial');
    expect(d([H, F, F, 0, H, H])).toBe('partial');
    expect(d([F, F, 0, F, F, 0])).toBe('none');
    expect(d([F, F, F, F, F, F, F], 2)).toBe('full');
    expect(d([0, 0, F, F, F, F], 3)).toBe('none');
    expect(d([F, 0, F, H, F, 0])).toBe('partial');
  });
  it('categoryInWeek: the code of that week, none outside her weeks, none for `ingen`', () => {
    const ws = weeksOf(100, [1, 7, 9, 0]);
    expect(categoryInWeek(ws, categoryOf, 100)).toBe(CAT.uddannelse);
    expect(categoryInWeek(ws, categoryOf, 101)).toBe(CAT.ydelse);
    expect(categoryInWeek(ws, categoryOf, 102)).toBe(CAT.none);
    expect(categoryInWeek(ws, categoryOf, 103)).toBe(CAT.none);
    expect(categoryInWeek(ws, categoryOf, 104)).toBe(CAT.none);
    expect(categoryInWeek(ws, categoryOf, 99)).toBe(CAT.none);
    expect(categoryInWeek(undefined, categoryOf, 100)).toBe(CAT.none);
  });
  it('snapshotIndex and snapshotOf follow spec §4 items 1–9 for every category', () => {
    const F = FLAG_H | FLAG_F;
    const s = (cat: number, flags = 0) => snapshotOf(cat, flags);
    expect(s(CAT.udgaaet, F)).toBe('udgaaet');
    expect(s(CAT.uddannelse, F)).toBe('uddannelse');
    expect(s(CAT.fleksjob, F)).toBe('beskaeftigelse_fuld');
    expect(s(CAT.fleksjob, FLAG_H)).toBe('beskaeftigelse_delvis');
    expect(s(CAT.fleksjob, FLAG_U | FLAG_V)).toBe('fleksjob');
    expect(s(CAT.foertidspension)).toBe('foertidspension');
    expect(s(CAT.ressourceforloeb)).toBe('ressourceforloeb');
    expect([CAT.ydelse, CAT.praktik, CAT.loentilskud].map((c) => s(c))).toEqual(['ledig_ydelse', 'ledig_ydelse', 'ledig_ydelse']);
    expect(s(CAT.none, FLAG_V | FLAG_U)).toBe('selvforsoergende');
    expect(snapshotIndex(CAT.none, 0)).toBe(8);
  });
});
