/**
 * Demo company consultants (issue 14 build 2): one virksomhedskonsulent per demo jobcentre (a
 * caseworker by role, so she logs in as any caseworker does), assigned to every enrolled woman
 * with a placement at a company from two weeks before her first placement. Every third of those
 * women had her own caseworker doing the company work from enrolment first, so her page shows a
 * history of two rows (by a hash of who she is, not of her random id or her place among the women
 * open today, so it is the same on every seeding and day).
 */
import { sqlOf, type Sql } from '../sql.ts';
import { WHO } from './danish.ts';

export async function seedDemoConsultants(tx: Sql): Promise<{ consultants: number; assigned: number }> {
  const q = sqlOf(tx);
  const users = await q.query(
    `INSERT INTO app_user (username, display_name, role, organisation_id, team_id, password_hash, demo)
     SELECT 'virksomhedskonsulent.' || substr(u.username, 14), 'Virksomhedskonsulent ' || substr(u.display_name, 14), 'sagsbehandler',
            u.organisation_id, u.team_id, u.password_hash, true
     FROM app_user u WHERE u.demo AND u.role = 'projektleder' AND u.username LIKE 'projektleder.%'
     ON CONFLICT (username) DO NOTHING`,
  );
  const women = `
    SELECT e.participant_id, e.municipality_code, e.enrolled_on, e.caseworker_id, k.id AS consultant_id,
           greatest(e.enrolled_on, min(a.start_date) - 14) AS placed_from, abs(hashtext(${WHO('w')} || 'konsulent')) % 3 = 0 AS with_history
    FROM enrolment e
    JOIN participant w ON w.id = e.participant_id
    JOIN app_user cw ON cw.id = e.caseworker_id
    JOIN app_user pl ON pl.organisation_id = cw.organisation_id AND pl.role = 'projektleder' AND pl.username LIKE 'projektleder.%'
    JOIN app_user k ON k.username = 'virksomhedskonsulent.' || substr(pl.username, 14)
    JOIN casework_activity a ON a.participant_id = e.participant_id AND a.company_id IS NOT NULL
    WHERE e.exited_on IS NULL AND NOT EXISTS (SELECT 1 FROM company_consultant_change x WHERE x.participant_id = e.participant_id)
    GROUP BY e.participant_id, e.municipality_code, e.enrolled_on, e.caseworker_id, k.id, w.id`;
  const assigned = await q.query(
    `WITH w AS (${women}),
     early AS (
       INSERT INTO company_consultant_change (participant_id, municipality_code, from_date, consultant_id, created_by)
       SELECT participant_id, municipality_code, enrolled_on, caseworker_id, caseworker_id FROM w WHERE with_history AND placed_from > enrolled_on
     )
     INSERT INTO company_consultant_change (participant_id, municipality_code, from_date, consultant_id, created_by)
     SELECT participant_id, municipality_code, placed_from, consultant_id, caseworker_id FROM w`,
  );
  return { consultants: users.rowCount ?? 0, assigned: assigned.rowCount ?? 0 };
}
