/**
 * DKFDS form building blocks for the casework pages: every field shows its Danish error beside
 * it (`form-error`, `aria-describedby`), keeps what was typed, and the error summary at the top
 * links to each field.
 */
import { html, type SafeHtml } from '../../html.ts';
import { formatDateDa } from '../../../core/dates.ts';
import { DATE_FORMAT_HINT } from '../../../domain/form-fields.ts';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyState = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

/** Field names may contain dots (`abcStrategy.a`); ids may not, for CSS and fragment links. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const describedBy = (name: string, s: FormState, hint?: string) =>
  [hint ? `${fieldId(name)}-hint` : '', s.errors[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ');

function errorMessage(name: string, s: FormState) {
  return s.errors[name]
    ? html`<span class="form-error-message" id="${fieldId(name)}-error"><span class="sr-only">Fejl: </span>${s.errors[name]}</span>`
    : '';
}

const optionalMark = (o: { required?: boolean; conditional?: boolean }) =>
  o.required || o.conditional ? '' : html` <span class="weight-normal">(valgfri)</span>`;

const hintOf = (name: string, hint?: string) => (hint ? html`<span class="form-hint" id="${fieldId(name)}-hint">${hint}</span>` : '');

export interface FieldOpts {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'number';
  inputmode?: 'numeric' | 'decimal' | 'text';
  autocomplete?: string;
  required?: boolean;
  /** Required only in some cases, which the hint explains: neither "(valgfri)" nor required. */
  conditional?: boolean;
  width?: 'xs' | 's' | 'm' | 'l';
}

export function textField(s: FormState, o: FieldOpts): SafeHtml {
  const id = fieldId(o.name);
  const desc = describedBy(o.name, s, o.hint);
  return html`<div class="form-group${s.errors[o.name] ? ' form-error' : ''}">
    <label class="form-label" for="${id}">${o.label}${optionalMark(o)}</label>
    ${hintOf(o.name, o.hint)}${errorMessage(o.name, s)}
    <input class="form-input${o.width ? ` input-width-${o.width}` : ''}" id="${id}" name="${o.name}" type="${o.type ?? 'text'}"
      value="${s.values[o.name] ?? ''}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${desc ? html` aria-describedby="${desc}"` : ''}${s.errors[o.name] ? html` aria-invalid="true"` : ''}>
  </div>`;
}

export function dateField(s: FormState, o: Omit<FieldOpts, 'type'>): SafeHtml {
  return textField(s, { ...o, hint: o.hint ? `${o.hint} ${DATE_FORMAT_HINT}` : DATE_FORMAT_HINT, inputmode: 'numeric', width: 's' });
}

export function textArea(s: FormState, o: FieldOpts & { rows?: number }): SafeHtml {
  const id = fieldId(o.name);
  const desc = describedBy(o.name, s, o.hint);
  return html`<div class="form-group${s.errors[o.name] ? ' form-error' : ''}">
    <label class="form-label" for="${id}">${o.label}${optionalMark(o)}</label>
    ${hintOf(o.name, o.hint)}${errorMessage(o.name, s)}
    <textarea class="form-input" id="${id}" name="${o.name}" rows="${o.rows ?? 4}"${desc ? html` aria-describedby="${desc}"` : ''}${s.errors[o.name] ? html` aria-invalid="true"` : ''}>${s.values[o.name] ?? ''}</textarea>
  </div>`;
}

export interface Option {
  value: string;
  label: string;
}

export interface OptGroup {
  label: string;
  options: Option[];
}

/**
 * A select; with one option only and nothing chosen it is preselected. `noPlaceholder` drops the
 * empty first option (the field has a default of its own among the options).
 */
export function selectField(
  s: FormState,
  o: FieldOpts & { options: (Option | OptGroup)[]; placeholder?: string; noPlaceholder?: boolean },
): SafeHtml {
  const id = fieldId(o.name);
  const desc = describedBy(o.name, s, o.hint);
  const flat = o.options.flatMap((x) => ('options' in x ? x.options : [x]));
  const current = s.values[o.name] || (o.required && flat.length === 1 ? flat[0].value : '');
  const opt = (x: Option) => html`<option value="${x.value}"${x.value === current ? html` selected` : ''}>${x.label}</option>`;
  return html`<div class="form-group${s.errors[o.name] ? ' form-error' : ''}">
    <label class="form-label" for="${id}">${o.label}${optionalMark(o)}</label>
    ${hintOf(o.name, o.hint)}${errorMessage(o.name, s)}
    <select class="form-select" id="${id}" name="${o.name}"${desc ? html` aria-describedby="${desc}"` : ''}${s.errors[o.name] ? html` aria-invalid="true"` : ''}>
      ${o.noPlaceholder || (o.required && flat.length === 1) ? '' : html`<option value="">${o.placeholder ?? 'Vælg'}</option>`}
      ${o.options.map((x) => ('options' in x ? html`<optgroup label="${x.label}">${x.options.map(opt)}</optgroup>` : opt(x)))}
    </select>
  </div>`;
}

/** A group of radio buttons in a fieldset; arrow keys move between them. */
export function radioGroup(s: FormState, o: { name: string; legend: string; hint?: string; options: Option[] }): SafeHtml {
  const current = s.values[o.name] ?? '';
  const desc = describedBy(o.name, s, o.hint);
  return html`<div class="form-group${s.errors[o.name] ? ' form-error' : ''}">
    <fieldset id="${fieldId(o.name)}"${desc ? html` aria-describedby="${desc}"` : ''}>
      <legend class="form-label">${o.legend}</legend>
      ${hintOf(o.name, o.hint)}${errorMessage(o.name, s)}
      <ul class="nobullet-list">
        ${o.options.map((x, i) => {
          const id = `${fieldId(o.name)}-${i}`;
          return html`<li><input class="form-radio" type="radio" id="${id}" name="${o.name}" value="${x.value}"${x.value === current ? html` checked` : ''}><label for="${id}">${x.label}</label></li>`;
        })}
      </ul>
    </fieldset>
  </div>`;
}

export function checkbox(s: FormState, o: { name: string; label: string; hint?: string }): SafeHtml {
  const id = fieldId(o.name);
  const on = ['on', 'true', 'ja', '1'].includes((s.values[o.name] ?? '').toLowerCase());
  const desc = describedBy(o.name, s, o.hint);
  return html`<div class="form-group${s.errors[o.name] ? ' form-error' : ''}">
    ${errorMessage(o.name, s)}
    <ul class="nobullet-list"><li>
      <input class="form-checkbox" type="checkbox" id="${id}" name="${o.name}" value="on"${on ? html` checked` : ''}${desc ? html` aria-describedby="${desc}"` : ''}>
      <label for="${id}">${o.label}</label>
      ${hintOf(o.name, o.hint)}
    </li></ul>
  </div>`;
}

/**
 * The error summary at the top of a form (the GOV.UK/DKFDS pattern): its messages in the order
 * of the fields in the form (`body`, the rendered form), each linking to its field, and it takes
 * focus when the page loads (`autofocus`, no script needed), so a screen reader reads it first.
 */
export function errorSummary(s: FormState, body?: SafeHtml | string): SafeHtml {
  const markup = String(body ?? '');
  const position = (k: string) => {
    if (k === '_form') return -1;
    const at = markup.indexOf(`id="${fieldId(k)}"`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const entries = Object.entries(s.errors).sort(([a], [b]) => position(a) - position(b));
  if (entries.length === 0) return html``;
  return html`<div class="alert alert-error" role="alert" id="fejlopsummering" tabindex="-1" autofocus aria-labelledby="fejlopsummering-heading">
    <div class="alert-body">
      <h2 class="alert-heading h3" id="fejlopsummering-heading">Formularen indeholder fejl</h2>
      <ul class="alert-text nobullet-list">
        ${entries.map(([k, v]) => (k === '_form' ? html`<li>${v}</li>` : html`<li><a href="#${fieldId(k)}">${v}</a></li>`))}
      </ul>
    </div>
  </div>`;
}

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** Form values as strings (first of repeated values), for re-rendering what was typed. */
export function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    out[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
  }
  return out;
}

/** ISO date → the d.m.åååå form the date fields show (the UI's one date form). */
export const dateInput = (d: string | null | undefined) => (d ? formatDateDa(d) : '');
