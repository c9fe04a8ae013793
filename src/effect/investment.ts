/**
 * The investment case (spec effekt-2026.1 §6), pure: support weeks saved → helårspersoner →
 * kroner at each support category's weekly rate for the calendar year of the week, against
 * the project's cost; the same at the bounds of the effect's interval.
 *
 * - weeks saved = (controls − treated) weeksOnSupport × matched participants;
 * - helårspersoner = weeks saved / 52;
 * - kroner = Σ over category and year of (weeks saved per participant × matched × rate);
 * - at an interval bound b of the effect on weeksOnSupport, weeks saved = −b × matched and kroner
 *   = those weeks × the average rate of the saved weeks (the same mix of categories and years);
 * - net = kroner − cost. Amounts are rounded to whole kroner at the end only.
 * A category and year without a rate is listed in `missingRates` and counts 0 kr.
 */

export interface WeeklyRate {
  category: string;
  year: number;
  /** Public expense per week in kroner. */
  rate: number;
  /** Where the rate comes from (shown beside it). */
  source: string;
}

export interface InvestmentInput {
  matched: number;
  /** From effectDetails: weeks saved per matched participant by category and year. */
  supportSaved: { category: string; year: number; weeks: number }[];
  /** Effect on weeksOnSupport (treated − controls) and its 95 % interval. */
  effect: number;
  ci: [number, number] | null;
  rates: WeeklyRate[];
  /** The project's cost in kroner. */
  cost: number;
}

export interface InvestmentFigures {
  weeksSaved: number;
  helaarspersoner: number;
  kroner: number;
  net: number;
}

export interface InvestmentCase extends InvestmentFigures {
  /** At the lower and upper bound of the effect's interval (fewest and most weeks saved). */
  atBounds: { fewest: InvestmentFigures; most: InvestmentFigures } | null;
  missingRates: { category: string; year: number }[];
  /** The rates used, with their sources. */
  ratesUsed: WeeklyRate[];
}

const kr = (x: number) => Math.round(x);

export function investmentCase(i: InvestmentInput): InvestmentCase {
  const rateOf = new Map(i.rates.map((r) => [`${r.category}:${r.year}`, r]));
  let kroner = 0;
  let weeksWithMix = 0;
  const missing: { category: string; year: number }[] = [];
  const used = new Map<string, WeeklyRate>();
  for (const s of i.supportSaved) {
    const r = rateOf.get(`${s.category}:${s.year}`);
    if (!r) {
      if (s.weeks !== 0) missing.push({ category: s.category, year: s.year });
      continue;
    }
    used.set(`${s.category}:${s.year}`, r);
    kroner += s.weeks * i.matched * r.rate;
    weeksWithMix += s.weeks * i.matched;
  }
  const weeksSaved = -i.effect * i.matched;
  const averageRate = weeksWithMix !== 0 ? kroner / weeksWithMix : 0;
  const figures = (weeks: number, money: number): InvestmentFigures => ({
    weeksSaved: weeks,
    helaarspersoner: weeks / 52,
    kroner: kr(money),
    net: kr(money - i.cost),
  });
  const atBound = (b: number) => figures(-b * i.matched, -b * i.matched * averageRate);
  return {
    ...figures(weeksSaved, kroner),
    // The upper bound of (treated − controls) is the fewest weeks saved.
    atBounds: i.ci ? { fewest: atBound(i.ci[1]), most: atBound(i.ci[0]) } : null,
    missingRates: missing,
    ratesUsed: [...used.values()],
  };
}

/**
 * Rates for the category-years the case needs: a year without its own rate takes the rate of
 * the nearest year of the same category that has one (the earlier on a tie), and says so in its
 * source. A category with no rate at all stays missing (listed, 0 kr.).
 */
export function ratesForYears(rates: readonly WeeklyRate[], needed: readonly { category: string; year: number }[]): WeeklyRate[] {
  const out = [...rates];
  const have = new Set(rates.map((r) => `${r.category}:${r.year}`));
  for (const n of needed) {
    const key = `${n.category}:${n.year}`;
    if (have.has(key)) continue;
    const same = rates.filter((r) => r.category === n.category);
    if (!same.length) continue;
    const nearest = same.reduce((a, b) => {
      const da = Math.abs(a.year - n.year);
      const db = Math.abs(b.year - n.year);
      return db < da || (db === da && b.year < a.year) ? b : a;
    });
    out.push({
      category: n.category,
      year: n.year,
      rate: nearest.rate,
      source: `Satsen for ${nearest.year} (ingen sats for ${n.year}): ${nearest.source}`,
    });
    have.add(key);
  }
  return out;
}

/** Savings per woman at a horizon: kroner of the case divided by the matched participants. */
export interface SavingsPoint {
  horizon: number;
  perWoman: number;
}

export interface BreakEven {
  /** Women who must go through the project for the savings at this horizon to cover the cost (null: no saving). */
  womenNeeded: { horizon: number; women: number | null }[];
  /**
   * The first whole month after enrolment (1 … the longest horizon) at which every participant
   * saving as much as the matched women covers the cost; null when not within the horizons.
   */
  month: number | null;
}

/**
 * Break-even (issue 12): savings per woman s(m) rise linearly from 0 at enrolment through the
 * points at the horizons (6, 12, 24 months); the project pays at the first month m where
 * participants × s(m) ≥ cost. Women needed at horizon H = ⌈cost / s(H)⌉.
 */
export function breakEven(cost: number, participants: number, points: readonly SavingsPoint[]): BreakEven {
  const pts = [{ horizon: 0, perWoman: 0 }, ...[...points].sort((a, b) => a.horizon - b.horizon)];
  const at = (m: number) => {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      if (m <= b.horizon) return a.perWoman + ((b.perWoman - a.perWoman) * (m - a.horizon)) / (b.horizon - a.horizon);
    }
    return pts[pts.length - 1].perWoman;
  };
  const last = pts[pts.length - 1].horizon;
  let month: number | null = null;
  for (let m = 1; m <= last; m++) {
    // A cent's tolerance, so that exact break-even in floating point counts.
    if (participants * at(m) >= cost - 0.005) {
      month = m;
      break;
    }
  }
  return {
    womenNeeded: points.map((p) => ({ horizon: p.horizon, women: p.perWoman > 0 ? Math.ceil(cost / p.perWoman - 1e-9) : null })),
    month: cost <= 0 ? 0 : month,
  };
}
