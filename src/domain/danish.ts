/**
 * Danish tuition (issue 14 build 4): her courses (danskuddannelse 1–3, module 1–6, provider),
 * attendance per month, tests (modultest, Prøve i Dansk 1–3) and sprogmakker; the form schemas
 * with Danish messages, and the two goal measures Slagelse promises.
 *
 * "Møder stabilt til danskundervisning" (measure `dansk_stabil`), as of a day D with threshold T
 * (a project setting, default 80 %): a woman counts when her three latest recorded months in or
 * before D's month each show an attendance of at least T %. Fewer than three recorded months is not
 * (yet) stable. The denominator is the women enrolled by D with at least one recorded month in or
 * before D's month (women not taught Danish are left out of the share).
 *
 * "Bestået danskuddannelse eller modultest" (measure `dansk_bestaaet`), as of a day D: the women
 * enrolled by D who passed a test (a module test or Prøve i Dansk 1, 2 or 3) dated on or after
 * their first enrolment in the project and on or before D. Each woman counts once however many
 * tests she passed; the denominator is the women enrolled by D.
 */
import { z } from 'zod';
import { DANISH_EDUCATIONS, DANISH_TEST_KINDS, DANISH_TEST_OUTCOMES } from '../core/codes.ts';
import type { DanishEducation, DanishTestKind, DanishTestOutcome } from '../core/codes.ts';
import { formatDateDa, formatMonthDa, MONTH_NAMES_DA, type IsoDate } from '../core/dates.ts';
import { isoDateField, optionalIsoDateField, parseDecimalInput } from './form-fields.ts';
import { DANISH_EDUCATION_LABELS, DANISH_TEST_KIND_LABELS, DANISH_TEST_OUTCOME_LABELS } from '../core/labels.ts';
import type { TimelineEntry } from './timeline.ts';

export const DEFAULT_DANISH_THRESHOLD = 80;
export const MAX_DANISH_TEXT = 200;
export const MAX_DANISH_RESULT = 100;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const requiredText = (empty: string, max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z
      .string()
      .min(1, { message: empty })
      .max(max, { message: tooLong })
      .refine((s) => !CONTROL.test(s), { message: 'Teksten indeholder et ugyldigt tegn.' }),
  );

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
    z
      .string()
      .max(max, { message: tooLong })
      .refine((s) => !CONTROL.test(s), { message: 'Teksten indeholder et ugyldigt tegn.' })
      .nullable(),
  );

const moduleField = (message: string) =>
  z.preprocess((v) => parseDecimalInput(v), z.number({ error: message }).int({ message }).min(1, { message }).max(6, { message }));

/** "3-2026", "03.2026", "3/2026" or "2026-03" → "2026-03"; anything else unchanged. */
export function normaliseMonthInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim().toLowerCase();
  const da = /^(\d{1,2})[.\-/ ](\d{4})$/.exec(s);
  if (da) return `${da[2]}-${da[1].padStart(2, '0')}`;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, '0')}`;
  const named = /^([a-zæøå]+)\.? (\d{4})$/.exec(s);
  if (named) {
    const i = MONTH_NAMES_DA.findIndex((m) => m === named[1] || m.slice(0, 3) === named[1].slice(0, 3));
    if (i >= 0) return `${named[2]}-${String(i + 1).padStart(2, '0')}`;
  }
  return s;
}

export const courseSchema = z
  .object({
    education: z.enum(DANISH_EDUCATIONS, { error: 'Vælg danskuddannelse (DU1, DU2 eller DU3).' }),
    module: moduleField('Vælg et modul fra 1 til 6.'),
    provider: requiredText('Skriv sprogcentret eller udbyderen.', MAX_DANISH_TEXT, `Udbyderen må højst være ${MAX_DANISH_TEXT} tegn.`),
    startDate: isoDateField,
    endDate: optionalIsoDateField,
  })
  .superRefine((v, ctx) => {
    if (v.endDate !== null && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen kan ikke ligge før startdatoen.' });
  });
export type DanishCourseInput = z.output<typeof courseSchema>;

/** Attendance for one month; the month may not lie after `today`'s month. */
export const attendanceSchema = (today: IsoDate) =>
  z.object({
    month: z.preprocess(
      normaliseMonthInput,
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Skriv måneden som mm-åååå, fx 03-2026.' })
        .refine((m) => m <= today.slice(0, 7), {
          message: 'Måneden ligger i fremtiden. Fremmødet kan kun registreres for en måned, der er begyndt.',
        }),
    ),
    percent: z.preprocess(
      parseDecimalInput,
      z
        .number({ error: 'Angiv fremmødet i procent som et helt tal fra 0 til 100.' })
        .int({ message: 'Angiv fremmødet i procent som et helt tal fra 0 til 100.' })
        .min(0, { message: 'Fremmødet skal være mellem 0 og 100 %.' })
        .max(100, { message: 'Fremmødet skal være mellem 0 og 100 %.' }),
    ),
  });
export type DanishAttendanceInput = z.output<ReturnType<typeof attendanceSchema>>;

/** A test: a module test names its module; a passed test needs its result; a result is not in the future. */
export const testSchema = (today: IsoDate) =>
  z
    .object({
      kind: z.enum(DANISH_TEST_KINDS, { error: 'Vælg hvilken prøve hun tog.' }),
      module: z.preprocess(
        (v) => (v === '' || v == null ? null : parseDecimalInput(v)),
        z
          .number({ error: 'Vælg et modul fra 1 til 6.' })
          .int({ message: 'Vælg et modul fra 1 til 6.' })
          .min(1, { message: 'Vælg et modul fra 1 til 6.' })
          .max(6, { message: 'Vælg et modul fra 1 til 6.' })
          .nullable(),
      ),
      takenOn: isoDateField,
      outcome: z.enum(DANISH_TEST_OUTCOMES, { error: 'Vælg om prøven er bestået.' }),
      result: optionalText(MAX_DANISH_RESULT, `Resultatet må højst være ${MAX_DANISH_RESULT} tegn.`),
    })
    .superRefine((v, ctx) => {
      if (v.kind === 'modultest' && v.module === null)
        ctx.addIssue({ code: 'custom', path: ['module'], message: 'Vælg hvilket modul modultesten gjaldt.' });
      if (v.outcome === 'bestaaet' && v.result === null) {
        ctx.addIssue({ code: 'custom', path: ['result'], message: 'Skriv resultatet (karakter eller point), når prøven er bestået.' });
      }
      if (v.outcome !== 'afventer' && v.takenOn > today) {
        ctx.addIssue({
          code: 'custom',
          path: ['takenOn'],
          message: 'En prøve med resultat kan ikke ligge i fremtiden. Vælg "Afventer resultat" for en kommende prøve.',
        });
      }
    })
    .transform((v) => ({ ...v, module: v.kind === 'modultest' ? v.module : null }));
export type DanishTestInput = z.output<ReturnType<typeof testSchema>>;

export const buddySchema = z
  .object({
    fromDate: isoDateField,
    hasBuddy: z.enum(['ja', 'nej'], { error: 'Vælg om hun har en sprogmakker.' }),
    buddyName: optionalText(MAX_DANISH_TEXT, `Navnet må højst være ${MAX_DANISH_TEXT} tegn.`),
  })
  .superRefine((v, ctx) => {
    if (v.hasBuddy === 'ja' && v.buddyName === null)
      ctx.addIssue({ code: 'custom', path: ['buddyName'], message: 'Skriv sprogmakkerens navn.' });
  })
  .transform((v) => ({ fromDate: v.fromDate, buddyName: v.hasBuddy === 'ja' ? v.buddyName : null }));
export type DanishBuddyInput = z.output<typeof buddySchema>;

export interface AttendanceFact {
  participantId: string;
  /** YYYY-MM */
  month: string;
  percent: number;
}

export interface TestFact {
  participantId: string;
  takenOn: IsoDate;
  outcome: DanishTestOutcome;
}

/** Her three latest recorded months in or before `month` each at least `threshold` %. */
export function attendsSteadily(months: readonly { month: string; percent: number }[], month: string, threshold: number): boolean {
  const last = months
    .filter((m) => m.month <= month)
    .sort((a, b) => b.month.localeCompare(a.month))
    .slice(0, 3);
  return last.length === 3 && last.every((m) => m.percent >= threshold);
}

export interface DanishRatio {
  count: number;
  denominator: number;
}

/** `dansk_stabil` as of `date` over the women enrolled by then (see the module comment). */
export function steadyAttendance(
  women: ReadonlySet<string>,
  attendance: readonly AttendanceFact[],
  date: IsoDate,
  threshold: number,
): DanishRatio {
  const month = date.slice(0, 7);
  const byWoman = new Map<string, AttendanceFact[]>();
  for (const a of attendance) {
    if (!women.has(a.participantId) || a.month > month) continue;
    byWoman.set(a.participantId, [...(byWoman.get(a.participantId) ?? []), a]);
  }
  let count = 0;
  for (const months of byWoman.values()) if (attendsSteadily(months, month, threshold)) count++;
  return { count, denominator: byWoman.size };
}

/** `dansk_bestaaet` as of `date`: `firstEnrolled` maps each woman enrolled by then to her first enrolment day. */
export function passedTests(firstEnrolled: ReadonlyMap<string, IsoDate>, tests: readonly TestFact[], date: IsoDate): DanishRatio {
  const passed = new Set(
    tests
      .filter(
        (t) =>
          t.outcome === 'bestaaet' &&
          t.takenOn <= date &&
          firstEnrolled.has(t.participantId) &&
          t.takenOn >= firstEnrolled.get(t.participantId)!,
      )
      .map((t) => t.participantId),
  );
  return { count: passed.size, denominator: firstEnrolled.size };
}

/** Her sprogmakker on `day`: the latest change from on or before that day (null name: none). */
export function buddyOn<T extends { fromDate: IsoDate }>(changes: readonly T[], day: IsoDate): T | null {
  let best: T | null = null;
  for (const c of changes) if (c.fromDate <= day && (best === null || c.fromDate >= best.fromDate)) best = c;
  return best;
}

export interface DanishTimelineInput {
  courses: readonly { education: DanishEducation; module: number; provider: string; startDate: IsoDate; endDate: IsoDate | null }[];
  attendance: readonly { month: string; percent: number }[];
  tests: readonly { kind: DanishTestKind; module: number | null; takenOn: IsoDate; outcome: DanishTestOutcome; result: string | null }[];
  buddies: readonly { fromDate: IsoDate; buddyName: string | null }[];
}

/** Her Danish tuition as timeline entries: each module's start, each month's attendance (dated the month's last day), each test, each sprogmakker change. */
export function danishTimeline(d: DanishTimelineInput): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const c of d.courses) {
    out.push({
      date: c.startDate,
      kind: 'dansk',
      title: `Dansk: ${DANISH_EDUCATION_LABELS[c.education]}, modul ${c.module}`,
      detail: [c.provider, c.endDate ? `til ${formatDateDa(c.endDate)}` : ''].filter(Boolean).join(' · '),
    });
  }
  for (const a of d.attendance) {
    const [y, m] = a.month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ date: last, kind: 'dansk', title: `Fremmøde til dansk i ${formatMonthDa(a.month)}: ${a.percent} %`, detail: '' });
  }
  for (const t of d.tests) {
    const name = t.kind === 'modultest' && t.module !== null ? `modultest, modul ${t.module}` : DANISH_TEST_KIND_LABELS[t.kind];
    out.push({
      date: t.takenOn,
      kind: 'dansk',
      title: `Dansk: ${name} – ${DANISH_TEST_OUTCOME_LABELS[t.outcome].toLowerCase()}`,
      detail: t.result ? `Resultat: ${t.result}` : '',
    });
  }
  for (const b of d.buddies)
    out.push({ date: b.fromDate, kind: 'dansk', title: b.buddyName ? `Sprogmakker: ${b.buddyName}` : 'Ingen sprogmakker', detail: '' });
  return out;
}

export type { DanishEducation, DanishTestKind, DanishTestOutcome };
