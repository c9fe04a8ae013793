/** The page links under a long list (Forrige side, Side n af m, Næste side), or nothing when it fits on one page. */
import { html, type SafeHtml } from './html.ts';

/** `m`: the page shown, the rows in all and a page's size; `link`: the address of page `side`. */
export function pager(m: { page: number; total: number; pageSize: number }, link: (side: number) => string): SafeHtml {
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="Sider">
    <ul class="pagination__items">
      ${m.page > 1 ? html`<li class="pagination-item"><a href="${link(m.page - 1)}" class="button button-unstyled">Forrige side</a></li>` : ''}
      <li class="pagination-item"><span aria-current="page">Side ${m.page} af ${pages}</span></li>
      ${m.page < pages ? html`<li class="pagination-item"><a href="${link(m.page + 1)}" class="button button-unstyled">Næste side</a></li>` : ''}
    </ul>
  </nav>`;
}
