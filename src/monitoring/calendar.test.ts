import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  firstWeekOfMonth,
  isoDate,
  isoWeekIndex,
  lastWeekOfMonth,
  mondayOf,
  monthIndex,
  monthOfWeek,
  monthString,
  parseDate,
  parseMonth,
  parseWeek,
  weekString,
  weeksInIsoYear,
} from './calendar.ts';

const week = (s: string) => {
  const w = parseWeek(s);
  if (w === null) throw new Error(s);
  return w;
};

describe('ISO weeks and the Thursday rule (spec §2)', () => {
  it('2021-W26 runs 28 June – 4 July and belongs to July 2021', () => {
    const w = week('2021-W26');
    expect(isoDate(mondayOf(w))).toBe('2021-06-28');
    expect(isoDate(mondayOf(w) + 6)).toBe('2021-07-04');
    expect(monthString(monthOfWeek(w))).toBe('2021-07');
  });
  it('2020-W53 runs 28 Dec 2020 – 3 Jan 2021 and belongs to December 2020', () => {
    const w = week('2020-W53');
    expect(isoDate(mondayOf(w))).toBe('2020-12-28');
    expect(monthString(monthOfWeek(w))).toBe('2020-12');
    expect(weekString(w + 1)).toBe('2021-W01');
  });
  it('knows which years have 53 weeks and rejects week 53 otherwise', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2015)).toBe(53);
    expect(weeksInIsoYear(2021)).toBe(52);
    expect(isoWeekIndex(2021, 53)).toBeNull();
    expect(isoWeekIndex(2021, 0)).toBeNull();
    expect(parseWeek('2021-W53')).toBeNull();
  });
  it('the ISO year of a week is the year of its Thursday (2019-W01 starts 31 Dec 2018)', () => {
    expect(isoDate(mondayOf(week('2019-W01')))).toBe('2018-12-31');
    expect(monthString(monthOfWeek(week('2019-W01')))).toBe('2019-01');
    expect(weekString(week('1990-W01'))).toBe('1990-W01');
    expect(week('1990-W01')).toBe(0);
  });
  it('every week belongs to exactly one month: first/last week of month tile the weeks', () => {
    for (let m = monthIndex(2019, 1); m < monthIndex(2024, 12); m++) {
      expect(lastWeekOfMonth(m) + 1).toBe(firstWeekOfMonth(m + 1));
      for (let w = firstWeekOfMonth(m); w <= lastWeekOfMonth(m); w++) expect(monthOfWeek(w)).toBe(m);
    }
    // A month has four or five weeks.
    expect(lastWeekOfMonth(monthIndex(2021, 7)) - firstWeekOfMonth(monthIndex(2021, 7)) + 1).toBe(5);
    expect(lastWeekOfMonth(monthIndex(2021, 2)) - firstWeekOfMonth(monthIndex(2021, 2)) + 1).toBe(4);
  });
  it('the table agrees with the direct computation far outside its range', () => {
    expect(weekString(week('2095-W10'))).toBe('2095-W10');
    expect(monthString(monthOfWeek(week('2095-W10')))).toBe('2095-03');
  });
});

describe('months', () => {
  it('converts YYYY-MM to a month index and back, with arithmetic', () => {
    expect(monthString(parseMonth('2022-12')!)).toBe('2022-12');
    expect(parseMonth('2022-13')).toBeNull();
    expect(parseMonth('2022-1')).toBeNull();
    expect(addMonths('2022-12', 2)).toBe('2023-02');
    expect(addMonths('2023-02', -5)).toBe('2022-09');
    expect(monthString(monthIndex(1989, 12))).toBe('1989-12');
  });
  it('counts the days of a month, leap years included', () => {
    expect(daysInMonth(parseMonth('2021-02')!)).toBe(28);
    expect(daysInMonth(parseMonth('2020-02')!)).toBe(29);
    expect(daysInMonth(parseMonth('2021-04')!)).toBe(30);
    expect(daysInMonth(parseMonth('2021-07')!)).toBe(31);
  });
});

describe('dates', () => {
  it('reads YYYY-MM-DD and DD-MM-YYYY and rejects impossible dates', () => {
    expect(isoDate(parseDate('2021-03-01')!)).toBe('2021-03-01');
    expect(isoDate(parseDate('01-03-2021')!)).toBe('2021-03-01');
    expect(parseDate('2021-02-30')).toBeNull();
    expect(parseDate('31-04-2021')).toBeNull();
    expect(parseDate('2021/03/01')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
