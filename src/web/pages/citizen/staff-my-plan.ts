/**
 * The caseworker's "Min plan" page for one woman: the plan as she sees it, in any language (the
 * block carries its own lang/dir inside the Danish staff page), her plan language, her personal
 * links (create, see use, revoke) and the A4 print.
 */
import type { Actor } from '../../../core/actor.ts';
import type { StaffMyPlan } from '../../../app/citizen/show-my-plan.ts';
import type { CreatedLink } from '../../../app/citizen/create-citizen-link.ts';
import { language, LANGUAGES, type LanguageCode } from '../../../i18n/languages.ts';
import { html, raw, type SafeHtml } from '../../html.ts';
import { casePage } from '../casework/frame.ts';
import { selectField, emptyState, type FormState } from '../casework/form.ts';
import { languagePicker, myPlanBlock } from './my-plan.ts';

const dt = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const when = (d: Date | string | null) => (d ? dt.format(new Date(d)) : '–');
const languageOptions = LANGUAGES.map((l) => ({ value: l.code, label: l.nameDa }));

export interface StaffMyPlanExtras {
  created?: CreatedLink & { url: string; qrSvg: string };
  state?: FormState;
  linkDays: number;
}

function linkStatus(l: StaffMyPlan['links'][number]): string {
  if (l.revokedAt) return `Tilbagekaldt ${when(l.revokedAt)}${l.revokedByName ? ` af ${l.revokedByName}` : ''}`;
  if (new Date(l.expiresAt).getTime() <= Date.now()) return `Udløbet ${when(l.expiresAt)}`;
  return `Virker til ${when(l.expiresAt)}`;
}

function createdPanel(id: string, csrf: string, c: NonNullable<StaffMyPlanExtras['created']>): SafeHtml {
  return html`<div class="alert alert-success" role="status" data-testid="link-created"><div class="alert-body">
    <h2 class="alert-heading h3">Personligt link oprettet</h2>
    <p class="alert-text">Linket vises kun nu. Giv det til hende, eller lad hende skanne QR-koden. Det virker til ${when(c.expiresAt)}.</p>
    <p class="alert-text"><code class="citizen-url" data-testid="citizen-url">${c.url}</code></p>
    <div class="qr" role="img" aria-label="QR-kode med linket til hendes plan">${raw(c.qrSvg)}</div>
    <form method="post" action="/deltagere/${id}/min-plan.pdf">
      <input type="hidden" name="_csrf" value="${csrf}">
      <input type="hidden" name="link" value="${c.token}">
      <input type="hidden" name="sprog" value="${c.language}">
      <button type="submit" class="button button-primary" data-testid="plan-pdf-qr">Hent planen med QR-kode (PDF, A4, ${language(c.language as LanguageCode).nameDa.toLowerCase()})</button>
    </form>
  </div></div>`;
}

export function staffMyPlanPage(actor: Actor, csrf: string, d: StaffMyPlan, x: StaffMyPlanExtras): string {
  const id = d.participant.id;
  const s = x.state ?? emptyState({ sprog: d.preferred ?? d.suggested });
  const active = d.links.filter((l) => !l.revokedAt && new Date(l.expiresAt).getTime() > Date.now());
  return casePage({
    actor,
    csrf,
    title: 'Min plan',
    subject: d.participant,
    state: x.state,
    body: html`
      ${x.created ? createdPanel(id, csrf, x.created) : ''}
      <p>Sådan ser hun sin plan. Teksterne er i let dansk og oversat; det, du selv har skrevet, står på dansk og er markeret med en blyant.</p>
      ${languagePicker(d.language, 'Vis planen på', 'Vis', `/deltagere/${id}/min-plan`, true)}
      <ul class="action-list">
        <li><a class="button button-secondary" href="/deltagere/${id}/min-plan.pdf?sprog=${d.language}" data-testid="plan-pdf">Hent planen som PDF (A4, ${language(d.language).nameDa.toLowerCase()})</a></li>
      </ul>
      <p class="meta">QR-koden til hendes link kommer med på udskriften, når du henter den lige efter, du har oprettet linket.</p>

      <h2>Hendes sprog</h2>
      <p>Planen og linket åbner på: <strong data-testid="plan-language">${language(d.preferred ?? d.suggested).nameDa}</strong>${d.preferred ? '' : ' (foreslået ud fra oprindelsesland; ikke valgt endnu)'}.</p>
      <form method="post" action="/deltagere/${id}/min-plan/sprog" class="search-row">
        <input type="hidden" name="_csrf" value="${csrf}">
        ${selectField(s, { name: 'sprog', label: 'Sprog', options: languageOptions, required: true })}
        <button type="submit" class="button button-secondary">Gem sprog</button>
      </form>

      <h2>Personligt link</h2>
      <p>Linket viser kun hendes plan og WHO-5-skemaet — aldrig CPR-nummer, notater eller vurderinger. Det virker i ${x.linkDays} dage, kan tilbagekaldes, og hver brug bliver logget.</p>
      <form method="post" action="/deltagere/${id}/min-plan/links" class="search-row">
        <input type="hidden" name="_csrf" value="${csrf}">
        ${selectField(emptyState({ linkSprog: d.language }), { name: 'linkSprog', label: 'Linket åbner på', options: languageOptions, required: true })}
        <button type="submit" class="button button-primary">Opret personligt link</button>
      </form>
      ${
        d.links.length
          ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="citizen-links">
            <thead><tr><th scope="col">Oprettet</th><th scope="col">Sprog</th><th scope="col">Status</th><th scope="col">Sidst brugt</th><th scope="col">Brugt</th><th scope="col">Tilbagekald</th></tr></thead>
            <tbody>${d.links.map(
              (l) => html`<tr>
              <td>${when(l.createdAt)}${l.createdByName ? html`<br><span class="meta">${l.createdByName}</span>` : ''}</td>
              <td>${LANGUAGES.find((x) => x.code === l.language)?.nameDa ?? l.language}</td>
              <td>${linkStatus(l)}</td><td>${when(l.lastUsedAt)}</td><td>${String(l.uses)} gange</td>
              <td>${
                active.includes(l)
                  ? html`<form method="post" action="/deltagere/${id}/min-plan/links/${l.id}/tilbagekald" class="inline-form">
                    <input type="hidden" name="_csrf" value="${csrf}">
                    <button type="submit" class="button button-secondary">Tilbagekald<span class="sr-only"> link oprettet ${when(l.createdAt)}</span></button></form>`
                  : '–'
              }</td></tr>`,
            )}</tbody></table></div>`
          : html`<p>Hun har ingen personlige links.</p>`
      }

      ${
        actor.role === 'projektleder'
          ? html`<ul class="action-list"><li><a href="/projekt/tekster?sprog=${d.language}">Ret teksterne i Min plan for din kommune</a></li>
            <li><a href="/projekt/who5-oversaettelser">WHO-5 på andre sprog (validerede oversættelser)</a></li></ul>`
          : ''
      }
      <h2>Forhåndsvisning</h2>
      <div class="my-plan-preview">${myPlanBlock(d.view, d.tr, { level: 2 })}</div>`,
  });
}
