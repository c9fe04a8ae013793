/** Kandidater (Bruttomålgruppen, issue 13): the candidate list with import, a candidate's outreach log, adding by hand. */
import type { Actor } from '../../../core/actor.ts';
import type { CandidateFile, CandidateOverview } from '../../../app/recruitment/candidates.ts';
import type { CandidateRowError } from '../../../register/candidates.ts';
import { DECLINE_REASONS, LOGGED_OUTREACH_KINDS, OUTREACH_CHANNELS } from '../../../core/codes.ts';
import { DECLINE_REASON_LABELS, OUTREACH_CHANNEL_LABELS, OUTREACH_KIND_LABELS } from '../../../core/labels.ts';
import { formatCpr, maskCpr } from '../../../core/cpr.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../core/format.ts';
import type { CandidateStage } from '../../../domain/recruitment.ts';
import { MAX_CORRECTION_REASON, MAX_OUTREACH_NOTE } from '../../../domain/recruitment.ts';
import type { CandidateRow, OutreachRow } from '../../../db/recruitment.ts';
import { html, type SafeHtml } from '../../html.ts';
import { page } from '../../layout.ts';
import { checkbox, csrfField, dateField, dateInput, errorSummary, radioGroup, selectField, textArea, textField } from '../casework/form.ts';
import type { FormState } from '../casework/form.ts';

export const STAGE_LABELS: Record<CandidateStage, string> = {
  ny: 'Ikke kontaktet',
  kontaktet: 'Kontaktet',
  inviteret: 'Inviteret til informationsmøde',
  informeret: 'Deltog i informationsmøde',
  afslag: 'Takkede nej',
  indskrevet: 'Indskrevet',
};

export interface ImportProblem {
  message: string;
  errors: CandidateRowError[];
  moreErrors: number;
}

const notice = (text: string) =>
  html`<div class="alert alert-success" role="status" data-testid="notice"><div class="alert-body"><p class="alert-text">${text}</p></div></div>`;

function importProblem(p: ImportProblem) {
  return html`<div class="alert alert-error" role="alert" id="importfejl" tabindex="-1" autofocus data-testid="import-error"><div class="alert-body">
    <h2 class="alert-heading h3">Listen er ikke indlæst</h2>
    <p class="alert-text">${p.message}</p>
    ${p.errors.length ? html`<ul class="alert-text">${p.errors.map((e) => html`<li>${e.message}</li>`)}</ul>` : ''}
    ${p.moreErrors ? html`<p class="alert-text">… og ${formatNumber(p.moreErrors)} fejlrækker mere.</p>` : ''}
  </div></div>`;
}

// Long because it is one HTML template: the project's candidate page (funnel counts, latest list, import form,
// candidates and the retention setting), in the order the page shows them.
export function candidateListPage(
  actor: Actor,
  csrf: string,
  m: CandidateOverview,
  o: { notice?: string; problem?: ImportProblem; retention?: FormState } = {},
) {
  const leader = actor.role === 'projektleder';
  const pid = m.project.id;
  const counts = (s: CandidateStage) => m.candidates.filter((c) => c.stage === s).length;
  const latest = m.lists[0];
  const retention = o.retention ?? { values: { retentionMonths: String(m.retentionMonths) }, errors: {} };
  return page(
    { title: 'Kandidater', actor, csrf, path: '/kandidater', heading: html`Kandidater <span class="h1-sub">– ${m.project.name}</span>` },
    html`${m.projects.length > 1 ? html`<nav aria-label="Projekter"><ul class="action-list">${m.projects.map((p) => html`<li><a href="/kandidater?projekt=${p.id}"${p.id === pid ? html` aria-current="page"` : ''}>${p.name}</a></li>`)}</ul></nav>` : ''}
      <p>Bruttomålgruppen: de kvinder, projektet kan opsøge. Indlæs en liste fra kommunens egne systemer, eller tilføj en kvinde i hånden.
        Hver ny liste markerer, hvem der er <strong>ny på listen</strong> siden den forrige. Kvinder, der aldrig bliver indskrevet, slettes
        ${formatNumber(m.retentionMonths)} måneder efter seneste opsøgning eller liste.</p>
      ${o.notice ? notice(o.notice) : ''}
      ${o.problem ? importProblem(o.problem) : ''}
      <p data-testid="candidate-counts">I alt <strong>${formatNumber(m.candidates.length)}</strong> kandidater:
        ${(Object.keys(STAGE_LABELS) as CandidateStage[]).map((s, i) => html`${i ? ', ' : ''}${STAGE_LABELS[s].toLowerCase()} ${formatNumber(counts(s))}`)}.
        Se tragten på <a href="/styring?projekt=${pid}">Styring</a>.</p>
      <p><a class="button button-secondary" href="/kandidater/ny?projekt=${pid}">Tilføj kandidat</a></p>

      <h2>Indlæs kandidatliste</h2>
      <form method="post" action="/kandidater/import?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data" data-testid="candidate-import">
        <input type="hidden" name="projectId" value="${pid}">
        <div class="form-group">
          <label class="form-label" for="file">CSV-fil med kandidater</label>
          <span class="form-hint" id="file-hint">Kolonnerne <code>cpr</code> og <code>navn</code>, og gerne <code>ydelse</code> og <code>oprindelse</code>${actor.municipalities.length > 1 ? html` og <code>kommune</code> (kommunekoden)` : ''}.
            Semikolon, komma eller tabulator; UTF-8 eller Windows-1252.</span>
          <input class="form-input" id="file" name="file" type="file" accept=".csv,.txt,text/csv" aria-describedby="file-hint" required>
        </div>
        ${checkbox({ values: {}, errors: {} }, { name: 'skipBadRows', label: 'Spring rækker med fejl over og indlæs resten', hint: 'Uden flueben gemmes intet, hvis blot én række har fejl.' })}
        <button type="submit" class="button button-primary">Indlæs liste</button>
      </form>

      <h2>Kandidater</h2>
      ${latest ? html`<p>Seneste liste: ${latest.fileName}, indlæst ${formatDateTime(latest.importedAt)} med ${formatNumber(latest.rowsTotal)} kvinder, heraf ${formatNumber(latest.rowsNew)} nye.</p>` : ''}
      <div class="table-wrap"><table class="table table--zebra" data-testid="candidates">
        <caption class="sr-only">Projektets kandidater med status</caption>
        <thead><tr><th scope="col">Navn</th><th scope="col">Fødselsdato</th><th scope="col">Ydelse</th><th scope="col">Oprindelse</th>
          <th scope="col">Status</th><th scope="col">Seneste opsøgning</th></tr></thead>
        <tbody>${
          m.candidates.length
            ? m.candidates.map(
                (c) => html`<tr data-candidate="${c.id}">
              <td><a href="/kandidater/${c.id}">${c.name}</a>${c.newOnLatestList ? html` <span class="badge-project" data-testid="new-on-list">Ny på listen</span>` : ''}${c.addedByHand ? html` <span class="badge-synthetic">Tilføjet i hånden</span>` : ''}</td>
              <td>${c.cpr ? maskCpr(c.cpr) : ''}</td><td>${c.benefit ?? ''}</td><td>${c.origin ?? ''}</td>
              <td>${STAGE_LABELS[c.stage]}</td><td>${c.lastOutreachOn ? formatDate(c.lastOutreachOn) : '–'}</td></tr>`,
              )
            : html`<tr><td colspan="6">Projektet har ingen kandidater endnu.</td></tr>`
        }</tbody></table></div>

      <h2>Indlæste lister</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="candidate-lists">
        <caption class="sr-only">Indlæste kandidatlister</caption>
        <thead><tr><th scope="col">Fil</th><th scope="col">Indlæst</th><th scope="col">Af</th><th scope="col" class="text-right">Kvinder</th>
          <th scope="col" class="text-right">Nye på listen</th><th scope="col" class="text-right">Sprunget over</th></tr></thead>
        <tbody>${
          m.lists.length
            ? m.lists.map(
                (l) => html`<tr><td>${l.fileName}</td><td>${formatDateTime(l.importedAt)}</td><td>${l.importedByName ?? ''}</td>
              <td class="text-right">${formatNumber(l.rowsTotal)}</td><td class="text-right">${formatNumber(l.rowsNew)}</td><td class="text-right">${formatNumber(l.rowsSkipped)}</td></tr>`,
              )
            : html`<tr><td colspan="6">Ingen lister er indlæst endnu.</td></tr>`
        }</tbody></table></div>

      <h2>Sletning af kandidater</h2>
      ${
        leader
          ? html`${errorSummary(retention)}
          <form method="post" action="/kandidater/indstillinger" novalidate>
            ${csrfField(csrf)}
            <input type="hidden" name="projectId" value="${pid}">
            ${textField(retention, { name: 'retentionMonths', label: 'Slet kandidater, der ikke er indskrevet, efter (måneder)', hint: 'Regnet fra seneste opsøgning eller liste. 1 til 60 måneder.', inputmode: 'numeric', width: 'xs', required: true })}
            <button type="submit" class="button button-secondary">Gem</button>
          </form>`
          : html`<p>Kandidater, der ikke bliver indskrevet, slettes ${formatNumber(m.retentionMonths)} måneder efter seneste opsøgning eller liste. Projektlederen kan ændre perioden.</p>`
      }`,
  );
}

export function candidateFormPage(actor: Actor, csrf: string, projects: { id: number; name: string }[], s: FormState) {
  const body = html`<form method="post" action="/kandidater" novalidate>
      ${csrfField(csrf)}
      ${
        projects.length > 1
          ? selectField(s, {
              name: 'projectId',
              label: 'Projekt',
              options: projects.map((p) => ({ value: String(p.id), label: p.name })),
              required: true,
            })
          : html`<input type="hidden" name="projectId" value="${projects[0]?.id ?? ''}">`
      }
      ${textField(s, { name: 'cpr', label: 'CPR-nummer', hint: '10 cifre, fx 010190-1234.', inputmode: 'numeric', width: 'm', required: true, autocomplete: 'off' })}
      ${textField(s, { name: 'name', label: 'Navn', required: true, autocomplete: 'off' })}
      ${textField(s, { name: 'benefit', label: 'Ydelse', hint: 'Fx kontanthjælp, selvforsørgende.' })}
      ${textField(s, { name: 'origin', label: 'Oprindelse', hint: 'Land eller landegruppe.' })}
      ${actor.municipalities.length > 1 ? selectField(s, { name: 'municipalityCode', label: 'Kommune', options: actor.municipalities.map((c, i) => ({ value: c, label: actor.municipalityNames[i] ?? c })), required: true }) : ''}
      <button type="submit" class="button button-primary">Tilføj kandidat</button>
    </form>`;
  return page(
    {
      title: 'Tilføj kandidat',
      actor,
      csrf,
      path: '/kandidater',
      back: { href: `/kandidater${s.values.projectId ? `?projekt=${s.values.projectId}` : ''}`, label: `Tilbage til kandidaterne` },
    },
    html`${errorSummary(s, body)}
      ${body}`,
  );
}

/** The fields of one outreach step (logging it and correcting it). */
function outreachFields(s: FormState) {
  return html`${radioGroup(s, { name: 'kind', legend: 'Hvad skete der?', options: LOGGED_OUTREACH_KINDS.map((k) => ({ value: k, label: OUTREACH_KIND_LABELS[k] })) })}
      ${dateField(s, { name: 'occurredOn', label: 'Dato', required: true })}
      ${selectField(s, { name: 'channel', label: 'Kanal', hint: 'Skal udfyldes ved kontaktforsøg.', conditional: true, options: OUTREACH_CHANNELS.map((k) => ({ value: k, label: OUTREACH_CHANNEL_LABELS[k] })), placeholder: 'Vælg kanal' })}
      ${selectField(s, { name: 'declineReason', label: 'Årsag til nej', hint: 'Skal udfyldes, når hun takker nej.', conditional: true, options: DECLINE_REASONS.map((k) => ({ value: k, label: DECLINE_REASON_LABELS[k] })), placeholder: 'Vælg årsag' })}
      ${textArea(s, { name: 'note', label: 'Bemærkning', hint: `Skal udfyldes ved årsagen "Andet". Højst ${MAX_OUTREACH_NOTE} tegn.`, rows: 3 })}`;
}

/** A logged step's values for the correction form. */
export function outreachValues(o: OutreachRow): Record<string, string> {
  return {
    kind: o.kind,
    occurredOn: dateInput(o.occurredOn),
    channel: o.channel ?? '',
    declineReason: o.declineReason ?? '',
    note: o.note ?? '',
  };
}

const reasonField = (s: FormState, label: string) =>
  textArea(s, {
    name: 'correctionReason',
    label,
    hint: `Gemmes i loggen sammen med det, der stod før. Højst ${MAX_CORRECTION_REASON} tegn.`,
    rows: 2,
    required: true,
  });

const stepText = (o: OutreachRow) => `${OUTREACH_KIND_LABELS[o.kind].toLowerCase()} den ${formatDate(o.occurredOn)}`;

/** The frame of the pages that change one logged step: back to her file, the heading with her name, the intro, the form. */
function stepPage(actor: Actor, csrf: string, c: CandidateRow, s: FormState, heading: string, intro: SafeHtml, form: SafeHtml) {
  return page(
    {
      title: `${heading} – ${c.name}`,
      actor,
      csrf,
      path: '/kandidater',
      heading: html`${heading} <span class="h1-sub">– ${c.name}</span>`,
      back: { href: `/kandidater/${c.id}`, label: `Tilbage til ${c.name}` },
    },
    html`${errorSummary(s, form)}
      <p>${intro}</p>
      ${form}`,
  );
}

/** Correct one logged outreach step, with a reason (audited with the step before and after). */
export function outreachCorrectionPage(actor: Actor, csrf: string, c: CandidateRow, o: OutreachRow, s: FormState) {
  const form = html`<form method="post" action="/kandidater/${c.id}/opsoegning/${o.id}" novalidate data-testid="outreach-correction-form">
      ${csrfField(csrf)}
      ${outreachFields(s)}
      ${reasonField(s, 'Hvorfor rettes opsøgningen?')}
      <button type="submit" class="button button-primary">Gem rettelsen</button>
      <a class="button button-secondary" href="/kandidater/${c.id}">Fortryd</a>
    </form>`;
  const by = o.createdByName ? `, registreret af ${o.createdByName}` : '';
  return stepPage(actor, csrf, c, s, 'Ret opsøgning', html`Du retter: ${stepText(o)}${by}.`, form);
}

/** Delete one logged outreach step, with a reason (audited with what was deleted). */
export function outreachDeletePage(actor: Actor, csrf: string, c: CandidateRow, o: OutreachRow, s: FormState) {
  const form = html`<form method="post" action="/kandidater/${c.id}/opsoegning/${o.id}/slet" novalidate data-testid="outreach-delete-form">
      ${csrfField(csrf)}
      ${reasonField(s, 'Hvorfor slettes opsøgningen?')}
      <button type="submit" class="button button-primary">Ja, slet</button>
      <a class="button button-secondary" href="/kandidater/${c.id}">Fortryd</a>
    </form>`;
  const intro = html`Vil du slette <strong>${stepText(o)}</strong>? Sletningen gemmes i loggen med indholdet og din begrundelse.`;
  return stepPage(actor, csrf, c, s, 'Slet opsøgning', intro, form);
}

export function candidatePage(actor: Actor, csrf: string, f: CandidateFile, s: FormState, o: { notice?: string } = {}) {
  const c = f.candidate;
  const leader = actor.role === 'projektleder';
  const form = html`<form method="post" action="/kandidater/${c.id}/opsoegning" novalidate data-testid="outreach-form">
      ${csrfField(csrf)}
      ${outreachFields(s)}
      <button type="submit" class="button button-primary">Gem opsøgning</button>
    </form>`;
  return page(
    {
      title: `${c.name ?? 'Kandidat'} – kandidat`,
      actor,
      csrf,
      path: '/kandidater',
      heading: html`${c.name} <span class="h1-sub">– kandidat</span>`,
      back: { href: `/kandidater?projekt=${c.projectId}`, label: `Tilbage til kandidaterne` },
    },
    html`${o.notice ? notice(o.notice) : ''}
      ${errorSummary(s, form)}
      <dl class="facts" data-testid="candidate-facts">
        <dt>CPR-nummer</dt><dd>${c.cpr ? formatCpr(c.cpr) : ''}</dd>
        <dt>Projekt</dt><dd>${f.project.name}</dd>
        <dt>Ydelse</dt><dd>${c.benefit ?? '–'}</dd>
        <dt>Oprindelse</dt><dd>${c.origin ?? '–'}</dd>
        <dt>Status</dt><dd data-testid="candidate-stage">${STAGE_LABELS[f.stage]}</dd>
        <dt>På listen</dt><dd>${c.addedByHand ? 'Tilføjet i hånden' : 'Fra kandidatliste'}${c.newOnLatestList ? ' · ny på seneste liste' : ''} · første gang ${formatDate(c.addedOn)}</dd>
        ${f.erasureDue ? html`<dt>Slettes</dt><dd>${formatDate(f.erasureDue)}, hvis hun ikke er indskrevet eller opsøgt igen inden da</dd>` : ''}
      </dl>
      <ul class="action-list">
        ${
          c.participantId
            ? html`<li><a class="button button-secondary" href="/deltagere/${c.participantId}">Gå til hendes forløb</a></li>`
            : html`<li><a class="button button-primary" href="/kandidater/${c.id}/indskriv" data-testid="enrol-candidate">Indskriv</a></li>`
        }
        ${leader ? html`<li><a class="button button-secondary" href="/kandidater/${c.id}/indsigt.json">Indsigt (JSON)</a></li>` : ''}
      </ul>
      <h2>Opsøgning</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="outreach-log">
        <caption class="sr-only">Opsøgning af kandidaten</caption>
        <thead><tr><th scope="col">Dato</th><th scope="col">Hvad</th><th scope="col">Kanal</th><th scope="col">Årsag</th><th scope="col">Bemærkning</th><th scope="col">Registreret af</th><th scope="col">Ret eller slet</th></tr></thead>
        <tbody>${
          f.outreach.length
            ? f.outreach.map(
                (
                  e,
                ) => html`<tr><td>${formatDate(e.occurredOn)}</td><td>${OUTREACH_KIND_LABELS[e.kind]}</td><td>${e.channel ? OUTREACH_CHANNEL_LABELS[e.channel] : ''}</td>
              <td>${e.declineReason ? DECLINE_REASON_LABELS[e.declineReason] : ''}</td><td>${e.note ?? ''}</td><td>${e.createdByName ?? ''}</td>
              <td>${
                e.kind === 'indskrevet'
                  ? '–'
                  : html`<a href="/kandidater/${c.id}/opsoegning/${e.id}">Ret<span class="sr-only"> ${stepText(e)}</span></a>
                <a href="/kandidater/${c.id}/opsoegning/${e.id}/slet">Slet<span class="sr-only"> ${stepText(e)}</span></a>`
              }</td></tr>`,
              )
            : html`<tr><td colspan="7">Ingen opsøgning endnu.</td></tr>`
        }</tbody></table></div>
      ${c.participantId ? '' : html`<h2>Registrér opsøgning</h2>${form}`}
      ${
        leader && !c.participantId
          ? html`<h2>Slet kandidat</h2>
          <p>Når en kvinde beder om at blive slettet fra kandidatlisten, slettes hun med hele sin opsøgning. Sletningen gemmes i loggen.</p>
          <form method="post" action="/kandidater/${c.id}/slet">
            ${csrfField(csrf)}
            <input type="hidden" name="bekraeft" value="ja">
            <button type="submit" class="button button-secondary">Slet ${c.name} fra kandidatlisten</button>
          </form>`
          : ''
      }`,
  );
}
