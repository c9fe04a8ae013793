/**
 * "Min plan" rendered for the screen: one block with `lang` and `dir` of her language, so screen
 * readers switch voice; text the caseworker typed keeps its own `lang="da"` (and `dir="ltr"`)
 * and is marked with a pencil and, for screen readers, in words. Used inside the staff frame
 * (the caseworker's preview) and as her own page behind the personal link.
 */
import type { MyPlanActivity, MyPlanView } from '../../../domain/my-plan.ts';
import { calendarDate, type MessageKey, type Translator } from '../../../i18n/catalog.ts';
import { LANGUAGES, type LanguageCode } from '../../../i18n/languages.ts';
import { html, raw, type SafeHtml } from '../../html.ts';
import { pictogram, stairs, type Pictogram } from './pictograms.ts';

/** Text typed by the caseworker: as written, in Danish, marked as hers. */
export function freeText(text: string, tr: Translator): SafeHtml {
  return html`<span class="cw-text" lang="da" dir="ltr" data-free-text>${pictogram('pencil', 'cw-pencil')}${text}<span class="sr-only" lang="${tr.lang.code}" dir="${tr.lang.dir}"> (${tr.t('freeText.marker')})</span></span>`;
}

const date = (iso: string) => calendarDate(iso);

function section(id: string, icon: Pictogram, heading: string, body: SafeHtml | string, level: number): SafeHtml {
  const h = `h${Math.min(level, 6)}`;
  return html`<section class="my-plan-section" aria-labelledby="${id}" data-section="${id}">
    ${pictogram(icon)}
    <div class="my-plan-section-body">
      ${raw(`<${h} id="${id}">`)}${heading}${raw(`</${h}>`)}
      ${body}
    </div>
  </section>`;
}

/** Her activities as a list, or the sentence that there are none. */
function activityList(list: MyPlanActivity[], tr: Translator): SafeHtml {
  return list.length
    ? html`<ul class="my-plan-list">${list.map((a) => activityItem(a, tr))}</ul>`
    : html`<p>${tr.t('activities.none')}</p>`;
}

function activityItem(a: MyPlanActivity, tr: Translator): SafeHtml {
  const name = a.typeKey ? tr.t(`activity.${a.typeKey}` as MessageKey) : freeText(a.typeNameDa, tr);
  return html`<li class="my-plan-activity">
    <strong>${name}</strong>
    <dl class="my-plan-facts">
      ${a.place || a.address ? html`<dt>${tr.t('activities.place')}</dt><dd>${[a.place, a.address].filter((x): x is string => Boolean(x)).map((x, i) => html`${i ? html`<br>` : ''}${freeText(x, tr)}`)}</dd>` : ''}
      <dt>${tr.t('activities.when')}</dt>
      <dd>${a.end ? tr.t('activities.period', { start: date(a.start), end: date(a.end) }) : tr.t('activities.from', { start: date(a.start) })}${
        a.schedule ? html`<br>${freeText(a.schedule, tr)}` : ''
      }${a.hoursPerWeek ? html`<br>${tr.t('activities.hours', { hours: a.hoursPerWeek })}` : ''}</dd>
    </dl>
  </li>`;
}

export interface MyPlanBlockOptions {
  /** Heading level of "Min plan" (1 on her own page, 2 inside the staff page). */
  level: 1 | 2;
}

// Long because it is one HTML template: her plan as she reads it, section after section in her language; split
// up, the headings' levels and ids would travel between the pieces.
export function myPlanBlock(v: MyPlanView, tr: Translator, o: MyPlanBlockOptions): SafeHtml {
  const l = o.level + 1;
  const hid = (s: string) => `mp-${s}`;
  const abc = v.abc;
  return html`<article class="my-plan" lang="${tr.lang.code}" dir="${tr.lang.dir}" data-testid="my-plan" aria-labelledby="mp-title">
    ${raw(`<h${o.level} id="mp-title">`)}${tr.t('page.title')}${raw(`</h${o.level}>`)}
    <p class="my-plan-for">${tr.t('page.for', { name: v.firstName })}</p>
    ${tr.checked ? '' : html`<p class="my-plan-notice" data-testid="translation-notice">${tr.t('notice.unchecked')}</p>`}
    <p>${tr.t('page.intro')}</p>
    <p class="my-plan-legend">${pictogram('pencil', 'cw-pencil')}${tr.t('freeText.legend')}</p>
    ${v.planUpdatedOn ? html`<p class="meta">${tr.t('page.updated', { date: date(v.planUpdatedOn) })}</p>` : ''}

    ${section(
      hid('goal'),
      'goal',
      tr.t('jobGoal.heading'),
      v.jobGoal ? html`<p>${tr.t('jobGoal.text')} <strong>${freeText(v.jobGoal, tr)}</strong></p>` : html`<p>${tr.t('jobGoal.empty')}</p>`,
      l,
    )}

    ${section(
      hid('abc'),
      'abc',
      tr.t('abc.heading'),
      abc
        ? html`<p>${tr.t('abc.intro')}</p><dl class="my-plan-facts">
          <dt>${tr.t('abc.a')}</dt><dd>${abc.a ? freeText(abc.a, tr) : '–'}</dd>
          <dt>${tr.t('abc.b')}</dt><dd>${abc.b ? freeText(abc.b, tr) : '–'}</dd>
          <dt>${tr.t('abc.c')}</dt><dd>${abc.c ? freeText(abc.c, tr) : '–'}</dd>
        </dl>`
        : html`<p>${tr.t('abc.empty')}</p>`,
      l,
    )}

    ${section(
      hid('steps'),
      'steps',
      tr.t('goals.heading'),
      html`<p>${tr.t('goals.count', { count: v.goals.length })}</p>
      ${
        v.goals.length
          ? html`<ul class="my-plan-list">${v.goals.map(
              (g) => html`<li>${freeText(g.text, tr)}<br>
            <span class="meta">${tr.t('goals.due', { date: date(g.dueDate) })} · ${tr.t(`goals.status.${g.status}` as MessageKey)}</span></li>`,
            )}</ul>`
          : ''
      }`,
      l,
    )}

    ${section(hid('now'), 'now', tr.t('activities.now.heading'), activityList(v.current, tr), l)}

    ${section(hid('next'), 'next', tr.t('activities.next.heading'), activityList(v.next, tr), l)}

    ${section(
      hid('talk'),
      'talk',
      tr.t('conversation.heading'),
      html`<p>${v.nextConversation ? tr.t('conversation.due', { date: date(v.nextConversation) }) : tr.t('conversation.none')}</p>
      ${v.caseworkerName ? html`<p>${tr.t('conversation.caseworker', { name: v.caseworkerName })}</p>` : ''}`,
      l,
    )}

    ${section(
      hid('progress'),
      'progress',
      tr.t('progress.heading'),
      v.progress
        ? html`<p>${tr.t('progress.intro')}</p>
        <ul class="my-plan-stairs" data-testid="progress">${v.progress.steps.map(
          (s) => html`<li>
          ${stairs(s.step)}
          <span><strong>${tr.t(`dim.${s.key}` as MessageKey)}</strong><br>${tr.t('progress.step', { step: s.step })}</span></li>`,
        )}</ul>
        <p class="meta">${tr.t('progress.measured', { date: date(v.progress.date) })}</p>`
        : html`<p>${tr.t('progress.none')}</p>`,
      l,
    )}
  </article>`;
}

/** The language picker (GET, no JavaScript): for her, each language named in itself with its own lang; for staff, in Danish. */
export function languagePicker(current: LanguageCode, label: string, button: string, action: string, staff = false): SafeHtml {
  return html`<form method="get" action="${action}" class="language-picker">
    <div class="form-group">
      <label class="form-label" for="sprog">${label}</label>
      <select class="form-select" id="sprog" name="sprog">
        ${LANGUAGES.map((l) =>
          staff
            ? html`<option value="${l.code}"${l.code === current ? ' selected' : ''}>${l.nameDa}</option>`
            : html`<option value="${l.code}" lang="${l.code}"${l.code === current ? ' selected' : ''}>${l.nativeName}</option>`,
        )}
      </select>
    </div>
    <button type="submit" class="button button-secondary">${button}</button>
  </form>`;
}
