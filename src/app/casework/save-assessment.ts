/** Record or correct a progression assessment (WHO-5, Fremdriftstrappen, a project's own instrument) for her. */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { assessmentRecords } from '../../db/casework/assessments.ts';
import { findInstrument, scoreAssessment, type Instrument } from '../../domain/instruments.ts';
import { parseProjectInstrumentKey, toInstrument } from '../../domain/project-instruments.ts';
import { markVersionUsed } from '../../db/casework/project-instruments.ts';
import { versionForScore } from './case-instruments.ts';
import { isoDateField } from '../../domain/form-fields.ts';
import { formatDateDa } from '../../core/dates.ts';
import { str, type FieldErrors, type FormData, type SaveResult } from '../form.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withRecord } from './with-case.ts';

/** Answers are the form fields `answers.<dimension key>`; `extra`: the project instruments that may be used. */
export function validateAssessmentForm(instrumentKey: string, form: FormData, today: string, extra: readonly Instrument[] = []) {
  const errors: FieldErrors = {};
  const instrument = findInstrument(instrumentKey, extra);
  if (!instrument) return { errors: { instrumentKey: 'Vælg et måleredskab.' } as FieldErrors, value: null };
  const date = isoDateField.safeParse(str(form, 'date'));
  if (!date.success) errors.date = date.error.issues[0].message;
  else if (date.data > today) errors.date = `Målingen kan ikke ligge i fremtiden (senest ${formatDateDa(today)}).`;
  const answers: Record<string, string> = {};
  for (const d of instrument.dimensions) {
    const v = str(form, `answers.${d.key}`);
    if (!d.steps.some((s) => String(s.value) === v)) errors[`answers.${d.key}`] = `Vælg et svar på "${d.name}".`;
    answers[d.key] = v;
  }
  if (Object.keys(errors).length > 0) return { errors, value: null };
  const scored = scoreAssessment(instrument, answers);
  if (!scored.ok) return { errors: { _form: scored.errors.join(' ') } as FieldErrors, value: null };
  return { errors, value: { instrumentKey, date: date.data as string, answers: scored.value.answers, total: scored.value.total } };
}

export async function saveAssessment(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  assessmentId?: string,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withRecord(db, actor, participantId, 'maaling', assessmentId, assessmentRecords.get, async (tx, p, before) => {
    const key = before?.instrumentKey ?? str(form, 'instrumentKey');
    // A project's own instrument: the version is locked, so its texts cannot change under the score.
    const version = parseProjectInstrumentKey(key) ? await versionForScore(tx, p, key, !before) : undefined;
    if (parseProjectInstrumentKey(key) && !version) {
      return unaudited({
        status: 'invalid',
        errors: { _form: 'Måleredskabet findes ikke i hendes projekt, eller versionen er udfaset. Brug den nyeste version.' },
      });
    }
    const { errors, value } = validateAssessmentForm(key, form, today, version ? [toInstrument(version)] : []);
    if (!value) return unaudited({ status: 'invalid', errors });
    if (version) await markVersionUsed(tx, version.id);
    if (assessmentId) {
      await assessmentRecords.update(tx, p.id, assessmentId, value);
      return audited(
        { status: 'ok', id: assessmentId },
        {
          action: 'ret',
          entity: 'maaling',
          ...about(p),
          detail: { id: assessmentId, before: { date: before!.date, total: before!.total }, total: value.total },
        },
      );
    }
    const id = await assessmentRecords.insert(tx, p, { ...value, instrumentVersionId: version?.id ?? null }, actor.userId);
    return audited(
      { status: 'ok', id },
      { action: 'opret', entity: 'maaling', ...about(p), detail: { id, instrument: value.instrumentKey, total: value.total } },
    );
  });
}
