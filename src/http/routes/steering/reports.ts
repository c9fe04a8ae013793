/** /styring/rapporter: a project's reports as pages and downloads, and the final report's texts. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { chooseProject } from '../../../app/steering/access.ts';
import { loadPlan } from '../../../app/steering/load-plan.ts';
import { saveReportTexts } from '../../../app/steering/save-report-texts.ts';
import { loadSteeringData } from '../../../app/steering/steering-data.ts';
import { projectReport, REPORT_KINDS, SUPPRESSED, WITH_EFFECT } from '../../../reports/project-reports.ts';
import { REPORT_FORMATS } from '../../../reports/render.ts';
import { emptyState } from '../../../web/pages/casework/form.ts';
import { reportPage, reportsPage } from '../../../web/pages/steering/reports.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';
import { paramsOf, postForProject, projectIdOf, sendHtml } from './common.ts';
import { monthsOf } from './dashboard.ts';
import { sendReport } from './send-report.ts';

const Kind = z.object({ kind: z.enum(REPORT_KINDS) });
const KindFormat = z.object({ kind: z.enum(REPORT_KINDS), format: z.enum(REPORT_FORMATS) });

export function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/styring/rapporter', async (req, reply) => {
    const actor = requireActor(req);
    const choice = await chooseProject(deps.db, actor, projectIdOf(req));
    const texts = (await loadPlan(deps.db, actor, choice.project.id)).texts;
    const saved = (req.query as Record<string, string> | undefined)?.gemt === '1';
    return sendHtml(
      reply,
      reportsPage(actor, req.csrfToken!, choice, await monthsOf(req, deps), emptyState(texts as Record<string, string>), saved),
    );
  });
  app.post('/styring/rapporter/tekster', (req, reply) =>
    postForProject(req, reply, deps, saveReportTexts, '/styring/rapporter?gemt=1', async (actor, choice, state) =>
      reportsPage(actor, req.csrfToken!, choice, await monthsOf(req, deps), state),
    ),
  );
  app.get('/styring/rapporter/:kind', async (req, reply) => {
    const actor = requireActor(req);
    const { kind } = paramsOf(Kind, req, 'Rapporten');
    const months = await monthsOf(req, deps);
    const d = await loadSteeringData(deps, actor, projectIdOf(req), months, { suppress: SUPPRESSED[kind], effect: WITH_EFFECT[kind] });
    return sendHtml(reply, reportPage(actor, req.csrfToken!, d.choice, kind, months, projectReport(kind, d)));
  });
  app.get('/styring/rapporter/:kind.:format', async (req, reply) => {
    const actor = requireActor(req);
    const { kind, format } = paramsOf(KindFormat, req, 'Rapporten');
    const d = await loadSteeringData(deps, actor, projectIdOf(req), await monthsOf(req, deps), {
      suppress: SUPPRESSED[kind],
      effect: WITH_EFFECT[kind],
    });
    return sendReport(reply, projectReport(kind, d), format, `${kind}-${d.choice.project.key}-${d.months.month}`);
  });
}
