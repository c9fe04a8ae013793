/**
 * Small-number suppression (spec §6) for a table whose totals are also shown elsewhere (e.g. a
 * municipality × visitation table whose row totals are the engine's municipality counts): the
 * totals keep the state they have in the other table, so the two tables cannot be combined to
 * recover a hidden cell. Same rule as `suppressCells` (monitoring/suppress.ts), plus:
 * - a cell fixed as shown is never picked for secondary suppression; a cell fixed as hidden is hidden;
 * - a hidden cell that can still be computed from its set (no other cell can be hidden there)
 *   protects nothing: if it is not itself small it is shown again (and never picked again) and
 *   the rule runs on, picking another cell of the set it was meant to protect.
 */
import { PRIMARY, SECONDARY, VISIBLE, display, type AdditiveSet } from './suppress.ts';
import type { Count } from './types.ts';

export function suppressJoint(
  values: number[],
  sets: AdditiveSet[],
  threshold: number,
  fixed: Map<number, 'shown' | 'hidden'>,
): Uint8Array {
  const state = new Uint8Array(values.length);
  if (threshold < 1) return state;
  for (let i = 0; i < values.length; i++) {
    if (values[i] >= 1 && values[i] < threshold) state[i] = PRIMARY;
    else if (fixed.get(i) === 'hidden') state[i] = SECONDARY;
  }
  // Cells shown again because they were recoverable anyway are never picked again (no oscillation).
  const pinned = new Set<number>();
  const pickable = (i: number) => state[i] === VISIBLE && values[i] > 0 && fixed.get(i) !== 'shown' && !pinned.has(i);
  for (let pass = 0, changed = true; changed && pass < 10_000; pass++) {
    changed = false;
    for (const set of sets) {
      const cells = [set.total, ...set.parts];
      const hidden = cells.filter((c) => state[c] !== VISIBLE);
      if (hidden.length !== 1) continue;
      let pick = -1;
      for (const p of set.parts) if (pickable(p) && (pick < 0 || values[p] < values[pick])) pick = p;
      if (pick < 0 && pickable(set.total)) pick = set.total;
      if (pick >= 0) {
        state[pick] = SECONDARY;
        changed = true;
      } else if (state[hidden[0]] === SECONDARY && fixed.get(hidden[0]) !== 'hidden') {
        state[hidden[0]] = VISIBLE; // recoverable anyway, and not small
        pinned.add(hidden[0]);
        changed = true;
      }
    }
  }
  return state;
}

export const shown =
  (values: number[], state: Uint8Array, threshold: number) =>
  (i: number): Count =>
    display(values[i], state[i], threshold);
