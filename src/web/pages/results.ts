/** The register-based results page: targets, durable employment, status, groups, monthly series. */
import type { Actor } from '../../core/actor.ts';
import type { ResultsView, Vintage } from '../../app/register/monitor-results.ts';
import { percent, publishedComparison } from '../../app/register/published-comparison.ts';
import type { GroupResult } from '../../monitoring/types.ts';
import { PUBLISHED_FIGURES } from '../../reference/published.ts';
import { formatDate, formatDateTime, formatMonth, formatPeriod, formatWeek } from '../../core/format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { showCount, showShare } from '../monitoring-labels.ts';

import {
  AGE_LABELS,
  DURABLE_LABELS,
  LEVEL_LABELS,
  SHORT_LEVEL,
  SNAPSHOT_LABELS,
  VISITATION_SHORT_LABELS,
  labelOf,
} from '../../core/labels.ts';
import { monthFields } from './steering/month-form.ts';
const pctFmt = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

function groupTable(caption: string, groups: Record<string, GroupResult>, label: (k: string) => string, testid: string) {
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="${testid}">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Gruppe</th><th scope="col" class="text-right">Deltagere</th>
      <th scope="col" class="text-right">Mål 1</th><th scope="col" class="text-right">Mål 2</th><th scope="col" class="text-right">Mål 3</th>
      <th scope="col" class="text-right">Mål 1 eller 2</th><th scope="col" class="text-right">Andel mål 1 eller 2</th></tr></thead>
    <tbody>${Object.entries(groups).map(
      ([k, g]) => html`<tr><th scope="row">${label(k)}</th><td class="text-right">${showCount(g.n)}</td>
        <td class="text-right">${showCount(g.accumulated['1'])}</td><td class="text-right">${showCount(g.accumulated['2'])}</td>
        <td class="text-right">${showCount(g.accumulated['3'])}</td><td class="text-right">${showCount(g.accumulated['1_or_2'])}</td>
        <td class="text-right">${showShare(g.accumulated['1_or_2'], g.n)}</td></tr>`,
    )}</tbody></table></div>`;
}

const KIND_TEXT: Record<string, string> = { ydelser: 'ydelser', loentimer: 'løntimer', kodetabel: 'kodetabel' };

/** Which deliveries the figures rest on, and a choice to recompute as of an earlier one. */
function deliveries(v: ResultsView, all: Vintage | undefined) {
  const used = v.vintage.deliveries;
  const choices = all?.deliveries ?? used;
  return html`<details class="details" data-testid="deliveries"><summary class="details-summary">Beregnet på ${used.length} leverancer${v.vintage.asOfBatch !== null ? html` (til og med parti ${v.vintage.asOfBatch})` : ''}</summary>
    <div class="details-text">
      <ul class="nobullet-list">${used.map((d) => html`<li>Parti ${d.id}: ${d.fileName} (${KIND_TEXT[d.kind]}${d.periodFrom ? `, ${formatPeriod(d.periodFrom, d.periodTo)}` : ''}), indlæst ${formatDate(d.importedAt.toISOString())}</li>`)}</ul>
      ${choices.length > 1 ? html`<p>Vælg en tidligere leverance for at se tallene, som de var, før senere leverancer rettede dem.</p>` : ''}
    </div></details>
    ${
      choices.length > 1
        ? html`<div class="form-group"><label class="form-label" for="parti">Beregn på leverancer til og med</label>
      <select class="form-select" id="parti" name="parti">
        <option value="">Alle (nyeste data)</option>
        ${choices.map((d) => html`<option value="${d.id}"${v.vintage.asOfBatch === d.id ? ' selected' : ''}>Parti ${d.id}: ${d.fileName}</option>`)}
      </select></div>`
        : ''
    }`;
}

// Long because it is one HTML template: the results page's choice of data, the tables by group and the
// comparison with the published figures, in the order the page shows them.
export function resultsPage(
  actor: Actor,
  csrf: string,
  v: ResultsView,
  req: { month: string; durableMonth: string; snapshotMonth: string },
  allDeliveries?: Vintage,
) {
  const r = v.result;
  const all = r.groups.all;
  const comparison = publishedComparison(r);
  const scopeText =
    v.scope === 'national'
      ? `Alle kommuner. Tal under ${r.suppress} vises som «<${r.suppress}», og tal, der ville afsløre dem, som «x».`
      : `${actor.municipalityNames.join(' og ')}: kommunens egne deltagere.`;
  return page(
    { title: 'Resultater', actor, csrf, path: '/resultater', heading: 'Resultater fra registerdata' },
    html`<p class="meta" data-testid="vintage">Definition ${r.definition} · ${scopeText}<br>
        Data: ydelser til og med ${formatWeek(v.vintage.lastWeek)}, løntimer til og med ${formatMonth(v.vintage.lastMonth)}
        ${v.vintage.importedAt ? html`· senest indlæst ${formatDate(v.vintage.importedAt.toISOString())}` : ''}</p>
      ${
        v.stale && v.computedAt
          ? html`<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">Nye data er
        ved at blive beregnet. Siden viser beregningen fra ${formatDateTime(v.computedAt)};
        genindlæs siden om lidt.</p></div></div>`
          : ''
      }
      <form method="get" action="/resultater" class="search-row">
        ${monthFields(req)}
        ${deliveries(v, allDeliveries)}
        <button class="button button-secondary" type="submit">Beregn</button>
      </form>

      <h2>Bedste niveau i projektperioden</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="accumulated">
        <caption>Akkumuleret til og med ${formatMonth(r.month)}: hver kvinde tælles én gang under sit bedste niveau. Nævner: ${showCount(all.n)} deltagere.</caption>
        <thead><tr><th scope="col">Niveau</th><th scope="col" class="text-right">Antal</th><th scope="col" class="text-right">Andel</th>
          <th scope="col" class="text-right">Aktive i ${formatMonth(r.month)}</th></tr></thead>
        <tbody>${(['1', '2', '3', '0', '1_or_2'] as const).map(
          (k) => html`<tr><th scope="row">${LEVEL_LABELS[k]}</th><td class="text-right">${showCount(all.accumulated[k])}</td>
            <td class="text-right">${showShare(all.accumulated[k], all.n)}</td>
            <td class="text-right">${k === '1_or_2' ? '' : showCount(all.current[k])}</td></tr>`,
        )}</tbody>
      </table></div>

      <h2>Varig beskæftigelse i ${formatMonth(r.durableMonth)}</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="durable">
        <caption>Varig beskæftigelse (tre måneder i træk inden for seks måneder) efter bedste niveau</caption>
        <thead><tr><th scope="col">Bedste niveau</th><th scope="col" class="text-right">Kvinder</th>
          ${(['full', 'partial', 'none'] as const).map((d) => html`<th scope="col" class="text-right">${DURABLE_LABELS[d]}</th>`)}</tr></thead>
        <tbody>${(['1', '2', '3', '0'] as const).map(
          (k) => html`<tr><th scope="row">${SHORT_LEVEL[k]}</th><td class="text-right">${showCount(all.accumulated[k])}</td>
            ${(['full', 'partial', 'none'] as const).map(
              (d) =>
                html`<td class="text-right">${showCount(all.durableByAccumulated[k][d])} (${showShare(all.durableByAccumulated[k][d], all.accumulated[k])})</td>`,
            )}</tr>`,
        )}</tbody>
      </table></div>

      <h2>Status ultimo ${formatMonth(r.snapshotMonth)}</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="snapshot">
        <caption>Status i den sidste uge af ${formatMonth(r.snapshotMonth)} og månedens løntimer. Nævner: ${showCount(all.n)} deltagere.</caption>
        <thead><tr><th scope="col">Status</th><th scope="col" class="text-right">Antal</th><th scope="col" class="text-right">Andel</th></tr></thead>
        <tbody>${Object.entries(all.snapshot).map(
          ([k, c]) =>
            html`<tr><th scope="row">${SNAPSHOT_LABELS[k] ?? k}</th><td class="text-right">${showCount(c)}</td><td class="text-right">${showShare(c, all.n)}</td></tr>`,
        )}</tbody>
      </table></div>

      <h2>Grupper</h2>
      ${groupTable('Efter kommune', r.groups.kommune, (k) => k, 'by-kommune')}
      ${groupTable('Efter visitationskategori ved indskrivning', r.groups.visitation, (k) => labelOf(VISITATION_SHORT_LABELS, k), 'by-visitation')}
      ${groupTable('Efter alder ved indskrivning', r.groups.alder, (k) => AGE_LABELS[k] ?? `${k.replace('-', '–')} år`, 'by-age')}
      ${groupTable('Efter indskrivningsår', r.groups.aar, (k) => k, 'by-year')}

      <h2>Sammenlignet med SIRI's evaluering</h2>
      <p>${PUBLISHED_FIGURES.source} Evalueringen omfattede ${PUBLISHED_FIGURES.participants} kvinder med rapportmåned ${formatMonth(PUBLISHED_FIGURES.reportMonth)}
        og status ultimo februar 2023.</p>
      <div class="table-wrap"><table class="table table--zebra" data-testid="published">
        <caption>Beregnet her og offentliggjort af SIRI</caption>
        <thead><tr><th scope="col">Tal</th><th scope="col">Nævner</th><th scope="col" class="text-right">Beregnet</th>
          <th scope="col" class="text-right">Offentliggjort</th></tr></thead>
        <tbody>${comparison.map((c) => {
          const p = percent(c.count, c.denominator);
          return html`<tr><th scope="row">${c.figure.label}</th><td>${c.figure.denominator} (${showCount(c.denominator)})</td>
            <td class="text-right">${p === null ? '–' : `${pctFmt.format(p)} %`} (${showCount(c.count)})</td>
            <td class="text-right">${c.figure.value} %</td></tr>`;
        })}</tbody>
      </table></div>

      <h2>Måned for måned</h2>
      <div class="table-wrap"><table class="table table--zebra table--compact" data-testid="series">
        <caption>Status i måneden (aktive) og akkumuleret til og med måneden (indskrevne)</caption>
        <thead><tr><th scope="col">Måned</th><th scope="col" class="text-right">Aktive</th>
          <th scope="col" class="text-right">Mål 1</th><th scope="col" class="text-right">Mål 2</th><th scope="col" class="text-right">Mål 3</th>
          <th scope="col" class="text-right">Indskrevne i alt</th><th scope="col" class="text-right">Akk. mål 1 eller 2</th></tr></thead>
        <tbody>${r.series.map(
          (s) => html`<tr><th scope="row">${formatMonth(s.month)}</th><td class="text-right">${showCount(s.active)}</td>
            <td class="text-right">${showCount(s.current['1'])}</td><td class="text-right">${showCount(s.current['2'])}</td>
            <td class="text-right">${showCount(s.current['3'])}</td><td class="text-right">${showCount(s.enrolled)}</td>
            <td class="text-right">${showCount(s.accumulated['1_or_2'])} (${showShare(s.accumulated['1_or_2'], s.enrolled)})</td></tr>`,
        )}</tbody>
      </table></div>`,
  );
}
