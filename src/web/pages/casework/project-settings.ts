/** The project leader's page: follow-up rules (alert settings) and the project's own activity types. */
import type { Actor } from '../../../core/actor.ts';
import type { AlertSettings } from '../../../domain/alert-settings.ts';
import { BUILT_IN_ACTIVITY_TYPES, type ActivityType } from '../../../domain/activities.ts';
import { ACTIVITY_CATEGORIES } from '../../../core/codes.ts';
import { ACTIVITY_CATEGORY_LABELS, YES_NO } from '../../../core/labels.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { checkbox, csrfField, errorSummary, selectField, textField, type FormState } from './form.ts';

export const SETTING_LABELS: Record<keyof AlertSettings, string> = {
  maxPauseCompanyWeeks: 'Længste pause mellem virksomhedsrettede tilbud (uger)',
  pauseWarningWeeks: 'Varsel før pausegrænsen (uger)',
  maxMonthsWithoutConversation: 'Længste tid mellem samtaler (måneder)',
  conversationWarningDays: 'Varsel før samtalefristen (dage)',
  conversationsPerYearTarget: 'Mål for samtaler pr. år',
  planDueDays: 'Frist for plan, CV og ABC-jobstrategi efter indskrivning (dage)',
  planWarningDays: 'Varsel før planfristen (dage)',
  who5Threshold: 'WHO-5-tærskel (varsel under)',
  caseloadLimit: 'Største sagsstamme pr. sagsbehandler',
  caseloadWarningMargin: 'Varsel før sagsstammegrænsen (sager)',
  danishAttendanceThreshold: 'Stabilt fremmøde til dansk: mindst (%) i hver af de seneste 3 måneder',
};

export const settingsValues = (s: AlertSettings) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]));

export interface ProjectSettingsModel {
  project: { id: number; name: string };
  projects: { id: number; name: string }[];
  types: ActivityType[];
  settingsState: FormState;
  typeState: FormState;
  saved?: boolean;
}

export function projectSettingsPage(actor: Actor, csrf: string, m: ProjectSettingsModel) {
  const leader = actor.role === 'projektleder';
  const base = `/projekt/${m.project.id}`;
  return page(
    {
      title: 'Projektindstillinger',
      actor,
      csrf,
      path: '/projekt',
      heading: html`Projektindstillinger <span class="h1-sub">– ${m.project.name}</span>`,
    },
    html`${m.projects.length > 1 ? html`<ul>${m.projects.map((p) => html`<li><a href="/projekt/${p.id}">${p.name}</a></li>`)}</ul>` : ''}
      ${m.saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Indstillingerne er gemt.</p></div></div>` : ''}
      <h2>Opfølgningsregler</h2>
      <p>Reglerne giver varsler på Mine borgere. ${leader ? '' : 'Kun projektlederen kan ændre dem.'}</p>
      ${errorSummary(m.settingsState)}
      <form method="post" action="${base}/opfoelgning" novalidate>
        ${csrfField(csrf)}
        ${(Object.keys(SETTING_LABELS) as (keyof AlertSettings)[]).map((k) =>
          textField(m.settingsState, { name: k, label: SETTING_LABELS[k], inputmode: 'numeric', width: 'xs', required: true }),
        )}
        ${leader ? html`<button type="submit" class="button button-primary">Gem opfølgningsregler</button>` : ''}
      </form>
      ${
        leader
          ? html`<h2 class="mt-8">Min plan</h2>
        <ul class="action-list"><li><a href="/projekt/tekster">Tekster i Min plan</a></li>
          <li><a href="/projekt/who5-oversaettelser?projekt=${m.project.id}">WHO-5 på andre sprog</a></li></ul>`
          : ''
      }
      <h2 class="mt-8">Projektets egne måleredskaber</h2>
      <p>Fx en progressionstrappe med egne dimensioner, skala og trintekster, versioneret så tidligere målinger bevarer deres betydning.</p>
      <p><a href="${base}/maaleredskaber">Projektets måleredskaber</a></p>
      <h2 class="mt-8">Projektets egne aktivitetstyper</h2>
      <p>Ud over de ${BUILT_IN_ACTIVITY_TYPES.length} indbyggede typer.</p>
      ${
        m.types.length
          ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="project-types"><thead><tr><th scope="col">Navn</th><th scope="col">Nøgle</th><th scope="col">Kategori</th><th scope="col">På virksomhed</th></tr></thead>
          <tbody>${m.types.map((t) => html`<tr><td>${t.name}</td><td>${t.key}</td><td>${ACTIVITY_CATEGORY_LABELS[t.category]}</td><td>${YES_NO(t.atCompany)}</td></tr>`)}</tbody></table></div>`
          : html`<p>Projektet har ingen egne aktivitetstyper.</p>`
      }
      ${
        leader
          ? html`${errorSummary(m.typeState)}
          <form method="post" action="${base}/aktivitetstyper" novalidate>
            ${csrfField(csrf)}
            ${textField(m.typeState, { name: 'name', label: 'Navn', required: true })}
            ${textField(m.typeState, { name: 'key', label: 'Nøgle', hint: 'Små bogstaver, tal og _, fx cykelkursus.', width: 'm', required: true })}
            ${selectField(m.typeState, { name: 'category', label: 'Kategori', options: ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: ACTIVITY_CATEGORY_LABELS[c] })), required: true })}
            ${checkbox(m.typeState, { name: 'atCompany', label: 'Foregår på en virksomhed (kræver CVR-nummer)' })}
            <button type="submit" class="button button-primary">Tilføj aktivitetstype</button>
          </form>`
          : ''
      }`,
  );
}
