/**
 * The company register (migration 0140), SQL only: the caller runs inside the door and audits.
 * Every query names the actor's municipalities besides row-level security, so a company is seen
 * only by the jobcentre that registered it.
 */
import type { ActivityStatus, CompanyConsent, CompanyContactKind } from '../core/codes.ts';
import type { CompanyContactInput, CompanyInput, ContactPersonInput, FollowUpInput } from '../domain/companies.ts';
import type { Tx } from './door.ts';
import { sqlOf } from './sql.ts';
import { isUuid } from './tenant.ts';

export interface CompanyRow {
  id: string;
  municipalityCode: string;
  cvr: string;
  name: string;
  address: string | null;
  industry: string | null;
  notes: string | null;
}

export interface CompanyListRow extends CompanyRow {
  /** Women at the company today (a placement under way on the day). */
  currentWomen: number;
  placements: number;
  hirings: number;
  lastContact: string | null;
}

export interface ContactPersonRow {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface CompanyContactRow {
  id: string;
  occurredOn: string;
  kind: CompanyContactKind;
  note: string | null;
  createdByName: string | null;
}

export interface PlacementRow {
  activityId: string;
  participantId: string;
  /** Her name only where she consented to the company knowing her (`consent` 'navn'); null otherwise, never read. */
  firstName: string | null;
  lastName: string | null;
  /** Her consent on the placement (migration 0182); null for a placement recorded before consent was asked. */
  consent: CompanyConsent | null;
  typeKey: string;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
  status: ActivityStatus;
  /** Her company consultant today (virksomhedskonsulent, migration 0141), who owns this work. */
  consultantName: string | null;
}

export interface FollowUpRow {
  id: string;
  activityId: string;
  participantId: string;
  checkpointMonths: number;
  checkedOn: string;
  stillEmployed: boolean;
  note: string | null;
}

const COLS = `c.id, c.municipality_code AS "municipalityCode", c.cvr, c.name, c.address, c.industry, c.notes`;
const mine = (tx: Tx) => tx.actor.municipalities;

export async function listCompanies(tx: Tx, today: string, hiringTypes: readonly string[]): Promise<CompanyListRow[]> {
  return (
    await sqlOf(tx).query<CompanyListRow>(
      `SELECT ${COLS},
              (SELECT count(DISTINCT a.participant_id)::int FROM casework_activity a WHERE a.company_id = c.id
                 AND a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $2) AND a.status IN ('i_gang', 'planlagt')) AS "currentWomen",
              (SELECT count(*)::int FROM casework_activity a WHERE a.company_id = c.id) AS placements,
              (SELECT count(*)::int FROM casework_activity a WHERE a.company_id = c.id AND a.type_key = ANY ($3::text[])) AS hirings,
              (SELECT to_char(max(k.occurred_on), 'YYYY-MM-DD') FROM company_contact k WHERE k.company_id = c.id) AS "lastContact"
       FROM company c WHERE c.municipality_code = ANY ($1::text[]) ORDER BY c.name, c.cvr`,
      [mine(tx), today, hiringTypes],
    )
  ).rows;
}

export async function getCompany(tx: Tx, id: string): Promise<CompanyRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<CompanyRow>(`SELECT ${COLS} FROM company c WHERE c.id = $1 AND c.municipality_code = ANY ($2::text[])`, [
      id,
      mine(tx),
    ])
  ).rows[0];
}

export async function findCompanyByCvr(tx: Tx, cvr: string): Promise<CompanyRow | undefined> {
  return (
    await sqlOf(tx).query<CompanyRow>(
      `SELECT ${COLS} FROM company c WHERE c.cvr = $1 AND c.municipality_code = ANY ($2::text[]) ORDER BY c.created_at LIMIT 1`,
      [cvr, mine(tx)],
    )
  ).rows[0];
}

export async function insertCompany(tx: Tx, municipality: string, c: CompanyInput): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO company (municipality_code, cvr, name, address, industry, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipality, c.cvr, c.name, c.address, c.industry, c.notes, tx.actor.userId],
    )
  ).rows[0].id;
}

/** The CVR number is not changed: it is the company (a wrong one is a new company). */
export async function updateCompany(tx: Tx, id: string, c: Omit<CompanyInput, 'cvr'>): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE company SET name = $2, address = $3, industry = $4, notes = $5, updated_at = now() WHERE id = $1 AND municipality_code = ANY ($6::text[])`,
    [id, c.name, c.address, c.industry, c.notes, mine(tx)],
  );
}

export async function deleteCompany(tx: Tx, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM company WHERE id = $1 AND municipality_code = ANY ($2::text[])', [id, mine(tx)]);
}

export async function listContactPersons(tx: Tx, companyId: string): Promise<ContactPersonRow[]> {
  return (
    await sqlOf(tx).query<ContactPersonRow>(
      `SELECT id, name, title, phone, email FROM company_contact_person WHERE company_id = $1 AND municipality_code = ANY ($2::text[]) ORDER BY name, created_at`,
      [companyId, mine(tx)],
    )
  ).rows;
}

export async function insertContactPerson(tx: Tx, company: CompanyRow, p: ContactPersonInput): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO company_contact_person (company_id, municipality_code, name, title, phone, email, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [company.id, company.municipalityCode, p.name, p.title, p.phone, p.email, tx.actor.userId],
    )
  ).rows[0].id;
}

/** Deletes one contact person of the company; returns what was deleted (for the audit), or undefined. */
export async function deleteContactPerson(tx: Tx, companyId: string, id: string): Promise<ContactPersonRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<ContactPersonRow>(
      `DELETE FROM company_contact_person WHERE id = $1 AND company_id = $2 AND municipality_code = ANY ($3::text[]) RETURNING id, name, title, phone, email`,
      [id, companyId, mine(tx)],
    )
  ).rows[0];
}

export async function listCompanyContacts(tx: Tx, companyId: string): Promise<CompanyContactRow[]> {
  return (
    await sqlOf(tx).query<CompanyContactRow>(
      `SELECT k.id, to_char(k.occurred_on, 'YYYY-MM-DD') AS "occurredOn", k.kind, k.note, u.display_name AS "createdByName"
       FROM company_contact k LEFT JOIN app_user u ON u.id = k.created_by
       WHERE k.company_id = $1 AND k.municipality_code = ANY ($2::text[]) ORDER BY k.occurred_on DESC, k.created_at DESC`,
      [companyId, mine(tx)],
    )
  ).rows;
}

export async function insertCompanyContact(tx: Tx, company: CompanyRow, c: CompanyContactInput): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO company_contact (company_id, municipality_code, occurred_on, kind, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [company.id, company.municipalityCode, c.occurredOn, c.kind, c.note, tx.actor.userId],
    )
  ).rows[0].id;
}

export async function deleteCompanyContact(tx: Tx, companyId: string, id: string): Promise<CompanyContactRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<CompanyContactRow>(
      `DELETE FROM company_contact WHERE id = $1 AND company_id = $2 AND municipality_code = ANY ($3::text[])
       RETURNING id, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", kind, note`,
      [id, companyId, mine(tx)],
    )
  ).rows[0];
}

/** Every placement at the company, newest first, with the woman's name (personal data: audit the read). */
export async function companyPlacements(tx: Tx, companyId: string): Promise<PlacementRow[]> {
  return (
    await sqlOf(tx).query<PlacementRow>(
      `SELECT a.id AS "activityId", a.participant_id AS "participantId", a.company_consent AS consent,
              CASE WHEN a.company_consent = 'navn' THEN p.first_name END AS "firstName",
              CASE WHEN a.company_consent = 'navn' THEN p.last_name END AS "lastName",
              a.type_key AS "typeKey", to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate",
              a.hours_per_week::float AS "hoursPerWeek", a.status,
              (SELECT u.display_name FROM company_consultant_change k LEFT JOIN app_user u ON u.id = k.consultant_id
               WHERE k.participant_id = a.participant_id AND k.from_date <= current_date
               ORDER BY k.from_date DESC, k.created_at DESC LIMIT 1) AS "consultantName"
       FROM casework_activity a JOIN participant p ON p.id = a.participant_id
       WHERE a.company_id = $1 AND a.municipality_code = ANY ($2::text[]) ORDER BY a.start_date DESC, a.created_at DESC`,
      [companyId, mine(tx)],
    )
  ).rows;
}

const FU_COLS = `f.id, f.activity_id AS "activityId", f.participant_id AS "participantId", f.checkpoint_months AS "checkpointMonths",
  to_char(f.checked_on, 'YYYY-MM-DD') AS "checkedOn", f.still_employed AS "stillEmployed", f.note`;

export async function followUpsOfActivities(tx: Tx, activityIds: readonly string[]): Promise<FollowUpRow[]> {
  if (!activityIds.length) return [];
  return (
    await sqlOf(tx).query<FollowUpRow>(
      `SELECT ${FU_COLS} FROM placement_follow_up f WHERE f.activity_id = ANY ($1::uuid[]) AND f.municipality_code = ANY ($2::text[])
       ORDER BY f.checkpoint_months`,
      [activityIds, mine(tx)],
    )
  ).rows;
}

export async function followUpsOfParticipants(tx: Tx, participantIds: readonly string[]): Promise<FollowUpRow[]> {
  if (!participantIds.length) return [];
  return (
    await sqlOf(tx).query<FollowUpRow>(
      `SELECT ${FU_COLS} FROM placement_follow_up f WHERE f.participant_id = ANY ($1::uuid[]) AND f.municipality_code = ANY ($2::text[])`,
      [participantIds, mine(tx)],
    )
  ).rows;
}

/** One answer per hiring and checkpoint: a new answer replaces the earlier one (a correction). */
export async function upsertFollowUp(
  tx: Tx,
  p: { id: string; municipalityCode: string },
  activityId: string,
  f: FollowUpInput,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO placement_follow_up (activity_id, participant_id, municipality_code, checkpoint_months, checked_on, still_employed, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (activity_id, checkpoint_months) DO UPDATE SET checked_on = EXCLUDED.checked_on, still_employed = EXCLUDED.still_employed,
         note = EXCLUDED.note, created_by = EXCLUDED.created_by
       RETURNING id`,
      [activityId, p.id, p.municipalityCode, f.checkpointMonths, f.checkedOn, f.stillEmployed, f.note, tx.actor.userId],
    )
  ).rows[0].id;
}

export async function deleteFollowUp(tx: Tx, participantId: string, id: string): Promise<FollowUpRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<FollowUpRow>(
      `DELETE FROM placement_follow_up f WHERE f.id = $1 AND f.participant_id = $2 AND f.municipality_code = ANY ($3::text[]) RETURNING ${FU_COLS}`,
      [id, participantId, mine(tx)],
    )
  ).rows[0];
}

export interface CompanySteeringFacts {
  /** Companies with a placement of the project's women under way on the day. */
  activeCompanies: number;
  /** Companies the project's women have been placed at, ever. */
  companiesUsed: number;
  /** Hirings of the project's women started on or before the day. */
  hirings: number;
  /** Of those, hirings answered at 6 months: still employed / not. */
  stillAt6: number;
  answeredAt6: number;
}

/** Counts only (no person) for Styring, for the women enrolled in the project. */
export async function companySteeringFacts(
  tx: Tx,
  projectId: number,
  day: string,
  hiringTypes: readonly string[],
): Promise<CompanySteeringFacts> {
  return (
    await sqlOf(tx).query<CompanySteeringFacts>(
      `WITH a AS (SELECT a.* FROM casework_activity a WHERE a.company_id IS NOT NULL AND a.municipality_code = ANY ($4::text[])
                  AND a.participant_id IN (SELECT participant_id FROM enrolment WHERE project_id = $1) AND a.start_date <= $2)
       SELECT (SELECT count(DISTINCT company_id)::int FROM a WHERE (a.end_date IS NULL OR a.end_date >= $2) AND a.status <> 'afbrudt') AS "activeCompanies",
              (SELECT count(DISTINCT company_id)::int FROM a) AS "companiesUsed",
              (SELECT count(*)::int FROM a WHERE a.type_key = ANY ($3::text[])) AS hirings,
              (SELECT count(*)::int FROM placement_follow_up f JOIN a ON a.id = f.activity_id
                 WHERE f.checkpoint_months = 6 AND f.still_employed AND a.type_key = ANY ($3::text[])) AS "stillAt6",
              (SELECT count(*)::int FROM placement_follow_up f JOIN a ON a.id = f.activity_id
                 WHERE f.checkpoint_months = 6 AND a.type_key = ANY ($3::text[])) AS "answeredAt6"`,
      [projectId, day, hiringTypes, mine(tx)],
    )
  ).rows[0];
}
