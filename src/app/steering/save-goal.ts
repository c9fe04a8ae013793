/** Create or change a project goal (projektleder only); audited with before and after. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { getGoal, insertGoal, updateGoal } from '../../db/steering/goals.ts';
import { withTenant } from '../../db/tenant.ts';
import { chooseProject, requireProjectLeader } from './access.ts';
import { fieldErrors, formValues, type SaveOutcome } from './form.ts';
import { GOAL_FIELDS, goalFormSchema } from '../../domain/steering-goals.ts';

export async function saveGoal(db: Database, actor: Actor, projectId: number, form: Record<string, unknown>, goalId?: number): Promise<SaveOutcome> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  const values = formValues(form, GOAL_FIELDS);
  const parsed = goalFormSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };
  return withTenant(db, actor, async (q, audit) => {
    if (goalId !== undefined) {
      const before = await getGoal(q, projectId, goalId);
      if (!before) throw notFound('Målet');
      await updateGoal(q, projectId, goalId, parsed.data, actor.userId);
      await audit({ action: 'ret', entity: 'resultatmaal', detail: { projectId, id: goalId, before, after: parsed.data } });
      return { status: 'ok', id: goalId };
    }
    const id = await insertGoal(q, projectId, parsed.data, actor.userId);
    await audit({ action: 'opret', entity: 'resultatmaal', detail: { projectId, id, after: parsed.data } });
    return { status: 'ok', id };
  });
}
