/** Create or change a project goal (projektleder only); audited with before and after. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { door, type Db } from '../../db/door.ts';
import { getGoal, insertGoal, updateGoal } from '../../db/steering/goals.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../form.ts';
import { GOAL_FIELDS, goalFormSchema } from '../../domain/steering-goals.ts';

export async function saveGoal(db: Db, actor: Actor, projectId: number, form: FormData, goalId?: number): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, GOAL_FIELDS, goalFormSchema);
  if (!parsed.ok) return parsed.outcome;
  return door(db, actor, async (tx) => {
    if (goalId !== undefined) {
      const before = await getGoal(tx, projectId, goalId);
      if (!before) throw notFound('Målet');
      await updateGoal(tx, projectId, goalId, parsed.data, actor.userId);
      const value: SaveOutcome = { status: 'ok', id: goalId };
      return { value, audit: { action: 'ret', entity: 'resultatmaal', detail: { projectId, id: goalId, before, after: parsed.data } } };
    }
    const id = await insertGoal(tx, projectId, parsed.data, actor.userId);
    const value: SaveOutcome = { status: 'ok', id };
    return { value, audit: { action: 'opret', entity: 'resultatmaal', detail: { projectId, id, after: parsed.data } } };
  });
}
