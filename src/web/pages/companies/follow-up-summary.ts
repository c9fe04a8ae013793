/** One line on her page for a hiring: how the checks after 1, 3 and 6 months stand. */
import { hiringCheckpoints, isHiring, type RecordedFollowUp } from '../../../domain/companies.ts';
import { formatDateDa } from '../../../core/dates.ts';
import { html, type SafeHtml } from '../../html.ts';

const MONTHS = (m: number) => (m === 1 ? '1 md.' : `${m} mdr.`);

export function followUpSummary(
  a: { id: string; typeKey: string; startDate: string; endDate: string | null; companyId: string | null },
  recorded: readonly RecordedFollowUp[],
  today: string,
): SafeHtml {
  if (!isHiring(a.typeKey)) return html``;
  const parts = hiringCheckpoints(a, recorded, today).map((c) => {
    switch (c.state) {
      case 'udfoert':
        return `${MONTHS(c.months)}: ${c.stillEmployed ? 'stadig ansat' : 'ikke længere ansat'}`;
      case 'mangler':
        return `${MONTHS(c.months)}: mangler`;
      case 'kommende':
        return `${MONTHS(c.months)}: ${formatDateDa(c.date)}`;
      default:
        return `${MONTHS(c.months)}: bortfaldet`;
    }
  });
  return html`<br><span class="meta" data-testid="follow-up-summary">Opfølgning – ${parts.join(' · ')}</span>${a.companyId ? html` <a href="/virksomheder/${a.companyId}#opfoelgning">Registrér opfølgning</a>` : ''}`;
}
