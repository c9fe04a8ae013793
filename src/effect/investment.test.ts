/**
 * The investment case worked by hand to the krone (spec effekt-2026.1 §6).
 *
 * 40 matched participants; per participant the controls had 6.5 more weeks of kontanthjælp
 * (ydelse) in 2021 and 2.0 more in 2022, and 0.5 more weeks of praktik in 2021: 9.0 weeks saved
 * per participant, effect on weeksOnSupport −9.0, interval [−12.5, −5.0].
 * Rates: ydelse 2021 3,150.50 kr./week, ydelse 2022 3,265.25, praktik 2021 3,150.50.
 *   weeks saved = 9 × 40 = 360; helårspersoner = 360 / 52 = 6.923…
 *   kroner = 40 × (6.5 × 3,150.50 + 2.0 × 3,265.25 + 0.5 × 3,150.50)
 *          = 40 × (20,478.25 + 6,530.50 + 1,575.25) = 40 × 28,584.00 = 1,143,360 kr.
 *   cost 1,000,000 kr. → net 143,360 kr.
 *   average rate per saved week = 1,143,360 / 360 = 3,176 kr.
 *   fewest (bound −5.0): 200 weeks → 635,200 kr., net −364,800 kr.
 *   most (bound −12.5): 500 weeks → 1,588,000 kr., net 588,000 kr.
 */
import { describe, expect, it } from 'vitest';
import { investmentCase } from './investment.ts';

const RATES = [
  { category: 'ydelse', year: 2021, rate: 3150.5, source: 'Kontanthjælp, sats 2021 (test)' },
  { category: 'ydelse', year: 2022, rate: 3265.25, source: 'Kontanthjælp, sats 2022 (test)' },
  { category: 'praktik', year: 2021, rate: 3150.5, source: 'Virksomhedspraktik 2021 (test)' },
];
const SAVED = [
  { category: 'praktik', year: 2021, weeks: 0.5 },
  { category: 'ydelse', year: 2021, weeks: 6.5 },
  { category: 'ydelse', year: 2022, weeks: 2 },
];

describe('investment case (spec §6), by hand to the krone', () => {
  const c = investmentCase({ matched: 40, supportSaved: SAVED, effect: -9, ci: [-12.5, -5], rates: RATES, cost: 1_000_000 });

  it('turns weeks saved into helårspersoner and kroner against the cost', () => {
    expect(c.weeksSaved).toBe(360);
    expect(c.helaarspersoner).toBeCloseTo(360 / 52, 12);
    expect(c.kroner).toBe(1_143_360);
    expect(c.net).toBe(143_360);
    expect(c.missingRates).toEqual([]);
    expect(c.ratesUsed.map((r) => r.source)).toContain('Kontanthjælp, sats 2022 (test)');
  });

  it('gives the same at the bounds of the interval', () => {
    expect(c.atBounds!.fewest).toEqual({ weeksSaved: 200, helaarspersoner: 200 / 52, kroner: 635_200, net: -364_800 });
    expect(c.atBounds!.most).toEqual({ weeksSaved: 500, helaarspersoner: 500 / 52, kroner: 1_588_000, net: 588_000 });
  });

  it('lists a category and year without a rate and counts it 0 kr.', () => {
    const m = investmentCase({
      matched: 40,
      supportSaved: [...SAVED, { category: 'fleksjob', year: 2022, weeks: 1 }],
      effect: -10,
      ci: null,
      rates: RATES,
      cost: 0,
    });
    expect(m.missingRates).toEqual([{ category: 'fleksjob', year: 2022 }]);
    expect(m.kroner).toBe(1_143_360);
    expect(m.atBounds).toBeNull();
  });
});

describe('support weeks saved from the engine feed the case', () => {
  it('adds up to the effect on weeksOnSupport', async () => {
    const { effectDetails } = await import('./engine.ts');
    const { effectInputOf, HAND_PARTICIPANTS, HAND_POOL } = await import('./test-support.ts');
    const d = effectDetails(effectInputOf(HAND_PARTICIPANTS, HAND_POOL), { month: '2022-12', bootstrap: 0 });
    const total = d.supportSaved.reduce((s, x) => s + x.weeks, 0);
    expect(total).toBeCloseTo(-d.result.outcomes.weeksOnSupport.effect!, 12);
    // D's 52 window weeks of 131 fall in 2021 (31 weeks from W22) and 2022 (21 weeks); J's praktik week in 2021.
    const ydelse2021 = d.supportSaved.find((x) => x.category === 'ydelse' && x.year === 2021)!.weeks;
    // Controls: P1 and P5 have D (31 weeks in 2021 / 3 each); P2 has J (0 ydelse). Treated: P1 9, P2 4 (all 2021).
    expect(ydelse2021).toBeCloseTo((31 / 3 + 31 / 3 - 9 - 4) / 3, 12);
    expect(d.supportSaved.find((x) => x.category === 'praktik' && x.year === 2021)!.weeks).toBeCloseTo(1 / 3, 12);
  });
});
