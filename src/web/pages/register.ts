/** Register data pages for analysts: batches with provenance, upload, and an import's progress. */
import { revisionText } from '../../app/register/revision-text.ts';
import type { Actor } from '../../core/actor.ts';
import type { ImportJob } from '../../app/register/import-jobs.ts';
import { REGISTER_KINDS, type RegisterKind } from '../../app/register/import-register-file.ts';
import type { BatchRow } from '../../db/register-store.ts';
import { formatDateTime, formatNumber, formatPeriod } from '../../core/format.ts';
import { CODE_CATEGORY_LABELS } from '../../core/labels.ts';
import type { CodeMappingRow } from '../../db/register-code-mappings.ts';
import { CATEGORIES } from '../../monitoring/types.ts';
import type { UnknownCode } from '../../register/errors.ts';
import { categoryField, MAX_REASON, reasonField, type ChoiceForm } from '../../app/register/map-codes.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { csrfField, errorSummary, selectField, textField, type FormState } from './casework/form.ts';

export function registerPage(actor: Actor, csrf: string, batches: BatchRow[], o: { error?: string; kind?: string } = {}) {
  return page(
    { title: 'Registerdata', actor, csrf, path: '/registerdata' },
    html`<p>Indlæs udtræk fra DREAM (ydelsesuger, bred eller lang form) og eIndkomst (løntimer) som CSV, eller en egen kodetabel.
        Filen kontrolleres helt, før noget gemmes; en fil med fejl gemmer intet, og den samme fil to gange ændrer intet.</p>
      ${o.error ? html`<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${o.error}</p></div></div>` : ''}
      <form method="post" action="/registerdata?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data" data-testid="upload-form">
        <div class="form-group">
          <label class="form-label" for="kind">Filtype</label>
          <select class="form-select" id="kind" name="kind">
            ${(Object.keys(REGISTER_KINDS) as RegisterKind[]).map((k) => html`<option value="${k}"${o.kind === k ? html` selected` : ''}>${REGISTER_KINDS[k]}</option>`)}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="file">CSV-fil</label>
          <span class="form-hint" id="file-hint">Semikolon, komma eller tabulator; UTF-8 eller Windows-1252.</span>
          <input class="form-input" id="file" name="file" type="file" accept=".csv,.txt,text/csv" aria-describedby="file-hint" required>
        </div>
        <button type="submit" class="button button-primary">Indlæs fil</button>
      </form>
      <p>Koder, som kodetabellen ikke kender, tildeler du en kategori, når en fil har dem: <a href="/registerdata/koder">Egne koder</a>.</p>
      <h2>Indlæste filer</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Indlæste registerfiler"><table class="table table--zebra" data-testid="batches">
        <caption class="sr-only">Indlæste registerfiler med oprindelse</caption>
        <thead><tr><th scope="col">Parti</th><th scope="col">Type</th><th scope="col">Fil</th><th scope="col">SHA-256</th>
          <th scope="col" class="text-right">Rækker</th><th scope="col" class="text-right">Personer</th><th scope="col" class="text-right">Ændrede</th>
          <th scope="col" class="text-right">Rettede uger</th><th scope="col" class="text-right">Flyttede resultater</th>
          <th scope="col">Periode</th><th scope="col">Indlæst af</th><th scope="col">Tidspunkt</th></tr></thead>
        <tbody>${
          batches.length
            ? batches.map(
                (
                  b,
                ) => html`<tr><td>${b.id}</td><td>${REGISTER_KINDS[b.kind]}</td><td>${b.fileName}</td><td><code title="${b.sha256}">${b.sha256.slice(0, 12)}…</code></td>
                <td class="text-right">${formatNumber(b.rows)}</td><td class="text-right">${formatNumber(b.persons)}</td>
                <td class="text-right">${formatNumber(b.changedPersons)}</td>
                <td class="text-right">${formatNumber(b.changedWeeks)}</td><td class="text-right">${formatNumber(b.movedResults)}</td><td>${b.periodFrom ? formatPeriod(b.periodFrom, b.periodTo) : '–'}</td>
                <td>${b.importedByName}</td><td>${formatDateTime(b.importedAt)}</td></tr>`,
              )
            : html`<tr><td colspan="12">Ingen registerdata er indlæst endnu.</td></tr>`
        }</tbody>
      </table></div>`,
  );
}

export function jobStatusText(j: ImportJob, waitsForCodes = false): string {
  if (j.status === 'fejl' && waitsForCodes) {
    return `${j.fileName} har koder, som kodetabellen ikke kender. Intet er gemt endnu: tildel hver kode en kategori nedenfor, så indlæses filen.`;
  }
  if (j.status === 'fejl') return `Indlæsningen af ${j.fileName} fejlede: ${j.error}`;
  if (j.status === 'faerdig') {
    const r = j.report!;
    return r.alreadyImported
      ? `${r.fileName} er allerede indlæst (parti ${r.batchId}). Intet er ændret.`
      : `${r.fileName} er indlæst som parti ${r.batchId}: ${formatNumber(r.rows)} rækker, ${formatNumber(r.persons)} personer, ${formatNumber(r.changedPersons)} med ændrede data${r.periodFrom ? `, periode ${formatPeriod(r.periodFrom, r.periodTo)}` : ''}. ` +
          `${revisionText(r)}`;
  }
  const p = j.progress;
  return p.phase === 'laeser'
    ? `Læser og kontrollerer ${j.fileName} …`
    : `Gemmer: ${formatNumber(p.done)} af ${formatNumber(p.total)} personer …`;
}

export function jobPercent(j: ImportJob): number {
  if (j.status !== 'koerer') return 100;
  return j.progress.phase === 'laeser' ? 5 : Math.round(5 + (95 * j.progress.done) / Math.max(1, j.progress.total));
}

const weeksAndWomen = (weeks: number, women: number) =>
  `${formatNumber(weeks)} ${weeks === 1 ? 'uge' : 'uger'}, ${formatNumber(women)} ${women === 1 ? 'kvinde' : 'kvinder'}`;

const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CODE_CATEGORY_LABELS[c] }));

/** One category and one reason per code (the same fields on the job page and when correcting). */
function codeFields(s: FormState, code: number): SafeHtml {
  return html`${selectField(s, { name: categoryField(code), label: 'Kategori', required: true, options: categoryOptions, placeholder: 'Vælg kategori' })}
    ${textField(s, {
      name: reasonField(code),
      label: 'Begrundelse',
      required: true,
      width: 'l',
      hint: `Hvorfor hører koden til kategorien, fx kilden (højst ${MAX_REASON} tegn).`,
    })}`;
}

/** The form of an upload with unknown codes: each code with its weeks and women, a category and a reason. */
function unknownCodesForm(csrf: string, jobId: string, unknown: UnknownCode[], form: ChoiceForm): SafeHtml {
  const s: FormState = form;
  const fields = html`${unknown.map(
    (u) => html`<fieldset class="code-choice" data-code="${u.code}">
      <legend class="h3">Kode ${u.code}: ${weeksAndWomen(u.weeks, u.people)}</legend>
      ${codeFields(s, u.code)}
    </fieldset>`,
  )}`;
  return html`<section aria-labelledby="ukendte-koder" data-testid="unknown-codes">
    <h2 id="ukendte-koder">Ukendte koder i filen</h2>
    <p>Filen er ikke indlæst endnu: den har koder, som kodetabellen ikke kender. Vælg for hver kode den kategori, dens uger skal
      tælle som, og skriv hvorfor. Tilknytningen gemmes i din organisations kodetabel med dit navn, tidspunkt og begrundelse,
      og kan rettes senere under <a href="/registerdata/koder">Egne koder</a>. Derefter indlæses filen.</p>
    <div class="table-wrap"><table class="table table--zebra" data-testid="unknown-table">
      <caption>Koder i filen, som kodetabellen ikke kender</caption>
      <thead><tr><th scope="col">Kode</th><th scope="col" class="text-right">Uger</th><th scope="col" class="text-right">Kvinder</th></tr></thead>
      <tbody>${unknown.map((u) => html`<tr><td>${u.code}</td><td class="text-right">${formatNumber(u.weeks)}</td><td class="text-right">${formatNumber(u.people)}</td></tr>`)}</tbody>
    </table></div>
    ${errorSummary(s, fields)}
    <form method="post" action="/registerdata/job/${jobId}/koder" novalidate data-testid="code-form">
      ${csrfField(csrf)}
      ${fields}
      <button type="submit" class="button button-primary">Gem koderne og indlæs filen</button>
      <a href="/registerdata" class="button button-secondary">Annullér</a>
    </form>
  </section>`;
}

export function jobPage(actor: Actor, csrf: string, j: ImportJob, pending?: { unknown: UnknownCode[]; form: ChoiceForm }) {
  const alert = pending ? 'alert-warning' : j.status === 'fejl' ? 'alert-error' : j.status === 'faerdig' ? 'alert-success' : 'alert-info';
  return page(
    { title: 'Indlæsning af registerdata', actor, csrf, path: '/registerdata' },
    html`<div data-job="${j.id}" data-testid="job">
        <label for="job-progress">Fremdrift for ${j.fileName}</label>
        <progress id="job-progress" class="progress-bar" max="100" value="${jobPercent(j)}">${jobPercent(j)} %</progress>
        <div class="alert ${alert}" role="status" aria-live="polite" data-status="${j.status}">
          <div class="alert-body"><p class="alert-text" id="job-text">${jobStatusText(j, !!pending)}</p></div>
        </div>
      </div>
      ${pending ? unknownCodesForm(csrf, j.id, pending.unknown, pending.form) : ''}
      <p><a href="/registerdata/job/${j.id}" id="job-refresh">Opdater status</a> · <a href="/registerdata">Tilbage til registerdata</a></p>
      <script src="/static/job-progress.js" defer></script>`,
  );
}

/** The organisation's own codes: current mappings (each correctable) and the replaced ones. */
export function codesPage(actor: Actor, csrf: string, rows: CodeMappingRow[], o: { notice?: string } = {}) {
  const current = rows.filter((r) => !r.replacedAt);
  const earlier = rows.filter((r) => r.replacedAt);
  const met = (r: CodeMappingRow) =>
    r.fileName ? `${r.fileName}${r.weeks != null ? ` (${weeksAndWomen(r.weeks, r.people ?? 0)})` : ''}` : '–';
  return page(
    { title: 'Egne koder', actor, csrf, path: '/registerdata' },
    html`${o.notice ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${o.notice}</p></div></div>` : ''}
      <p>Koder, som ikke står i kodetabellen, og som din organisation har tildelt en kategori. De gælder oven på kodetabellen
        for alle resultater. En rettelse gemmes som en ny tilknytning; den tidligere bevares nedenfor.</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Egne koder i brug"><table class="table table--zebra" data-testid="own-codes">
        <caption>Egne koder i brug</caption>
        <thead><tr><th scope="col">Kode</th><th scope="col">Kategori</th><th scope="col">Begrundelse</th><th scope="col">Mødt i</th>
          <th scope="col">Tilknyttet af</th><th scope="col">Tidspunkt</th><th scope="col"><span class="sr-only">Handling</span></th></tr></thead>
        <tbody>${
          current.length
            ? current.map(
                (r) => html`<tr><td>${r.code}</td><td>${CODE_CATEGORY_LABELS[r.category]}</td><td>${r.reason}</td><td>${met(r)}</td>
              <td>${r.mappedByName}</td><td>${formatDateTime(r.mappedAt)}</td>
              <td><a href="/registerdata/koder/${r.code}">Ret<span class="sr-only"> kode ${r.code}</span></a></td></tr>`,
              )
            : html`<tr><td colspan="7">Din organisation har ikke tildelt egne koder.</td></tr>`
        }</tbody>
      </table></div>
      ${
        earlier.length
          ? html`<h2>Tidligere tilknytninger</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Tidligere tilknytninger"><table class="table table--zebra" data-testid="replaced-codes">
          <caption class="sr-only">Tilknytninger, der er rettet</caption>
          <thead><tr><th scope="col">Kode</th><th scope="col">Kategori</th><th scope="col">Begrundelse</th><th scope="col">Tilknyttet af</th>
            <th scope="col">Tidspunkt</th><th scope="col">Rettet</th></tr></thead>
          <tbody>${earlier.map(
            (r) => html`<tr><td>${r.code}</td><td>${CODE_CATEGORY_LABELS[r.category]}</td><td>${r.reason}</td><td>${r.mappedByName}</td>
            <td>${formatDateTime(r.mappedAt)}</td><td>${formatDateTime(r.replacedAt!)}</td></tr>`,
          )}</tbody>
        </table></div>`
          : ''
      }
      <p><a href="/registerdata">Tilbage til registerdata</a></p>`,
  );
}

/** Correct one own code: a new category and reason. */
export function codeEditPage(actor: Actor, csrf: string, current: CodeMappingRow, form: ChoiceForm) {
  const s: FormState = form;
  const fields = codeFields(s, current.code);
  return page(
    { title: `Ret kode ${current.code}`, actor, csrf, path: '/registerdata' },
    html`${errorSummary(s, fields)}
      <p>Nu: ${CODE_CATEGORY_LABELS[current.category]}, tilknyttet af ${current.mappedByName} ${formatDateTime(current.mappedAt)}
        («${current.reason}»). Rettelsen gemmes som en ny tilknytning med dit navn; den nuværende bevares som tidligere.</p>
      <form method="post" action="/registerdata/koder/${current.code}" novalidate data-testid="code-edit-form">
        ${csrfField(csrf)}
        ${fields}
        <button type="submit" class="button button-primary">Gem rettelsen</button>
        <a href="/registerdata/koder" class="button button-secondary">Annullér</a>
      </form>`,
  );
}
