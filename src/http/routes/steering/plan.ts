/** /styring/maal and /styring/milepaele: the project leader's goals and milestone plan. */
import type { FastifyInstance } from 'fastify';
import { chooseProject, requireProjectLeader } from '../../../app/steering/access.ts';
import { deleteGoal } from '../../../app/steering/delete-goal.ts';
import { loadGoal, loadMilestone, loadPlan } from '../../../app/steering/load-plan.ts';
import { loadMilestoneActions } from '../../../app/steering/meetings/load-meetings.ts';
import { saveGoal } from '../../../app/steering/save-goal.ts';
import { saveMilestone } from '../../../app/steering/save-milestone.ts';
import { emptyState } from '../../../web/pages/casework/form.ts';
import { goalFormPage, goalsPage, goalValues } from '../../../web/pages/steering/goals.ts';
import { milestoneFormPage, milestonesPage, milestoneValues } from '../../../web/pages/steering/milestones.ts';
import { withProject } from '../../../web/pages/steering/frame.ts';
import type { AppDeps } from '../../../core/deps.ts';
import type { Actor } from '../../../core/actor.ts';
import { requireActor } from '../../security.ts';
import { bodyOf, idOf, projectIdOf, sendHtml } from './common.ts';

export function planRoutes(app: FastifyInstance, deps: AppDeps) {
  type Req = Parameters<typeof idOf>[0];
  type Reply = Parameters<typeof sendHtml>[0];
  const leader = async (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    requireProjectLeader(actor);
    return { actor, choice: await chooseProject(deps.db, actor, projectIdOf(req)) };
  };

  /** Saves a goal or a milestone from its form: back to its `list`, or the form again with what was refused. */
  const postPlanItem =
    (list: string, save: typeof saveGoal, formPage: typeof goalFormPage, id?: (req: Req) => number) => async (req: Req, reply: Reply) => {
      const actor = requireActor(req);
      const choice = await chooseProject(deps.db, actor, projectIdOf(req));
      const itemId = id?.(req);
      const r = await save(deps.db, actor, choice.project.id, bodyOf(req), itemId);
      if (r.status === 'ok') return reply.redirect(withProject(list, choice.project.id), 303);
      return sendHtml(reply, formPage(actor, req.csrfToken!, choice, { values: r.values, errors: r.errors }, itemId), 400);
    };

  /** The empty form of a new goal or milestone, with its `defaults`. */
  const newItemForm = async (req: Req, reply: Reply, formPage: typeof goalFormPage, defaults: Record<string, string>) => {
    const { actor, choice } = await leader(req);
    return sendHtml(reply, formPage(actor, req.csrfToken!, choice, emptyState(defaults)));
  };
  /** The form of the goal or milestone in the address, filled with what it holds. */
  const itemForm = async <T extends { id: number }>(
    req: Req,
    reply: Reply,
    formPage: typeof goalFormPage,
    load: (db: AppDeps['db'], actor: Actor, projectId: number, id: number) => Promise<T>,
    values: (item: T) => Record<string, string>,
  ) => {
    const { actor, choice } = await leader(req);
    const item = await load(deps.db, actor, choice.project.id, idOf(req));
    return sendHtml(reply, formPage(actor, req.csrfToken!, choice, emptyState(values(item)), item.id));
  };

  app.get('/styring/maal', async (req, reply) => {
    const actor = requireActor(req);
    const choice = await chooseProject(deps.db, actor, projectIdOf(req));
    const plan = await loadPlan(deps.db, actor, choice.project.id);
    return sendHtml(reply, goalsPage(actor, req.csrfToken!, choice, plan.goals));
  });
  app.get('/styring/maal/ny', (req, reply) => newItemForm(req, reply, goalFormPage, { targetKind: 'andel' }));
  app.get('/styring/maal/:id', (req, reply) => itemForm(req, reply, goalFormPage, loadGoal, goalValues));
  app.post('/styring/maal/ny', postPlanItem('/styring/maal', saveGoal, goalFormPage));
  app.post('/styring/maal/:id', postPlanItem('/styring/maal', saveGoal, goalFormPage, idOf));
  app.post('/styring/maal/:id/slet', async (req, reply) => {
    const { actor, choice } = await leader(req);
    await deleteGoal(deps.db, actor, choice.project.id, idOf(req));
    return reply.redirect(withProject('/styring/maal', choice.project.id), 303);
  });

  app.get('/styring/milepaele', async (req, reply) => {
    const actor = requireActor(req);
    const choice = await chooseProject(deps.db, actor, projectIdOf(req));
    const plan = await loadPlan(deps.db, actor, choice.project.id);
    return sendHtml(
      reply,
      milestonesPage(
        actor,
        req.csrfToken!,
        choice,
        plan.milestones,
        undefined,
        await loadMilestoneActions(deps.db, actor, choice.project.id),
      ),
    );
  });
  app.get('/styring/milepaele/ny', (req, reply) => newItemForm(req, reply, milestoneFormPage, { status: 'ikke_startet' }));
  app.get('/styring/milepaele/:id', (req, reply) => itemForm(req, reply, milestoneFormPage, loadMilestone, milestoneValues));
  app.post('/styring/milepaele/ny', postPlanItem('/styring/milepaele', saveMilestone, milestoneFormPage));
  app.post('/styring/milepaele/:id', postPlanItem('/styring/milepaele', saveMilestone, milestoneFormPage, idOf));
}
