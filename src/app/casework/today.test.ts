import { describe, expect, it } from 'vitest';
import { todayInDenmark } from './today.ts';

describe('todayInDenmark', () => {
  it('is the Danish calendar date, in winter (UTC+1) and summer (UTC+2) time, with one shared formatter', () => {
    expect(todayInDenmark(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(todayInDenmark(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(todayInDenmark(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(todayInDenmark(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
});
