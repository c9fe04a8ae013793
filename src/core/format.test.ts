import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMonth, formatWeek } from './format.ts';

describe('Danish display of months, weeks and moments', () => {
  it('writes a month in words', () => {
    expect(formatMonth('2022-12')).toBe('december 2022');
    expect(formatMonth('2019-01')).toBe('januar 2019');
    expect(formatMonth('2026-10')).toBe('oktober 2026');
  });
  it('leaves what is not a month as it is, and says nothing as a dash', () => {
    expect(formatMonth('2022-13')).toBe('2022-13');
    expect(formatMonth('2022-00')).toBe('2022-00');
    expect(formatMonth('december 2022')).toBe('december 2022');
    expect(formatMonth(null)).toBe('–');
    expect(formatMonth('')).toBe('–');
  });
  it('writes an ISO week as "uge N i YYYY", without a leading zero', () => {
    expect(formatWeek('2026-W48')).toBe('uge 48 i 2026');
    expect(formatWeek('2017-W05')).toBe('uge 5 i 2017');
    expect(formatWeek('2017-05')).toBe('2017-05');
    expect(formatWeek(undefined)).toBe('–');
  });
  it('writes a moment in Danish local time, winter and summer, without zero padding', () => {
    expect(formatDateTime(new Date('2026-12-02T07:30:00Z'))).toBe('2.12.2026 kl. 8.30');
    expect(formatDateTime('2026-07-05T06:05:00Z')).toBe('5.7.2026 kl. 8.05');
    // Just before midnight UTC in winter is the next day in Copenhagen.
    expect(formatDateTime('2025-12-31T23:10:00Z')).toBe('1.1.2026 kl. 0.10');
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('not a date')).toBe('–');
  });
});
