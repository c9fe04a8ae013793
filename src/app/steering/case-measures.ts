/** Steering measures from case data (pure): enrolment, company-oriented offers, CV/ABC, mix, contact, caseloads. */
import type { CaseFacts } from '../../db/steering/case-stats.ts';
import { ACTIVITY_CATEGORIES, type ActivityCategory, type Visitation } from '../../core/codes.ts';
import { upgradedOn } from '../../domain/visitation.ts';
import { DEFAULT_DANISH_THRESHOLD, passedTests, steadyAttendance } from '../../domain/danish.ts';

export interface Ratio {
  count: number;
  denominator: number;
}

const enrolledBy = (f: CaseFacts, date: string) => f.enrolments.filter((e) => e.enrolledOn <= date);

/** Enrolments (a woman enrolled twice counts twice, as in the engine) on or before `date`. */
export function enrolmentsBy(f: CaseFacts, date: string): number {
  return enrolledBy(f, date).length;
}

/** Women enrolled by `date` who had started a company-oriented activity by then. */
export function companyOrientedBy(f: CaseFacts, date: string): Ratio {
  const women = new Set(enrolledBy(f, date).map((e) => e.participantId));
  const withActivity = new Set(
    f.activities
      .filter((a) => a.category === 'virksomhedsrettet' && a.status !== 'planlagt' && a.startDate <= date && women.has(a.participantId))
      .map((a) => a.participantId),
  );
  return { count: withActivity.size, denominator: women.size };
}

/** Women enrolled by `date` whose plan has a CV on Jobnet and a full ABC job strategy. */
export function cvAbcBy(f: CaseFacts, date: string): Ratio {
  const women = new Set(enrolledBy(f, date).map((e) => e.participantId));
  return { count: [...women].filter((w) => f.cvAbc.has(w)).length, denominator: women.size };
}

/**
 * Opvisitering (Viborg): of the enrolments visited as aktivitetsparat at enrolment by `date`,
 * those changed to jobparat by `date` (a change in that enrolment, from aktivitetsparat).
 */
export function upgradedBy(f: CaseFacts, date: string): Ratio {
  const base = enrolledBy(f, date).filter((e) => e.visitation === 'aktivitetsparat');
  const count = base.filter((e) => {
    const changes = (f.visitationChanges ?? [])
      .filter((c) => c.enrolmentId === e.enrolmentId && c.date <= date)
      .map((c) => ({ date: c.date, visitation: c.visitation as Visitation }));
    return upgradedOn('aktivitetsparat', changes) !== null;
  }).length;
  return { count, denominator: base.length };
}

/** "Møder stabilt til danskundervisning" as of `date` (definition in domain/danish.ts). */
export function danishSteadyBy(f: CaseFacts, date: string): Ratio {
  const women = new Set(enrolledBy(f, date).map((e) => e.participantId));
  return steadyAttendance(women, f.danishAttendance ?? [], date, f.danishThreshold ?? DEFAULT_DANISH_THRESHOLD);
}

/** "Bestået danskuddannelse eller modultest" as of `date`: women enrolled by then who passed a test after enrolling. */
export function danishPassedBy(f: CaseFacts, date: string): Ratio {
  const first = new Map<string, string>();
  for (const e of enrolledBy(f, date))
    if (!first.has(e.participantId) || e.enrolledOn < first.get(e.participantId)!) first.set(e.participantId, e.enrolledOn);
  return passedTests(first, f.danishTests ?? [], date);
}

export const halfYearOf = (date: string) => `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? '1' : '2'}. halvår`;

export interface MixRow {
  period: string;
  counts: Record<ActivityCategory, number>;
  total: number;
}

/** Started activities per half-year and category (company-oriented against courses and the rest). */
export function activityMix(f: CaseFacts, toDate: string): MixRow[] {
  const rows = new Map<string, MixRow>();
  for (const a of f.activities) {
    if (a.status === 'planlagt' || a.startDate > toDate || !a.category) continue;
    const p = halfYearOf(a.startDate);
    let r = rows.get(p);
    if (!r)
      rows.set(p, (r = { period: p, counts: Object.fromEntries(ACTIVITY_CATEGORIES.map((c) => [c, 0])) as MixRow['counts'], total: 0 }));
    r.counts[a.category]++;
    r.total++;
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.max(0, (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1);

export interface ContactRow {
  year: string;
  conversations: number;
  /** Years of enrolment in that calendar year, summed over the women (helårspersoner i projektet). */
  womanYears: number;
  perWomanYear: number | null;
}

/** Conversations per woman per year of enrolment, calendar year by calendar year up to `toDate`. */
export function contactFrequency(f: CaseFacts, toDate: string): ContactRow[] {
  const years = new Map<string, ContactRow>();
  const row = (y: string) =>
    years.get(y) ?? (years.set(y, { year: y, conversations: 0, womanYears: 0, perWomanYear: null }), years.get(y)!);
  for (const e of f.enrolments) {
    const end = e.exitedOn && e.exitedOn < toDate ? e.exitedOn : toDate;
    if (e.enrolledOn > end) continue;
    for (let y = Number(e.enrolledOn.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
      const from = e.enrolledOn > `${y}-01-01` ? e.enrolledOn : `${y}-01-01`;
      const to = end < `${y}-12-31` ? end : `${y}-12-31`;
      row(String(y)).womanYears += days(from, to) / (y % 4 === 0 ? 366 : 365);
    }
  }
  for (const c of f.conversations) if (c.heldOn <= toDate) row(c.heldOn.slice(0, 4)).conversations++;
  return [...years.values()]
    .map((r) => ({
      ...r,
      womanYears: Math.round(r.womanYears * 10) / 10,
      perWomanYear: r.womanYears > 0 ? Math.round((r.conversations / r.womanYears) * 10) / 10 : null,
    }))
    .sort((a, b) => a.year.localeCompare(b.year));
}

export interface CaseloadRow {
  caseworker: string;
  active: number;
}

/** Women enrolled and not exited on `date`, per caseworker (sagsstamme i projektet). */
export function caseloads(f: CaseFacts, date: string): CaseloadRow[] {
  const by = new Map<string, number>();
  for (const e of f.enrolments) {
    if (e.enrolledOn > date || (e.exitedOn !== null && e.exitedOn < date)) continue;
    const k = e.caseworker ?? 'Ingen sagsbehandler';
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  return [...by.entries()]
    .map(([caseworker, active]) => ({ caseworker, active }))
    .sort((a, b) => a.caseworker.localeCompare(b.caseworker, 'da'));
}

/** End of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
