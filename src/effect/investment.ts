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
