/** The report-month chooser shared by the steering pages, and the data-vintage stamp of steering data. */
import type { Months, SteeringData } from '../../../app/steering/steering-data.ts';
import { DEFINITION } from '../../../monitoring/types.ts';
import type { DataVintage } from '../../../reports/model.ts';
import { html } from '../../html.ts';

export function vintageOf(d: Pick<SteeringData, 'vintage' | 'result' | 'months'>, periodFrom?: string): DataVintage {
  return {
    definition: DEFINITION,
    registerImportedAt: d.vintage.importedAt ? d.vintage.importedAt.toISOString() : null,
    lastWeek: d.vintage.lastWeek,
    lastMonth: d.vintage.lastMonth,
    periodFrom: periodFrom ?? d.result.series[0]?.month ?? d.months.month,
    periodTo: d.months.month,
    caseDataAt: d.vintage.caseDataAt.toISOString(),
  };
}

export function monthForm(action: string, projectId: number | null, m: Months) {
  return html`<form method="get" action="${action}" class="search-row">
    ${projectId ? html`<input type="hidden" name="projekt" value="${projectId}">` : ''}
    <div class="form-group"><label class="form-label" for="maaned">Rapportmåned</label>
      <input class="form-input input-width-s" id="maaned" name="maaned" type="month" value="${m.month}" pattern="[0-9]{4}-[0-9]{2}"></div>
    <div class="form-group"><label class="form-label" for="varig">Måned for varig beskæftigelse</label>
      <input class="form-input input-width-s" id="varig" name="varig" type="month" value="${m.durableMonth}" pattern="[0-9]{4}-[0-9]{2}"></div>
    <div class="form-group"><label class="form-label" for="status">Statusmåned</label>
      <input class="form-input input-width-s" id="status" name="status" type="month" value="${m.snapshotMonth}" pattern="[0-9]{4}-[0-9]{2}"></div>
    <button class="button button-secondary" type="submit">Vis</button>
  </form>`;
}
