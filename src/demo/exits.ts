/**
 * Exit (udskrivning) dates and reasons that agree with the planned outcome: a woman never
 * leaves before the month she first reaches her best level (her window must contain it), and
 * women who reach Mål 2 and then full-time work leave first (the work starts after the project).
 */
import { daysInMonth, monthIndex, monthOfYear, monthYear } from '../monitoring/calendar.ts';
import type { ExitReason } from '../core/codes.ts';
import { REPORT_MONTH } from './cohort-plan.ts';
import type { Rng } from '../core/prng.ts';
import type { OutcomePlan } from './types.ts';

const LATEST_B1_EXIT = monthIndex(2022, 9);
const OTHER_REASONS: readonly (readonly [ExitReason, number])[] = [
  ['fraflyttet', 2],
  ['anden_indsats', 3],
  ['sygdom', 2],
  ['oensker_ikke', 2],
  ['andet', 1],
];

export interface Exit {
  udskrevet: string | null;
  /** Stored as its code (core/codes.ts EXIT_REASONS); pages render the label. */
  exitReason: ExitReason | null;
}

export function drawExit(indskrevet: string, plan: OutcomePlan, rng: Rng): Exit {
  const enrolMonth = monthIndex(Number(indskrevet.slice(0, 4)), Number(indskrevet.slice(5, 7)));
  const from = Math.max(enrolMonth, plan.start);
  let month: number;
  let reason: ExitReason;
  if (plan.best === 2 && plan.durable === 'full') {
    month = rng.int(plan.start, LATEST_B1_EXIT);
    reason = 'job_ordinaer';
  } else if (plan.route === 'job' && plan.durable === 'full') {
    if (rng.chance(0.5)) return { udskrevet: null, exitReason: null };
    month = rng.int(plan.start, Math.min(plan.start + 2, REPORT_MONTH));
    reason = 'job_ordinaer';
  } else if (plan.route === 'job' || plan.route === 'su') {
    if (rng.chance(0.4)) return { udskrevet: null, exitReason: null };
    month = rng.int(from, REPORT_MONTH);
    reason = plan.route === 'su' ? 'uddannelse' : rng.chance(0.6) ? 'job_ordinaer' : rng.weighted(OTHER_REASONS);
  } else {
    if (rng.chance(0.45)) return { udskrevet: null, exitReason: null };
    month = rng.int(from, REPORT_MONTH);
    reason = rng.weighted(OTHER_REASONS);
  }
  const firstDay = month === enrolMonth ? Number(indskrevet.slice(8, 10)) : 1;
  const day = rng.int(firstDay, daysInMonth(month));
  const udskrevet = `${monthYear(month)}-${pad2(monthOfYear(month))}-${pad2(day)}`;
  return { udskrevet, exitReason: reason };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
