/** Remove a project goal (projektleder only); audited with what was removed. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { deleteGoal as remove, getGoal } from '../../db/steering/goals.ts';
import { withTenant } from '../../db/tenant.ts';
import { chooseProject, requireProjectLeader } from './access.ts';

export async function deleteGoal(db: Database, actor: Actor, projectId: number, goalId: number): Promise<void> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  await withTenant(db, actor, async (q, audit) => {
    const before = await getGoal(q, projectId, goalId);
    if (!before || !(await remove(q, projectId, goalId))) throw notFound('Målet');
    await audit({ action: 'slet', entity: 'resultatmaal', detail: { projectId, id: goalId, before } });
  });
}
