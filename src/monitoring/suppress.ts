/**
 * Small-number suppression (spec §6). Cells are numbers in one flat array; additive sets say
 * which cells add up to which total. The rule (see README.md):
 * 1. primary: a count from 1 to N-1 is hidden and shown as `<N`;
 * 2. secondary: while some additive set (its total and its parts) has exactly one hidden cell,
 *    hide the smallest visible non-zero part of that set too (the total if no part qualifies),
 *    shown as `x`. Repeat until no set has exactly one hidden cell.
 * Cells that are never shown but follow from shown ones (e.g. "not active" = n − active) take
 * part as cells of their own, so a difference cannot reveal a small count either.
 */
import type { Count } from './types.ts';

export interface AdditiveSet {
  total: number;
  parts: number[];
}

export const VISIBLE = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

/** States (VISIBLE, PRIMARY, SECONDARY) of every cell; all VISIBLE when threshold < 1. */
export function suppressCells(values: ArrayLike<number>, sets: AdditiveSet[], threshold: number): Uint8Array {
  const state = new Uint8Array(values.length);
  if (threshold < 1) return state;
  for (let i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] < threshold) state[i] = PRIMARY;
  let changed = true;
  while (changed) {
    changed = false;
    for (const set of sets) {
      let hidden = state[set.total] !== VISIBLE ? 1 : 0;
      for (const p of set.parts) if (state[p] !== VISIBLE) hidden++;
      if (hidden !== 1) continue;
      let pick = -1;
      for (const p of set.parts) {
        if (state[p] === VISIBLE && values[p] > 0 && (pick < 0 || values[p] < values[pick])) pick = p;
      }
      if (pick < 0 && state[set.total] === VISIBLE && values[set.total] > 0) pick = set.total;
      if (pick >= 0) {
        state[pick] = SECONDARY;
        changed = true;
      }
    }
  }
  return state;
}

/** The shown form of a cell. */
export function display(value: number, state: number, threshold: number): Count {
  if (state === PRIMARY) return `<${threshold}`;
  if (state === SECONDARY) return 'x';
  return value;
}

export function isSuppressed(c: Count): c is string {
  return typeof c === 'string';
}

/** Share count/denominator for presentation, or null when either is hidden or the denominator is 0. */
export function share(count: Count, denominator: Count): number | null {
  if (typeof count !== 'number' || typeof denominator !== 'number' || denominator === 0) return null;
  return count / denominator;
}
