/** Create or change a milestone (projektleder only); audited with before and after. */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { getMilestone, insertMilestone, milestoneNumberTaken, updateMilestone } from '../../db/steering/milestones.ts';
import { withTenant } from '../../db/tenant.ts';
import { chooseProject, requireProjectLeader } from './access.ts';
import { fieldErrors, formValues, type SaveOutcome } from './form.ts';
import { MILESTONE_FIELDS, milestoneFormSchema } from '../../domain/steering-goals.ts';

export async function saveMilestone(db: Database, actor: Actor, projectId: number, form: Record<string, unknown>, milestoneId?: number): Promise<SaveOutcome> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  const values = formValues(form, MILESTONE_FIELDS);
  const parsed = milestoneFormSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };
  return withTenant(db, actor, async (q, audit): Promise<SaveOutcome> => {
    if (await milestoneNumberTaken(q, projectId, parsed.data.number, milestoneId)) {
      return { status: 'invalid', errors: { number: 'Nummeret bruges allerede af en anden milepæl.' }, values };
    }
    if (milestoneId !== undefined) {
      const before = await getMilestone(q, projectId, milestoneId);
      if (!before) throw notFound('Milepælen');
      await updateMilestone(q, projectId, milestoneId, parsed.data, actor.userId);
      await audit({ action: 'ret', entity: 'milepael', detail: { projectId, id: milestoneId, before, after: parsed.data } });
      return { status: 'ok', id: milestoneId };
    }
    const id = await insertMilestone(q, projectId, parsed.data, actor.userId);
    await audit({ action: 'opret', entity: 'milepael', detail: { projectId, id, after: parsed.data } });
    return { status: 'ok', id };
  });
}
