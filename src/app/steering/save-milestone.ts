/** Create or change a milestone (projektleder only); audited with before and after. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { door, type Audited, type Db } from '../../db/door.ts';
import { getMilestone, insertMilestone, milestoneNumberTaken, updateMilestone } from '../../db/steering/milestones.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../form.ts';
import { MILESTONE_FIELDS, milestoneFormSchema } from '../../domain/steering-goals.ts';

export async function saveMilestone(db: Db, actor: Actor, projectId: number, form: FormData, milestoneId?: number): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, MILESTONE_FIELDS, milestoneFormSchema);
  if (!parsed.ok) return parsed.outcome;
  return door(db, actor, async (tx): Promise<Audited<SaveOutcome>> => {
    if (await milestoneNumberTaken(tx, projectId, parsed.data.number, milestoneId)) {
      return {
        value: { status: 'invalid', errors: { number: 'Nummeret bruges allerede af en anden milepæl.' }, values: parsed.values },
        audit: [],
      };
    }
    if (milestoneId !== undefined) {
      const before = await getMilestone(tx, projectId, milestoneId);
      if (!before) throw notFound('Milepælen');
      await updateMilestone(tx, projectId, milestoneId, parsed.data, actor.userId);
      return {
        value: { status: 'ok', id: milestoneId },
        audit: { action: 'ret', entity: 'milepael', detail: { projectId, id: milestoneId, before, after: parsed.data } },
      };
    }
    const id = await insertMilestone(tx, projectId, parsed.data, actor.userId);
    return { value: { status: 'ok', id }, audit: { action: 'opret', entity: 'milepael', detail: { projectId, id, after: parsed.data } } };
  });
}
