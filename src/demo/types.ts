/** Types of the synthetic demo cohort (see cohort.ts) and its register data (register.ts). */
import type { Durable, Level, Snapshot, Visitation } from '../monitoring/types.ts';
import type { ExitReason } from '../core/codes.ts';
import type { DemoMunicipality, DemoProject } from './municipalities.ts';

export interface DemoWoman {
  id: string;
  /** Ten digits, no dash; a valid synthetic female CPR number, unique in the cohort. */
  cpr: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** Danish country name. */
  countryOfOrigin: string;
  kommuneKode: string;
  projectKey: string;
  /** Enrolment date YYYY-MM-DD. */
  indskrevet: string;
  visitation: Visitation;
  /** Exit date YYYY-MM-DD (the historical cohort: at the latest the projects' last day), or null while enrolled. */
  udskrevet: string | null;
  /** Danish exit reason (labels of domain/labels.ts), or null. */
  exitReason: ExitReason | null;
  synthetic: true;
}

/**
 * What the register data of one woman is built to show (hidden from the case data: a
 * jobcentre would not know it). Months are calendar.ts month indexes.
 */
export interface OutcomePlan {
  /** Best (accumulated) level in her window up to the report month 2022-12. */
  best: Level;
  /** How she reaches it: job/su (Mål 1), hours (Mål 2), company (Mål 3), none. */
  route: 'job' | 'su' | 'hours' | 'company' | 'none';
  /** Durable employment at 2023-02. */
  durable: Durable;
  /** Durable partial only: her paid hours stop in February 2023 (snapshot from her code). */
  hoursEndJan: boolean;
  /** Snapshot status at 2023-02. */
  snapshot: Snapshot;
  /** First month at her best level (-1 when best = 0). */
  start: number;
}

export interface DemoCohort {
  seed: number;
  municipalities: readonly DemoMunicipality[];
  projects: readonly DemoProject[];
  women: DemoWoman[];
  /** plans[i] belongs to women[i]. */
  plans: OutcomePlan[];
}
