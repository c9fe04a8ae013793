/**
 * Small numbers in effect results shown outside the municipality that owns the data
 * (monitoring.md §6, applied to effekt-2026.1): the counts of matched, unmatched and excluded
 * participants are shown as `<N` from 1 to N−1; with fewer than N matched participants no
 * estimate is shown; a yes/no outcome whose number of matched participants with (or without) it
 * is from 1 to N−1 hides its shares, effect, interval and raw difference (`x`), because
 * share × matched would reveal the count. Unmatched ids never leave this function.
 */
import { display, SECONDARY, suppressCells } from '../monitoring/suppress.ts';
import type { Count } from '../monitoring/types.ts';
import { OUTCOMES, SHARE_OUTCOMES, type BalanceRow, type EffectResult, type Outcome, type OutcomeEstimate } from './types.ts';

export interface ShownOutcome extends OutcomeEstimate {
  /** Why the figures are hidden (null when shown). */
  hidden: null | 'faa' | 'smaa_tal';
}

export interface ShownEffect {
  definition: string;
  month: string;
  horizon: number;
  controlsPerParticipant: number;
  participants: Count;
  matched: Count;
  unmatched: Count;
  excludedShortWindow: Count;
  pool: number;
  medianMonth: string | null;
  outcomes: Record<Outcome, ShownOutcome>;
  balance: BalanceRow[];
  /** True when no estimate can be shown (fewer than N matched). */
  tooFew: boolean;
}

const HIDDEN: OutcomeEstimate = { treated: null, controls: null, effect: null, ci: null, raw: null };

export function suppressEffect(r: EffectResult, threshold: number): ShownEffect {
  const n = r.matched;
  const tooFew = threshold > 0 && n < threshold;
  const outcomes = {} as Record<Outcome, ShownOutcome>;
  for (const o of OUTCOMES) {
    const est = r.outcomes[o];
    if (tooFew || est.treated === null) {
      outcomes[o] = { ...HIDDEN, hidden: tooFew ? 'faa' : null };
      continue;
    }
    if (SHARE_OUTCOMES.includes(o) && threshold > 0) {
      const yes = Math.round(est.treated * n);
      const small = (c: number) => c >= 1 && c < threshold;
      if (small(yes) || small(n - yes)) {
        outcomes[o] = { ...HIDDEN, hidden: 'smaa_tal' };
        continue;
      }
    }
    outcomes[o] = { ...est, hidden: null };
  }
  // participants = matched + unmatched + excluded: one additive set, so that no hidden count
  // can be computed from the others (secondary suppression, monitoring.md §6).
  const cells = [r.participants, n, r.unmatched.length, r.excludedShortWindow];
  const state = suppressCells(cells, [{ total: 0, parts: [1, 2, 3] }], threshold);
  const shown = (i: number): Count => display(cells[i], state[i], threshold);
  return {
    definition: r.definition,
    month: r.month,
    horizon: r.horizon,
    controlsPerParticipant: r.controlsPerParticipant,
    participants: shown(0),
    matched: shown(1),
    unmatched: shown(2),
    excludedShortWindow: shown(3),
    pool: r.pool,
    medianMonth: r.medianMonth,
    outcomes,
    balance: tooFew
      ? r.balance.map((b) => ({
          ...b,
          meanParticipants: null,
          meanPool: null,
          meanControls: null,
          smdBefore: null,
          smdAfter: null,
          warning: false,
        }))
      : r.balance,
    tooFew,
  };
}

/** The shown form of a hidden outcome figure. */
export function hiddenMark(o: ShownOutcome, threshold: number): string {
  return o.hidden === 'smaa_tal' ? (display(0, SECONDARY, threshold) as string) : `<${threshold}`;
}
