/** /resultater: register-based results for the user's municipalities, or national for the agency. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeResults, registerVintage } from '../../app/register/monitor-results.ts';
import { defaultMonths } from '../../app/register/default-months.ts';
import { resultsPage } from '../../web/pages/results.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';

const Month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .optional()
  .catch(undefined);
const Query = z.object({
  maaned: Month,
  varig: Month,
  status: Month,
  parti: z.coerce.number().int().positive().optional().catch(undefined),
});

export { defaultMonths };

export function resultsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/resultater', async (req, reply) => {
    const actor = requireActor(req);
    const q = Query.parse(req.query ?? {});
    const d = await defaultMonths(deps.db);
    const months = { month: q.maaned ?? d.month, durableMonth: q.varig ?? d.durableMonth, snapshotMonth: q.status ?? d.snapshotMonth };
    const view = await computeResults(deps, actor, { ...months, asOfBatch: q.parti });
    return reply.type('text/html; charset=utf-8').send(resultsPage(actor, req.csrfToken!, view, months, await registerVintage(deps.db)));
  });
}
