/** The project leader's pages for correcting the citizen texts of her municipality, per language. */
import type { Actor } from '../../../core/actor.ts';
import type { MessageTexts } from '../../../app/citizen/save-message-override.ts';
import { catalogFile, messageArguments, type MessageKey } from '../../../i18n/catalog.ts';
import { language, type LanguageCode } from '../../../i18n/languages.ts';
import { html } from '../../html.ts';
import { casePage } from '../casework/frame.ts';
import { textArea, type FormState } from '../casework/form.ts';
import { languagePicker } from './my-plan.ts';

const dt = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

export function textsPage(actor: Actor, csrf: string, t: MessageTexts, saved?: string): string {
  const lang = language(t.language);
  const file = catalogFile(t.language)._meta;
  return casePage({
    actor,
    csrf,
    title: 'Tekster i Min plan',
    path: '/projekt',
    body: html`
      ${saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Teksten ${saved} er gemt.</p></div></div>` : ''}
      <p>Her retter du de faste tekster, som kvinderne ser i Min plan, for ${actor.municipalityNames.join(' og ') || 'din kommune'}. Rettelsen gælder med det samme og bliver logget.</p>
      ${languagePicker(t.language, 'Sprog', 'Vis', '/projekt/tekster', true)}
      <p>Oversættelsen er ${file.checkedBy ? html`tjekket af <strong>${file.checkedBy}</strong>${file.checkedOn ? ` (${file.checkedOn})` : ''}` : html`<strong>ikke tjekket</strong> af en oversætter endnu`}.</p>
      <div class="table-wrap"><table class="table table--zebra" data-testid="texts">
        <thead><tr><th scope="col">Nøgle</th><th scope="col">Dansk kildetekst</th><th scope="col">Tekst på ${lang.nameDa.toLowerCase()}</th><th scope="col">Ret</th></tr></thead>
        <tbody>${t.rows.map(
          (r) => html`<tr>
          <td><code>${r.key}</code></td>
          <td>${catalogFile('da').messages[r.key]}</td>
          <td><span lang="${lang.code}" dir="${lang.dir}">${r.override ? r.override.text : r.file}</span>${
            r.override
              ? html`<br><span class="meta">Rettet ${dt.format(new Date(r.override.updatedAt))}${r.override.updatedByName ? ` af ${r.override.updatedByName}` : ''}</span>`
              : ''
          }</td>
          <td><a href="/projekt/tekster/${t.language}/${r.key}">Ret<span class="sr-only"> ${r.key}</span></a></td></tr>`,
        )}</tbody>
      </table></div>`,
  });
}

export function textFormPage(actor: Actor, csrf: string, code: LanguageCode, key: MessageKey, current: string, state: FormState): string {
  const lang = language(code);
  const args = messageArguments(catalogFile('da').messages[key]).args;
  return casePage({
    actor,
    csrf,
    title: `Ret tekst: ${key}`,
    path: '/projekt',
    state,
    body: html`<p><a href="/projekt/tekster?sprog=${code}" class="back-link">Tilbage til teksterne på ${lang.nameDa.toLowerCase()}</a></p>
      <dl class="facts">
        <dt>Dansk kildetekst</dt><dd>${catalogFile('da').messages[key]}</dd>
        <dt>Filens tekst</dt><dd lang="${lang.code}" dir="${lang.dir}">${catalogFile(code).messages[key]}</dd>
        <dt>Vises nu</dt><dd lang="${lang.code}" dir="${lang.dir}">${current}</dd>
      </dl>
      <form method="post" action="/projekt/tekster/${code}/${key}" novalidate>
        <input type="hidden" name="_csrf" value="${csrf}">
        ${textArea(state, {
          name: 'tekst',
          label: `Tekst på ${lang.nameDa.toLowerCase()}`,
          required: true,
          rows: 4,
          hint: `Tom tekst betyder filens tekst. ${args.length ? `Felterne ${args.map((a) => `{${a}}`).join(', ')} skal blive stående, også i flertalsformer.` : 'Teksten har ingen felter i krøllede parenteser.'}`,
        })}
        <button type="submit" class="button button-primary">Gem tekst</button>
      </form>`,
  });
}
