/**
 * Group sessions (issue 14 build 3): the kinds the applications name (kvindecafé, fællesmøde,
 * kick-start team, informationsmøde, session for partners/men), the session form, a repeating
 * series (every 1–8 weeks until a date), attendance per woman and the attendance rate per kind.
 * Pure: no database, no clock.
 */
import { z } from 'zod';
import { addDays, formatDateDa, type IsoDate } from '../core/dates.ts';
import { isoDateField, optionalIsoDateField, optionalTextField } from './form-fields.ts';

export const GROUP_SESSION_KINDS = ['kvindecafe', 'faellesmoede', 'kickstart', 'informationsmoede', 'partnere'] as const;
export type GroupSessionKind = (typeof GROUP_SESSION_KINDS)[number];
export const GROUP_SESSION_KIND_LABELS: Record<GroupSessionKind, string> = {
  kvindecafe: 'Kvindecafé',
  faellesmoede: 'Fællesmøde',
  kickstart: 'Kick-start-team',
  informationsmoede: 'Informationsmøde',
  partnere: 'Møde for partnere og mænd',
};

export const ATTENDANCE_STATUSES = ['moedt', 'afbud', 'udeblevet'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { moedt: 'Mødt', afbud: 'Afbud', udeblevet: 'Udeblevet' };

/** A series is at most a year of weekly sessions. */
export const MAX_SERIES = 53;
export const MAX_LANGUAGES = 10;

/** "9.30", "09:30", "930" → "09:30"; anything else is left for the schema to refuse. */
export function normaliseTime(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const m = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(input.trim());
  if (!m) return input.trim();
  return `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
}

const timeField = (label: string) =>
  z.preprocess(
    (v) => (v == null ? '' : normaliseTime(v)),
    z.string().superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: `Angiv ${label}.` });
      else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v))
        ctx.addIssue({ code: 'custom', message: `Skriv ${label} som tt.mm, fx 9.30 eller 14.00.` });
    }),
  );

/** "arabisk, somali" → ['arabisk', 'somali'] (trimmed, no duplicates, first letter kept as typed). */
export function parseLanguages(input: unknown): string[] {
  if (typeof input !== 'string') return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[,;\n]/)) {
    const s = part.trim().replace(/\s+/g, ' ');
    if (s && !seen.has(s.toLowerCase())) {
      seen.add(s.toLowerCase());
      out.push(s);
    }
  }
  return out;
}

/** How often a new meeting may repeat, in weeks (0, not repeated, besides). */
export const REPEAT_WEEKS = [1, 2, 3, 4, 6, 8] as const;

const sessionFields = {
  projectId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined),
    z.number({ error: 'Vælg et projekt.' }),
  ),
  kind: z.enum(GROUP_SESSION_KINDS, { error: 'Vælg hvilken slags møde det er.' }),
  title: optionalTextField(200, 'Titlen må højst være 200 tegn.'),
  heldOn: isoDateField,
  startsAt: timeField('starttidspunktet'),
  endsAt: timeField('sluttidspunktet'),
  place: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().min(1, { message: 'Angiv stedet.' }).max(200, { message: 'Stedet må højst være 200 tegn.' }),
  ),
  languages: z.preprocess(
    parseLanguages,
    z.array(z.string()).superRefine((l, ctx) => {
      if (l.length > MAX_LANGUAGES) ctx.addIssue({ code: 'custom', message: `Højst ${MAX_LANGUAGES} tolkesprog.` });
      else if (l.some((x) => x.length > 40 || !/^[\p{L}][\p{L} -]*$/u.test(x)))
        ctx.addIssue({ code: 'custom', message: 'Skriv sprogene med bogstaver, adskilt af komma, fx arabisk, somali.' });
    }),
  ),
  note: optionalTextField(2000, 'Noten må højst være 2000 tegn.'),
  repeatWeeks: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : 0),
    z.number().refine((n) => n === 0 || (REPEAT_WEEKS as readonly number[]).includes(n), { message: 'Vælg hvor ofte mødet gentages.' }),
  ),
  repeatUntil: optionalIsoDateField,
};

export interface GroupSessionInput {
  projectId: number;
  kind: GroupSessionKind;
  title: string | null;
  heldOn: IsoDate;
  startsAt: string;
  endsAt: string;
  place: string;
  languages: string[];
  note: string | null;
  repeatWeeks: number;
  repeatUntil: IsoDate | null;
}

/**
 * The session form, field by field (so every field's error shows at once) and then across fields
 * with the values that passed: the end after the start, the project one of the jobcentre's, and —
 * only when creating — a series' end after its first date and at most MAX_SERIES sessions.
 */
export function parseGroupSession(
  raw: Record<string, string>,
  o: { projects: readonly number[]; creating: boolean },
): { ok: true; value: GroupSessionInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const v: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(sessionFields)) {
    const r = schema.safeParse(raw[k]);
    if (r.success) v[k] = r.data;
    else errors[k] = r.error.issues[0].message;
  }
  const ok = (k: string) => !(k in errors);
  if (ok('projectId') && !o.projects.includes(v.projectId as number)) errors.projectId = 'Vælg et af jobcentrets projekter.';
  if (ok('startsAt') && ok('endsAt') && (v.endsAt as string) <= (v.startsAt as string))
    errors.endsAt = 'Sluttidspunktet skal ligge efter starttidspunktet.';
  if (o.creating && ok('repeatWeeks') && ok('repeatUntil') && (v.repeatWeeks as number) > 0) {
    const until = v.repeatUntil as IsoDate | null;
    if (!until) errors.repeatUntil = 'Angiv hvornår gentagelsen slutter.';
    else if (ok('heldOn') && until <= (v.heldOn as IsoDate))
      errors.repeatUntil = `Gentagelsen skal slutte efter det første møde (${formatDateDa(v.heldOn as IsoDate)}).`;
    else if (ok('heldOn') && seriesDates(v.heldOn as IsoDate, v.repeatWeeks as number, until).length > MAX_SERIES) {
      errors.repeatUntil = `En serie kan højst have ${MAX_SERIES} møder. Vælg en tidligere slutdato.`;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const value = v as unknown as GroupSessionInput;
  return { ok: true, value: o.creating ? value : { ...value, repeatWeeks: 0, repeatUntil: null } };
}

/** Editing a session of a series: this one only, or the date-independent fields of the whole series. */
export const SERIES_SCOPES = ['kun_denne', 'hele_serien'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];
export const SERIES_SCOPE_LABELS: Record<SeriesScope, string> = { kun_denne: 'Kun dette møde', hele_serien: 'Hele serien' };
export const seriesScopeOf = (v: string): SeriesScope | null =>
  (SERIES_SCOPES as readonly string[]).includes(v) ? (v as SeriesScope) : null;

/** The dates of a series: the first, then every `weeks` weeks up to and including `until`. */
export function seriesDates(first: IsoDate, weeks: number, until: IsoDate | null): IsoDate[] {
  if (!weeks || !until) return [first];
  const out: IsoDate[] = [];
  for (let d = first; d <= until && out.length <= MAX_SERIES; d = addDays(d, 7 * weeks)) out.push(d);
  return out;
}

export const cancelSchema = z.object({
  reason: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().min(1, { message: 'Skriv hvorfor mødet er aflyst.' }).max(500, { message: 'Begrundelsen må højst være 500 tegn.' }),
  ),
});

/** One attendance answer from the form: '' (not recorded; removes one) or a status. */
export function parseAttendance(v: unknown): AttendanceStatus | null | undefined {
  if (v === '' || v === undefined) return null;
  return (ATTENDANCE_STATUSES as readonly string[]).includes(String(v)) ? (v as AttendanceStatus) : undefined;
}

export interface AttendanceRate {
  kind: GroupSessionKind;
  sessions: number;
  registered: number;
  attended: number;
  excused: number;
  absent: number;
  /** attended / registered, or null when nobody is registered. */
  rate: number | null;
}

/**
 * Attendance rate per kind: of the women registered at held (not cancelled) sessions, the share
 * who came. Afbud counts as not attending: the rate is how many of those expected were there.
 */
export function attendanceRates(
  sessions: readonly { kind: GroupSessionKind; cancelled: boolean; statuses: readonly AttendanceStatus[] }[],
): AttendanceRate[] {
  return GROUP_SESSION_KINDS.map((kind) => {
    const held = sessions.filter((s) => s.kind === kind && !s.cancelled);
    const all = held.flatMap((s) => s.statuses);
    const attended = all.filter((s) => s === 'moedt').length;
    return {
      kind,
      sessions: held.length,
      registered: all.length,
      attended,
      excused: all.filter((s) => s === 'afbud').length,
      absent: all.filter((s) => s === 'udeblevet').length,
      rate: all.length ? attended / all.length : null,
    };
  });
}
