/** /admin/satser: the investment case's weekly rates per support category and year, with their sources. */
import type { Actor } from '../../../core/actor.ts';
import type { StoredRate } from '../../../db/effect/rates.ts';
import { SUPPORT_CATEGORIES, SUPPORT_CATEGORY_LABELS } from '../../../core/labels.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { showKronerOere } from '../../effect-money.ts';
import { csrfField, errorSummary, selectField, textField, type FormState } from '../casework/form.ts';
import { formatDateTime } from '../../../core/format.ts';

export function ratesPage(actor: Actor, csrf: string, rates: StoredRate[], s: FormState, notice?: string) {
  return page(
    { title: 'Satser til investeringscasen', actor, csrf, path: '/admin/satser' },
    html`<p>Investeringscasen på siden Effekt regner sparede uger på offentlig forsørgelse om til kroner med en sats pr. uge for hver
        forsørgelseskategori og år. Et år uden egen sats bruger det nærmeste års sats for samme kategori; en kategori uden nogen sats regnes som 0 kr.
        Skriv altid kilden ved satsen. Alle ændringer skrives i auditloggen.</p>
      ${notice ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${notice}</p></div></div>` : ''}
      <div class="table-wrap"><table class="table table--zebra" data-testid="rates">
        <caption>Satser pr. uge med kilde</caption>
        <thead><tr><th scope="col">Forsørgelse</th><th scope="col">År</th><th scope="col" class="text-right">Sats pr. uge</th><th scope="col">Kilde</th><th scope="col">Ændret</th></tr></thead>
        <tbody>${
          rates.length
            ? rates.map(
                (
                  r,
                ) => html`<tr><th scope="row">${SUPPORT_CATEGORY_LABELS[r.category] ?? r.category}</th><td>${r.year}</td><td class="text-right">${showKronerOere(r.rate)}</td>
              <td>${r.source}</td><td>${formatDateTime(r.updatedAt)}${r.updatedByName ? ` af ${r.updatedByName}` : ' (standard)'}</td></tr>`,
              )
            : html`<tr><td colspan="5">Der er ingen satser.</td></tr>`
        }</tbody>
      </table></div>
      <h2>Tilføj eller ret en sats</h2>
      ${errorSummary(s)}
      <form method="post" action="/admin/satser" novalidate data-testid="rate-form">
        ${csrfField(csrf)}
        ${selectField(s, { name: 'category', label: 'Forsørgelse', required: true, options: SUPPORT_CATEGORIES.map((c) => ({ value: c, label: SUPPORT_CATEGORY_LABELS[c] })) })}
        ${textField(s, { name: 'year', label: 'År', required: true, inputmode: 'numeric', width: 'xs' })}
        ${textField(s, { name: 'rate', label: 'Sats pr. uge i kroner', hint: 'Fx 3.663,23. Tomt fjerner satsen for året.', conditional: true, inputmode: 'decimal', width: 's' })}
        ${textField(s, { name: 'source', label: 'Kilde', hint: 'Hvor satsen kommer fra, og hvordan den er regnet om til en uge.', conditional: true, width: 'l' })}
        <button class="button button-primary" type="submit">Gem sats</button>
      </form>`,
  );
}
