/** /styring/oekonomi: the project's budget and spending (everyone who steers reads; the project leader enters). */
import type { FastifyInstance } from 'fastify';
import { chooseProject } from '../../../app/steering/access.ts';
import { loadProjectMoney, saveMoneyEntry } from '../../../app/steering/project-money.ts';
import { emptyState } from '../../../web/pages/casework/form.ts';
import { moneyPage } from '../../../web/pages/steering/money.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';
import { postForProject, projectIdOf, sendHtml } from './common.ts';

export function moneyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/styring/oekonomi', async (req, reply) => {
    const actor = requireActor(req);
    const choice = await chooseProject(deps.db, actor, projectIdOf(req));
    const saved = (req.query as Record<string, string> | undefined)?.gemt === '1';
    return sendHtml(
      reply,
      moneyPage(
        actor,
        req.csrfToken!,
        choice,
        await loadProjectMoney(deps.db, actor, choice.project.id),
        emptyState({ kind: 'budget' }),
        saved,
      ),
    );
  });
  app.post('/styring/oekonomi', (req, reply) =>
    postForProject(req, reply, deps, saveMoneyEntry, '/styring/oekonomi?gemt=1', async (actor, choice, state) =>
      moneyPage(actor, req.csrfToken!, choice, await loadProjectMoney(deps.db, actor, choice.project.id), state),
    ),
  );
}
