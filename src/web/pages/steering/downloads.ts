/** Download links for a report in every format. */
import { html } from '../../html.ts';

export const FORMATS = [
  { ext: 'pdf', label: 'PDF' },
  { ext: 'xlsx', label: 'Excel (XLSX)' },
  { ext: 'csv', label: 'CSV' },
] as const;

export function downloadLinks(base: string, query: string, label: string) {
  return html`<nav aria-label="${label}"><ul class="download-list">${FORMATS.map(
    (f) => html`<li><a class="button button-secondary" href="${base}.${f.ext}?${query}" download>${label} som ${f.label}</a></li>`,
  )}</ul></nav>`;
}
