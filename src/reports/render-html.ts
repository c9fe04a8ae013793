/** HTML renderer: sections with charts (inline SVG, CSP-safe) and the data table beside each. */
import { html, raw, type SafeHtml } from '../web/html.ts';
import { renderChartSvg } from './chart-svg.ts';
import { cellText, isNumeric, stamp } from './format.ts';
import { chartHasData, EMPTY_CHART_TEXT, type Chart, type Report, type Section, type Table } from './model.ts';

/** The distinct reasons of a table's suppressed cells, numbered in reading order. */
function reasonNumbers(t: Table): Map<string, number> {
  const n = new Map<string, number>();
  for (const row of t.rows) for (const c of row) if (c.reason && !n.has(c.reason)) n.set(c.reason, n.size + 1);
  return n;
}

export function tableHtml(t: Table): SafeHtml {
  const notes = reasonNumbers(t);
  const mark = (c: Table['rows'][number][number]) => (c.reason
    ? html` <sup><a href="#note-${t.id}-${notes.get(c.reason)}" class="suppression-mark">${notes.get(c.reason)}<span class="sr-only"> – hvorfor tallet er skjult</span></a></sup>`
    : '');
  // A wide table scrolls on its own: keyboard users reach it (tabindex) and hear what it is (region label).
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t.caption}"><table class="table table--zebra table--compact" id="tabel-${t.id}" data-testid="tabel-${t.id}">
    <caption>${t.caption}</caption>
    <thead><tr>${t.columns.map((c, i) => html`<th scope="col"${i > 0 && t.rows[0] && isNumeric(t.rows[0][i]) ? html` class="text-right"` : ''}>${c}</th>`)}</tr></thead>
    <tbody>${t.rows.length === 0
      ? html`<tr><td colspan="${t.columns.length}">Ingen data endnu.</td></tr>`
      : t.rows.map((row) => html`<tr>${row.map((c, i) => (i === 0
        ? html`<th scope="row">${cellText(c)}</th>`
        : html`<td${c.kind === 'count' ? html` class="text-right count"` : isNumeric(c) ? html` class="text-right"` : ''}>${c.tone ? html`<span class="status status--${c.tone}">${cellText(c)}</span>` : cellText(c)}${mark(c)}</td>`))}</tr>`)}</tbody>
  </table></div>${t.note ? html`<p class="meta">${t.note}</p>` : ''}${notes.size ? html`<ol class="meta suppression-notes" data-testid="skjult-${t.id}" aria-label="Hvorfor tal i tabellen «${t.caption}» er skjult">${[...notes].map(([reason, k]) => html`<li id="note-${t.id}-${k}" value="${k}">${reason}</li>`)}</ol>` : ''}`;
}

export function chartHtml(c: Chart, table?: Table): SafeHtml {
  if (!chartHasData(c)) return html`<p class="meta chart-empty" data-testid="graf-${c.id}-tom">${EMPTY_CHART_TEXT(c)}</p>`;
  return html`<figure class="chart" data-testid="graf-${c.id}">
    ${raw(renderChartSvg(c))}
    <figcaption>${c.title}. ${table ? html`Tallene står i tabellen «${table.caption}».` : ''}</figcaption>
  </figure>`;
}

export function sectionHtml(s: Section, level: 2 | 3 = 2): SafeHtml {
  const tables = new Map((s.tables ?? []).map((t) => [t.id, t]));
  const shown = new Set<string>();
  const h = level === 2 ? html`<h2>${s.heading}</h2>` : html`<h3>${s.heading}</h3>`;
  return html`<section class="report-section">${h}
    ${(s.paragraphs ?? []).map((p) => html`<p>${p}</p>`)}
    ${s.freeText !== undefined ? html`<div class="report-text">${s.freeText ? s.freeText.split(/\n{2,}/).map((p) => html`<p>${p}</p>`) : html`<p class="meta">Afsnittet er ikke skrevet endnu.</p>`}</div>` : ''}
    ${(s.charts ?? []).map((c) => {
      const t = tables.get(c.tableId);
      const wide = t && t.columns.length > 5 ? ' chart-with-table--stacked' : '';
      const both = html`<div class="chart-with-table${wide}">${chartHtml(c, t)}${t && !shown.has(t.id) ? tableHtml(t) : ''}</div>`;
      if (t) shown.add(t.id);
      return both;
    })}
    ${(s.tables ?? []).filter((t) => !shown.has(t.id)).map(tableHtml)}
  </section>`;
}

/** The report's body: title, the data-vintage stamp and every section. */
/** `afterHeading`: what the page adds under the heading (month choice, downloads), never above it. */
export function reportBody(r: Report, afterHeading?: SafeHtml): SafeHtml {
  return html`<h1>${r.title}</h1>
    <p class="lead">${r.subtitle}</p>
    <p class="meta" data-testid="report-stamp">${stamp(r.vintage)}${r.suppressed ? ` Diskretionering: tal fra 1 til ${r.threshold - 1} vises som «<${r.threshold}», og tal, der ville afsløre dem, som «x».` : ''}</p>
    ${afterHeading ?? ''}
    ${r.sections.map((s) => sectionHtml(s))}`;
}
