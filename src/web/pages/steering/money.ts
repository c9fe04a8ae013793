/** /styring/oekonomi: the project's grant, own financing, budget per line and year, spending per half-year, and the history of every entry. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import type { ProjectMoney } from '../../../app/steering/project-money.ts';
import { MONEY_KIND_LABELS, MONEY_KINDS, halfYearText, type MoneyEntry, type MoneySummary } from '../../../domain/project-money.ts';
import { html } from '../../html.ts';
import { showKroner, showKronerOere } from '../../effect-money.ts';
import { csrfField, errorSummary, selectField, textField, type FormState } from '../casework/form.ts';
import { steeringPage, withProject } from './frame.ts';
import { formatDateTime } from '../../../core/format.ts';

function whereOf(e: Pick<MoneyEntry, 'kind' | 'line' | 'year' | 'half'>): string {
  if (e.kind === 'forbrug') return `${e.line}, ${halfYearText(`${e.year}-${e.half}`)}`;
  if (e.kind === 'budget') return `${e.line}, ${e.year}`;
  return '';
}

/** Budget against spending (on Styring and this page). */
export function moneyTable(m: MoneySummary, testId = 'money-lines') {
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="${testId}">
    <caption>Budget og forbrug pr. budgetlinje og år${m.spentUntil ? ` (forbrug indtastet til og med ${halfYearText(m.spentUntil)})` : ''}</caption>
    <thead><tr><th scope="col">Budgetlinje</th><th scope="col">År</th><th scope="col" class="text-right">Budget</th><th scope="col" class="text-right">Forbrug</th><th scope="col" class="text-right">Tilbage</th></tr></thead>
    <tbody>${
      m.lines.length
        ? m.lines.map(
            (
              r,
            ) => html`<tr><th scope="row">${r.line}</th><td>${r.year}</td><td class="text-right">${showKroner(r.budget)}</td><td class="text-right">${showKroner(r.spent)}</td>
          <td class="text-right">${r.left !== null && r.left < 0 ? html`<strong>${showKroner(r.left)}</strong> (overskredet)` : showKroner(r.left)}</td></tr>`,
          )
        : html`<tr><td colspan="5">Der er ikke indtastet budget eller forbrug endnu.</td></tr>`
    }</tbody>
    <tfoot><tr><th scope="row">I alt</th><td></td><td class="text-right">${showKroner(m.budgetTotal)}</td><td class="text-right">${showKroner(m.spentTotal)}</td>
      <td class="text-right">${showKroner(m.budgetTotal - m.spentTotal)}</td></tr></tfoot>
  </table></div>`;
}

/** One line with the grant, own financing, budget and spending (the Styring overview). */
export function moneyOverview(m: MoneySummary): string {
  const parts = [
    `Bevilling fra SIRI: ${showKroner(m.grant)}`,
    `egenfinansiering: ${showKroner(m.ownFinancing)}`,
    `budget i alt: ${showKroner(m.budgetTotal)}`,
    `forbrug i alt: ${showKroner(m.spentTotal)}${m.spentUntil ? ` (til og med ${halfYearText(m.spentUntil)})` : ''}`,
  ];
  return `${parts.join(' · ')}.`;
}

export function moneyPage(actor: Actor, csrf: string, choice: ProjectChoice, money: ProjectMoney, s: FormState, saved = false) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  const m = money.summary;
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/oekonomi',
    title: 'Økonomi',
    body: html`<h1>Økonomi: budget og forbrug</h1>
      ${saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Beløbet er gemt. Den tidligere værdi står i historikken nedenfor.</p></div></div>` : ''}
      <p data-testid="money-overview">${moneyOverview(m)}</p>
      ${moneyTable(m)}
      <p>Investeringscasen på siden ${leader ? html`<a href="${withProject('/effekt', pid)}">Effekt</a>` : 'Effekt'} regner projektets omkostning som forbruget til dato; er der intet forbrug, budgettet; ellers bevilling og egenfinansiering.</p>
      ${
        leader
          ? html`<h2>Indtast eller ret et beløb</h2>
      <p>Skriv et nyt beløb for at rette et tidligere; lad beløbet stå tomt for at fjerne det. Alle ændringer gemmes i historikken.</p>
      ${errorSummary(s)}
      <form method="post" action="${withProject('/styring/oekonomi', pid)}" novalidate data-testid="money-form">
        ${csrfField(csrf)}
        ${selectField(s, { name: 'kind', label: 'Hvad er beløbet?', required: true, options: MONEY_KINDS.map((k) => ({ value: k, label: MONEY_KIND_LABELS[k] })) })}
        ${textField(s, { name: 'line', label: 'Budgetlinje', hint: 'Som i budgetskemaet, fx «Løn til projektmedarbejdere». Kun ved budget og forbrug.', conditional: true, width: 'l' })}
        ${textField(s, { name: 'year', label: 'År', hint: 'Kun ved budget og forbrug, fx 2021.', conditional: true, inputmode: 'numeric', width: 'xs' })}
        ${selectField(s, {
          name: 'half',
          label: 'Halvår',
          hint: 'Kun ved forbrug.',
          conditional: true,
          options: [
            { value: '1', label: 'Første halvår (januar–juni)' },
            { value: '2', label: 'Andet halvår (juli–december)' },
          ],
        })}
        ${textField(s, { name: 'amount', label: 'Beløb i kroner', hint: 'Fx 1.250.000. Tomt fjerner beløbet.', conditional: true, inputmode: 'decimal', width: 's' })}
        ${textField(s, { name: 'note', label: 'Bemærkning', width: 'l' })}
        <button class="button button-primary" type="submit">Gem beløb</button>
      </form>`
          : ''
      }
      <h2>Historik</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="money-history">
        <caption>Alle indtastninger, nyeste først. Den nyeste indtastning for en post gælder.</caption>
        <thead><tr><th scope="col">Tidspunkt</th><th scope="col">Post</th><th scope="col">Budgetlinje og periode</th><th scope="col" class="text-right">Beløb</th><th scope="col">Bemærkning</th><th scope="col">Indtastet af</th></tr></thead>
        <tbody>${
          money.entries.length
            ? [...money.entries].reverse().map(
                (e) => html`<tr><td>${formatDateTime(e.enteredAt)}</td><td>${MONEY_KIND_LABELS[e.kind]}</td><td>${whereOf(e)}</td>
              <td class="text-right">${e.amount === null ? 'Fjernet' : showKronerOere(e.amount)}</td><td>${e.note ?? ''}</td><td>${e.enteredByName}</td></tr>`,
              )
            : html`<tr><td colspan="6">Ingen indtastninger endnu.</td></tr>`
        }</tbody>
      </table></div>`,
  });
}
