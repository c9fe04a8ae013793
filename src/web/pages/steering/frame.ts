/** The frame of the steering pages: project chooser and the sub-menu (overblik, mål, milepæle, rapporter). */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import { html, type SafeHtml } from '../../html.ts';
import { csrfField, errorSummary, type FormState } from '../casework/form.ts';
import { page } from '../../layout.ts';

const TABS = [
  { href: '/styring', label: 'Overblik' },
  { href: '/styring/maal', label: 'Resultatmål' },
  { href: '/styring/milepaele', label: 'Milepælsplan' },
  { href: '/styring/oekonomi', label: 'Økonomi' },
  { href: '/styring/moeder', label: 'Møder' },
  { href: '/styring/rapporter', label: 'Rapporter' },
];

export const withProject = (href: string, projectId: number) => `${href}${href.includes('?') ? '&' : '?'}projekt=${projectId}`;

/** A tab of Styring headed by its own title: the frame, the heading, then `body`. */
export function steeringTab(o: { actor: Actor; csrf: string; choice: ProjectChoice; path: string; title: string }, body: SafeHtml): string {
  return steeringPage({
    ...o,
    body: html`<h1>${o.title}</h1>
      ${body}`,
  });
}

export function steeringPage(o: {
  actor: Actor;
  csrf: string;
  choice: ProjectChoice;
  path: string;
  title: string;
  body: SafeHtml;
}): string {
  const { project, projects } = o.choice;
  return page({
    title: o.title,
    actor: o.actor,
    csrf: o.csrf,
    path: '/styring',
    body: html`<p class="meta">${project.name} · ${project.municipalityNames.join(' og ')}</p>
      ${
        projects.length > 1
          ? html`<form method="get" action="${o.path}" class="search-row">
            <div class="form-group"><label class="form-label" for="projekt">Projekt</label>
              <select class="form-select" id="projekt" name="projekt">${projects.map(
                (p) => html`<option value="${p.id}"${p.id === project.id ? html` selected` : ''}>${p.name}</option>`,
              )}</select></div>
            <button class="button button-secondary" type="submit">Vis</button></form>`
          : ''
      }
      <nav aria-label="Styring" class="steering-tabs"><ul class="action-list">${TABS.map(
        (t) =>
          html`<li><a href="${withProject(t.href, project.id)}"${t.href === o.path ? html` aria-current="page" class="steering-tab-current"` : ''}>${t.label}</a></li>`,
      )}</ul></nav>
      ${o.body}`,
  });
}

/**
 * A steering form page with `fields`: its title, the error summary (in the order of the fields), the form
 * posting to `action` with the save button and Annuller back to `back`, and what follows the form.
 */
export function steeringFormPage(
  o: {
    actor: Actor;
    csrf: string;
    choice: ProjectChoice;
    path: string;
    title: string;
    s: FormState;
    action: string;
    back: string;
    save?: string;
    /** Above the title: what the form belongs to. */
    meta?: SafeHtml;
    after?: SafeHtml;
  },
  fields: SafeHtml,
): string {
  const form = html`<form method="post" action="${o.action}" novalidate>
      ${csrfField(o.csrf)}
      ${fields}
      <button class="button button-primary" type="submit">${o.save ?? 'Gem'}</button>
      <a class="button button-secondary" href="${o.back}">Annuller</a>
    </form>`;
  return steeringPage({
    actor: o.actor,
    csrf: o.csrf,
    choice: o.choice,
    path: o.path,
    title: o.title,
    body: html`${o.meta ?? ''}<h1>${o.title}</h1>${errorSummary(o.s, form)}${form}${o.after ?? ''}`,
  });
}

/** Where the form of something new (`path/ny`) or of one to change (`path/<id>`) posts, its title, and the list it returns to. */
export const formAt = (path: string, pid: number, id: number | undefined, titles: { add: string; edit: string }) => ({
  path,
  title: id ? titles.edit : titles.add,
  action: withProject(id ? `${path}/${id}` : `${path}/ny`, pid),
  back: withProject(path, pid),
});
