/**
 * The cohort's distance travelled on WHO-5 and Fremdriftstrappen: a caseworker's own women, or
 * every woman of a project leader's municipalities. One audited read.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { assessmentsOfCaseload } from '../../db/casework/assessments.ts';
import { cohortDistance, FREMDRIFTSTRAPPEN, WHO5, type Assessment, type CohortDistance } from '../../domain/instruments.ts';

export interface CohortProgression {
  women: number;
  who5: CohortDistance;
  trappen: CohortDistance;
}

export async function getCohortProgression(db: Db, actor: Actor): Promise<CohortProgression> {
  return door(db, actor, async (tx) => {
    const own = actor.role === 'sagsbehandler' ? actor.userId : null;
    const rows = await assessmentsOfCaseload(tx, own);
    const byWoman = new Map<string, Assessment[]>();
    for (const r of rows) {
      const list = byWoman.get(r.pid) ?? [];
      list.push({ instrumentKey: r.instrumentKey, date: r.date, answers: r.answers });
      byWoman.set(r.pid, list);
    }
    const women = [...byWoman.values()];
    return {
      value: { women: women.length, who5: cohortDistance(WHO5, women), trappen: cohortDistance(FREMDRIFTSTRAPPEN, women) },
      audit: { action: 'liste', entity: 'progression', detail: { women: women.length, own: own !== null } },
    };
  });
}
