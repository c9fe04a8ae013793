import { describe, expect, it } from 'vitest';
import { suppressEffect } from './suppress.ts';
import { OUTCOMES, type EffectResult, type OutcomeEstimate } from './types.ts';

function result(o: { participants: number; matched: number; unmatched: number; excluded: number; maal1?: number }): EffectResult {
  const est = (treated: number): OutcomeEstimate => ({
    treated,
    controls: 0.2,
    effect: treated - 0.2,
    ci: [treated - 0.25, treated - 0.15],
    raw: treated - 0.3,
  });
  const outcomes = Object.fromEntries(
    OUTCOMES.map((k) => [k, est(k === 'maal1' ? (o.maal1 ?? 0.5) : k.startsWith('weeks') ? 20 : 0.5)]),
  ) as EffectResult['outcomes'];
  return {
    definition: 'effekt-2026.1',
    month: '2022-12',
    horizon: 12,
    controlsPerParticipant: 3,
    caliper: 0.5,
    bootstrap: 10,
    seed: 1,
    participants: o.participants,
    pool: 1000,
    matched: o.matched,
    unmatched: Array.from({ length: o.unmatched }, (_, i) => `U${i}`),
    excludedShortWindow: o.excluded,
    distinctControls: 3 * o.matched,
    fewerControls: 0,
    medianMonth: '2021-06',
    outcomes,
    balance: (['b52', 'b156', 'h12'] as const).map((variable) => ({
      variable,
      meanParticipants: 1,
      meanPool: 2,
      meanControls: 1,
      smdBefore: 0.5,
      smdAfter: 0.01,
      warning: false,
    })),
  };
}

describe('suppression of effect results (monitoring.md §6 applied to effekt-2026.1)', () => {
  it('hides every estimate with fewer than N matched participants', () => {
    const s = suppressEffect(result({ participants: 10, matched: 4, unmatched: 0, excluded: 6 }), 5);
    expect(s.tooFew).toBe(true);
    expect(s.matched).toBe('<5');
    for (const o of OUTCOMES) expect(s.outcomes[o]).toMatchObject({ treated: null, effect: null, ci: null, hidden: 'faa' });
    expect(s.balance.every((b) => b.smdAfter === null)).toBe(true);
  });

  it('hides a yes/no outcome whose count (or its complement) is from 1 to N−1, keeps the rest', () => {
    // 40 matched, maal1 share 3/40: share × matched reveals 3.
    const s = suppressEffect(result({ participants: 40, matched: 40, unmatched: 0, excluded: 0, maal1: 3 / 40 }), 5);
    expect(s.outcomes.maal1).toMatchObject({ treated: null, effect: null, hidden: 'smaa_tal' });
    expect(s.outcomes.maal12.treated).toBe(0.5);
    expect(s.outcomes.weeksOnSupport.treated).toBe(20);
    const complement = suppressEffect(result({ participants: 40, matched: 40, unmatched: 0, excluded: 0, maal1: 38 / 40 }), 5);
    expect(complement.outcomes.maal1.hidden).toBe('smaa_tal');
  });

  it('never lets participants = matched + unmatched + excluded reveal a hidden count', () => {
    const s = suppressEffect(result({ participants: 60, matched: 50, unmatched: 2, excluded: 8 }), 5);
    expect(s.unmatched).toBe('<5');
    // One more cell of the set is hidden (the smallest visible part: excluded).
    expect(s.excludedShortWindow).toBe('x');
    expect(s.participants).toBe(60);
    expect(s.matched).toBe(50);
    expect(JSON.stringify(s)).not.toContain('U0');
  });

  it('shows everything with suppression off', () => {
    const s = suppressEffect(result({ participants: 6, matched: 3, unmatched: 2, excluded: 1, maal1: 1 / 3 }), 0);
    expect(s.tooFew).toBe(false);
    expect(s.unmatched).toBe(2);
    expect(s.outcomes.maal1.treated).toBeCloseTo(1 / 3, 12);
  });
});
