/** Add or correct an activity: type from the catalogue, provider/company with CVR and her consent, address and times (for her plan), dates, hours, status. */
import type { Actor } from '../../../core/actor.ts';
import { catalogueByCategory, type ActivityType } from '../../../domain/activities.ts';
import { ACTIVITY_STATUSES, COMPANY_CONSENTS } from '../../../core/codes.ts';
import { ACTIVITY_CATEGORY_LABELS, ACTIVITY_STATUS_LABELS, COMPANY_CONSENT_LABELS } from '../../../core/labels.ts';
import type { ActivityRow } from '../../../db/casework/activities.ts';
import { html } from '../../html.ts';
import { recordFormPage, type Subject } from './frame.ts';
import { dateField, dateInput, radioGroup, selectField, textField, type FormState } from './form.ts';

export function activityValues(a: ActivityRow): Record<string, string> {
  return {
    typeKey: a.typeKey,
    provider: a.provider ?? '',
    address: a.address ?? '',
    schedule: a.schedule ?? '',
    cvr: a.cvr ?? '',
    startDate: dateInput(a.startDate),
    endDate: dateInput(a.endDate),
    hoursPerWeek: a.hoursPerWeek == null ? '' : String(a.hoursPerWeek).replace('.', ','),
    status: a.status,
    companyConsent: a.companyConsent ?? '',
  };
}

export function activityFormPage(actor: Actor, csrf: string, subject: Subject, s: FormState, extra: ActivityType[], activityId?: string) {
  const groups = catalogueByCategory(extra).map((g) => ({
    label: ACTIVITY_CATEGORY_LABELS[g.category],
    options: g.types.map((t) => ({ value: t.key, label: t.name })),
  }));
  return recordFormPage({
    actor,
    csrf,
    subject,
    state: s,
    section: 'aktiviteter',
    recordId: activityId,
    noun: 'aktivitet',
    fields: html`${selectField(s, { name: 'typeKey', label: 'Aktivitetstype', options: groups, required: true })}
      ${textField(s, { name: 'provider', label: 'Udbyder eller virksomhed', hint: 'Skal udfyldes ved virksomhedsrettede aktiviteter.', conditional: true })}
      ${textField(s, { name: 'address', label: 'Adresse', hint: 'Hvor hun skal møde op. Står i hendes plan (Min plan), som du skriver det.', width: 'l' })}
      ${textField(s, { name: 'schedule', label: 'Dage og tidspunkt', hint: 'Fx "Mandag og onsdag kl. 9–12". Står i hendes plan, som du skriver det.', width: 'l' })}
      ${textField(s, { name: 'cvr', label: 'CVR-nummer', hint: '8 cifre. Skal udfyldes ved aktiviteter på en virksomhed.', inputmode: 'numeric', width: 's', conditional: true })}
      ${radioGroup(s, {
        name: 'companyConsent',
        legend: 'Må virksomheden få oplysninger om hende?',
        hint: 'Hendes samtykke. Skal udfyldes ved aktiviteter på en virksomhed. Uden samtykke står hun uden navn på virksomhedens side, og du følger op med hende selv.',
        options: COMPANY_CONSENTS.map((v) => ({ value: v, label: COMPANY_CONSENT_LABELS[v] })),
      })}
      ${dateField(s, { name: 'startDate', label: 'Startdato', required: true })}
      ${dateField(s, { name: 'endDate', label: 'Slutdato' })}
      ${textField(s, { name: 'hoursPerWeek', label: 'Timer pr. uge', hint: 'Fx 18,5. Højst 37.', inputmode: 'decimal', width: 'xs' })}
      ${selectField(s, { name: 'status', label: 'Status', options: ACTIVITY_STATUSES.map((v) => ({ value: v, label: ACTIVITY_STATUS_LABELS[v] })), required: true })}`,
  });
}
