/** /styring: the municipal dashboard for a jobcentre's project leaders and caseworkers. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireJobcentre } from '../../../app/steering/access.ts';
import { loadSteeringData, type Months } from '../../../app/steering/steering-data.ts';
import { dashboardPage } from '../../../web/pages/steering/dashboard.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';
import { defaultMonths } from '../results.ts';
import { projectIdOf, sendHtml } from './common.ts';

const Month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .optional()
  .catch(undefined);
const Query = z.object({ maaned: Month, varig: Month, status: Month });

export async function monthsOf(req: FastifyRequest, deps: AppDeps): Promise<Months> {
  const q = Query.parse(req.query ?? {});
  const d = await defaultMonths(deps.db);
  return { month: q.maaned ?? d.month, durableMonth: q.varig ?? d.durableMonth, snapshotMonth: q.status ?? d.snapshotMonth };
}

export function dashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/styring', async (req, reply) => {
    const actor = requireActor(req);
    requireJobcentre(actor);
    const data = await loadSteeringData(deps, actor, projectIdOf(req), await monthsOf(req, deps), { suppress: false });
    return sendHtml(reply, dashboardPage(actor, req.csrfToken!, data));
  });
}
