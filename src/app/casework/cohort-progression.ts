/**
 * The cohort's distance travelled on WHO-5 and Fremdriftstrappen: a caseworker's own women, or
 * every woman of a project leader's municipalities. One audited read.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { cohortDistance, FREMDRIFTSTRAPPEN, WHO5, type Assessment, type CohortDistance } from '../../domain/instruments.ts';

export interface CohortProgression {
  women: number;
  who5: CohortDistance;
  trappen: CohortDistance;
}

export async function getCohortProgression(db: Database, actor: Actor): Promise<CohortProgression> {
  return withTenant(db, actor, async (q, audit) => {
    const own = actor.role === 'sagsbehandler' ? actor.userId : null;
    const rows = (
      await q.query<{ pid: string; instrumentKey: string; date: string; answers: Record<string, number> }>(
        `SELECT a.participant_id AS pid, a.instrument_key AS "instrumentKey", a.assessed_on AS "date", a.answers
         FROM casework_assessment a
         WHERE $1::int IS NULL OR EXISTS (
           SELECT 1 FROM enrolment e WHERE e.participant_id = a.participant_id AND e.caseworker_id = $1
             AND e.enrolled_on = (SELECT max(enrolled_on) FROM enrolment x WHERE x.participant_id = a.participant_id))`,
        [own],
      )
    ).rows;
    const byWoman = new Map<string, Assessment[]>();
    for (const r of rows) {
      const list = byWoman.get(r.pid) ?? [];
      list.push({ instrumentKey: r.instrumentKey, date: r.date, answers: r.answers });
      byWoman.set(r.pid, list);
    }
    const women = [...byWoman.values()];
    await audit({ action: 'liste', entity: 'progression', detail: { women: women.length, own: own !== null } });
    return { women: women.length, who5: cohortDistance(WHO5, women), trappen: cohortDistance(FREMDRIFTSTRAPPEN, women) };
  });
}
