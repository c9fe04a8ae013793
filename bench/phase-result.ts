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

export function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}
