/**
 * The project's own progression instruments (issue 14 build 5): the list, one instrument with
 * every version and its step texts, and the form that defines or edits one (project leader).
 */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectInstrument } from '../../../app/casework/project-instruments.ts';
import { formatDate } from '../../../core/format.ts';
import {
  currentVersion,
  dimensionSlots,
  dimField,
  MAX_DIMENSIONS,
  stepCount,
  type ProjectInstrumentVersion,
} from '../../../domain/project-instruments.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { csrfField, errorSummary, textArea, textField, type FormState } from './form.ts';

interface Project {
  id: number;
  name: string;
}

const day = (ts: string | null) => (ts ? formatDate(ts.slice(0, 10)) : '');

/** Where a version stands: takes new scores, retired, or followed by a newer one. */
export function versionStatus(v: ProjectInstrumentVersion, all: readonly ProjectInstrumentVersion[]): string {
  if (v.retiredAt) return `Udfaset ${day(v.retiredAt)}`;
  if (currentVersion(all)?.id === v.id) return 'Tager nye målinger';
  return `Afløst af version ${Math.max(...all.map((x) => x.version))}`;
}

const newest = (i: ProjectInstrument) => i.versions[i.versions.length - 1];

export function instrumentListPage(
  actor: Actor,
  csrf: string,
  m: { project: Project; projects: Project[]; instruments: ProjectInstrument[] },
) {
  const base = `/projekt/${m.project.id}/maaleredskaber`;
  return page(
    {
      title: 'Projektets måleredskaber',
      actor,
      csrf,
      path: '/projekt',
      heading: html`Projektets måleredskaber <span class="h1-sub">– ${m.project.name}</span>`,
      back: { href: `/projekt/${m.project.id}`, label: 'Tilbage til projektindstillinger' },
    },
    html`${m.projects.length > 1 ? html`<ul>${m.projects.map((p) => html`<li><a href="/projekt/${p.id}/maaleredskaber">${p.name}</a></li>`)}</ul>` : ''}
      <p>Projektets egne progressionsværktøjer, fx en progressionstrappe, ud over WHO-5 og Fremdriftstrappen. Sagsbehandlerne måler på dem fra borgerens side.
        Når en version har målinger, bliver en ændring til en ny version: tidligere målinger beholder den version og de trintekster, de blev givet efter,
        og udviklingen sammenlignes kun inden for samme version.</p>
      ${
        m.instruments.length
          ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="project-instruments">
            <thead><tr><th scope="col">Navn</th><th scope="col">Skala</th><th scope="col">Dimensioner</th><th scope="col">Nyeste version</th><th scope="col">Status</th></tr></thead>
            <tbody>${m.instruments.map((i) => {
              const v = newest(i);
              return html`<tr><td><a href="${base}/${i.id}">${v.name}</a></td><td>${v.scaleMin}–${v.scaleMax}</td><td>${v.dimensions.length}</td>
                <td>${v.version}</td><td>${versionStatus(v, i.versions)}</td></tr>`;
            })}</tbody></table></div>`
          : html`<p>Projektet har ingen egne måleredskaber endnu.</p>`
      }
      ${actor.role === 'projektleder' ? html`<p><a class="button button-primary" href="${base}/nyt">Nyt måleredskab</a></p>` : ''}`,
  );
}

function versionSection(
  base: string,
  csrf: string,
  leader: boolean,
  v: ProjectInstrumentVersion,
  all: readonly ProjectInstrumentVersion[],
) {
  return html`<section class="mt-8" data-testid="version-${v.version}" aria-labelledby="version-${v.version}-heading">
    <h2 id="version-${v.version}-heading">Version ${v.version}: ${v.name}</h2>
    <p><strong>${versionStatus(v, all)}</strong>. Oprettet ${day(v.createdAt)}. Skala ${v.scaleMin}–${v.scaleMax} (${stepCount(v)} trin).
      ${v.usedAt ? `Har målinger siden ${day(v.usedAt)}, så teksterne ligger fast.` : 'Ingen målinger endnu.'}</p>
    ${v.dimensions.map(
      (d) => html`<div class="table-wrap"><table class="table table--compact">
      <caption>${d.name}</caption>
      <thead><tr><th scope="col">Trin</th><th scope="col">Tekst</th></tr></thead>
      <tbody>${d.steps.map((text, i) => html`<tr><td>${v.scaleMin + i}</td><td>${text}</td></tr>`)}</tbody>
    </table></div>`,
    )}
    ${
      leader && !v.retiredAt
        ? html`<form method="post" action="${base}/versioner/${v.version}/udfas">
          ${csrfField(csrf)}
          <button type="submit" class="button button-secondary">Udfas version ${v.version}<span class="sr-only"> af ${v.name}</span></button>
        </form>`
        : ''
    }
  </section>`;
}

export function instrumentPage(actor: Actor, csrf: string, m: { project: Project; instrument: ProjectInstrument; notice?: string | null }) {
  const base = `/projekt/${m.project.id}/maaleredskaber/${m.instrument.id}`;
  const leader = actor.role === 'projektleder';
  const v = newest(m.instrument);
  return page(
    {
      title: v.name,
      actor,
      csrf,
      path: '/projekt',
      heading: html`${v.name} <span class="h1-sub">– ${m.project.name}</span>`,
      back: { href: `/projekt/${m.project.id}/maaleredskaber`, label: 'Tilbage til projektets måleredskaber' },
    },
    html`${m.notice ? html`<div class="alert alert-success" role="status" data-testid="instrument-notice"><div class="alert-body"><p class="alert-text">${m.notice}</p></div></div>` : ''}
      ${
        leader
          ? html`<p><a class="button button-primary" href="${base}/ret">Ret måleredskabet</a></p>
        <p>${v.usedAt ? `Version ${v.version} har målinger: en rettelse bliver til version ${v.version + 1}.` : `Version ${v.version} har ingen målinger endnu og rettes direkte.`}
          Udfasede versioner tager ikke nye målinger; deres målinger bevares.</p>`
          : ''
      }
      ${[...m.instrument.versions].reverse().map((x) => versionSection(base, csrf, leader, x, m.instrument.versions))}`,
  );
}

export function instrumentFormPage(actor: Actor, csrf: string, m: { project: Project; instrument?: ProjectInstrument; state: FormState }) {
  const s = m.state;
  const listBase = `/projekt/${m.project.id}/maaleredskaber`;
  const action = m.instrument ? `${listBase}/${m.instrument.id}` : listBase;
  const editing = m.instrument ? newest(m.instrument) : null;
  let filled = 0;
  for (let i = 1; i <= MAX_DIMENSIONS; i++)
    if ((s.values[dimField(i, 'name')] ?? '').trim() || (s.values[dimField(i, 'steps')] ?? '').trim()) filled = i;
  const slots = dimensionSlots(filled);
  const title = editing ? `Ret ${editing.name}` : 'Nyt måleredskab';
  const form = html`<form method="post" action="${action}" novalidate>
    ${csrfField(csrf)}
    ${textField(s, { name: 'name', label: 'Navn', hint: 'Fx Progressionstrappen.', required: true })}
    <fieldset>
      <legend class="h3">Skala</legend>
      ${textField(s, { name: 'scaleMin', label: 'Laveste trin', hint: 'Et helt tal fra 0 til 10, fx 1.', inputmode: 'numeric', width: 'xs', required: true })}
      ${textField(s, { name: 'scaleMax', label: 'Højeste trin', hint: 'Et helt tal fra 0 til 10, fx 5 eller 10.', inputmode: 'numeric', width: 'xs', required: true })}
    </fieldset>
    ${Array.from({ length: slots }, (_, k) => k + 1).map(
      (i) => html`<fieldset class="mt-6">
      <legend class="h3">Dimension ${i}</legend>
      ${textField(s, { name: dimField(i, 'name'), label: `Navn på dimension ${i}`, conditional: true, hint: i === 1 ? 'Fx Sprog, Netværk eller Arbejdsmarkedsparathed. Lad felterne stå tomme for at springe en dimension over.' : undefined })}
      ${textArea(s, { name: dimField(i, 'steps'), label: `Trintekster for dimension ${i}`, conditional: true, rows: 5, hint: 'Én linje pr. trin, fra laveste til højeste trin – én tekst for hvert trin på skalaen.' })}
    </fieldset>`,
    )}
    ${slots < MAX_DIMENSIONS ? html`<p>Brug for flere dimensioner? Gem, og ret måleredskabet bagefter: der kommer altid to tomme dimensioner mere (højst ${MAX_DIMENSIONS}).</p>` : ''}
    ${editing?.usedAt ? html`<p><strong>Version ${editing.version} har målinger.</strong> Når du gemmer en ændring, bliver den til version ${editing.version + 1}; tidligere målinger beholder version ${editing.version}.</p>` : ''}
    <button type="submit" class="button button-primary">${editing ? 'Gem ændringer' : 'Opret måleredskab'}</button>
  </form>`;
  return page(
    {
      title,
      actor,
      csrf,
      path: '/projekt',
      heading: html`${title} <span class="h1-sub">– ${m.project.name}</span>`,
      back: { href: editing ? `${listBase}/${m.instrument!.id}` : listBase, label: 'Tilbage' },
    },
    html`${errorSummary(s, form)}
      ${form}`,
  );
}
