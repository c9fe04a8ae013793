/**
 * Types shared by the register readers, the engine and its callers (spec `kib-2019.1`).
 */
import type { FactColumns } from './participant-facts.ts';

export const DEFINITION = 'kib-2019.1';

/** Code-table categories (spec §1.4). Numeric id = position + 1; 0 means "no code". */
export const CATEGORIES = [
  'uddannelse',
  'praktik',
  'loentilskud',
  'fleksjob',
  'foertidspension',
  'ressourceforloeb',
  'ydelse',
  'udgaaet',
  'ingen',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CAT = {
  none: 0,
  uddannelse: 1,
  praktik: 2,
  loentilskud: 3,
  fleksjob: 4,
  foertidspension: 5,
  ressourceforloeb: 6,
  ydelse: 7,
  udgaaet: 8,
  /** Self-support, employment, holiday pay from employment: counts as a week without a code. */
  ingen: 9,
} as const;

/** Largest DREAM code the compact storage holds (codes live in an Int16Array). */
export const MAX_CODE = 32_767;

export interface CodeEntry {
  code: number;
  category: Category;
  tekst: string;
  /** Source of the mapping, when the table has a `kilde` column (the shipped one does). */
  kilde?: string;
}

export interface CodeTable {
  entries: Map<number, CodeEntry>;
  /** Category id (see CAT) by code, 0 when the code is not in the table. */
  categoryOf: Uint8Array;
}

export const VISITATIONS = ['aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige'] as const;
export type Visitation = (typeof VISITATIONS)[number];

/** One row of `deltagere` (spec §1.1), already validated. */
export interface Participant {
  id: string;
  /**
   * Ten digits, no dash: links her to the register data and gives her birth date. The
   * application may instead pass any unique key (the keyed CPR hash) together with `birthDate`,
   * so that national computations never decrypt a CPR number.
   */
  cpr: string;
  /** Birth date `YYYY-MM-DD`; when given, age is taken from it instead of from `cpr`. */
  birthDate?: string;
  kommune: string;
  visitation: Visitation;
  /** Enrolment date `YYYY-MM-DD`. */
  indskrevet: string;
  /** Exit date `YYYY-MM-DD`, or null while enrolled. */
  udskrevet: string | null;
}

/**
 * One person's benefit weeks: codes[i] is the code of week index weekStart + i (0 = none).
 * The register readers give views into buffers shared by many people: copy (`slice`) an
 * array before sending it to another thread.
 */
export interface PersonWeeks {
  weekStart: number;
  codes: Int16Array;
}

/** One person's paid hours: hours[i] is the sum for month index monthStart + i (a shared buffer, as above). */
export interface PersonHours {
  monthStart: number;
  hours: Float64Array;
}

/**
 * Register data for many people, keyed by CPR (ten digits). Week and month indexes are those
 * of `calendar.ts` (week 0 = 1990-W01, month 0 = 1990-01).
 */
export interface RegisterData {
  weeks: Map<string, PersonWeeks>;
  hours: Map<string, PersonHours>;
  /**
   * The same weeks in columns, when the readers put everyone's weeks in one array (yearly files,
   * `RegisterBuilder`): the engine reads these without the map, which is then made only when
   * `weeks` is first read (and from then on this is gone, so a map changed afterwards is the one read).
   */
  readonly weekColumns?: WeekColumns;
  /**
   * The same hours as a list, when the readers found everyone's by slot (`RegisterBuilder`): the
   * engine reads these without the map, made only when `hours` is first read (then this is gone).
   */
  readonly hourColumns?: HourColumns;
}

/** `RegisterData.hours` as a list: the k-th entry of the map is keys[k] → hours[k], no key twice. */
export interface HourColumns {
  keys: readonly string[];
  hours: readonly PersonHours[];
}

/**
 * `RegisterData.weeks` as columns: the k-th person of the map (key `keys[k]`) has her weeks
 * weekStart[k] … weekStart[k] + length[k] − 1 at codes[offset[k] …] (her map entry is those weeks).
 */
export interface WeekColumns {
  keys: readonly string[];
  /** Each week's code, or with `codeAt` a byte whose code is codeAt[byte] (0: no code). */
  codes: Int16Array | Uint8Array;
  codeAt?: Int16Array;
  offset: Int32Array;
  weekStart: Int32Array;
  length: Int32Array;
}

export interface MonitorInput {
  participants: Participant[];
  register: RegisterData;
  codeTable: CodeTable;
  /** What the engine derives from `participants` alone, made ahead (`prepareParticipants`); ignored unless made of this very array. */
  prepared?: PreparedParticipants;
}

/**
 * The participants' facts, their CPR numbers and whether those repeat, as the engine derives them
 * (`prepareParticipants`): made by the loader while a reader thread reads the register
 * (register/load.ts), so that the engine does not wait for them afterwards. `of`: the array they
 * were made of; the engine uses them only for that array, which must not have changed since.
 */
export interface PreparedParticipants {
  of: readonly Participant[];
  facts: FactColumns;
  cprs: readonly string[];
  distinct: boolean;
}

export interface MonitorOptions {
  /** Report month R, `YYYY-MM`. */
  month: string;
  /** Durable month Dm (default R). */
  durableMonth?: string;
  /** Snapshot month S (default R). */
  snapshotMonth?: string;
  /** Small-number threshold N; 0 turns suppression off (default 5). */
  suppress?: number;
}

/** 1 = Mål 1, 2 = Mål 2, 3 = Mål 3, 0 = none. */
export type Level = 0 | 1 | 2 | 3;
export type Durable = 'full' | 'partial' | 'none';

export const SNAPSHOTS = [
  'udgaaet',
  'uddannelse',
  'beskaeftigelse_fuld',
  'beskaeftigelse_delvis',
  'fleksjob',
  'foertidspension',
  'ressourceforloeb',
  'ledig_ydelse',
  'selvforsoergende',
] as const;
export type Snapshot = (typeof SNAPSHOTS)[number];

export interface ParticipantResult {
  id: string;
  current: Level | null;
  accumulated: Level;
  durable: Durable;
  snapshot: Snapshot;
}

/** A count, or a suppressed count: `<N` (primary) or `x` (secondary), spec §6. */
export type Count = number | string;

export interface LevelCounts {
  '1': Count;
  '2': Count;
  '3': Count;
  '0': Count;
}

export interface GroupResult {
  n: Count;
  accumulated: LevelCounts & { '1_or_2': Count };
  current: LevelCounts & { active: Count };
  durable: Record<Durable, Count>;
  /** Durable status by accumulated level: durableByAccumulated['1'].full etc. */
  durableByAccumulated: Record<'1' | '2' | '3' | '0', Record<Durable, Count>>;
  snapshot: Record<Snapshot, Count>;
}

export interface Groups {
  all: GroupResult;
  kommune: Record<string, GroupResult>;
  visitation: Record<string, GroupResult>;
  alder: Record<string, GroupResult>;
  aar: Record<string, GroupResult>;
}

export interface SeriesPoint {
  month: string;
  /** Women enrolled in or before this month (the denominator of `accumulated`). */
  enrolled: Count;
  active: Count;
  current: LevelCounts;
  accumulated: LevelCounts & { '1_or_2': Count };
}

export interface MonitorResult {
  definition: typeof DEFINITION;
  month: string;
  durableMonth: string;
  snapshotMonth: string;
  suppress: number;
  participants: ParticipantResult[];
  groups: Groups;
  series: SeriesPoint[];
  /** National view: enrolments after the report month, left out of every figure and shown apart. */
  laterEnrolments?: number;
  /**
   * Why each secondary (`x`) cell is hidden: its path → the path of the hidden cell it protects, or
   * HIDDEN_ON_NATIONAL_PAGE when the national page hides the same figure.
   */
  suppressedFor?: Record<string, string>;
}

/** suppressedFor's reason for a figure hidden because the national page hides it (issue 18 point 12). */
export const HIDDEN_ON_NATIONAL_PAGE = '@nationalt';
