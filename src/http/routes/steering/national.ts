/** /nationalt: the agency analyst's national dashboard and its downloads (suppressed aggregates only). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadNationalData, requireAgencyAnalyst } from '../../../app/steering/national-data.ts';
import { pseudonymisedMicrodata, toCsv } from '../../../app/register/pseudonymised-microdata.ts';
import { nationalReport } from '../../../reports/national-report.ts';
import { REPORT_FORMATS } from '../../../reports/render.ts';
import { nationalPage } from '../../../web/pages/steering/national.ts';
import { loadNationalFunnel } from '../../../app/steering/national-funnel.ts';
import { nationalFunnelSection } from '../../../reports/national-funnel-section.ts';
import { sectionHtml } from '../../../reports/render-html.ts';
import { html } from '../../../web/html.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';
import { paramsOf, sendHtml } from './common.ts';
import { monthsOf } from './dashboard.ts';
import { sendReport } from './send-report.ts';

const Format = z.object({ format: z.enum(REPORT_FORMATS) });

export function nationalRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/nationalt', async (req, reply) => {
    const actor = requireActor(req);
    requireAgencyAnalyst(actor);
    const d = await loadNationalData(deps, actor, await monthsOf(req, deps));
    const funnel = nationalFunnelSection(await loadNationalFunnel(deps, actor, d.months.month), d.threshold);
    return sendHtml(reply, nationalPage(actor, req.csrfToken!, d, html`${funnel.map((s) => sectionHtml(s))}`));
  });
  // Pseudonymised microdata for the analyst's own analysis (a download, never a page).
  app.get('/nationalt/mikrodata.csv', async (req, reply) => {
    const actor = requireActor(req);
    const months = await monthsOf(req, deps);
    const rows = await pseudonymisedMicrodata(deps, actor, months);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="mikrodata-pseudonymiseret-${months.month}.csv"`)
      .send(toCsv(rows));
  });
  app.get('/nationalt/rapport.:format', async (req, reply) => {
    const actor = requireActor(req);
    requireAgencyAnalyst(actor);
    const { format } = paramsOf(Format, req);
    const d = await loadNationalData(deps, actor, await monthsOf(req, deps));
    // The downloads hold what the page shows, the recruitment funnel per municipality included.
    const funnel = nationalFunnelSection(await loadNationalFunnel(deps, actor, d.months.month), d.threshold);
    return sendReport(reply, nationalReport(d, funnel), format, `nationalt-overblik-${d.months.month}`);
  });
}
