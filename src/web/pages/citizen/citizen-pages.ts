/**
 * Her own pages behind the personal link: a light frame (no staff menu, no JavaScript, works on a
 * small phone under the strict CSP) with `lang` and `dir` of her language on <html>.
 */
import type { CitizenMyPlan } from '../../../app/citizen/show-my-plan.ts';
import type { Who5Form } from '../../../app/citizen/self-who5.ts';
import type { Translator } from '../../../i18n/catalog.ts';
import { language } from '../../../i18n/languages.ts';
import { html, type SafeHtml } from '../../html.ts';
import { languagePicker, myPlanBlock } from './my-plan.ts';
import { pictogram } from './pictograms.ts';

export function citizenFrame(tr: Translator, title: string, body: SafeHtml): string {
  return `<!DOCTYPE html>${html`<html lang="${tr.lang.code}" dir="${tr.lang.dir}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="no-referrer">
  <title>${title} – Fremdrift</title>
  <link rel="stylesheet" href="/dkfds/css/dkfds.min.css">
  <link rel="stylesheet" href="/static/app.css">
</head>
<body class="citizen">
  <a class="skipnav" href="#main-content">${tr.t('page.skip')}</a>
  <header class="citizen-header"><div class="container"><span class="citizen-brand" lang="da" dir="ltr">Fremdrift</span></div></header>
  <div class="container citizen-container">
    <main id="main-content" tabindex="-1">
      ${body}
    </main>
  </div>
</body>
</html>`}`;
}

const base = (token: string) => `/borger/${token}`;

export function citizenPlanPage(token: string, d: CitizenMyPlan): string {
  const tr = d.tr;
  const q = `?sprog=${d.language}`;
  return citizenFrame(
    tr,
    tr.t('page.title'),
    html`
    ${languagePicker(d.language, tr.t('page.language'), tr.t('page.changeLanguage'), base(token))}
    ${myPlanBlock(d.view, tr, { level: 1 })}
    <section class="my-plan-section my-plan-who5" aria-labelledby="mp-who5">
      ${pictogram('wellbeing')}
      <div class="my-plan-section-body">
        <h2 id="mp-who5">${tr.t('who5.heading')}</h2>
        <p>${tr.t('who5.intro')}</p>
        <p><a class="button button-primary" href="${base(token)}/who5${q}">${tr.t('who5.start')}</a></p>
      </div>
    </section>
    <p class="citizen-actions">${pictogram('print', 'cw-pencil')}<a href="${base(token)}/plan.pdf${q}" data-testid="plan-pdf">${tr.t('page.print')}</a></p>
    <p class="meta">${tr.t('link.private')}</p>`,
  );
}

export function linkRefusedPage(tr: Translator): string {
  return citizenFrame(
    tr,
    tr.t('link.invalid.title'),
    html`<h1>${tr.t('link.invalid.title')}</h1>
    <p data-testid="link-refused">${tr.t('link.invalid.text')}</p>`,
  );
}

export function who5Page(token: string, f: Who5Form, csrf: string): string {
  const tr = f.tr;
  const q = f.questions;
  const back = html`<p><a href="${base(token)}?sprog=${f.language}" class="back-link">${tr.t('who5.back')}</a></p>`;
  if (f.saved) {
    return citizenFrame(
      tr,
      tr.t('who5.heading'),
      html`${back}<h1>${tr.t('who5.heading')}</h1>
      <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text" data-testid="who5-thanks">${tr.t('who5.thanks')}</p></div></div>`,
    );
  }
  const missing = Object.keys(f.errors);
  const qLang = language(q.language);
  return citizenFrame(
    tr,
    tr.t('who5.heading'),
    html`${back}
    <h1>${tr.t('who5.heading')}</h1>
    ${
      missing.length
        ? html`<div class="alert alert-error" role="alert" tabindex="-1" data-testid="who5-errors"><div class="alert-body">
          <p class="alert-heading">${tr.t('who5.errorSummary', { count: missing.length })}</p>
          <ul class="alert-text nobullet-list">${missing.map((k) => html`<li><a href="#who5-${k}-${q.answers[0].value}">${q.items.find((i) => i.key === k)?.text ?? k}</a></li>`)}</ul>
        </div></div>`
        : ''
    }
    <p>${tr.t('who5.intro')}</p>
    ${f.offered.length < 2 && q.language !== f.language ? html`<p class="my-plan-notice">${tr.t('who5.danishOnly')}</p>` : ''}
    ${
      f.offered.length > 1
        ? html`<nav class="who5-languages" aria-label="${tr.t('page.language')}" data-testid="who5-languages"><ul class="nobullet-list">${f.offered.map(
            (code) => {
              const l = language(code);
              const href = `${base(token)}/who5?sprog=${f.language}${code === 'da' ? '&tekst=da' : ''}`;
              return html`<li>${
                code === q.language
                  ? html`<strong lang="${l.code}" dir="${l.dir}" aria-current="true">${l.nativeName}</strong>`
                  : html`<a href="${href}" lang="${l.code}" dir="${l.dir}" hreflang="${l.code}">${l.nativeName}</a>`
              }</li>`;
            },
          )}</ul></nav>`
        : ''
    }
    <form method="post" action="${base(token)}/who5?sprog=${f.language}${q.language === 'da' && f.language !== 'da' ? '&tekst=da' : ''}" novalidate lang="${qLang.code}" dir="${qLang.dir}" data-testid="who5-form">
      <input type="hidden" name="_csrf" value="${csrf}">
      <p>${q.intro}</p>
      ${q.items.map((item, n) => {
        const err = f.errors[item.key];
        return html`<fieldset class="form-group${err ? ' form-error' : ''}" id="who5-${item.key}"${err ? html` aria-describedby="who5-${item.key}-error"` : ''}>
          <legend class="form-label">${n + 1}. ${item.text}</legend>
          ${err ? html`<span class="form-error-message" id="who5-${item.key}-error" lang="${tr.lang.code}" dir="${tr.lang.dir}">${err}</span>` : ''}
          <ul class="nobullet-list">${q.answers.map(
            (a) => html`<li class="form-group-radio">
            <input type="radio" class="form-radio radio-large" id="who5-${item.key}-${a.value}" name="svar.${item.key}" value="${String(a.value)}"${f.values[item.key] === String(a.value) ? ' checked' : ''}>
            <label for="who5-${item.key}-${a.value}">${a.text}</label></li>`,
          )}</ul>
        </fieldset>`;
      })}
      <button type="submit" class="button button-primary" lang="${tr.lang.code}" dir="${tr.lang.dir}">${tr.t('who5.submit')}</button>
    </form>`,
  );
}
