/** What her plan view reads beyond the casework repositories (SQL only). */
import type { Plan } from '../../domain/plan.ts';
import type { Tx } from '../door.ts';
import { sqlOf } from '../sql.ts';

/** Her current plan and the day it was last saved (Danish time). */
export async function getPlanWithDate(tx: Tx, participantId: string): Promise<{ plan: Plan; updatedOn: string } | null> {
  return (
    (
      await sqlOf(tx).query<{ plan: Plan; updatedOn: string }>(
        `SELECT data AS plan, to_char(updated_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS "updatedOn"
       FROM casework_plan WHERE participant_id = $1`,
        [participantId],
      )
    ).rows[0] ?? null
  );
}

/** Her first name and the caseworker's display name, nothing else of hers. */
export async function getPlanHeader(tx: Tx, participantId: string): Promise<{ firstName: string; countryOfOrigin: string | null } | null> {
  return (
    (
      await sqlOf(tx).query<{ firstName: string; countryOfOrigin: string | null }>(
        'SELECT first_name AS "firstName", country_of_origin AS "countryOfOrigin" FROM participant WHERE id = $1',
        [participantId],
      )
    ).rows[0] ?? null
  );
}

export interface SelfReport {
  instrumentKey: string;
  date: string;
  answers: Record<string, number>;
  total: number;
  language: string;
}

/** An assessment she answered herself through her link (no staff user; reported_by = borger). */
export async function insertSelfReport(tx: Tx, participantId: string, municipality: string, a: SelfReport): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by, reported_by, answered_language)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, 'borger', $7) RETURNING id`,
      [participantId, municipality, a.instrumentKey, a.date, JSON.stringify(a.answers), a.total, a.language],
    )
  ).rows[0].id;
}
