/** Danish labels and number formats for the effect contract (effekt-2026.1). */
import type { BalanceVariable, Outcome } from '../effect/types.ts';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  maal1: 'Mål 1 nået i perioden (uddannelse eller over 18,5 t/uge)',
  maal12: 'Mål 1 eller 2 nået i perioden (løntimer)',
  durable: 'Varig beskæftigelse over deltid ved periodens slutning',
  weeksOnSupport: 'Uger på offentlig forsørgelse',
  weeksSelfSupporting: 'Uger uden offentlig forsørgelse (ingen kode)',
};

export const BALANCE_LABELS: Record<BalanceVariable, string> = {
  b52: 'Uger på forsørgelse, seneste 52 uger',
  b156: 'Uger på forsørgelse, seneste 156 uger',
  h12: 'Løntimer, seneste 12 måneder',
};

const pct1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec2 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A share (0–1) as percent, an effect on a share as percentage points, weeks with one decimal. */
export function showOutcomeValue(v: number | null, share: boolean, difference = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (share) return difference ? `${v > 0 ? '+' : ''}${pct1.format(100 * v)} pct.-point` : `${pct1.format(100 * v)} %`;
  return `${difference && v > 0 ? '+' : ''}${dec1.format(v)} uger`;
}

export function showInterval(ci: [number, number] | null, share: boolean): string {
  if (!ci) return '–';
  return share
    ? `${pct1.format(100 * ci[0])} til ${pct1.format(100 * ci[1])} pct.-point`
    : `${dec1.format(ci[0])} til ${dec1.format(ci[1])} uger`;
}

export const showSmd = (v: number | null) => (v === null ? '–' : dec2.format(v));
export const showMean = (v: number | null) => (v === null ? '–' : dec1.format(v));
