/**
 * The investment case shown beside the effect (spec effekt-2026.1 §6, issue 12): for each horizon
 * with an estimate, support weeks saved → helårspersoner → kroner at the administrator's weekly
 * rates (a year without a rate takes the nearest year's, said in its source), against the
 * project's cost as the project leader entered it; the same at the interval's bounds; and
 * break-even (women needed, and the month after enrolment at which the project pays).
 */
import { breakEven, investmentCase, ratesForYears, type BreakEven, type InvestmentCase, type WeeklyRate } from '../../effect/investment.ts';
import type { MoneySummary } from '../../domain/project-money.ts';
import type { EffectRuns } from './effect-runs.ts';

export interface HorizonInvestment {
  horizon: number;
  matched: number;
  case: InvestmentCase;
  /** Savings per matched woman over the horizon (kroner), and at the interval's bounds. */
  perWoman: number;
  perWomanFewest: number | null;
  perWomanMost: number | null;
}

export interface InvestmentView {
  cost: number | null;
  costBasis: MoneySummary['costBasis'];
  horizons: HorizonInvestment[];
  /** Break-even at the estimate and at the interval's bounds (null without a cost or an estimate). */
  breakEven: { estimate: BreakEven; fewest: BreakEven | null; most: BreakEven | null } | null;
  /** Participants counted for break-even (the shown participant count). */
  participants: number | null;
  ratesUsed: WeeklyRate[];
  missingRates: { category: string; year: number }[];
}

export function investmentView(
  runs: EffectRuns,
  rates: readonly WeeklyRate[],
  money: Pick<MoneySummary, 'cost' | 'costBasis'>,
): InvestmentView {
  const cost = money.cost;
  const horizons: HorizonInvestment[] = [];
  const used = new Map<string, WeeklyRate>();
  const missing = new Map<string, { category: string; year: number }>();
  for (const h of runs.horizons) {
    const w = h.outcomes.weeksOnSupport;
    if (!h.supportSaved || h.matchedN === null || w.effect === null) continue;
    const filled = ratesForYears(rates, h.supportSaved);
    const c = investmentCase({
      matched: h.matchedN,
      supportSaved: h.supportSaved,
      effect: w.effect,
      ci: w.ci,
      rates: filled,
      cost: cost ?? 0,
    });
    for (const r of c.ratesUsed) used.set(`${r.category}:${r.year}`, r);
    for (const m of c.missingRates) missing.set(`${m.category}:${m.year}`, m);
    horizons.push({
      horizon: h.horizon,
      matched: h.matchedN,
      case: c,
      perWoman: c.kroner / h.matchedN,
      perWomanFewest: c.atBounds ? c.atBounds.fewest.kroner / h.matchedN : null,
      perWomanMost: c.atBounds ? c.atBounds.most.kroner / h.matchedN : null,
    });
  }
  const shownParticipants = runs.horizons.find((h) => typeof h.participants === 'number')?.participants;
  const participants = typeof shownParticipants === 'number' ? shownParticipants : null;
  let be: InvestmentView['breakEven'] = null;
  if (cost !== null && participants !== null && horizons.length) {
    const points = (f: (h: HorizonInvestment) => number | null) => {
      const ps = horizons.map((h) => ({ horizon: h.horizon, perWoman: f(h) }));
      return ps.every((p) => p.perWoman !== null) ? (ps as { horizon: number; perWoman: number }[]) : null;
    };
    const fewest = points((h) => h.perWomanFewest);
    const most = points((h) => h.perWomanMost);
    be = {
      estimate: breakEven(
        cost,
        participants,
        points((h) => h.perWoman)!,
      ),
      fewest: fewest ? breakEven(cost, participants, fewest) : null,
      most: most ? breakEven(cost, participants, most) : null,
    };
  }
  return {
    cost,
    costBasis: money.costBasis,
    horizons,
    breakEven: be,
    participants,
    ratesUsed: [...used.values()].sort((a, b) => a.category.localeCompare(b.category) || a.year - b.year),
    missingRates: [...missing.values()].sort((a, b) => a.category.localeCompare(b.category) || a.year - b.year),
  };
}
