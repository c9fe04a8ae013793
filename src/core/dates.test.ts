import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatDateDa, isIsoDate } from './dates.ts';
import { isoDateField, parseDecimalInput } from '../domain/form-fields.ts';

describe('dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('1.2.2024')).toBe(false);
  });
  it('adds months clamped to the month end, across years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-03-15', -12)).toBe('2023-03-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
  it('adds days across a daylight-saving change without drifting', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(daysBetween('2024-03-01', '2024-04-12')).toBe(42);
    expect(formatDateDa('2024-04-12')).toBe('12.4.2024');
    expect(formatDateDa('2024-11-05')).toBe('5.11.2024');
  });
  it('keeps addDays and daysBetween consistent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -2000, max: 2000 }), (base, n) => {
        const d = addDays('1950-01-01', base);
        expect(isIsoDate(d)).toBe(true);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});

describe('form fields', () => {
  it('accepts Danish typed dates and ISO dates', () => {
    expect(isoDateField.parse('5.3.2024')).toBe('2024-03-05');
    expect(isoDateField.parse('05-03-2024')).toBe('2024-03-05');
    expect(isoDateField.parse('2024-03-05')).toBe('2024-03-05');
    expect(isoDateField.safeParse('31-02-2024').success).toBe(false);
  });
  it('reads a decimal comma', () => {
    expect(parseDecimalInput('18,5')).toBe(18.5);
    expect(parseDecimalInput(' 7 ')).toBe(7);
    expect(parseDecimalInput('1.000,5')).toBeNaN();
    expect(parseDecimalInput('')).toBeUndefined();
  });
});

describe('date arithmetic memo', () => {
  it('answers the same before and after the memo fills and is dropped (150,000 distinct days)', () => {
    const first = [addDays('2024-02-28', 1), daysBetween('2023-12-31', '2024-03-01'), addMonths('2024-01-31', 1)];
    let d = '1800-01-01';
    for (let i = 0; i < 150_000; i++) d = addDays(d, 1);
    expect(d).toBe(addDays('1800-01-01', 150_000));
    expect(daysBetween('1800-01-01', d)).toBe(150_000);
    expect([addDays('2024-02-28', 1), daysBetween('2023-12-31', '2024-03-01'), addMonths('2024-01-31', 1)]).toEqual(first);
    expect(first).toEqual(['2024-02-29', 61, '2024-02-29']);
  });
});
