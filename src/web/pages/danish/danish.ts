/** Danish tuition on her page (section "Dansk") and its forms: course, attendance, test, sprogmakker. */
import type { Actor } from '../../../core/actor.ts';
import { DANISH_EDUCATIONS, DANISH_MODULES, DANISH_TEST_KINDS, DANISH_TEST_OUTCOMES } from '../../../core/codes.ts';
import { DANISH_EDUCATION_LABELS, DANISH_TEST_KIND_LABELS, DANISH_TEST_OUTCOME_LABELS } from '../../../core/labels.ts';
import { formatDate } from '../../../core/format.ts';
import type { DanishKind, DanishRecords, DanishView } from '../../../app/danish/danish.ts';
import { MAX_DANISH_RESULT, MAX_DANISH_TEXT } from '../../../domain/danish.ts';
import { formatMonthDa } from '../../../core/dates.ts';
import { html, type SafeHtml } from '../../html.ts';
import { casePage, type Subject } from '../casework/frame.ts';
import { csrfField, dateField, dateInput, radioGroup, selectField, textField, type FormState } from '../casework/form.ts';

/** URL segment of each kind under /deltagere/:id/dansk/. */
export const DANISH_PATHS: Record<DanishKind, string> = {
  kursus: 'kurser',
  fremmoede: 'fremmoede',
  proeve: 'proever',
  sprogmakker: 'sprogmakker',
};

const percent = (n: number) => `${n} %`;
const moduleText = (m: number | null) => (m === null ? '' : `modul ${m}`);

export function testText(t: DanishRecords['tests'][number]): string {
  return [DANISH_TEST_KIND_LABELS[t.kind], moduleText(t.module)].filter(Boolean).join(', ');
}

function actions(base: string, id: string, what: string): SafeHtml {
  return html`<a href="${base}/${id}">Ret<span class="sr-only"> ${what}</span></a> <a href="${base}/${id}/slet">Slet<span class="sr-only"> ${what}</span></a>`;
}

/** The section on her page: what she is taught, how she attends, what she passed, her sprogmakker. */
export function danishSection(v: DanishView): SafeHtml {
  const base = `/deltagere/${v.participant.id}/dansk`;
  const { courses, attendance, tests, buddies } = v.records;
  const b = v.buddyToday;
  // The page gives the section its one heading ("Dansk", as in her menu); its parts are h3 below it.
  return html`<div class="case-section" data-testid="danish-section">
    <p data-testid="danish-buddy"><strong>Sprogmakker i dag:</strong> ${b && b.buddyName ? html`${b.buddyName} <span class="meta">(fra ${formatDate(b.fromDate)})</span>` : 'Ingen'}</p>

    <h3>Danskuddannelse</h3>
    ${
      courses.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="danish-courses">
          <thead><tr><th scope="col">Uddannelse</th><th scope="col">Modul</th><th scope="col">Sprogcenter / udbyder</th><th scope="col">Periode</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${[...courses].reverse().map(
            (c) => html`<tr><td>${DANISH_EDUCATION_LABELS[c.education]}</td><td>${c.module}</td><td>${c.provider}</td>
            <td>${formatDate(c.startDate)}–${c.endDate ? formatDate(c.endDate) : ''}</td>
            <td>${actions(`${base}/kurser`, c.id, `${DANISH_EDUCATION_LABELS[c.education]} modul ${c.module} fra ${formatDate(c.startDate)}`)}</td></tr>`,
          )}</tbody>
        </table></div>`
        : html`<p>Intet danskforløb registreret.</p>`
    }
    <p><a href="${base}/kurser/ny">Registrer danskuddannelse og modul</a></p>

    <h3>Fremmøde pr. måned</h3>
    ${
      attendance.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="danish-attendance">
          <thead><tr><th scope="col">Måned</th><th scope="col" class="text-right">Fremmøde</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${[...attendance].reverse().map(
            (a) => html`<tr><td>${formatMonthDa(a.month)}</td><td class="text-right">${percent(a.percent)}</td>
            <td>${actions(`${base}/fremmoede`, a.id, `fremmøde ${formatMonthDa(a.month)}`)}</td></tr>`,
          )}</tbody>
        </table></div>`
        : html`<p>Intet fremmøde registreret.</p>`
    }
    <p><a href="${base}/fremmoede/ny">Registrer fremmøde for en måned</a></p>

    <h3>Prøver</h3>
    ${
      tests.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="danish-tests">
          <thead><tr><th scope="col">Dato</th><th scope="col">Prøve</th><th scope="col">Udfald</th><th scope="col">Resultat</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${[...tests].reverse().map(
            (
              t,
            ) => html`<tr><td>${formatDate(t.takenOn)}</td><td>${testText(t)}</td><td>${DANISH_TEST_OUTCOME_LABELS[t.outcome]}</td><td>${t.result ?? '–'}</td>
            <td>${actions(`${base}/proever`, t.id, `${testText(t)} ${formatDate(t.takenOn)}`)}</td></tr>`,
          )}</tbody>
        </table></div>`
        : html`<p>Ingen prøver registreret.</p>`
    }
    <p><a href="${base}/proever/ny">Registrer prøve</a></p>

    <h3>Sprogmakker</h3>
    ${
      buddies.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="danish-buddies">
          <thead><tr><th scope="col">Fra</th><th scope="col">Sprogmakker</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${[...buddies].reverse().map(
            (x) => html`<tr><td>${formatDate(x.fromDate)}</td><td>${x.buddyName ?? 'Ingen'}</td>
            <td>${actions(`${base}/sprogmakker`, x.id, `sprogmakker fra ${formatDate(x.fromDate)}`)}</td></tr>`,
          )}</tbody>
        </table></div>`
        : ''
    }
    <p><a href="${base}/sprogmakker/ny">Registrer sprogmakker (eller ingen)</a></p>
  </div>`;
}

/** A stored record as form values. */
export function danishValues(kind: DanishKind, r: Record<string, unknown>): Record<string, string> {
  const s = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  if (kind === 'kursus')
    return {
      education: s(r.education),
      module: s(r.module),
      provider: s(r.provider),
      startDate: dateInput(r.startDate as string),
      endDate: dateInput(r.endDate as string | null),
    };
  if (kind === 'fremmoede') {
    const [y, m] = String(r.month).split('-');
    return { month: `${m}-${y}`, percent: s(r.percent) };
  }
  if (kind === 'proeve')
    return { kind: s(r.kind), module: s(r.module), takenOn: dateInput(r.takenOn as string), outcome: s(r.outcome), result: s(r.result) };
  return { fromDate: dateInput(r.fromDate as string), hasBuddy: r.buddyName ? 'ja' : 'nej', buddyName: s(r.buddyName) };
}

const TITLES: Record<DanishKind, [string, string]> = {
  kursus: ['Ny danskuddannelse', 'Ret danskuddannelse'],
  fremmoede: ['Nyt fremmøde til dansk', 'Ret fremmøde til dansk'],
  proeve: ['Ny prøve i dansk', 'Ret prøve i dansk'],
  sprogmakker: ['Ny sprogmakker', 'Ret sprogmakker'],
};

const moduleOptions = DANISH_MODULES.map((m) => ({ value: String(m), label: `Modul ${m}` }));

function fields(kind: DanishKind, s: FormState): SafeHtml {
  if (kind === 'kursus') {
    return html`${radioGroup(s, { name: 'education', legend: 'Danskuddannelse', options: DANISH_EDUCATIONS.map((v) => ({ value: v, label: DANISH_EDUCATION_LABELS[v] })) })}
      ${selectField(s, { name: 'module', label: 'Modul', required: true, options: moduleOptions })}
      ${textField(s, { name: 'provider', label: 'Sprogcenter eller udbyder', required: true, hint: `Højst ${MAX_DANISH_TEXT} tegn.`, width: 'l' })}
      ${dateField(s, { name: 'startDate', label: 'Startdato', required: true })}
      ${dateField(s, { name: 'endDate', label: 'Slutdato', hint: 'Lad feltet stå tomt, mens modulet løber.' })}`;
  }
  if (kind === 'fremmoede') {
    return html`${textField(s, { name: 'month', label: 'Måned', required: true, hint: 'Skriv måneden som mm-åååå, fx 03-2026. Ikke en måned i fremtiden.', inputmode: 'numeric', width: 's' })}
      ${textField(s, { name: 'percent', label: 'Fremmøde i procent', required: true, hint: 'Et helt tal fra 0 til 100, som sprogcentret oplyser det.', inputmode: 'numeric', width: 'xs' })}`;
  }
  if (kind === 'proeve') {
    return html`${radioGroup(s, { name: 'kind', legend: 'Prøve', options: DANISH_TEST_KINDS.map((v) => ({ value: v, label: DANISH_TEST_KIND_LABELS[v] })) })}
      ${selectField(s, { name: 'module', label: 'Modul', conditional: true, hint: 'Skal udfyldes ved en modultest.', options: moduleOptions })}
      ${dateField(s, { name: 'takenOn', label: 'Dato for prøven', required: true })}
      ${radioGroup(s, { name: 'outcome', legend: 'Udfald', options: DANISH_TEST_OUTCOMES.map((v) => ({ value: v, label: DANISH_TEST_OUTCOME_LABELS[v] })) })}
      ${textField(s, { name: 'result', label: 'Resultat', conditional: true, hint: `Karakter eller point, fx 7 eller 10. Skal udfyldes, når prøven er bestået. Højst ${MAX_DANISH_RESULT} tegn.`, width: 's' })}`;
  }
  return html`${dateField(s, { name: 'fromDate', label: 'Fra og med', required: true })}
    ${radioGroup(s, {
      name: 'hasBuddy',
      legend: 'Har hun en sprogmakker?',
      options: [
        { value: 'ja', label: 'Ja' },
        { value: 'nej', label: 'Nej, ingen sprogmakker fra denne dato' },
      ],
    })}
    ${textField(s, { name: 'buddyName', label: 'Sprogmakkerens navn', conditional: true, hint: 'Skal udfyldes, når hun har en sprogmakker.', width: 'l' })}`;
}

export function danishFormPage(actor: Actor, csrf: string, subject: Subject, kind: DanishKind, s: FormState, recordId?: string) {
  const base = `/deltagere/${subject.id}/dansk/${DANISH_PATHS[kind]}`;
  const action = recordId ? `${base}/${recordId}` : base;
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: TITLES[kind][recordId ? 1 : 0],
    section: 'dansk',
    body: html`<form method="post" action="${action}" novalidate>
      ${csrfField(csrf)}
      ${fields(kind, s)}
      <button type="submit" class="button button-primary">Gem</button>
    </form>`,
  });
}
