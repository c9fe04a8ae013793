/** The audit log search page for administrators. */
import type { Actor } from '../../../core/actor.ts';
import type { AuditRow } from '../../../db/audit-log.ts';
import { html, type SafeHtml } from '../../html.ts';
import { page } from '../../layout.ts';
import { pager } from '../../pager.ts';

interface AuditModel {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  actions: string[];
  /** The submitted form values, shown again. */
  form: Record<string, string>;
  errors: Record<string, string>;
}

const FIELDS = ['bruger', 'deltager', 'handling', 'fra', 'til'] as const;

function field(m: AuditModel, name: string, label: string, type = 'text', hint?: string): SafeHtml {
  const err = m.errors[name];
  return html`<div class="form-group${err ? ' form-error' : ''}">
    <label class="form-label" for="f-${name}">${label}</label>
    ${hint ? html`<span class="form-hint" id="f-${name}-hint">${hint}</span>` : ''}
    ${err ? html`<span class="form-error-message" id="f-${name}-error">${err}</span>` : ''}
    <input class="form-input" id="f-${name}" name="${name}" type="${type}" value="${m.form[name] ?? ''}"${err ? html` aria-invalid="true" aria-describedby="f-${name}-error"` : hint ? html` aria-describedby="f-${name}-hint"` : ''}>
  </div>`;
}

function link(m: AuditModel, side: number) {
  const p = new URLSearchParams();
  for (const f of FIELDS) if (m.form[f]) p.set(f, m.form[f]);
  p.set('side', String(side));
  return `/admin/audit?${p.toString()}`;
}

export function auditPage(actor: Actor, csrf: string, m: AuditModel) {
  return page(
    { title: 'Auditlog', actor, csrf, path: '/admin/audit' },
    html`<p>Hvem har set eller ændret hvilke oplysninger, hvornår og hvorfra. Søgningen bliver selv logget.</p>
      <form method="get" action="/admin/audit" role="search" class="audit-filter" novalidate>
        ${field(m, 'bruger', 'Brugernavn')}
        ${field(m, 'deltager', 'Deltager-id', 'text', 'Id fra deltagerens side (UUID).')}
        <div class="form-group">
          <label class="form-label" for="f-handling">Handling</label>
          <select class="form-select" id="f-handling" name="handling">
            <option value="">Alle handlinger</option>
            ${m.actions.map((a) => html`<option value="${a}"${m.form.handling === a ? ' selected' : ''}>${a}</option>`)}
          </select>
        </div>
        ${field(m, 'fra', 'Fra dato', 'date', 'ÅÅÅÅ-MM-DD')}
        ${field(m, 'til', 'Til og med dato', 'date', 'ÅÅÅÅ-MM-DD')}
        <button class="button button-primary" type="submit">Søg</button>
      </form>
      <p class="meta" role="status">${m.total} ${m.total === 1 ? 'post' : 'poster'}</p>
      <div class="table-wrap"><table class="table table--zebra" data-testid="audit-table">
        <caption class="sr-only">Auditlog, nyeste først</caption>
        <thead><tr>
          <th scope="col">Nr.</th><th scope="col">Tidspunkt</th><th scope="col">Bruger</th><th scope="col">Rolle</th>
          <th scope="col">Handling</th><th scope="col">Hvad</th><th scope="col">Deltager</th><th scope="col">Kommune</th>
          <th scope="col">IP-adresse</th><th scope="col">Detaljer</th>
        </tr></thead>
        <tbody>
          ${
            m.rows.length
              ? m.rows.map(
                  (r) => html`<tr>
                  <td>${r.id}</td><td>${r.at}</td><td>${r.username}</td><td>${r.role ?? '–'}</td><td>${r.action}</td>
                  <td>${r.entity ?? '–'}</td><td>${r.participantId ?? '–'}</td><td>${r.municipalityCode ?? '–'}</td>
                  <td>${r.ip ?? '–'}</td><td><code class="audit-detail">${r.detail ?? ''}</code></td>
                </tr>`,
                )
              : html`<tr><td colspan="10">Ingen poster matcher søgningen.</td></tr>`
          }
        </tbody>
      </table></div>
      ${pager(m, (side) => link(m, side))}`,
  );
}
