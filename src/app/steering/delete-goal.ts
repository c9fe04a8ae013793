/** Remove a project goal (projektleder only); audited with what was removed. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { door, type Db } from '../../db/door.ts';
import { deleteGoal as remove, getGoal } from '../../db/steering/goals.ts';
import { chooseProject, requireProjectLeader } from './access.ts';

export async function deleteGoal(db: Db, actor: Actor, projectId: number, goalId: number): Promise<void> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  await door(db, actor, async (tx) => {
    const before = await getGoal(tx, projectId, goalId);
    if (!before || !(await remove(tx, projectId, goalId))) throw notFound('Målet');
    return { value: undefined, audit: { action: 'slet', entity: 'resultatmaal', detail: { projectId, id: goalId, before } } };
  });
}
