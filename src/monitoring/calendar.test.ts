import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateOfDay,
  dayNumber,
  daysInMonth,
  firstWeekOfMonth,
  isoDate,
  isoDateText,
  isoWeekIndex,
  isoWeekOf,
  lastWeekOfMonth,
  mondayOf,
  monthIndex,
  monthOfDay,
  monthOfWeek,
  monthString,
  parseDate,
  parseMonth,
  parseWeek,
  TABLE_WEEKS,
  weekMonthTable,
  weekOfDay,
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

describe('date texts of the participant files (isoDateText, parseDate)', () => {
  it('keeps a valid YYYY-MM-DD as it is, also with spaces around it', () => {
    expect(isoDateText('2021-03-01')).toBe('2021-03-01');
    expect(isoDateText(' 2021-03-01 ')).toBe('2021-03-01');
    expect(isoDateText('2021-12-31')).toBe('2021-12-31');
    expect(isoDateText('2021-01-01')).toBe('2021-01-01');
  });
  it('rejects impossible ISO dates and non-digits in the fast path', () => {
    for (const t of [
      '2021-00-10',
      '2021-13-10',
      '2021-04-31',
      '2021-02-29',
      '2021-01-00',
      '2021-01-32',
      '20a1-01-01',
      '2021-0x-01',
      '2021-01-0:',
    ])
      expect(isoDateText(t), t).toBeNull();
    expect(isoDateText('2021/01/01')).toBeNull();
    // Ten characters with one hyphen only, or a character just below '0' where a digit should be: not ISO, and
    // not DD-MM-YYYY either, so refused (the fast path must not keep them as they are).
    for (const t of ['2021/01-01', '2021-01/01', '2/21-01-01', '2021-1/-01']) expect(isoDateText(t), t).toBeNull();
    expect(isoDateText('2021-01-1')).toBe('2021-01-01'); // not 10 characters: the general reader, one-digit day allowed
  });
  it('leap years: 29 February in 2020 and 2000, not in 2021 or 1900', () => {
    expect(isoDateText('2020-02-29')).toBe('2020-02-29');
    expect(isoDateText('2000-02-29')).toBe('2000-02-29');
    expect(isoDateText('1900-02-29')).toBeNull();
    expect(isoDateText('2021-02-29')).toBeNull();
    expect(parseDate('29-02-2000')).not.toBeNull();
    expect(parseDate('29-02-1900')).toBeNull();
    expect(parseDate('29.02.2024')).not.toBeNull();
  });
  it('reads DD-MM-YYYY with -, . or / and one-digit day and month, into ISO', () => {
    expect(isoDateText('01-03-2021')).toBe('2021-03-01');
    expect(isoDateText('1.3.2021')).toBe('2021-03-01');
    expect(isoDateText('31/12/2021')).toBe('2021-12-31');
    expect(isoDateText(' 9-7-2021')).toBe('2021-07-09');
    expect(isoDateText('32-01-2021')).toBeNull();
    expect(isoDateText('01-13-2021')).toBeNull();
    expect(isoDateText('0-1-2021')).toBeNull();
    expect(isoDateText('1-0-2021')).toBeNull();
    expect(isoDateText('1-1-21')).toBeNull();
    expect(isoDateText('')).toBeNull();
    expect(isoDateText('x2021-03-01')).toBeNull();
    expect(isoDateText('2021-03-01x')).toBeNull();
  });
  it('parseDate: ISO with one-digit parts, dates before 1970 and the day number', () => {
    expect(isoDate(parseDate('2021-3-1')!)).toBe('2021-03-01');
    expect(isoDate(parseDate(' 1965-10-09 ')!)).toBe('1965-10-09');
    expect(parseDate('1970-01-02')).toBe(1);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(parseDate('2021-03-01 x')).toBeNull();
    expect(parseDate('x 01-03-2021')).toBeNull();
    expect(parseDate('01-03-2021x')).toBeNull();
  });
});

describe('weeks and months at the edges', () => {
  it('reads YYYY-Www, YYYYWww and lower case w, with spaces; rejects the rest', () => {
    const w = week('2021-W07');
    expect(parseWeek('2021W07')).toBe(w);
    expect(parseWeek('2021-w07')).toBe(w);
    expect(parseWeek(' 2021-W07 ')).toBe(w);
    expect(parseWeek('2021-W7')).toBeNull();
    expect(parseWeek('x2021-W07')).toBeNull();
    expect(parseWeek('2021-W07x')).toBeNull();
    expect(parseWeek('2021--W07')).toBeNull();
    expect(parseWeek('2020-W53')).toBe(parseWeek('2020-W52')! + 1);
  });
  it('isoWeekOf gives the ISO year and number, across a year end and before 1990', () => {
    expect(isoWeekOf(week('2021-W01'))).toEqual({ year: 2021, week: 1 });
    expect(isoWeekOf(week('2020-W53'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(week('2019-W01'))).toEqual({ year: 2019, week: 1 });
    expect(isoWeekOf(-1)).toEqual({ year: 1989, week: 52 });
    expect(weekString(-1)).toBe('1989-W52');
    expect(weekString(week('2021-W09'))).toBe('2021-W09');
    expect(weekString(week('2021-W10'))).toBe('2021-W10');
    expect(isoWeekIndex(2021, 1.5)).toBeNull();
    expect(isoWeekIndex(2020, 53)).toBe(week('2021-W01') - 1);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2009)).toBe(53);
    expect(weeksInIsoYear(2010)).toBe(52);
  });
  it('monthOfWeek outside the table (before 1990 and after 2089) agrees with the Thursday rule', () => {
    expect(monthString(monthOfWeek(-1))).toBe('1989-12'); // 1989-W52: Thursday 28 December 1989
    expect(monthString(monthOfWeek(week('1989-W01')))).toBe('1989-01'); // Monday 2 January 1989, Thursday 5 January
    expect(monthString(monthOfWeek(week('1990-W01')))).toBe('1990-01');
    expect(monthOfWeek(TABLE_WEEKS - 1)).toBe(monthOfDay(mondayOf(TABLE_WEEKS - 1) + 3));
    expect(monthOfWeek(TABLE_WEEKS)).toBe(monthOfDay(mondayOf(TABLE_WEEKS) + 3));
    expect(weekMonthTable()).toHaveLength(TABLE_WEEKS);
    expect(weekMonthTable()[week('2021-W26')]).toBe(monthIndex(2021, 7));
  });
  it('first and last week of a month: the week holding the 1st belongs to the month when its Thursday does', () => {
    // 1 July 2021 is a Thursday: its week (W26) is July's first.
    expect(weekString(firstWeekOfMonth(monthIndex(2021, 7)))).toBe('2021-W26');
    // 1 April 2021 is a Thursday too; 1 May 2021 a Saturday: May starts with W18 (Monday 3 May).
    expect(weekString(firstWeekOfMonth(monthIndex(2021, 4)))).toBe('2021-W13');
    expect(weekString(firstWeekOfMonth(monthIndex(2021, 5)))).toBe('2021-W18');
    // 1 September 2021 is a Wednesday: its week (W35, Thursday 2 September) is September's.
    expect(weekString(firstWeekOfMonth(monthIndex(2021, 9)))).toBe('2021-W35');
    // 1 October 2021 is a Friday: its week belongs to September.
    expect(weekString(firstWeekOfMonth(monthIndex(2021, 10)))).toBe('2021-W40');
    expect(weekString(lastWeekOfMonth(monthIndex(2021, 9)))).toBe('2021-W39');
  });
  it('month arithmetic before 1990 and month strings with one-digit months', () => {
    expect(monthString(-1)).toBe('1989-12');
    expect(monthString(-12)).toBe('1989-01');
    expect(monthString(-13)).toBe('1988-12');
    expect(monthString(monthIndex(2021, 9))).toBe('2021-09');
    expect(monthString(monthIndex(2021, 10))).toBe('2021-10');
    expect(monthIndex(1990, 1)).toBe(0);
    expect(parseMonth(' 2021-05 ')).toBe(monthIndex(2021, 5));
    expect(parseMonth('2021-00')).toBeNull();
    expect(parseMonth('2021-05x')).toBeNull();
    expect(parseMonth('x2021-05')).toBeNull();
    expect(() => addMonths('2021-13', 1)).toThrow(/Invalid month 2021-13/);
    expect(daysInMonth(monthIndex(1900, 2))).toBe(28);
    expect(daysInMonth(monthIndex(2000, 2))).toBe(29);
    expect(daysInMonth(-1)).toBe(31);
  });
  it('day numbers: dates and ISO text, with zero padding', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dateOfDay(dayNumber(2021, 3, 9))).toEqual({ year: 2021, month: 3, day: 9 });
    expect(isoDate(dayNumber(2021, 10, 10))).toBe('2021-10-10');
    expect(isoDate(dayNumber(2021, 9, 9))).toBe('2021-09-09');
    expect(monthOfDay(dayNumber(2021, 2, 28))).toBe(monthIndex(2021, 2));
    expect(weekOfDay(dayNumber(1990, 1, 1))).toBe(0);
    expect(weekOfDay(dayNumber(1990, 1, 7))).toBe(0);
    expect(weekOfDay(dayNumber(1990, 1, 8))).toBe(1);
    expect(weekOfDay(dayNumber(1989, 12, 31))).toBe(-1);
  });
});
