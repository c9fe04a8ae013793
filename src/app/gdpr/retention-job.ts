/**
 * The retention job: anonymise every closed case (all enrolments exited more than the retention
 * period ago) not anonymised yet. Runs as a system actor over all municipalities through the
 * door, one audited transaction per woman.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { allMunicipalityCodes, closedCasesDue } from '../../db/gdpr/retention.ts';
import { removePerson } from './person-rights.ts';

async function systemActor(db: Db): Promise<Actor> {
  return {
    userId: 0,
    username: 'system:opbevaring',
    displayName: 'Opbevaringsjob',
    role: 'projektleder',
    organisationId: 0,
    organisationName: 'Fremdrift',
    organisationKind: 'jobcenter',
    municipalities: await allMunicipalityCodes(db),
    municipalityNames: [],
    ip: 'localhost',
  };
}

export async function runRetention(db: Db, opts: { dryRun: boolean; years: number }) {
  const years = opts.years;
  const actor = await systemActor(db);
  const due = await door(db, actor, async (tx) => {
    const ids = await closedCasesDue(tx, years);
    return {
      value: ids,
      audit: { action: 'opbevaring_kontrol', entity: 'participant', detail: { years, due: ids.length, dryRun: opts.dryRun } },
    };
  });
  if (opts.dryRun) return { years, due, anonymised: 0 };
  let anonymised = 0;
  for (const id of due) {
    await removePerson(db, actor, id, 'anonymiser', years);
    anonymised++;
  }
  return { years, due, anonymised };
}
