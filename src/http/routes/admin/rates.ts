/** /admin/satser: administrators maintain the investment case's weekly rates. */
import type { FastifyInstance } from 'fastify';
import { ratesFor, requireRateAdministrator, saveRateForm } from '../../../app/effect/rates.ts';
import { emptyState } from '../../../web/pages/casework/form.ts';
import { ratesPage } from '../../../web/pages/admin/rates.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';
import { bodyOf, sendHtml } from '../steering/common.ts';

export function adminRateRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/admin/satser', async (req, reply) => {
    const actor = requireActor(req);
    requireRateAdministrator(actor);
    const saved = (req.query as Record<string, string> | undefined)?.gemt;
    const notice = saved === '1' ? 'Satsen er gemt.' : saved === 'fjernet' ? 'Satsen er fjernet.' : undefined;
    return sendHtml(reply, ratesPage(actor, req.csrfToken!, await ratesFor(deps, actor), emptyState(), notice));
  });
  app.post('/admin/satser', async (req, reply) => {
    const actor = requireActor(req);
    const r = await saveRateForm(deps, actor, bodyOf(req));
    if (r.status === 'ok') return reply.redirect(`/admin/satser?gemt=${r.removed ? 'fjernet' : '1'}`, 303);
    return sendHtml(reply, ratesPage(actor, req.csrfToken!, await ratesFor(deps, actor), { values: r.values, errors: r.errors }), 400);
  });
}
