/** GET /mine-borgere: the caseworker's women with alerts, sortable and filterable. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CASELOAD_SORTS, listMyCaseload } from '../../../app/casework/list-my-caseload.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { rememberList, requirePersonalDataActor } from '../participants.ts';
import { myCaseloadPage } from '../../../web/pages/casework/my-caseload.ts';
import { sendHtml } from './respond.ts';

import { ALERT_CODES } from '../../../core/codes.ts';
const Query = z.object({
  sort: z.enum(CASELOAD_SORTS).catch('varsler'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  kunVarsler: z.string().optional().catch(undefined),
  varsel: z.enum(['', ...ALERT_CODES]).catch(''),
  sagsbehandler: z.coerce.number().int().positive().optional().catch(undefined),
});

export function myCaseloadRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/mine-borgere', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const q = Query.parse(req.query ?? {});
    const opts = { sort: q.sort, dir: q.dir, onlyAlerts: q.kunVarsler === 'ja', code: q.varsel, caseworkerId: q.sagsbehandler };
    const c = await listMyCaseload(deps.db, actor, opts);
    rememberList(reply, deps, 'mine-borgere');
    return sendHtml(reply, myCaseloadPage(actor, req.csrfToken!, c, opts));
  });
}
