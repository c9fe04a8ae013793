/**
 * The retention job: anonymise every closed case (all enrolments exited more than the retention
 * period ago) not anonymised yet. Runs as a system actor over all municipalities through the
 * door, one audited transaction per woman.
 */
import { retentionActor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { allMunicipalityCodes, closedCasesDue } from '../../db/gdpr/retention.ts';
import { removePerson } from './person-rights.ts';

export async function runRetention(db: Db, opts: { dryRun: boolean; years: number }) {
  const years = opts.years;
  const actor = retentionActor('projektleder', 'jobcenter', await allMunicipalityCodes(db));
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
