/** Enrolment (visitation): CPR look-up, then the enrolment form for a new or known woman. */
import type { Actor } from '../../../core/actor.ts';
import type { EnrolOptions, FoundByCpr } from '../../../app/casework/enrol-participant.ts';
import { formatDate } from '../../../core/format.ts';
import { COUNTRIES } from '../../../domain/countries.ts';
import { FLERE_SKAL_MED_GROUPS, RECRUITMENT_CHANNELS, VISITATIONS } from '../../../core/codes.ts';
import { FLERE_SKAL_MED_LABELS, RECRUITMENT_CHANNEL_LABELS, VISITATION_LABELS } from '../../../core/labels.ts';
import { html } from '../../html.ts';
import type { UnmetCriterion } from '../../../domain/target-group.ts';
import { casePage, type Subject } from './frame.ts';
import { familyFields } from './family-form.ts';
import { csrfField, dateField, radioGroup, selectField, textArea, textField, type FormState } from './form.ts';

export function enrolSearchPage(actor: Actor, csrf: string, s: FormState, enrolled?: FoundByCpr) {
  return casePage({
    actor,
    csrf,
    state: s,
    title: 'Indskriv borger',
    path: '/indskrivning',
    body: html`${
      enrolled?.openEnrolment
        ? html`<div class="alert alert-info" role="status" data-testid="already-enrolled"><div class="alert-body">
          <h2 class="alert-heading h3">${enrolled.name} er allerede indskrevet i ${enrolled.openEnrolment.projectName}</h2>
          <p class="alert-text">Hun har været indskrevet siden ${formatDate(enrolled.openEnrolment.enrolledOn)}. Hun kan først indskrives igen, når forløbet er afsluttet.</p>
          <p class="alert-text"><a href="/deltagere/${enrolled.id}">Gå til ${enrolled.name}</a></p>
        </div></div>`
        : ''
    }
    <p>Søg borgeren frem på CPR-nummer. Findes hun ikke, opretter du hende i næste trin.</p>
    <form method="post" action="/indskrivning/soeg" novalidate>
      ${csrfField(csrf)}
      ${textField(s, { name: 'cpr', label: 'CPR-nummer', hint: '10 cifre, fx 010190-1234.', inputmode: 'numeric', width: 'm', required: true, autocomplete: 'off' })}
      <button type="submit" class="button button-primary">Find borger</button>
    </form>`,
  });
}

const countryOptions = [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name, 'da')).map((c) => ({ value: c.code, label: c.name }));

export interface EnrolFormModel {
  /** Known woman (re-enrolment) or undefined for a new one. */
  subject?: Subject;
  options: EnrolOptions;
  municipalities: { code: string; name: string }[];
  /** Shown when the CPR number fails the modulus-11 check. */
  mod11Warning: boolean;
  /** Target-group criteria she does not meet, as far as the form tells yet. */
  unmet: UnmetCriterion[];
}

function unmetAlert(unmet: UnmetCriterion[]) {
  if (unmet.length === 0) return html``;
  return html`<div class="alert alert-warning" data-testid="target-group"><div class="alert-body">
    <h2 class="alert-heading h3">Målgruppekontrol</h2>
    <ul class="alert-text">${unmet.map((u) => html`<li>${u.message}</li>`)}</ul>
    <p class="alert-text">Skriv en begrundelse nederst, hvis hun skal indskrives alligevel.</p>
  </div></div>`;
}

function mod11Alert() {
  return html`<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-text">
    CPR-nummeret består ikke modulus 11-kontrollen. Tjek nummeret – det kan stadig være gyldigt (numre uden kontrolciffer er udstedt siden 2007).
  </p></div></div>`;
}

export function enrolFormPage(actor: Actor, csrf: string, s: FormState, m: EnrolFormModel) {
  const action = m.subject ? `/deltagere/${m.subject.id}/indskriv` : '/indskrivning';
  return casePage({
    actor,
    csrf,
    state: s,
    subject: m.subject,
    title: m.subject ? 'Indskriv igen' : 'Indskriv ny borger',
    path: m.subject ? '/deltagere' : '/indskrivning',
    body: html`${m.mod11Warning ? mod11Alert() : ''}${unmetAlert(m.unmet)}
    ${s.values.kandidat ? html`<p data-testid="from-candidate">Indskrivning fra kandidatlisten: felterne er udfyldt med det, listen og opsøgningen ved. Tjek dem, og udfyld resten.</p>` : ''}
    <p>Målgruppen er kvinder på 18–64 år med ikke-vestlig oprindelse, som er på en ydelse eller selvforsørgende.
      Opfylder borgeren ikke kriterierne, skal du skrive en begrundelse for at indskrive hende alligevel.</p>
    <form method="post" action="${action}" novalidate>
      ${csrfField(csrf)}
      ${s.values.kandidat ? html`<input type="hidden" name="kandidat" value="${s.values.kandidat}">` : ''}
      ${
        m.subject
          ? ''
          : html`${textField(s, { name: 'cpr', label: 'CPR-nummer', inputmode: 'numeric', width: 'm', required: true, autocomplete: 'off' })}
          ${textField(s, { name: 'firstName', label: 'Fornavn', required: true, autocomplete: 'off' })}
          ${textField(s, { name: 'lastName', label: 'Efternavn', required: true, autocomplete: 'off' })}
          ${m.municipalities.length > 1 ? selectField(s, { name: 'municipalityCode', label: 'Kommune', options: m.municipalities.map((x) => ({ value: x.code, label: x.name })), required: true }) : ''}`
      }
      ${selectField(s, { name: 'countryOfOrigin', label: 'Oprindelsesland', options: countryOptions, required: true })}
      ${selectField(s, { name: 'projectId', label: 'Projekt', options: m.options.projects.map((p) => ({ value: String(p.id), label: p.name })), required: true })}
      ${dateField(s, { name: 'enrolmentDate', label: 'Indskrivningsdato', required: true })}
      ${radioGroup(s, { name: 'visitation', legend: 'Visitation', options: VISITATIONS.map((v) => ({ value: v, label: VISITATION_LABELS[v] })) })}
      ${selectField(s, { name: 'flereSkalMedGruppe', label: 'Flere skal med-gruppe', options: FLERE_SKAL_MED_GROUPS.map((g) => ({ value: String(g), label: FLERE_SKAL_MED_LABELS[g] })), placeholder: 'Ikke screenet' })}
      ${selectField(s, { name: 'recruitmentChannel', label: 'Rekrutteret via', options: RECRUITMENT_CHANNELS.map((c) => ({ value: c, label: RECRUITMENT_CHANNEL_LABELS[c] })), required: true })}
      ${selectField(s, { name: 'caseworkerId', label: 'Sagsbehandler', options: m.options.caseworkers.map((c) => ({ value: String(c.id), label: c.name })), required: true })}
      ${selectField(s, { name: 'consultantId', label: 'Virksomhedskonsulent', hint: 'Den, der har virksomhedsarbejdet: praktikker, job og opfølgning efter ansættelse. Kan vælges senere.', options: m.options.caseworkers.map((c) => ({ value: String(c.id), label: c.name })), placeholder: 'Ingen endnu' })}
      ${textArea(s, { name: 'overrideReason', label: 'Begrundelse, hvis målgruppekriterierne ikke er opfyldt', hint: 'Mindst 10 tegn.', rows: 3 })}
      ${familyFields(s, 'Familiesituation ved indskrivningen', 'Alle felter kan udfyldes senere på hendes side. Det, der står her, gælder fra indskrivningsdatoen.')}
      <button type="submit" class="button button-primary">Indskriv</button>
    </form>`,
  });
}
