/**
 * Members of a constructed breakdown cohort (no demo draws): women of Aalborg, jobparat, from Syria,
 * not exited, recruited through `channel`, none with a goal reached; and an engine group of n such women.
 * Shared by the breakdown suppression tests (steering-breakdowns, report-tables-pinning).
 */
import type { Member } from '../../src/app/steering/breakdowns.ts';

export function channelMembers(channel: string, n: number, enrolmentId = ''): Member[] {
  const fact = () => ({
    enrolmentId,
    municipality: 'Aalborg',
    visitation: 'jobparat',
    flereSkalMed: 1,
    recruitmentChannel: channel,
    countryOfOrigin: 'Syrien',
    exitedOn: null,
    exitReason: null,
    companyOriented: false,
    cvAbc: false,
  });
  return Array.from({ length: n }, () => ({ fact: fact(), accumulated: 0, durable: 'none' }));
}

/** The engine's figures of a group of n women none of whom reached a goal. */
export const noGoalGroup = (n: number) => ({
  n,
  accumulated: { '1': 0, '2': 0, '3': 0, '0': n, '1_or_2': 0 },
  durable: { full: 0, partial: 0, none: n },
});
