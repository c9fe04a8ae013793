/** The project leader's GDPR page for one woman: access export, anonymisation, erasure. */
import type { Actor } from '../../../core/actor.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';

export interface GdprModel {
  id?: string;
  name?: string;
  retention?: string | null;
  message?: { kind: 'success' | 'error'; text: string };
}

export function gdprPage(actor: Actor, csrf: string, m: GdprModel) {
  const alert = m.message
    ? html`<div class="alert alert-${m.message.kind}" role="${m.message.kind === 'error' ? 'alert' : 'status'}"><div class="alert-body"><p class="alert-text">${m.message.text}</p></div></div>`
    : '';
  const actions = (how: string, label: string, text: string) => html`<form method="post" action="/admin/gdpr/${m.id!}/${how}" class="mt-5">
      <input type="hidden" name="_csrf" value="${csrf}">
      <fieldset><legend class="h3">${label}</legend>
        <p>${text}</p>
        <div class="form-group"><input id="bekraeft-${how}" type="checkbox" name="bekraeft" value="ja" class="form-checkbox" required>
          <label for="bekraeft-${how}">Jeg bekræfter, at ${label.toLowerCase()} skal ske</label></div>
        <button type="submit" class="button button-secondary">${label}</button>
      </fieldset>
    </form>`;
  return page(
    { title: 'Persondata (GDPR)', actor, csrf, path: '/admin/gdpr' },
    html`<p>Indsigt, anonymisering og sletning for én kvinde. Alt bliver registreret i auditloggen.</p>
      ${alert}
      <form method="get" action="/admin/gdpr" role="search">
        <div class="form-group"><label class="form-label" for="deltager">Deltager-id</label>
          <input class="form-input" id="deltager" name="deltager" type="text" value="${m.id ?? ''}"></div>
        <button class="button button-primary" type="submit">Find</button>
      </form>
      ${
        m.id && m.name
          ? html`<h2 class="mt-7">${m.name}</h2>
          <p><a class="button button-primary" href="/admin/gdpr/${m.id}/eksport" download>Hent indsigt (JSON)</a></p>
          ${m.retention ? html`<p data-testid="retention">${m.retention}</p>` : ''}
          ${actions('anonymiser', 'Anonymisering', 'Navne, CPR-nummer og fritekst fjernes; tal til statistik bliver stående.')}
          ${actions('slet', 'Sletning', 'Alle oplysninger om kvinden slettes. Det kan ikke fortrydes.')}`
          : ''
      }`,
  );
}
