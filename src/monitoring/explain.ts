/**
 * Per-woman explanations: which weeks, codes and hours put her at her level in a month, and
 * her month-by-month timeline. Uses the same classification as the engine (classify.ts).
 */
import { daysInMonth, firstWeekOfMonth, isoDate, lastWeekOfMonth, mondayOf, monthString, parseMonth, weekString } from './calendar.ts';
import {
  categoryInWeek,
  codeFlags,
  durableOf,
  FLAG_F,
  FLAG_H,
  FLAG_U,
  FLAG_V,
  isBetter,
  levelOf,
  monthFlags,
  snapshotOf,
  Span,
} from './classify.ts';
import { participantFacts } from './participant-facts.ts';
import type { Category, Durable, Level, MonitorInput, Participant, PersonHours, Snapshot } from './types.ts';

export interface WeekExplanation {
  /** ISO week, e.g. `2021-W26`. */
  week: string;
  monday: string;
  code: number | null;
  category: Category | null;
  tekst: string | null;
}

export interface MonthExplanation {
  id: string;
  month: string;
  /** Whether the month lies between her enrolment month and her exit month. */
  inWindow: boolean;
  /** The weeks whose Thursday falls in the month (spec §2). */
  weeks: WeekExplanation[];
  hours: number;
  daysInMonth: number;
  /** a(m) = h(m) × 7 / days in month. */
  averageWeeklyHours: number;
  U: boolean;
  F: boolean;
  D: boolean;
  V: boolean;
  level: Level;
  /** Snapshot status if this month were the snapshot month, from its last week. */
  snapshot: Snapshot;
  snapshotWeek: string;
  /** Danish sentence saying why. */
  reason: string;
}

export interface TimelineMonth {
  month: string;
  inWindow: boolean;
  level: Level;
  /** Best level in her window up to and including this month (0 before enrolment). */
  accumulated: Level;
  snapshot: Snapshot;
  /** Paid hours h(m) and F(m) (a(m) > 18.5): the inputs of durable employment. */
  hours: number;
  F: boolean;
  /** Durable employment if this month were Dm (from this and the five months before). */
  durable: Durable;
}

function findParticipant(input: MonitorInput, who: string | number): Participant {
  const p = typeof who === 'number' ? input.participants[who] : input.participants.find((x) => x.id === who);
  if (!p) throw new RangeError(`Ukendt deltager ${who}.`);
  return p;
}

function monthArg(text: string): number {
  const m = parseMonth(text);
  if (m === null) throw new RangeError(`Ugyldig måned «${text}» (forventet ÅÅÅÅ-MM).`);
  return m;
}

function hoursIn(h: PersonHours | undefined, m: number): number {
  const i = h ? m - h.monthStart : -1;
  return h && i >= 0 && i < h.hours.length ? h.hours[i] : 0;
}

const fmt = (x: number, d = 1) => x.toLocaleString('da-DK', { minimumFractionDigits: d, maximumFractionDigits: d });

export function explainParticipant(input: MonitorInput, who: string | number, month: string): MonthExplanation {
  const p = findParticipant(input, who);
  const m = monthArg(month);
  const facts = participantFacts(p);
  const weeksOf = input.register.weeks.get(p.cpr);
  const hoursOf = input.register.hours.get(p.cpr);
  const flagsArr = new Uint8Array(1);
  monthFlags(weeksOf, hoursOf, codeFlags(input.codeTable.categoryOf), new Span(m, 1), flagsArr);
  const flags = flagsArr[0];
  const weeks: WeekExplanation[] = [];
  for (let w = firstWeekOfMonth(m); w <= lastWeekOfMonth(m); w++) {
    const i = weeksOf ? w - weeksOf.weekStart : -1;
    const code = weeksOf && i >= 0 && i < weeksOf.codes.length && weeksOf.codes[i] !== 0 ? weeksOf.codes[i] : null;
    const entry = code === null ? undefined : input.codeTable.entries.get(code);
    weeks.push({ week: weekString(w), monday: isoDate(mondayOf(w)), code, category: entry?.category ?? null, tekst: entry?.tekst ?? null });
  }
  const hours = hoursIn(hoursOf, m);
  const days = daysInMonth(m);
  const a = (hours * 7) / days;
  const level = levelOf(flags);
  const last = lastWeekOfMonth(m);
  const inWindow = facts.enrol <= m && m <= facts.exit;
  const codesOf = (cats: Category[]) =>
    weeks
      .filter((w) => w.category && cats.includes(w.category))
      .map((w) => `kode ${w.code} i uge ${w.week}`)
      .join(', ');
  const hoursText = `${fmt(hours)} løntimer i ${days} dage = ${fmt(a, 3)} timer/uge i gennemsnit`;
  let reason: string;
  if (flags & FLAG_U) reason = `Mål 1: uddannelse (${codesOf(['uddannelse'])}).`;
  else if (flags & FLAG_F) reason = `Mål 1: ${hoursText}, over 18,5.`;
  else if (flags & FLAG_H) reason = `Mål 2: ${hoursText}, højst 18,5.`;
  else if (flags & FLAG_V) reason = `Mål 3: virksomhedsrettet tilbud (${codesOf(['praktik', 'loentilskud'])}).`;
  else reason = 'Intet resultatmål: ingen uddannelse, løntimer, virksomhedspraktik eller løntilskud i måneden.';
  if (!inWindow) reason += ' Måneden ligger uden for hendes forløb og tæller ikke med.';
  return {
    id: p.id,
    month: monthString(m),
    inWindow,
    weeks,
    hours,
    daysInMonth: days,
    averageWeeklyHours: a,
    U: (flags & FLAG_U) !== 0,
    F: (flags & FLAG_F) !== 0,
    D: (flags & FLAG_H) !== 0 && (flags & FLAG_F) === 0,
    V: (flags & FLAG_V) !== 0,
    level,
    snapshot: snapshotOf(categoryInWeek(weeksOf, input.codeTable.categoryOf, last), flags),
    snapshotWeek: weekString(last),
    reason,
  };
}

/** Her months from `from` through `to` (both `YYYY-MM`): level, accumulated and snapshot. */
export function participantTimeline(input: MonitorInput, who: string | number, from: string, to: string): TimelineMonth[] {
  const p = findParticipant(input, who);
  const start = monthArg(from);
  const end = monthArg(to);
  if (end < start) return [];
  const facts = participantFacts(p);
  const weeksOf = input.register.weeks.get(p.cpr);
  const hoursOf = input.register.hours.get(p.cpr);
  const spanStart = Math.min(start - 5, facts.enrol);
  const span = new Span(spanStart, end - spanStart + 1);
  const flags = new Uint8Array(span.length);
  monthFlags(weeksOf, hoursOf, codeFlags(input.codeTable.categoryOf), span, flags);
  const out: TimelineMonth[] = [];
  let best = 0;
  for (let m = spanStart; m <= end; m++) {
    const f = flags[m - spanStart];
    const inWindow = facts.enrol <= m && m <= facts.exit;
    if (inWindow && isBetter(levelOf(f), best)) best = levelOf(f);
    if (m < start) continue;
    const cat = categoryInWeek(weeksOf, input.codeTable.categoryOf, lastWeekOfMonth(m));
    out.push({
      month: monthString(m),
      inWindow,
      level: levelOf(f),
      accumulated: best as Level,
      snapshot: snapshotOf(cat, f),
      hours: hoursIn(hoursOf, m),
      F: (f & FLAG_F) !== 0,
      durable: durableOf(flags, m - spanStart),
    });
  }
  return out;
}
