/**
 * The company register's pages (issue 14): /virksomheder (list), the new/correct form, and a
 * company's page with its contact people, logged contacts, the women there now, the follow-ups
 * after hiring and its history.
 */
import type { Actor } from '../../../core/actor.ts';
import type { CompanyListRow, CompanyPage, PlacementView } from '../../../app/companies/companies.ts';
import { COMPANY_CONTACT_KINDS } from '../../../core/codes.ts';
import { ACTIVITY_STATUS_LABELS, COMPANY_CONTACT_KIND_LABELS } from '../../../core/labels.ts';
import { formatDateDa } from '../../../core/dates.ts';
import { findActivityType } from '../../../domain/activities.ts';
import { html, type SafeHtml } from '../../html.ts';
import { menuFormPage, menuPage, savedNotice } from '../../layout.ts';
import { csrfField, dateField, emptyState, errorSummary, radioGroup, selectField, textArea, textField } from '../casework/form.ts';
import type { FormState } from '../casework/form.ts';
import { casePage } from '../casework/frame.ts';
import type { HiringFollowUpView } from '../../../app/companies/companies.ts';

const typeName = (key: string) => findActivityType(key)?.name ?? key;
const period = (p: { startDate: string; endDate: string | null }) =>
  `${formatDateDa(p.startDate)}–${p.endDate ? formatDateDa(p.endDate) : ''}`;
const months = (m: number) => (m === 1 ? '1 måned' : `${m} måneder`);

const frame = (actor: Actor, csrf: string, title: string, body: SafeHtml, back?: { href: string; label: string }) =>
  menuPage('/virksomheder', actor, csrf, title, body, back);

export function companyListPage(actor: Actor, csrf: string, rows: CompanyListRow[], saved?: string) {
  return frame(
    actor,
    csrf,
    'Virksomheder',
    html`<h1>Virksomheder</h1>
    ${savedNotice(saved)}
    <p>Virksomheder, jobcentret samarbejder med. En virksomhed oprettes også, når en kvinde registreres i en praktik eller ansættelse med et nyt CVR-nummer.</p>
    <p><a class="button button-primary" href="/virksomheder/ny">Opret virksomhed</a></p>
    ${
      rows.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="companies">
          <caption class="sr-only">Virksomheder</caption>
          <thead><tr><th scope="col">Virksomhed</th><th scope="col">CVR</th><th scope="col">Branche</th><th scope="col" class="text-align-right">Kvinder nu</th>
            <th scope="col" class="text-align-right">Forløb i alt</th><th scope="col" class="text-align-right">Ansættelser</th><th scope="col">Seneste kontakt</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr><td><a href="/virksomheder/${r.id}">${r.name}</a></td><td>${r.cvr}</td><td>${r.industry ?? '–'}</td>
            <td class="text-align-right">${String(r.currentWomen)}</td><td class="text-align-right">${String(r.placements)}</td><td class="text-align-right">${String(r.hirings)}</td>
            <td>${r.lastContact ? formatDateDa(r.lastContact) : '–'}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>Der er ingen virksomheder endnu.</p>`
    }`,
  );
}

export function companyFormPage(actor: Actor, csrf: string, state: FormState, existing?: { id: string; name: string; cvr: string }) {
  const title = existing ? 'Ret virksomhed' : 'Opret virksomhed';
  return menuFormPage({
    path: '/virksomheder',
    actor,
    csrf,
    title,
    state,
    existing: existing && { id: existing.id, name: existing.name },
    list: 'virksomheder',
    fields: html`${
      existing
        ? html`<p>CVR-nummer: <strong>${existing.cvr}</strong> (et forkert CVR-nummer er en anden virksomhed: opret den og slet denne, hvis den ikke har forløb).</p>`
        : textField(state, {
            name: 'cvr',
            label: 'CVR-nummer',
            hint: '8 cifre, fx 31000012.',
            inputmode: 'numeric',
            width: 's',
            required: true,
          })
    }
      ${textField(state, { name: 'name', label: 'Navn', required: true, width: 'l' })}
      ${textField(state, { name: 'address', label: 'Adresse', width: 'l' })}
      ${textField(state, { name: 'industry', label: 'Branche', hint: 'Fx rengøring, ældrepleje, detail.', width: 'm' })}
      ${textArea(state, { name: 'notes', label: 'Noter', hint: 'Højst 2000 tegn. Skriv ikke følsomme oplysninger om borgere her.' })}`,
  });
}

export interface CompanyPageForms {
  person?: FormState;
  contact?: FormState;
  saved?: string;
  error?: string;
}

function checkpointText(p: PlacementView): SafeHtml {
  return html`<ul class="nobullet-list">${p.checkpoints.map((c) => {
    const text =
      c.state === 'udfoert'
        ? c.stillEmployed
          ? 'stadig ansat'
          : 'ikke længere ansat'
        : c.state === 'mangler'
          ? c.deadline < c.date
            ? 'mangler'
            : `mangler (frist ${formatDateDa(c.deadline)})`
          : c.state === 'kommende'
            ? `den ${formatDateDa(c.date)}`
            : 'bortfaldet (ansættelsen sluttede før)';
    return html`<li>Efter ${months(c.months)}: ${text}</li>`;
  })}</ul>`;
}

/** Her name and a link to her case where she consented to the company knowing her; otherwise she stays anonymous here. */
const who = (p: PlacementView) =>
  p.firstName === null
    ? html`<span data-testid="without-consent">Borger uden samtykke</span>`
    : html`<a href="/deltagere/${p.participantId}">${p.firstName} ${p.lastName}</a>`;

// Long because it is one HTML template: the company's page with its placements, hirings, contact persons,
// contacts and the forms for each, in the order the page shows them.
export function companyPage(actor: Actor, csrf: string, d: CompanyPage, forms: CompanyPageForms = {}) {
  const c = d.company;
  const current = d.placements.filter((p) => p.current);
  const hirings = d.placements.filter(
    (p) =>
      p.hiring &&
      p.startDate <= d.today &&
      p.checkpoints.some((k) => k.state === 'mangler' || k.state === 'kommende') &&
      !p.followUps.some((f) => !f.stillEmployed),
  );
  // Only women who consented are named, and followed up with the company; the rest from their own page.
  const anonymousHirings = hirings.filter((p) => p.firstName === null).length;
  const namedHirings = hirings.filter((p) => p.firstName !== null);
  const person = forms.person ?? emptyState();
  const contact = forms.contact ?? emptyState({ occurredOn: formatDateDa(d.today) });
  const personFields = html`${textField(person, { name: 'name', label: 'Navn', required: true, width: 'l' })}
    ${textField(person, { name: 'title', label: 'Stilling', width: 'm' })}
    ${textField(person, { name: 'phone', label: 'Telefon', inputmode: 'text', autocomplete: 'off', width: 'm' })}
    ${textField(person, { name: 'email', label: 'E-mail', autocomplete: 'off', width: 'l' })}`;
  const contactFields = html`${dateField(contact, { name: 'occurredOn', label: 'Dato', required: true })}
    ${selectField(contact, { name: 'kind', label: 'Slags kontakt', required: true, options: COMPANY_CONTACT_KINDS.map((k) => ({ value: k, label: COMPANY_CONTACT_KIND_LABELS[k] })) })}
    ${textArea(contact, { name: 'note', label: 'Note', rows: 3, hint: 'Højst 2000 tegn.' })}`;
  const del = (action: string, what: string) =>
    html`<form method="post" action="${action}" class="inline-form">${csrfField(csrf)}<button type="submit" class="button button-secondary button-small">Slet<span class="sr-only"> ${what}</span></button></form>`;

  return frame(
    actor,
    csrf,
    c.name,
    html`<h1>${c.name} <span class="h1-sub">CVR ${c.cvr}</span></h1>
    ${savedNotice(forms.saved)}
    ${forms.error ? html`<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${forms.error}</p></div></div>` : ''}
    <dl class="dl-horizontal" data-testid="company-facts">
      <dt>Adresse</dt><dd>${c.address ?? '–'}</dd>
      <dt>Branche</dt><dd>${c.industry ?? '–'}</dd>
      <dt>Noter</dt><dd>${c.notes ?? '–'}</dd>
    </dl>
    <p><a href="/virksomheder/${c.id}/ret">Ret virksomheden</a></p>

    <h2>Kvinder i virksomheden nu</h2>
    ${
      current.length
        ? html`<ul data-testid="current-women">${current.map((p) => html`<li>${who(p)} – ${typeName(p.typeKey)}, ${period(p)}${p.hoursPerWeek ? `, ${String(p.hoursPerWeek).replace('.', ',')} timer/uge` : ''}${p.consultantName ? html` <span class="meta">(virksomhedskonsulent: ${p.consultantName})</span>` : ''}</li>`)}</ul>`
        : html`<p>Ingen kvinder i virksomheden i dag.</p>`
    }

    <h2 id="opfoelgning">Opfølgning på ansættelser</h2>
    <p>Er hun der stadig efter 1, 3 og 6 måneder? En opfølgning, der mangler mere end 14 dage efter datoen, giver et varsel under Mine borgere.</p>
    ${
      namedHirings.length
        ? namedHirings.map(
            (p) => html`<div class="follow-up" data-testid="follow-up">
          <h3 class="h4">${p.firstName} ${p.lastName} – ${typeName(p.typeKey)} fra ${formatDateDa(p.startDate)}</h3>
          ${p.consultantName ? html`<p class="meta">Virksomhedskonsulent: ${p.consultantName}</p>` : ''}
          ${checkpointText(p)}
          ${p.followUps.map(
            (
              f,
            ) => html`<p class="meta">Registreret efter ${months(f.checkpointMonths)}: ${f.stillEmployed ? 'stadig ansat' : 'ikke længere ansat'} (${formatDateDa(f.checkedOn)})${f.note ? ` – ${f.note}` : ''}
            ${del(`/deltagere/${p.participantId}/opfoelgninger/${f.id}/slet`, `opfølgning efter ${months(f.checkpointMonths)} for ${p.firstName} ${p.lastName}`)}</p>`,
          )}
          <p><a href="/deltagere/${p.participantId}/aktiviteter/${p.activityId}/opfoelgning">Registrér opfølgning<span class="sr-only"> for ${p.firstName} ${p.lastName}</span></a></p>
        </div>`,
          )
        : anonymousHirings
          ? ''
          : html`<p>Ingen ansættelser venter på opfølgning.</p>`
    }
    ${anonymousHirings ? html`<p data-testid="follow-up-without-consent">${anonymousHirings === 1 ? '1 ansættelse' : `${anonymousHirings} ansættelser`} uden samtykke til, at virksomheden får oplysninger om hende: følg op med hende selv fra hendes sag.</p>` : ''}

    <h2>Kontaktpersoner</h2>
    ${
      d.contactPersons.length
        ? html`<ul data-testid="contact-persons">${d.contactPersons.map(
            (
              k,
            ) => html`<li>${k.name}${k.title ? `, ${k.title}` : ''}${k.phone ? html` · tlf. ${k.phone}` : ''}${k.email ? html` · ${k.email}` : ''}
          ${del(`/virksomheder/${c.id}/kontaktpersoner/${k.id}/slet`, `kontaktperson ${k.name}`)}</li>`,
          )}</ul>`
        : html`<p>Ingen kontaktpersoner.</p>`
    }
    <details class="details"${forms.person ? html` open` : ''}><summary class="details-summary">Tilføj kontaktperson</summary><div class="details-text">
      ${errorSummary(person, personFields)}
      <form method="post" action="/virksomheder/${c.id}/kontaktpersoner" novalidate>${csrfField(csrf)}${personFields}
        <button type="submit" class="button button-primary">Tilføj kontaktperson</button></form>
    </div></details>

    <h2>Kontakter og besøg</h2>
    ${
      d.contacts.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="company-contacts">
          <caption class="sr-only">Kontakter og besøg</caption>
          <thead><tr><th scope="col">Dato</th><th scope="col">Slags</th><th scope="col">Note</th><th scope="col">Registreret af</th><th scope="col">Slet</th></tr></thead>
          <tbody>${d.contacts.map(
            (
              k,
            ) => html`<tr><td>${formatDateDa(k.occurredOn)}</td><td>${COMPANY_CONTACT_KIND_LABELS[k.kind]}</td><td>${k.note ?? ''}</td><td>${k.createdByName ?? '–'}</td>
            <td>${del(`/virksomheder/${c.id}/kontakter/${k.id}/slet`, `${COMPANY_CONTACT_KIND_LABELS[k.kind].toLowerCase()} ${formatDateDa(k.occurredOn)}`)}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>Ingen kontakter registreret.</p>`
    }
    <details class="details"${forms.contact ? html` open` : ''}><summary class="details-summary">Registrér kontakt eller besøg</summary><div class="details-text">
      ${errorSummary(contact, contactFields)}
      <form method="post" action="/virksomheder/${c.id}/kontakter" novalidate>${csrfField(csrf)}${contactFields}
        <button type="submit" class="button button-primary">Registrér kontakt</button></form>
    </div></details>

    <h2>Historik</h2>
    ${
      d.placements.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="placements">
          <caption class="sr-only">Alle forløb i virksomheden</caption>
          <thead><tr><th scope="col">Borger</th><th scope="col">Forløb</th><th scope="col">Periode</th><th scope="col">Status</th><th scope="col">Virksomhedskonsulent</th></tr></thead>
          <tbody>${d.placements.map(
            (p) => html`<tr><td>${who(p)}</td><td>${typeName(p.typeKey)}</td>
            <td>${period(p)}</td><td>${ACTIVITY_STATUS_LABELS[p.status]}</td><td>${p.consultantName ?? '–'}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>Ingen forløb i virksomheden endnu.</p>
        <form method="post" action="/virksomheder/${c.id}/slet">${csrfField(csrf)}<button type="submit" class="button button-secondary">Slet virksomheden</button></form>`
    }`,
    { href: '/virksomheder', label: 'Tilbage til virksomheder' },
  );
}

/** The follow-up form for one hiring of hers: which checkpoint, when, still employed or not. */
export function followUpPage(actor: Actor, csrf: string, v: HiringFollowUpView, state: FormState) {
  const who = `${v.participant.firstName} ${v.participant.lastName}`;
  const body = html`<p>${typeName(v.activity.typeKey)} ${v.activity.provider ? html`hos ${v.activity.companyId ? html`<a href="/virksomheder/${v.activity.companyId}">${v.activity.provider}</a>` : v.activity.provider}` : ''} fra ${formatDateDa(v.activity.startDate)}.</p>
    ${checkpointText({ checkpoints: v.checkpoints } as PlacementView)}
    <form method="post" action="/deltagere/${v.participant.id}/aktiviteter/${v.activity.id}/opfoelgning" novalidate>
      ${csrfField(csrf)}
      ${selectField(state, {
        name: 'checkpointMonths',
        label: 'Opfølgning',
        required: true,
        options: v.checkpoints.map((c) => ({ value: String(c.months), label: `Efter ${months(c.months)} (${formatDateDa(c.date)})` })),
      })}
      ${dateField(state, { name: 'checkedOn', label: 'Fulgt op den', required: true })}
      ${radioGroup(state, {
        name: 'stillEmployed',
        legend: `Er ${who} stadig ansat?`,
        options: [
          { value: 'ja', label: 'Ja, stadig ansat' },
          { value: 'nej', label: 'Nej, ikke længere ansat' },
        ],
      })}
      ${textArea(state, { name: 'note', label: 'Note', rows: 3, hint: 'Højst 2000 tegn.' })}
      <button type="submit" class="button button-primary">Gem opfølgning</button>
      <a class="button button-secondary" href="${v.activity.companyId ? `/virksomheder/${v.activity.companyId}` : `/deltagere/${v.participant.id}`}">Fortryd</a>
    </form>`;
  return casePage({ actor, csrf, title: 'Opfølgning på ansættelse', subject: v.participant, state, body, path: '/virksomheder' });
}

/** The form's starting values: the first checkpoint still open, checked today. */
export function followUpDefaults(v: HiringFollowUpView, today: string): FormState {
  const next = v.checkpoints.find((c) => c.state === 'mangler' || c.state === 'kommende');
  return emptyState({ checkpointMonths: next ? String(next.months) : '', checkedOn: formatDateDa(today) });
}
