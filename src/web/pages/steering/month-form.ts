/** The report-month chooser shared by the steering pages, and its three month fields (also on Resultater). */
import type { Months } from '../../../app/steering/steering-data.ts';
import { html } from '../../html.ts';

/** The report month, the month for durable employment and the status month, as `maaned`, `varig` and `status`. */
export function monthFields(m: Pick<Months, 'month' | 'durableMonth' | 'snapshotMonth'>) {
  return html`<div class="form-group"><label class="form-label" for="maaned">Rapportmåned</label>
      <input class="form-input input-width-s" id="maaned" name="maaned" type="month" value="${m.month}" pattern="[0-9]{4}-[0-9]{2}"></div>
    <div class="form-group"><label class="form-label" for="varig">Måned for varig beskæftigelse</label>
      <input class="form-input input-width-s" id="varig" name="varig" type="month" value="${m.durableMonth}" pattern="[0-9]{4}-[0-9]{2}"></div>
    <div class="form-group"><label class="form-label" for="status">Statusmåned</label>
      <input class="form-input input-width-s" id="status" name="status" type="month" value="${m.snapshotMonth}" pattern="[0-9]{4}-[0-9]{2}"></div>`;
}

export function monthForm(action: string, projectId: number | null, m: Months) {
  return html`<form method="get" action="${action}" class="search-row">
    ${projectId ? html`<input type="hidden" name="projekt" value="${projectId}">` : ''}
    ${monthFields(m)}
    <button class="button button-secondary" type="submit">Vis</button>
  </form>`;
}
