/**
 * The Progression page's section on the projects' own instruments (issue 14 build 5): for each
 * version with scores, the mean change from first to latest score per dimension and in total,
 * per visitation group at enrolment — within one version only, as versions are not bridged.
 */
import type { CohortProgression } from '../../../app/casework/cohort-progression.ts';
import { VISITATION_LABELS } from '../../../core/labels.ts';
import { html } from '../../html.ts';

const num = (n: number | null) =>
  n === null ? '–' : (n > 0 ? '+' : '') + new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);

export function projectInstrumentProgression(items: CohortProgression['projectInstruments']) {
  if (items.length === 0) return '';
  return html`<h2 class="mt-8">Projektets egne måleredskaber</h2>
    <p>Hver version af et måleredskab vises for sig: udviklingen måles kun mellem målinger på samme version, da trinteksterne kan være ændret.
      Tallene er gennemsnitlig ændring fra første til seneste måling i forløbet, for borgere med mindst to målinger, fordelt på visitation ved indskrivning.</p>
    ${items.map(({ instrument, version, byVisitation: b }) => {
      const cols = [
        ...b.groups.map((g) => ({ label: VISITATION_LABELS[g.visitation], d: g.distance })),
        { label: 'Alle', d: b.all.distance },
      ];
      return html`<div class="table-wrap"><table class="table table--zebra" data-testid="cohort-${instrument.key}">
        <caption>${instrument.name}, skala ${version.scaleMin}–${version.scaleMax}</caption>
        <thead><tr><th scope="col">Dimension</th>${cols.map((c) => html`<th scope="col">${c.label} <span class="weight-normal">(${c.d.n} ${c.d.n === 1 ? 'borger' : 'borgere'})</span></th>`)}</tr></thead>
        <tbody>${instrument.dimensions.map((dim, i) => html`<tr><th scope="row">${dim.name}</th>${cols.map((c) => html`<td>${num(c.d.dimensions[i].meanChange)}</td>`)}</tr>`)}
          <tr><th scope="row">I alt</th>${cols.map((c) => html`<td>${num(c.d.meanTotalChange)}</td>`)}</tr></tbody>
      </table></div>`;
    })}`;
}
