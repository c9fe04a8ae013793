/** The report-month chooser shared by the steering pages. */
import type { Months } from '../../../app/steering/steering-data.ts';
import { html } from '../../html.ts';

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
