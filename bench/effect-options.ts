/** The effect options every phase of `npm run bench:effect` uses. */
import type { EffectBenchData } from './effect-data.ts';

export function effectBenchOptions(d: Pick<EffectBenchData, 'month'>) {
  return { month: d.month, horizon: 12, controls: 3, bootstrap: 1000, seed: 1 } as const;
}
