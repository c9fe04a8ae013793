/** Family barriers on Styring (issue 14 build 6): the women enrolled at the day, their barriers at enrolment and at the day. */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { projectFamilyFacts } from '../../db/casework/family.ts';
import { countBarriers, type BarrierCounts } from '../../domain/family.ts';

export async function familySteering(db: Db, actor: Actor, projectId: number, day: string): Promise<BarrierCounts> {
  // Counts only leave the transaction (as the other case-data figures on Styring).
  return door(db, actor, async (tx) => ({ value: countBarriers(await projectFamilyFacts(tx, projectId, day)), audit: [] }));
}
