/** Record or correct a conversation: date, kind, who took part, interpreter, short note. */
import type { Actor } from '../../../core/actor.ts';
import { CONVERSATION_KINDS } from '../../../core/codes.ts';
import { CONVERSATION_KIND_LABELS } from '../../../core/labels.ts';
import type { ConversationRow } from '../../../db/casework/conversations.ts';
import { html } from '../../html.ts';
import { recordFormPage, type Subject } from './frame.ts';
import { checkbox, dateField, dateInput, selectField, textArea, textField, type FormState } from './form.ts';

export function conversationValues(c: ConversationRow): Record<string, string> {
  return {
    date: dateInput(c.date),
    kind: c.kind,
    participants: c.participants ?? '',
    interpreterUsed: c.interpreterUsed ? 'on' : '',
    note: c.note ?? '',
  };
}

export function conversationFormPage(actor: Actor, csrf: string, subject: Subject, s: FormState, conversationId?: string) {
  return recordFormPage({
    actor,
    csrf,
    subject,
    state: s,
    section: 'samtaler',
    recordId: conversationId,
    noun: 'samtale',
    fields: html`${dateField(s, { name: 'date', label: 'Dato', required: true })}
      ${selectField(s, { name: 'kind', label: 'Samtaletype', options: CONVERSATION_KINDS.map((v) => ({ value: v, label: CONVERSATION_KIND_LABELS[v] })), required: true })}
      ${textField(s, { name: 'participants', label: 'Deltagere', hint: 'Fx borgeren, virksomhedskonsulent, mentor.' })}
      ${checkbox(s, { name: 'interpreterUsed', label: 'Der blev brugt tolk' })}
      ${textArea(s, { name: 'note', label: 'Kort notat', hint: 'Højst 2000 tegn.' })}`,
  });
}
