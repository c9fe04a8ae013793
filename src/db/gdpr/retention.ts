/**
 * What retention asks of the database: a woman's enrolments against the retention period, the
 * closed cases due for anonymisation, and the municipalities a system job acts for.
 */
import type { Db, Tx } from '../door.ts';
import { auditIn, databaseOf, sqlOf } from '../sql.ts';
import { deniedAccess } from '../door.ts';
import { isUuid } from '../tenant.ts';

export interface RetentionState {
  enrolments: number;
  open: number;
  lastExit: string | null;
  /** The first day she may be erased or anonymised ('indskrevet' while enrolled); null when she may be now. */
  retainedUntil: string | null;
}

/** Her enrolments against a retention period of `years` after her last exit. */
export async function retentionState(tx: Tx, participantId: string, years: number): Promise<RetentionState> {
  const r = await sqlOf(tx).query<RetentionState>(
    `SELECT count(*)::int AS enrolments, count(*) FILTER (WHERE exited_on IS NULL)::int AS open,
        max(exited_on) AS "lastExit",
        CASE WHEN count(*) = 0 THEN NULL
             WHEN count(*) FILTER (WHERE exited_on IS NULL) > 0 THEN 'indskrevet'
             WHEN max(exited_on) + make_interval(years => $2) > current_date THEN to_char(max(exited_on) + make_interval(years => $2), 'YYYY-MM-DD')
             ELSE NULL END AS "retainedUntil"
     FROM enrolment WHERE participant_id = $1`,
    [participantId, years],
  );
  return r.rows[0];
}

/**
 * The woman to anonymise or erase, locked for the change, if the actor may see her; otherwise
 * null, with the refused attempt in the audit log (it names her when the id is one).
 */
export async function lockParticipantForRemoval(tx: Tx, id: string, purpose: string): Promise<{ municipalityCode: string } | null> {
  const p = isUuid(id)
    ? (await sqlOf(tx).query<{ municipality_code: string }>('SELECT municipality_code FROM participant WHERE id = $1 FOR UPDATE', [id]))
        .rows[0]
    : undefined;
  if (!p) {
    await auditIn(tx, deniedAccess(id, purpose));
    return null;
  }
  return { municipalityCode: p.municipality_code.trim() };
}

/** Closed cases (every enrolment exited more than `years` ago) not anonymised yet. */
export async function closedCasesDue(tx: Tx, years: number): Promise<string[]> {
  const r = await sqlOf(tx).query<{ id: string }>(
    `SELECT p.id FROM participant p
     WHERE p.anonymised_at IS NULL
       AND EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.exited_on IS NULL)
       AND (SELECT max(e.exited_on) FROM enrolment e WHERE e.participant_id = p.id) + make_interval(years => $1) <= current_date
     ORDER BY p.id`,
    [years],
  );
  return r.rows.map((row) => row.id);
}

/** Every municipality's code, for a system job that acts for all of them. */
export async function allMunicipalityCodes(db: Db): Promise<string[]> {
  const r = await databaseOf(db).query<{ code: string }>('SELECT code FROM municipality ORDER BY code');
  return r.rows.map((row) => row.code.trim());
}
