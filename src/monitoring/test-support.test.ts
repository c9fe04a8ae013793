/** The test builders themselves: CPR numbers carry the birth century; random cohorts reach past 2000. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCpr } from '../domain/cpr.ts';
import { ageAt } from './participant-facts.ts';
import { PRIMARY, SECONDARY, VISIBLE } from './suppress.ts';
import { cohortArb, inputOf, markFaults, testCpr } from './test-support.ts';

describe('testCpr', () => {
  it('gives a number whose birth date is the one asked for, in every century a CPR number can carry', () => {
    for (const born of [
      '1858-01-01',
      '1899-12-31',
      '1900-01-01',
      '1950-03-01',
      '1999-12-31',
      '2000-01-01',
      '2005-06-06',
      '2036-12-31',
      '2037-01-01',
      '2057-12-31',
    ]) {
      for (const serial of [0, 7, 999, 3999, 4321]) {
        const p = parseCpr(testCpr(born, serial));
        expect(p.ok && p.value.birthDate, `${born} #${serial}`).toBe(born);
      }
    }
  });
  it('refuses a year no CPR number can carry', () => {
    expect(() => testCpr('2058-01-01', 1)).toThrow(/2058/);
    expect(() => testCpr('1857-12-31', 1)).toThrow(/1857/);
  });
  it('keeps the numbers of one birth date apart by serial', () => {
    expect(new Set([0, 1, 2, 3].map((s) => testCpr('2005-06-06', s))).size).toBe(4);
  });
});

describe('random cohorts', () => {
  it('include women born after 2000, whose ages are those of the 2000s (under 18 at enrolment)', () => {
    const people = fc.sample(cohortArb, { numRuns: 60, seed: 1 }).flat();
    const young = people.filter((p) => p.born! >= '2001-01-01');
    expect(young.length).toBeGreaterThan(0);
    const input = inputOf(young);
    input.participants.forEach((p, i) => {
      const age = ageAt(p, p.indskrevet);
      expect(age, `${young[i].born} enrolled ${p.indskrevet}`).toBeLessThan(22);
      expect(age).toBeGreaterThanOrEqual(14);
    });
  });
});

describe('markFaults', () => {
  it('names each wrong mark of a suppression, and none of right marks', () => {
    const values = [30, 3, 0, 12, 4];
    expect(markFaults(values, [VISIBLE, PRIMARY, VISIBLE, SECONDARY, PRIMARY], new Map([[3, 1]]))).toEqual([]);
    expect(markFaults(values, [PRIMARY, VISIBLE, SECONDARY, SECONDARY, PRIMARY], new Map([[2, 1]]))).toEqual([
      'cell 0=30 is marked primary',
      'cell 1=3 is not marked primary',
      'a hidden 0 at 2',
      'no reason for the complement 3',
    ]);
  });
});

describe('the fast-check seed of this run', () => {
  it('is the one the run printed (so a failure replays from the log)', () => {
    expect(process.env.FC_SEED).toMatch(/^\d+$/);
    // fast-check uses it: the same seed draws the same sample.
    expect(fc.sample(fc.integer(), 3)).toEqual(fc.sample(fc.integer(), 3));
  });
});
