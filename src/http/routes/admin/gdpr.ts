/** /admin/gdpr: a project leader answers access requests and erases or anonymises a woman. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import {
  exportPersonData,
  personRightsOverview,
  REGISTER_TABLES,
  removePerson,
  requireGdprActor,
  type Removal,
} from '../../../app/gdpr/person-rights.ts';
import { gdprPage } from '../../../web/pages/admin/gdpr.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';

export function adminGdprRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/admin/gdpr', async (req, reply) => {
    const actor = requireGdprActor(requireActor(req));
    const id = String((req.query as { deltager?: string }).deltager ?? '').trim();
    const send = (m: Parameters<typeof gdprPage>[2]) => reply.type('text/html; charset=utf-8').send(gdprPage(actor, req.csrfToken!, m));
    if (!id) return send({});
    const overview = await personRightsOverview(deps, actor, id);
    if (!overview) {
      reply.status(404);
      return send({ id, message: { kind: 'error', text: 'Deltageren findes ikke, eller du har ikke adgang til hende.' } });
    }
    return send({ id, ...overview });
  });

  app.get<{ Params: { id: string } }>('/admin/gdpr/:id/eksport', async (req, reply) => {
    const actor = requireActor(req);
    const data = await exportPersonData(deps.db, deps.vault, actor, req.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="indsigt-${req.params.id}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  for (const how of ['anonymiser', 'slet'] as Removal[]) {
    app.post<{ Params: { id: string } }>(`/admin/gdpr/:id/${how}`, async (req, reply) => {
      const actor = requireGdprActor(requireActor(req));
      if ((req.body as { bekraeft?: string } | undefined)?.bekraeft !== 'ja') {
        throw new AppError('INVALID', 'Sæt kryds for at bekræfte.');
      }
      let removed: Awaited<ReturnType<typeof removePerson>>;
      try {
        removed = await removePerson(deps.db, actor, req.params.id, how, deps.config.retentionYears);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
        reply.status(409);
        return reply
          .type('text/html; charset=utf-8')
          .send(gdprPage(actor, req.csrfToken!, { id: req.params.id, message: { kind: 'error', text: e.message } }));
      }
      const text = how === 'slet' ? erasedText(removed.detail as Record<string, number>) : 'Kvindens oplysninger er anonymiseret.';
      return reply.type('text/html; charset=utf-8').send(gdprPage(actor, req.csrfToken!, { message: { kind: 'success', text } }));
    });
  }
}

/** What an erasure removed, in Danish: rows of her case tables and of her register data. */
function erasedText(deleted: Record<string, number>) {
  const register = new Set<string>(REGISTER_TABLES);
  let caseRows = 0;
  let registerRows = 0;
  for (const [table, n] of Object.entries(deleted)) {
    if (register.has(table)) registerRows += n;
    else caseRows += n;
  }
  return `Kvindens oplysninger er slettet: ${caseRows} rækker i sagen og ${registerRows} rækker registerdata.`;
}
