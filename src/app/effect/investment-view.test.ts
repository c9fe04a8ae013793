/**
 * The investment case as the Effekt page shows it, worked by hand to the krone with the shipped
 * default rates (migration 0121: kontanthjælp, fyldt 30 år, forsørger, × 12 / 52):
 *   2021: 15,547 × 12 / 52 = 3,587.77 kr./week; 2023: 15,874 × 12 / 52 = 3,663.23 kr./week.
 * 12 months, 40 matched, weeks saved per participant: ydelse 2022 6.5 (no 2022 rate: the nearest,
 * 2021 on the tie, 3,587.77), ydelse 2023 2.0 and praktik 2023 0.5 (3,663.23); effect −9 weeks,
 * interval [−12.5, −5].
 *   kroner = 40 × (6.5 × 3,587.77 + 2.0 × 3,663.23 + 0.5 × 3,663.23)
 *          = 40 × (23,320.505 + 7,326.46 + 1,831.615) = 40 × 32,478.58 = 1,299,143.20 → 1,299,143 kr.
 *   cost 1,000,000 → net 299,143 kr.; 360 weeks = 6.92 helårspersoner.
 *   average rate 1,299,143.20 / 360 = 3,608.7311; fewest (−5): 200 weeks → 721,746 kr.; most (−12.5): 500 → 1,804,366 kr.
 *   per woman 1,299,143.2 / 40 = 32,478.58; break-even with 50 participants: 50 × s(m) ≥ 1,000,000
 *   ⇔ s(m) ≥ 20,000; s(m) = 32,478.58 × m / 12 (only the 12-month point) → m ≥ 7.39 → month 8.
 */
import { describe, expect, it } from 'vitest';
import { investmentView } from './investment-view.ts';
import type { EffectRuns, ShownRun } from './effect-runs.ts';

const RATES = [
  { category: 'ydelse', year: 2021, rate: 3587.77, source: 'kontanthjælp 2021' },
  { category: 'ydelse', year: 2023, rate: 3663.23, source: 'kontanthjælp 2023' },
  { category: 'praktik', year: 2021, rate: 3587.77, source: 'praktik 2021' },
  { category: 'praktik', year: 2023, rate: 3663.23, source: 'praktik 2023' },
];

function run(horizon: number, o: Partial<ShownRun>): ShownRun {
  const est = { treated: 10, controls: 19, effect: -9, ci: [-12.5, -5] as [number, number], raw: -5, hidden: null };
  return {
    definition: 'effekt-2026.1',
    month: '2023-12',
    horizon,
    controlsPerParticipant: 3,
    participants: 50,
    matched: 40,
    unmatched: 10,
    excludedShortWindow: 0,
    pool: 1000,
    medianMonth: '2022-01',
    tooFew: false,
    balance: [],
    outcomes: { maal1: { ...est }, maal12: { ...est }, durable: { ...est }, weeksOnSupport: est, weeksSelfSupporting: { ...est } },
    supportSaved: [
      { category: 'praktik', year: 2023, weeks: 0.5 },
      { category: 'ydelse', year: 2022, weeks: 6.5 },
      { category: 'ydelse', year: 2023, weeks: 2 },
    ],
    matchedN: 40,
    ...o,
  };
}

describe('investment view, by hand to the krone', () => {
  const runs: EffectRuns = {
    month: '2023-12',
    projectId: 1,
    pool: 1000,
    computedAt: '',
    horizons: [run(6, { tooFew: true, supportSaved: null, matchedN: null }), run(12, {})],
  };
  const v = investmentView(runs, RATES, { cost: 1_000_000, costBasis: 'forbrug' });

  it('turns the 12-month effect into kroner at the rates, with the interval and the net', () => {
    expect(v.horizons.map((h) => h.horizon)).toEqual([12]);
    const c = v.horizons[0].case;
    expect(c.weeksSaved).toBe(360);
    expect(c.kroner).toBe(1_299_143);
    expect(c.net).toBe(299_143);
    expect(c.atBounds!.fewest.kroner).toBe(721_746);
    expect(c.atBounds!.most.kroner).toBe(1_804_366);
    expect(v.missingRates).toEqual([]);
    expect(v.ratesUsed.find((r) => r.category === 'ydelse' && r.year === 2022)!.source).toBe(
      'Satsen for 2021 (ingen sats for 2022): kontanthjælp 2021',
    );
  });

  it('finds break-even for all 50 participants', () => {
    expect(v.participants).toBe(50);
    expect(v.breakEven!.estimate.month).toBe(8);
    // Women needed: ⌈1,000,000 / 32,478.58⌉ = ⌈30.79⌉ = 31.
    expect(v.breakEven!.estimate.womenNeeded).toEqual([{ horizon: 12, women: 31 }]);
    // Fewest: 721,746.22 / 40 = 18,043.66 per woman at 12 months < 20,000: not within 12 months.
    expect(v.breakEven!.fewest!.month).toBeNull();
    // Most: 1,804,365.56 / 40 = 45,109.14; 45,109.14 × m / 12 ≥ 20,000 ⇔ m ≥ 5.32 → 6.
    expect(v.breakEven!.most!.month).toBe(6);
  });

  it('has no break-even without a cost, and no case without an estimate', () => {
    expect(investmentView(runs, RATES, { cost: null, costBasis: null }).breakEven).toBeNull();
    const none = investmentView({ ...runs, horizons: [run(12, { tooFew: true, supportSaved: null, matchedN: null })] }, RATES, {
      cost: 1,
      costBasis: 'budget',
    });
    expect(none.horizons).toEqual([]);
  });
});
