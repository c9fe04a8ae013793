/**
 * Break-even and the rates of missing years (issue 12), worked by hand.
 *
 * Break-even: cost 1,000,000 kr., 50 participants, savings per woman 6,000 kr. at 6 months,
 * 15,000 at 12 and 30,000 at 24, linear in between from 0 at enrolment.
 *   The project pays when 50 × s(m) ≥ 1,000,000, i.e. s(m) ≥ 20,000: s(12) = 15,000 and from 12
 *   to 24 months s rises by (30,000 − 15,000) / 12 = 1,250 a month, so s(16) = 20,000: month 16.
 *   Women needed: ⌈1,000,000 / 6,000⌉ = ⌈166.7⌉ = 167; ⌈1,000,000 / 15,000⌉ = 67; ⌈1,000,000 / 30,000⌉ = 34.
 */
import { describe, expect, it } from 'vitest';
import { breakEven, ratesForYears } from './investment.ts';

const POINTS = [
  { horizon: 6, perWoman: 6000 },
  { horizon: 12, perWoman: 15000 },
  { horizon: 24, perWoman: 30000 },
];

describe('break-even, by hand', () => {
  it("finds the first month at which the participants' savings cover the cost, and the women needed", () => {
    const b = breakEven(1_000_000, 50, POINTS);
    expect(b.month).toBe(16);
    expect(b.womenNeeded).toEqual([
      { horizon: 6, women: 167 },
      { horizon: 12, women: 67 },
      { horizon: 24, women: 34 },
    ]);
  });
  it('counts exact break-even (750,000 kr. = 50 × 15,000 at month 12) and within the first segment (50 × 1,000 × 3 = 150,000 at month 3)', () => {
    expect(breakEven(750_000, 50, POINTS).month).toBe(12);
    expect(breakEven(150_000, 50, POINTS).month).toBe(3);
  });
  it('says when the project does not pay within the horizons, and when a horizon saves nothing', () => {
    // 2,000,000 needs 40,000 per woman, more than 30,000 at 24 months.
    expect(breakEven(2_000_000, 50, POINTS).month).toBeNull();
    const loss = breakEven(100_000, 50, [
      { horizon: 6, perWoman: -1000 },
      { horizon: 12, perWoman: 0 },
    ]);
    expect(loss.month).toBeNull();
    expect(loss.womenNeeded).toEqual([
      { horizon: 6, women: null },
      { horizon: 12, women: null },
    ]);
  });
});

describe('rates of years without their own rate', () => {
  const RATES = [
    { category: 'ydelse', year: 2021, rate: 3587.77, source: 'A' },
    { category: 'ydelse', year: 2023, rate: 3663.23, source: 'B' },
  ];
  it('takes the nearest year of the same category (the earlier on a tie) and says so; a category with none stays missing', () => {
    const r = ratesForYears(RATES, [
      { category: 'ydelse', year: 2022 },
      { category: 'ydelse', year: 2024 },
      { category: 'ydelse', year: 2019 },
      { category: 'ydelse', year: 2023 },
      { category: 'fleksjob', year: 2022 },
    ]);
    const of = (y: number) => r.find((x) => x.category === 'ydelse' && x.year === y)!;
    expect(of(2022).rate).toBe(3587.77);
    expect(of(2022).source).toBe('Satsen for 2021 (ingen sats for 2022): A');
    expect(of(2024).rate).toBe(3663.23);
    expect(of(2019).rate).toBe(3587.77);
    expect(of(2023).source).toBe('B');
    expect(r.some((x) => x.category === 'fleksjob')).toBe(false);
    expect(r).toHaveLength(5);
  });
});
