/**
 * What the forms on her case show before anything is typed: her case file, the record being
 * corrected, the instrument of an assessment, her visitation and consultant now, and the
 * description of a record she is about to delete. One function per form; each throws not found
 * when she (or the record) is not in the actor's case load, so a route only parses, calls and renders.
 */
import type { Actor } from '../../core/actor.ts';
import type { Visitation } from '../../core/codes.ts';
import { notFound } from '../../core/errors.ts';
import { formatDate } from '../../core/format.ts';
import { CONVERSATION_KIND_LABELS, EXEMPTION_KIND_LABELS, VISITATION_LABELS } from '../../core/labels.ts';
import type { Db } from '../../db/door.ts';
import { findActivityType } from '../../domain/activities.ts';
import { findInstrument, WHO5, type Instrument } from '../../domain/instruments.ts';
import { parseProjectInstrumentKey, projectInstrumentKey } from '../../domain/project-instruments.ts';
import { getCaseFile, type CaseFile } from './case-file.ts';
import type { CaseRecordKind } from './delete-case-record.ts';
import { enrolOptions, type EnrolOptions } from './enrol-participant.ts';

/** Her case file, or not found (Deltageren). */
export async function caseFileForForm(db: Db, actor: Actor, participantId: string): Promise<CaseFile> {
  const f = await getCaseFile(db, actor, participantId);
  if (!f) throw notFound('Deltageren');
  return f;
}

/** The records a form corrects, by kind, with the not-found text of each. */
const EDITABLE = {
  aktivitet: { list: (f: CaseFile) => f.activities, missing: 'Aktiviteten' },
  samtale: { list: (f: CaseFile) => f.conversations, missing: 'Samtalen' },
  fritagelse: { list: (f: CaseFile) => f.exemptions, missing: 'Fritagelsen' },
};
export type EditableKind = keyof typeof EDITABLE;
type RecordOf<K extends EditableKind> = ReturnType<(typeof EDITABLE)[K]['list']>[number];

/** Her case file and, for a correction (`recordId`), the record of this kind being corrected. */
export async function caseRecordForm<K extends EditableKind>(
  db: Db,
  actor: Actor,
  participantId: string,
  kind: K,
  recordId?: string,
): Promise<{ file: CaseFile; record: RecordOf<K> | null }> {
  const file = await caseFileForForm(db, actor, participantId);
  if (!recordId) return { file, record: null };
  const record = (EDITABLE[kind].list(file) as { id: string }[]).find((x) => x.id === recordId) as RecordOf<K> | undefined;
  if (!record) throw notFound(EDITABLE[kind].missing);
  return { file, record };
}

/**
 * The assessment form: the instrument asked for (a new score on a project instrument only on a
 * version that takes scores in her latest project; an older or retired version asked for moves to
 * the version of the same instrument that takes scores now), or for a correction the assessment
 * and the instrument it was scored on. WHO-5 when nothing else fits.
 */
export async function assessmentForm(db: Db, actor: Actor, participantId: string, askedKey: string, recordId?: string) {
  const file = await caseFileForForm(db, actor, participantId);
  const pi = file.projectInstruments;
  const scorable = pi.instruments.filter((i) => pi.scorable.some((v) => projectInstrumentKey(v.instrumentId, v.version) === i.key));
  if (recordId) {
    const record = file.assessments.find((x) => x.id === recordId);
    if (!record) throw notFound('Målingen');
    return { file, record, instrument: findInstrument(record.instrumentKey, pi.instruments) ?? WHO5 };
  }
  let key = askedKey;
  const asked = parseProjectInstrumentKey(key);
  if (asked && !findInstrument(key, scorable)) {
    const now = pi.scorable.find((v) => v.instrumentId === asked.instrumentId);
    if (!now) throw notFound('Måleredskabet');
    key = projectInstrumentKey(now.instrumentId, now.version);
  }
  const instrument: Instrument = findInstrument(key, scorable) ?? WHO5;
  return { file, record: null, instrument };
}

/** The visitation form: her visitation at enrolment and the one in force after her latest change. */
export async function visitationForm(db: Db, actor: Actor, participantId: string) {
  const file = await caseFileForForm(db, actor, participantId);
  const atEnrolment = (file.participant.enrolment?.visitation ?? null) as Visitation | null;
  const current = file.visitationSteps.length ? file.visitationSteps[file.visitationSteps.length - 1].to : atEnrolment;
  return { file, atEnrolment, current };
}

/** The consultant form: her company consultant today and whom she can have (the organisation's caseworkers). */
export async function consultantForm(
  db: Db,
  actor: Actor,
  participantId: string,
): Promise<{ file: CaseFile; current: string | null; consultants: EnrolOptions['caseworkers'] }> {
  const file = await caseFileForForm(db, actor, participantId);
  const { caseworkers } = await enrolOptions(db, actor);
  return { file, current: file.consultant?.consultantName ?? null, consultants: caseworkers };
}

/** A short Danish description of one of her records, or null when it is not hers. */
function describeRecord(f: CaseFile, kind: CaseRecordKind, id: string): string | null {
  if (kind === 'aktivitet') {
    const a = f.activities.find((x) => x.id === id);
    return a ? `aktiviteten ${findActivityType(a.typeKey, f.config.extraTypes)?.name ?? a.typeKey} fra ${formatDate(a.startDate)}` : null;
  }
  if (kind === 'samtale') {
    const c = f.conversations.find((x) => x.id === id);
    return c ? `samtalen (${CONVERSATION_KIND_LABELS[c.kind].toLowerCase()}) den ${formatDate(c.date)}` : null;
  }
  if (kind === 'fritagelse') {
    const x = f.exemptions.find((e) => e.id === id);
    return x ? `fritagelsen (${EXEMPTION_KIND_LABELS[x.kind].toLowerCase()}) fra ${formatDate(x.startDate)}` : null;
  }
  if (kind === 'visitation') {
    const v = f.visitationSteps.find((x) => x.change.id === id);
    return v
      ? `ændringen af visitation den ${formatDate(v.change.date)} (${VISITATION_LABELS[v.from]} → ${VISITATION_LABELS[v.to]})`
      : null;
  }
  if (kind === 'virksomhedskonsulent') {
    const c = f.consultantChanges.find((x) => x.id === id);
    return c
      ? `skiftet af virksomhedskonsulent fra ${formatDate(c.fromDate)} (${c.consultantId === null ? 'ingen' : (c.consultantName ?? '–')})`
      : null;
  }
  if (kind === 'familiesituation') {
    const c = f.familyChanges.find((x) => x.id === id);
    return c ? `familiesituationen fra ${formatDate(c.fromDate)}` : null;
  }
  const m = f.assessments.find((x) => x.id === id);
  return m
    ? `målingen (${findInstrument(m.instrumentKey, f.projectInstruments.instruments)?.name ?? m.instrumentKey}) den ${formatDate(m.date)}`
    : null;
}

/** The confirmation before deleting one of her records: her file and what is about to go (or not found: Posten). */
export async function recordToDelete(db: Db, actor: Actor, participantId: string, kind: CaseRecordKind, recordId: string) {
  const file = await caseFileForForm(db, actor, participantId);
  const what = describeRecord(file, kind, recordId);
  if (!what) throw notFound('Posten');
  return { file, what };
}
