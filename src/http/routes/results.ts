/** /resultater: register-based results for the user's municipalities, or national for the agency. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeResults, registerVintage } from '../../app/register/monitor-results.ts';
import type { Database } from '../../db/database.ts';
import { monthString, parseMonth, parseWeek, monthOfWeek } from '../../monitoring/calendar.ts';
import { resultsPage } from '../../web/pages/results.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';

const Month = z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined);
const Query = z.object({ maaned: Month, varig: Month, status: Month });

/**
 * Defaults: the report month is the last month with data, but not after the projects' end;
 * durable and status month the last complete month of data (for the demo: 2022-12 and 2023-02).
 */
export async function defaultMonths(db: Database) {
  const v = await registerVintage(db);
  const end = (await db.query<{ e: string | null }>('SELECT max(end_date) AS e FROM project')).rows[0].e;
  const fromWeek = v.lastWeek ? parseWeek(v.lastWeek) : null;
  const candidates = [v.lastMonth ? parseMonth(v.lastMonth) : null, fromWeek !== null ? monthOfWeek(fromWeek) : null]
    .filter((m): m is number => m !== null);
  const lastData = candidates.length ? Math.max(...candidates) : parseMonth(new Date().toISOString().slice(0, 7))!;
  const complete = lastData - 1;
  const projectEnd = end ? parseMonth(end.slice(0, 7))! : complete;
  return { month: monthString(Math.min(projectEnd, complete)), durableMonth: monthString(complete), snapshotMonth: monthString(complete) };
}

export function resultsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/resultater', async (req, reply) => {
    const actor = requireActor(req);
    const q = Query.parse(req.query ?? {});
    const d = await defaultMonths(deps.db);
    const months = { month: q.maaned ?? d.month, durableMonth: q.varig ?? d.durableMonth, snapshotMonth: q.status ?? d.snapshotMonth };
    const view = await computeResults(deps, actor, months);
    return reply.type('text/html; charset=utf-8').send(resultsPage(actor, req.csrfToken!, view, months));
  });
}
