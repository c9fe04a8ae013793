/**
 * The project leader's pages for validated WHO-5 translations: which languages her project has
 * loaded (who validated each, its source, when and by whom it was loaded), and a form to load,
 * replace or remove one. Only a loaded language is offered to the women on their links.
 */
import type { Actor } from '../../../core/actor.ts';
import type { Who5TranslationList } from '../../../app/citizen/who5-translations.ts';
import { WHO5_ANSWER_VALUES, WHO5_ITEM_KEYS } from '../../../app/citizen/who5-translations.ts';
import type { Who5TranslationRow } from '../../../db/citizen/who5-translations.ts';
import { WHO5 } from '../../../domain/instruments.ts';
import { language, LANGUAGES, type LanguageCode } from '../../../i18n/languages.ts';
import { html } from '../../html.ts';
import { casePage } from '../casework/frame.ts';
import { csrfField, textArea, textField, type FormState } from '../casework/form.ts';

const dt = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const BASE = '/projekt/who5-oversaettelser';
const q = (projectId: number) => `?projekt=${projectId}`;

export function who5TranslationsPage(
  actor: Actor,
  csrf: string,
  l: Who5TranslationList,
  saved?: { language: string; removed: boolean },
): string {
  const loaded = new Map(l.rows.map((r) => [r.language, r]));
  return casePage({
    actor,
    csrf,
    title: 'WHO-5 på andre sprog',
    path: '/projekt',
    body: html`
      ${saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${saved.removed ? 'Oversættelsen til' : 'Den validerede oversættelse til'} ${language(saved.language as LanguageCode).nameDa.toLowerCase()} er ${saved.removed ? 'fjernet' : 'gemt'}.</p></div></div>` : ''}
      <p>Projekt: <strong>${l.project.name}</strong>.${l.projects.length > 1 ? html` Andre projekter: ${l.projects.filter((p) => p.id !== l.project.id).map((p, i) => html`${i ? ', ' : ''}<a href="${BASE}${q(p.id)}">${p.name}</a>`)}.` : ''}</p>
      <p>Kvinderne kan svare på WHO-5 selv via deres personlige link. Den officielle danske tekst er altid med. Et andet sprog bliver kun tilbudt, når projektet har indlæst en valideret oversættelse her — med hvem der har valideret den, og hvor den kommer fra. Alt bliver logget.</p>
      <div class="table-wrap"><table class="table table--zebra" data-testid="who5-translations">
        <thead><tr><th scope="col">Sprog</th><th scope="col">Status</th><th scope="col">Valideret af</th><th scope="col">Kilde</th><th scope="col">Indlæst</th><th scope="col">Handling</th></tr></thead>
        <tbody>
          <tr><td>Dansk</td><td>Officiel tekst</td><td>–</td><td>WHO-5 på dansk</td><td>–</td><td>–</td></tr>
          ${LANGUAGES.filter((x) => x.code !== 'da').map((x) => {
            const r = loaded.get(x.code);
            return html`<tr>
              <td>${x.nameDa}</td>
              <td>${r ? 'Indlæst: tilbydes på linket' : 'Ikke indlæst: kun dansk'}</td>
              <td>${r?.validatedBy ?? '–'}</td><td>${r?.source ?? '–'}</td>
              <td>${r ? html`${dt.format(new Date(r.loadedAt))}${r.loadedByName ? html`<br><span class="meta">${r.loadedByName}</span>` : ''}` : '–'}</td>
              <td><a href="${BASE}/${x.code}${q(l.project.id)}">${r ? 'Ret eller fjern' : 'Indlæs'}<span class="sr-only"> ${x.nameDa.toLowerCase()}</span></a></td></tr>`;
          })}
        </tbody></table></div>`,
  });
}

/** The form's values from a stored translation. */
export function who5FormValues(r: Who5TranslationRow | null): Record<string, string> {
  if (!r) return {};
  return {
    intro: r.texts.intro,
    ...Object.fromEntries(WHO5_ITEM_KEYS.map((k) => [`item.${k}`, r.texts.items[k] ?? ''])),
    ...Object.fromEntries(WHO5_ANSWER_VALUES.map((v) => [`answer.${v}`, r.texts.answers[String(v)] ?? ''])),
    validatedBy: r.validatedBy,
    source: r.source ?? '',
  };
}

export function who5TranslationFormPage(
  actor: Actor,
  csrf: string,
  project: { id: number; name: string },
  code: LanguageCode,
  row: Who5TranslationRow | null,
  state: FormState,
): string {
  const lang = language(code);
  const name = lang.nameDa.toLowerCase();
  const action = `${BASE}/${code}${q(project.id)}`;
  return casePage({
    actor,
    csrf,
    title: `WHO-5 på ${name}`,
    path: '/projekt',
    state,
    body: html`<p><a href="${BASE}${q(project.id)}" class="back-link">Tilbage til WHO-5 på andre sprog</a></p>
      <p>${row ? html`Projektet har en valideret oversættelse til ${name}, indlæst ${dt.format(new Date(row.loadedAt))}. Gemmer du, erstatter den nye den gamle (den gamle står i loggen).` : html`Projektet har ingen oversættelse til ${name} endnu. Indlæs kun en oversættelse, der er valideret — skriv, hvem der har valideret den, og hvor den kommer fra.`}</p>
      <form method="post" action="${action}" novalidate>
        ${csrfField(csrf)}
        ${textField(state, { name: 'validatedBy', label: 'Valideret af', hint: 'Person, firma eller institution, der har valideret oversættelsen.', required: true, width: 'l' })}
        ${textField(state, { name: 'source', label: 'Kilde', hint: 'Hvor oversættelsen kommer fra, fx udgiver og år eller en webadresse.', required: true, width: 'l' })}
        ${textArea(state, { name: 'intro', label: `Indledning på ${name}`, hint: `Dansk: ${WHO5.intro ?? ''}`, required: true, rows: 3 })}
        <fieldset class="mt-6"><legend class="h3">De fem spørgsmål på ${name}</legend>
          ${WHO5.dimensions.map((d, i) => textField(state, { name: `item.${d.key}`, label: `Spørgsmål ${i + 1}`, hint: `Dansk: ${d.name}`, required: true, width: 'l' }))}
        </fieldset>
        <fieldset class="mt-6"><legend class="h3">De seks svar på ${name}</legend>
          ${WHO5.dimensions[0].steps.map((s) => textField(state, { name: `answer.${s.value}`, label: `Svar ${s.value}`, hint: `Dansk: ${s.text}`, required: true, width: 'l' }))}
        </fieldset>
        <button type="submit" class="button button-primary">Gem valideret oversættelse</button>
      </form>
      ${
        row
          ? html`<h2 class="mt-8">Fjern oversættelsen</h2>
        <p>Så får kvinderne spørgsmålene på dansk igen.</p>
        <form method="post" action="${BASE}/${code}/fjern${q(project.id)}">
          ${csrfField(csrf)}
          <button type="submit" class="button button-secondary">Fjern oversættelsen til ${name}</button>
        </form>`
          : ''
      }`,
  });
}
