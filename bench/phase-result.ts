/** What one benchmark phase (run in its own child process) reports back. */

export interface PhaseResult {
  phase: string;
  /** Seconds per run for the phase's headline figure. */
  runs: number[];
  /** Named sub-timings per run (seconds), e.g. load and query for the SQL peers. */
  parts: Record<string, number[]>;
  /** Peak resident memory of the child process (MB), from process.resourceUsage().maxRSS. */
  maxRssMb: number;
  /** Resident memory before the timed work started (MB), when meaningful. */
  baselineRssMb?: number;
  /** Peak memory of the database server backend (MB) when the work ran in another process. */
  serverPeakMb?: number | null;
  /** Where the phase wrote its per-participant levels for the agreement check. */
  levelsFile?: string;
  /** Minor page faults (pages of fresh memory touched) during each timed run. */
  faults?: number[];
  note?: string;
}

/** Per participant: [accumulated, current] with current null when not active. */
export type Levels = Record<string, [number, number | null]>;

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Minor page faults of this process so far: count before and after a run for that run's first touches of fresh memory. */
export function minorFaults(): number {
  return process.resourceUsage().minorPageFault;
}

/** The value of `of` from the run with the best (least) time, or null when not counted. */
export function atBestRun(r: PhaseResult, of: number[] | undefined): number | null {
  if (!of || of.length !== r.runs.length || r.runs.length === 0) return null;
  return of[r.runs.indexOf(Math.min(...r.runs))];
}

/**
 * What a first touch of fresh memory costs on this machine now: 64 MiB of a new typed array
 * touched page by page, in µs per minor page fault. Virtual machines differ widely here (2 Dec
 * 2026: about 5 µs on one boot, 13–15 µs on another), and end to end fills far more fresh memory
 * than the split, so their ratio moves with it (bench/README.md).
 */
export function pageFaultMicros(): { micros: number; faults: number } {
  const f0 = minorFaults();
  const t0 = performance.now();
  const a = new Int16Array(32 * 1024 * 1024);
  for (let i = 0; i < a.length; i += 2048) a[i] = 1; // one cell per 4 KiB page
  const ms = performance.now() - t0;
  const faults = minorFaults() - f0;
  return { micros: faults > 0 ? (ms * 1000) / faults : NaN, faults };
}

export function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}
