/**
 * The retention job: anonymise every closed case (all enrolments exited more than the retention
 * period ago) not anonymised yet. Runs as a system actor over all municipalities through the
 * tenant path, one audited transaction per woman.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { removePerson } from './person-rights.ts';

async function systemActor(db: Database): Promise<Actor> {
  const codes = (await db.query<{ code: string }>('SELECT code FROM municipality ORDER BY code')).rows.map((r) => r.code.trim());
  return {
    userId: 0, username: 'system:opbevaring', displayName: 'Opbevaringsjob', role: 'projektleder',
    organisationId: 0, organisationName: 'Fremdrift', organisationKind: 'jobcenter',
    municipalities: codes, municipalityNames: [], ip: 'localhost',
  };
}

export async function runRetention(db: Database, opts: { dryRun: boolean; years: number }) {
  const years = opts.years;
  const actor = await systemActor(db);
  const due = await withTenant(db, actor, async (q, audit) => {
    const ids = (await q.query<{ id: string }>(
      `SELECT p.id FROM participant p
       WHERE p.anonymised_at IS NULL
         AND EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.exited_on IS NULL)
         AND (SELECT max(e.exited_on) FROM enrolment e WHERE e.participant_id = p.id) + make_interval(years => $1) <= current_date
       ORDER BY p.id`, [years])).rows.map((r) => r.id);
    await audit({ action: 'opbevaring_kontrol', entity: 'participant', detail: { years, due: ids.length, dryRun: opts.dryRun } });
    return ids;
  });
  if (opts.dryRun) return { years, due, anonymised: 0 };
  let anonymised = 0;
  for (const id of due) {
    await removePerson(db, actor, id, 'anonymiser', years);
    anonymised++;
  }
  return { years, due, anonymised };
}
