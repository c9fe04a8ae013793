/**
 * One woman's history as a single dated list: enrolment and exit, activities, conversations,
 * assessments, plan changes and monthly register statuses (SIRI's levels, spec/monitoring.md
 * §"level": 1 = Mål 1 education or work above 18.5 h/week, 2 = Mål 2 paid hours, 3 = Mål 3
 * company-oriented activity, 0 = none of these).
 */
import { findActivityType, type ActivityType } from './activities.ts';
import type { PlanChange } from './plan.ts';
import { addDays, formatDateDa, type IsoDate } from '../core/dates.ts';
import type { ActivityStatus, ConversationKind, ExemptionKind, ExitReason, Visitation } from '../core/codes.ts';
import type { Assessment, Instrument } from './instrument-types.ts';
import { findInstrument, scoreAssessment } from './instruments.ts';
import {
  ACTIVITY_STATUS_LABELS,
  CONVERSATION_KIND_LABELS,
  EXEMPTION_KIND_LABELS,
  EXIT_REASON_LABELS,
  VISITATION_LABELS,
} from '../core/labels.ts';

export type TimelineKind =
  | 'indskrivning'
  | 'udskrivning'
  | 'aktivitet_start'
  | 'aktivitet_slut'
  | 'samtale'
  | 'maaling'
  | 'planaendring'
  | 'registerstatus'
  | 'fritagelse_start'
  | 'fritagelse_slut'
  | 'visitation'
  | 'gruppemoede'
  | 'dansk';

export interface TimelineEntry {
  date: IsoDate;
  kind: TimelineKind;
  /** Danish headline. */
  title: string;
  /** Danish detail line; may be empty. */
  detail: string;
}

export type RegisterLevel = 0 | 1 | 2 | 3;

export const REGISTER_LEVEL_LABELS: Record<RegisterLevel, string> = {
  1: 'Mål 1: uddannelse eller beskæftigelse over 18,5 timer/uge',
  2: 'Mål 2: løntimer, højst 18,5 timer/uge',
  3: 'Mål 3: virksomhedsrettet tilbud',
  0: 'Ingen af målene',
};

export interface TimelineInput {
  enrolment?: { date: IsoDate; exitDate: IsoDate | null; exitReason?: ExitReason | null };
  activities?: readonly {
    typeKey: string;
    provider?: string | null;
    startDate: IsoDate;
    endDate: IsoDate | null;
    status: ActivityStatus;
    hoursPerWeek?: number | null;
  }[];
  conversations?: readonly {
    date: IsoDate;
    kind: ConversationKind;
    participants?: string | null;
    interpreterUsed?: boolean;
    note?: string | null;
  }[];
  assessments?: readonly Assessment[];
  /** One group per saved plan version; `date` is when it was saved, `by` who saved it. */
  planChanges?: readonly { date: IsoDate; by?: string; changes: readonly PlanChange[] }[];
  registerStatuses?: readonly { month: string; level: RegisterLevel; snapshot: string }[];
  /** Exemption periods: the start, and the day after the end (when the rules apply again). */
  exemptions?: readonly { kind: ExemptionKind; startDate: IsoDate; endDate: IsoDate | null; reason?: string | null }[];
  /** Changes of visitation, each with where it came from. */
  visitationChanges?: readonly { date: IsoDate; from: Visitation; to: Visitation; reason?: string | null }[];
  extraActivityTypes?: readonly ActivityType[];
  extraInstruments?: readonly Instrument[];
}

/** Order of kinds on the same day: enrolment first, exit last. */
const KIND_ORDER: TimelineKind[] = [
  'indskrivning',
  'visitation',
  'registerstatus',
  'fritagelse_slut',
  'aktivitet_slut',
  'aktivitet_start',
  'samtale',
  'gruppemoede',
  'dansk',
  'maaling',
  'planaendring',
  'fritagelse_start',
  'udskrivning',
];

const hours = (h: number | null | undefined) => (h == null ? '' : `${String(h).replace('.', ',')} t/uge`);
const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p).join(' · ');

/** Merge everything into one list, oldest first (stable within a day by kind, then input order). */
// Long because it is one flat merge: one short loop per kind of record (activities, conversations, assessments,
// plan changes, register statuses, visitation changes, exemptions …) turning each into timeline entries, then
// one sort. Each loop reads on its own.
export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const e = input.enrolment;
  if (e) {
    out.push({ date: e.date, kind: 'indskrivning', title: 'Indskrevet i projektet', detail: '' });
    if (e.exitDate) {
      out.push({
        date: e.exitDate,
        kind: 'udskrivning',
        title: 'Udskrevet af projektet',
        detail: e.exitReason ? `Årsag: ${EXIT_REASON_LABELS[e.exitReason]}` : '',
      });
    }
  }
  for (const a of input.activities ?? []) {
    const name = findActivityType(a.typeKey, input.extraActivityTypes)?.name ?? a.typeKey;
    const period = a.endDate ? `${formatDateDa(a.startDate)}–${formatDateDa(a.endDate)}` : `fra ${formatDateDa(a.startDate)}`;
    out.push({
      date: a.startDate,
      kind: 'aktivitet_start',
      title: `Start: ${name}`,
      detail: join(a.provider, period, hours(a.hoursPerWeek), ACTIVITY_STATUS_LABELS[a.status]),
    });
    if (a.endDate && (a.status === 'afsluttet' || a.status === 'afbrudt')) {
      out.push({
        date: a.endDate,
        kind: 'aktivitet_slut',
        title: `${a.status === 'afbrudt' ? 'Afbrudt' : 'Afsluttet'}: ${name}`,
        detail: join(a.provider),
      });
    }
  }
  for (const c of input.conversations ?? []) {
    out.push({
      date: c.date,
      kind: 'samtale',
      title: CONVERSATION_KIND_LABELS[c.kind],
      detail: join(c.participants, c.interpreterUsed ? 'med tolk' : null, c.note),
    });
  }
  for (const a of input.assessments ?? []) {
    const instrument = findInstrument(a.instrumentKey, input.extraInstruments);
    const scored = instrument ? scoreAssessment(instrument, a.answers) : null;
    const detail = scored?.ok ? join(`Score ${scored.value.total}`, ...scored.value.flags.map((f) => f.text)) : 'Ufuldstændig måling';
    out.push({ date: a.date, kind: 'maaling', title: `Måling: ${instrument?.name ?? a.instrumentKey}`, detail });
  }
  for (const p of input.planChanges ?? []) {
    const detail = p.changes.map((c) => `${c.label}: ${c.from ?? '–'} → ${c.to ?? '–'}`).join('; ');
    out.push({ date: p.date, kind: 'planaendring', title: p.by ? `Plan ændret af ${p.by}` : 'Plan ændret', detail });
  }
  for (const r of input.registerStatuses ?? []) {
    out.push({
      date: `${r.month}-01`,
      kind: 'registerstatus',
      title: `Registerstatus ${r.month}: ${REGISTER_LEVEL_LABELS[r.level]}`,
      detail: r.snapshot,
    });
  }
  for (const v of input.visitationChanges ?? []) {
    out.push({
      date: v.date,
      kind: 'visitation',
      title: `Visitation ændret: ${VISITATION_LABELS[v.from]} → ${VISITATION_LABELS[v.to]}`,
      detail: v.reason ?? '',
    });
  }
  for (const x of input.exemptions ?? []) {
    const label = EXEMPTION_KIND_LABELS[x.kind].toLowerCase();
    const period = x.endDate
      ? `${formatDateDa(x.startDate)}–${formatDateDa(x.endDate)}`
      : `fra ${formatDateDa(x.startDate)}, uden slutdato`;
    out.push({
      date: x.startDate,
      kind: 'fritagelse_start',
      title: `Fritaget (${label}): opfølgningsreglerne holder pause`,
      detail: join(period, x.reason),
    });
    if (x.endDate)
      out.push({
        date: addDays(x.endDate, 1),
        kind: 'fritagelse_slut',
        title: `Fritagelse (${label}) slut: opfølgningsreglerne gælder igen`,
        detail: '',
      });
  }
  return out
    .map((entry, i) => ({ entry, i }))
    .sort(
      (x, y) =>
        x.entry.date.localeCompare(y.entry.date) || KIND_ORDER.indexOf(x.entry.kind) - KIND_ORDER.indexOf(y.entry.kind) || x.i - y.i,
    )
    .map((x) => x.entry);
}
