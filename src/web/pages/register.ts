/** Register data pages for analysts: batches with provenance, upload, and an import's progress. */
import { revisionText } from '../../app/register/revision-text.ts';
import type { Actor } from '../../core/actor.ts';
import type { ImportJob } from '../../app/register/import-jobs.ts';
import { REGISTER_KINDS, type RegisterKind } from '../../app/register/import-register-file.ts';
import type { BatchRow } from '../../db/register-store.ts';
import { formatNumber } from '../../core/format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

const dateTime = new Intl.DateTimeFormat('da-DK', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

export function registerPage(actor: Actor, csrf: string, batches: BatchRow[], o: { error?: string; kind?: string } = {}) {
  return page({
    title: 'Registerdata',
    actor,
    csrf,
    path: '/registerdata',
    body: html`<h1>Registerdata</h1>
      <p>Indlæs udtræk fra DREAM (ydelsesuger, bred eller lang form) og eIndkomst (løntimer) som CSV, eller en egen kodetabel.
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
      <h2>Indlæste filer</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Indlæste registerfiler"><table class="table table--zebra" data-testid="batches">
        <caption class="sr-only">Indlæste registerfiler med oprindelse</caption>
        <thead><tr><th scope="col">Parti</th><th scope="col">Type</th><th scope="col">Fil</th><th scope="col">SHA-256</th>
          <th scope="col" class="text-right">Rækker</th><th scope="col" class="text-right">Personer</th><th scope="col" class="text-right">Ændrede</th>
          <th scope="col" class="text-right">Rettede uger</th><th scope="col" class="text-right">Flyttede resultater</th>
          <th scope="col">Periode</th><th scope="col">Indlæst af</th><th scope="col">Tidspunkt</th></tr></thead>
        <tbody>${batches.length
          ? batches.map(
              (b) => html`<tr><td>${b.id}</td><td>${REGISTER_KINDS[b.kind]}</td><td>${b.fileName}</td><td><code title="${b.sha256}">${b.sha256.slice(0, 12)}…</code></td>
                <td class="text-right">${formatNumber(b.rows)}</td><td class="text-right">${formatNumber(b.persons)}</td>
                <td class="text-right">${formatNumber(b.changedPersons)}</td>
                <td class="text-right">${formatNumber(b.changedWeeks)}</td><td class="text-right">${formatNumber(b.movedResults)}</td><td>${b.periodFrom ? `${b.periodFrom} – ${b.periodTo}` : '–'}</td>
                <td>${b.importedByName}</td><td>${dateTime.format(b.importedAt)}</td></tr>`,
            )
          : html`<tr><td colspan="12">Ingen registerdata er indlæst endnu.</td></tr>`}</tbody>
      </table></div>`,
  });
}

export function jobStatusText(j: ImportJob): string {
  if (j.status === 'fejl') return `Indlæsningen af ${j.fileName} fejlede: ${j.error}`;
  if (j.status === 'faerdig') {
    const r = j.report!;
    return r.alreadyImported
      ? `${r.fileName} er allerede indlæst (parti ${r.batchId}). Intet er ændret.`
      : `${r.fileName} er indlæst som parti ${r.batchId}: ${formatNumber(r.rows)} rækker, ${formatNumber(r.persons)} personer, ${formatNumber(r.changedPersons)} med ændrede data${r.periodFrom ? `, periode ${r.periodFrom} – ${r.periodTo}` : ''}. ` +
        `${revisionText(r)}`;
  }
  const p = j.progress;
  return p.phase === 'laeser' ? `Læser og kontrollerer ${j.fileName} …` : `Gemmer: ${formatNumber(p.done)} af ${formatNumber(p.total)} personer …`;
}

export function jobPercent(j: ImportJob): number {
  if (j.status !== 'koerer') return 100;
  return j.progress.phase === 'laeser' ? 5 : Math.round(5 + (95 * j.progress.done) / Math.max(1, j.progress.total));
}

export function jobPage(actor: Actor, csrf: string, j: ImportJob) {
  const alert = j.status === 'fejl' ? 'alert-error' : j.status === 'faerdig' ? 'alert-success' : 'alert-info';
  return page({
    title: 'Indlæsning af registerdata',
    actor,
    csrf,
    path: '/registerdata',
    body: html`<h1>Indlæsning af registerdata</h1>
      <div data-job="${j.id}" data-testid="job">
        <label for="job-progress">Fremdrift for ${j.fileName}</label>
        <progress id="job-progress" class="progress-bar" max="100" value="${jobPercent(j)}">${jobPercent(j)} %</progress>
        <div class="alert ${alert}" role="status" aria-live="polite" data-status="${j.status}">
          <div class="alert-body"><p class="alert-text" id="job-text">${jobStatusText(j)}</p></div>
        </div>
      </div>
      <p><a href="/registerdata/job/${j.id}" id="job-refresh">Opdater status</a> · <a href="/registerdata">Tilbage til registerdata</a></p>
      <script src="/static/job-progress.js" defer></script>`,
  });
}
