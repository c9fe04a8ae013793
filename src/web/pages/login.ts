import { html } from '../html.ts';
import { page } from '../layout.ts';

export const OIDC_BUTTON_LABEL = 'Log ind med NemLog-in/organisationens login';

export const DEMO_USERS = [
  ['sagsbehandler.aalborg', 'Sagsbehandler, Jobcenter Aalborg'],
  ['projektleder.aalborg', 'Projektleder, Jobcenter Aalborg'],
  ['sagsbehandler.aarhus', 'Sagsbehandler, Jobcenter Aarhus'],
  ['projektleder.aarhus', 'Projektleder, Jobcenter Aarhus'],
  ['analytiker.siri', 'Analytiker, SIRI'],
  ['admin', 'Administrator'],
] as const;

export function loginPage(o: { csrf: string; next: string; demo: boolean; oidc: boolean; error?: string; username?: string }) {
  return page({
    title: 'Log ind',
    body: html`<div class="row"><div class="col-12 col-lg-6">
      <h1>Log ind</h1>
      ${o.error ? html`<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${o.error}</p></div></div>` : ''}
      <form method="post" action="/login" novalidate>
        <input type="hidden" name="_csrf" value="${o.csrf}">
        <input type="hidden" name="next" value="${o.next}">
        <div class="form-group">
          <label class="form-label" for="brugernavn">Brugernavn</label>
          <input class="form-input" id="brugernavn" name="brugernavn" type="text" autocomplete="username" required value="${o.username ?? ''}">
        </div>
        <div class="form-group">
          <label class="form-label" for="adgangskode">Adgangskode</label>
          <input class="form-input" id="adgangskode" name="adgangskode" type="password" autocomplete="current-password" required>
        </div>
        <button type="submit" class="button button-primary">Log ind</button>
      </form>
      ${
        o.oidc
          ? html`<p class="mt-5"><a class="button button-secondary" data-testid="oidc-login" href="/login/oidc?next=${encodeURIComponent(o.next)}">${OIDC_BUTTON_LABEL}</a></p>`
          : ''
      }
      ${
        o.demo
          ? html`<div class="alert alert-info mt-7"><div class="alert-body">
            <h2 class="alert-heading h3">Demo-brugere</h2>
            <p class="alert-text">Alle har adgangskoden <code>demo</code>. Alle borgere i demoen er opdigtede.</p>
            <ul>${DEMO_USERS.map(([u, d]) => html`<li><code>${u}</code> – ${d}</li>`)}</ul>
          </div></div>`
          : ''
      }
    </div></div>`,
  });
}
