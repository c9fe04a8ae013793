/** Activities of one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ActivityStatus, CompanyConsent } from '../../core/codes.ts';
import { herRecords } from '../her-records.ts';

/** What a caseworker records of an activity. */
export interface ActivityData {
  typeKey: string;
  provider: string | null;
  address: string | null;
  schedule: string | null;
  cvr: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
  status: ActivityStatus;
  companyConsent?: CompanyConsent | null;
}

/** An activity as stored. */
export interface ActivityRow extends ActivityData {
  id: string;
  createdBy: number | null;
  /** The company of a placement (set from the CVR number by the database, migration 0140). */
  companyId: string | null;
  /** Her consent on the placement: what the company may be told (migration 0182; null before it or without a company). */
  companyConsent: CompanyConsent | null;
}

const COLS = `id, type_key AS "typeKey", provider, address, schedule, cvr, start_date AS "startDate", end_date AS "endDate",
  hours_per_week AS "hoursPerWeek", status, created_by AS "createdBy", company_id AS "companyId",
  company_consent AS "companyConsent"`;

/** The columns an insert and a correction write. */
const dataValues = (a: ActivityData) => ({
  type_key: a.typeKey,
  provider: a.provider,
  cvr: a.cvr,
  start_date: a.startDate,
  end_date: a.endDate,
  hours_per_week: a.hoursPerWeek,
  status: a.status,
  address: a.address ?? null,
  schedule: a.schedule ?? null,
  company_consent: a.companyConsent ?? null,
});

/** Her activities, newest first. */
export const activityRecords = herRecords<ActivityRow, ActivityData>(
  'casework_activity',
  COLS,
  'start_date DESC, created_at DESC',
  dataValues,
);
