/**
 * Small statistics helpers of the effect engine: means, standard deviations, the standardised
 * mean difference and percentile intervals. Pure and deterministic.
 */

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** Weighted mean and variance; the variance divides by (sum of weights − 1), as a sample variance of Σw values. */
export function weightedMoments(values: ArrayLike<number>, weights: ArrayLike<number>): { mean: number; variance: number; weight: number } {
  let w = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    w += weights[i];
    s += weights[i] * values[i];
  }
  if (w === 0) return { mean: NaN, variance: NaN, weight: 0 };
  const mean = s / w;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += weights[i] * (values[i] - mean) ** 2;
  return { mean, variance: w > 1 ? ss / (w - 1) : 0, weight: w };
}

/**
 * Standardised mean difference: (mean a − mean b) / √((var a + var b) / 2). 0 when both
 * variances and the difference are 0; null when it cannot be computed.
 */
export function smd(meanA: number, varA: number, meanB: number, varB: number): number | null {
  if (!Number.isFinite(meanA) || !Number.isFinite(meanB)) return null;
  const diff = meanA - meanB;
  const sd = Math.sqrt((varA + varB) / 2);
  if (sd === 0) return diff === 0 ? 0 : null;
  return diff / sd;
}

/**
 * Quantile q of sorted values by linear interpolation between order statistics (Hyndman and
 * Fan type 7, the default of R and numpy).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median of month indexes: the lower middle value when the count is even (a whole month). */
export function lowerMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
}
