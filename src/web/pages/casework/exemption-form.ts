/** Record or correct an exemption period: why (barsel, sygdom, ferie, andet), from, to, reason. */
import type { Actor } from '../../../core/actor.ts';
import { EXEMPTION_KINDS } from '../../../core/codes.ts';
import { EXEMPTION_KIND_LABELS } from '../../../core/labels.ts';
import type { ExemptionRow } from '../../../db/casework/exemptions.ts';
import { MAX_EXEMPTION_REASON } from '../../../domain/exemptions.ts';
import { html } from '../../html.ts';
import { recordFormPage, type Subject } from './frame.ts';
import { dateField, dateInput, radioGroup, textArea, type FormState } from './form.ts';

export function exemptionValues(e: ExemptionRow): Record<string, string> {
  return { kind: e.kind, startDate: dateInput(e.startDate), endDate: dateInput(e.endDate), reason: e.reason ?? '' };
}

export function exemptionFormPage(actor: Actor, csrf: string, subject: Subject, s: FormState, exemptionId?: string) {
  return recordFormPage({
    actor,
    csrf,
    subject,
    state: s,
    section: 'fritagelser',
    recordId: exemptionId,
    noun: 'fritagelse',
    intro: html`<p>I perioden holder opfølgningsreglerne (pause mellem virksomhedsrettede tilbud, samtaler og plan) pause, og fristerne rykkes med periodens længde. Varsler om lav WHO-5 vises stadig.</p>`,
    fields: html`${radioGroup(s, { name: 'kind', legend: 'Årsag', options: EXEMPTION_KINDS.map((v) => ({ value: v, label: EXEMPTION_KIND_LABELS[v] })) })}
      ${dateField(s, { name: 'startDate', label: 'Fra og med', required: true })}
      ${dateField(s, { name: 'endDate', label: 'Til og med', hint: 'Lad feltet stå tomt, hvis slutdatoen ikke kendes endnu.' })}
      ${textArea(s, { name: 'reason', label: 'Begrundelse', hint: `Skal udfyldes ved "Andet". Højst ${MAX_EXEMPTION_REASON} tegn.` })}`,
  });
}
