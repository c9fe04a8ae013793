/**
 * The monitoring engine (spec §§3–6): pure, no I/O, no clock. One pass over the participants
 * fills month flags into one reused typed array per woman and counts her into her groups and
 * the monthly series; suppression runs on the counts at the end.
 */
import { addOutcome, DURABLE_SLOT, GROUP_CELLS, groupCellPath, groupResult, groupSets, partitionSets, type Outcome } from './aggregate.ts';
import { lastWeekOfMonth, monthString, parseMonth } from './calendar.ts';
import {
  categoryInWeekAt,
  codeFlags,
  durableOf,
  isBetter,
  LEVEL_OF_FLAGS,
  monthFlagsAt,
  snapshotIndex,
  Span,
  UNKNOWN,
} from './classify.ts';
import { AGE_BANDS, factColumns } from './participant-facts.ts';
import { distinctTenDigitKeys, hoursInOrder, weeksInOrder } from './ordered-lookup.ts';
import { addSeriesMonth, SERIES_CELLS, seriesCellPath, seriesPoints, seriesSets } from './series.ts';
import { suppressCells } from './suppress.ts';
import { RegisterInputError } from './input-errors.ts';
import {
  DEFINITION,
  SNAPSHOTS,
  VISITATIONS,
  type GroupResult,
  type Level,
  type MonitorInput,
  type MonitorOptions,
  type MonitorResult,
  type ParticipantResult,
} from './types.ts';

export class MonitorOptionError extends Error {
  override name = 'MonitorOptionError';
}

function requireMonth(text: string | undefined, fallback: number | null, what: string): number {
  if (text === undefined && fallback !== null) return fallback;
  const m = text === undefined ? null : parseMonth(text);
  if (m === null) throw new MonitorOptionError(`${what} skal være en måned på formen ÅÅÅÅ-MM, fx 2022-12 (fik «${text ?? ''}»).`);
  return m;
}

type Dimension = 'kommune' | 'visitation' | 'alder' | 'aar';
const DIMENSIONS: Dimension[] = ['kommune', 'visitation', 'alder', 'aar'];

// Long because it is one pass over all participants into flat counters (group blocks and the monthly series in
// one Int32Array, one flags buffer per span) with the options checked first; the pass is the hot loop of every
// report, and splitting it would pass those buffers and offsets between functions.
export function monitor(input: MonitorInput, opts: MonitorOptions): MonitorResult {
  const R = requireMonth(opts.month, null, 'Rapportmåneden');
  const Dm = requireMonth(opts.durableMonth, R, 'Måneden for varig beskæftigelse');
  const S = requireMonth(opts.snapshotMonth, R, 'Statusmåneden');
  const threshold = opts.suppress ?? 5;
  if (!Number.isInteger(threshold) || threshold < 0)
    throw new MonitorOptionError(`Grænsen for små tal skal være et helt tal ≥ 0 (fik ${threshold}).`);

  const { participants, register, codeTable } = input;
  const prepared = input.prepared?.of === participants ? input.prepared : undefined;
  const facts = prepared?.facts ?? factColumns(participants);
  const { enrol, exit } = facts;
  const seriesStart = facts.earliest === Infinity ? R : facts.earliest;
  const seriesLen = participants.length === 0 ? 0 : Math.max(0, R - seriesStart + 1);
  const spanStart = Math.min(seriesStart, Dm - 5, S, R);
  const span = new Span(spanStart, Math.max(R, Dm, S) - spanStart + 1);

  // Group blocks: all first, then each dimension's keys in sorted order.
  const keys: Record<Dimension, string[]> = {
    kommune: [...facts.kommune].sort((a, b) => a.localeCompare(b, 'da')),
    visitation: [...VISITATIONS],
    alder: [...AGE_BANDS],
    aar: [...facts.year].sort(),
  };
  const blockOf = {} as Record<Dimension, Map<string, number>>;
  let blocks = 1;
  for (const d of DIMENSIONS) blockOf[d] = new Map(keys[d].map((k) => [k, blocks++ * GROUP_CELLS]));
  const seriesOffset = blocks * GROUP_CELLS;
  const counts = new Int32Array(seriesOffset + seriesLen * SERIES_CELLS);

  const flags = new Uint8Array(span.length);
  const flagOfCode = codeFlags(codeTable.categoryOf);
  const lastWeekS = lastWeekOfMonth(S);
  const unknown = new Set<number>();
  const results: ParticipantResult[] = new Array(participants.length);
  const outcome: Outcome = { current: -1, accumulated: 0, durable: 0, snapshot: 0 };
  // Group blocks of each participant, from the index of each of her keys.
  const blockAt = (d: Dimension, ks: readonly string[]) => Int32Array.from(ks, (k) => blockOf[d].get(k)!);
  const kommuneBlock = blockAt('kommune', facts.kommune);
  const visitationBlock = blockAt('visitation', VISITATIONS);
  const bandBlock = blockAt('alder', AGE_BANDS);
  const yearBlock = blockAt('aar', facts.year);
  const blocks4 = new Int32Array(participants.length * 4);
  for (let i = 0; i < participants.length; i++) {
    blocks4[i * 4] = kommuneBlock[facts.kommuneOf[i]];
    blocks4[i * 4 + 1] = visitationBlock[facts.visitationOf[i]];
    blocks4[i * 4 + 2] = bandBlock[facts.bandOf[i]];
    blocks4[i * 4 + 3] = yearBlock[facts.yearOf[i]];
  }
  // Each participant's weeks and hours, in the order of the participants (the CPR numbers checked for repeats at most once).
  const cprs = prepared?.cprs ?? participants.map((p) => p.cpr);
  let distinct = prepared?.distinct;
  const cprsDistinct = () => (distinct ??= distinctTenDigitKeys(cprs));
  const weeksOf = weeksInOrder(register, cprs, cprsDistinct);
  // Weeks as bytes (`WeekColumns.codeAt`): each byte's flag and category rather than each code's.
  const byteCode = weeksOf.codeAt;
  const flagOf = byteCode ? Uint8Array.from(byteCode, (c) => flagOfCode[c]) : flagOfCode;
  // Weeks as bytes whose codes are all in the table: a woman's weeks before the first month the
  // results read (her enrolment, the durable window, the snapshot) are not looked at, since no
  // unknown code can hide there (otherwise every week of the span is, to find it).
  const allKnown = byteCode !== undefined && !flagOf.includes(UNKNOWN);
  const firstRead = Math.max(spanStart, Math.min(Dm - 5, S));
  const categoryOf = byteCode ? Uint8Array.from(byteCode, (c) => codeTable.categoryOf[c]) : codeTable.categoryOf;
  const hoursOf = hoursInOrder(register, cprs, cprsDistinct);
  // Months after a woman's exit repeat her last counts: add them as differences (tail[k] holds
  // what starts at series month k) and sum them up once at the end.
  const tail = new Int32Array((seriesLen + 1) * SERIES_CELLS);

  for (let i = 0; i < participants.length; i++) {
    const p = participants[i];
    const fEnrol = enrol[i];
    const fExit = exit[i];
    const codes = weeksOf.codes[i];
    const at = weeksOf.at[i];
    const ws = weeksOf.weekStart[i];
    const nw = weeksOf.length[i];
    const from = allKnown ? Math.min(firstRead, fEnrol) : spanStart;
    const unk = monthFlagsAt(codes, at, ws, nw, hoursOf[i], flagOf, span, flags, from);
    if (unk !== 0) unknown.add(byteCode ? byteCode[unk] : unk);

    // Window: enrolment month through the earliest of R and the exit month (spec §2).
    const end = fExit < R ? fExit : R;
    let best = 0;
    for (let m = fEnrol; m <= end; m++) {
      const level = LEVEL_OF_FLAGS[flags[m - spanStart]];
      if (isBetter(level, best)) best = level;
      addSeriesMonth(counts, seriesOffset + (m - seriesStart) * SERIES_CELLS, level, best);
    }
    if (end < R && fEnrol <= R) addSeriesMonth(tail, (Math.max(end, fEnrol - 1) + 1 - seriesStart) * SERIES_CELLS, -1, best);
    const current: Level | null = fEnrol <= R && R <= fExit ? LEVEL_OF_FLAGS[flags[R - spanStart]] : null;
    const durable = durableOf(flags, Dm - spanStart);
    const snap = snapshotIndex(categoryInWeekAt(codes, at, ws, nw, categoryOf, lastWeekS), flags[S - spanStart]);
    results[i] = { id: p.id, current, accumulated: best as Level, durable, snapshot: SNAPSHOTS[snap] };

    outcome.current = current ?? -1;
    outcome.accumulated = best;
    outcome.durable = DURABLE_SLOT[durable];
    outcome.snapshot = snap;
    addOutcome(counts, 0, outcome);
    for (let d = i * 4; d < i * 4 + 4; d++) addOutcome(counts, blocks4[d], outcome);
  }
  for (let k = 0; k < seriesLen; k++) {
    for (let c = 0; c < SERIES_CELLS; c++) {
      if (k > 0) tail[k * SERIES_CELLS + c] += tail[(k - 1) * SERIES_CELLS + c];
      counts[seriesOffset + k * SERIES_CELLS + c] += tail[k * SERIES_CELLS + c];
    }
  }
  if (unknown.size > 0) {
    const codes = [...unknown].sort((a, b) => a - b);
    throw new RegisterInputError('unknown_codes', `Ukendte ydelseskoder, som ikke står i kodetabellen: ${codes.join(', ')}.`, {
      file: '(registerdata)',
      codes,
    });
  }

  const sets = [...groupSets(0), ...seriesSets(seriesOffset, seriesLen)];
  for (const d of DIMENSIONS) {
    const offsets = [...blockOf[d].values()];
    for (const o of offsets) sets.push(...groupSets(o));
    sets.push(...partitionSets(0, offsets));
  }
  const protects = new Map<number, number>();
  const state = suppressCells(counts, sets, threshold, { protects });
  // Where a cell lives in the result (`groups.kommune.Aalborg.n`, `series.3.active`): the reason of each secondary cell.
  const blockName = new Map<number, string>([[0, 'groups.all']]);
  for (const d of DIMENSIONS) for (const [k, o] of blockOf[d]) blockName.set(o, `groups.${d}.${k}`);
  const pathOf = (i: number) =>
    i >= seriesOffset
      ? `series.${Math.floor((i - seriesOffset) / SERIES_CELLS)}.${seriesCellPath((i - seriesOffset) % SERIES_CELLS)}`
      : `${blockName.get(i - (i % GROUP_CELLS))}.${groupCellPath(i % GROUP_CELLS)}`;
  const suppressedFor: Record<string, string> = {};
  for (const [cell, target] of protects) suppressedFor[pathOf(cell)] = pathOf(target);
  const dim = (d: Dimension): Record<string, GroupResult> =>
    Object.fromEntries([...blockOf[d]].map(([k, o]) => [k, groupResult(counts, state, o, threshold)]));

  return {
    definition: DEFINITION,
    month: monthString(R),
    durableMonth: monthString(Dm),
    snapshotMonth: monthString(S),
    suppress: threshold,
    participants: results,
    groups: {
      all: groupResult(counts, state, 0, threshold),
      kommune: dim('kommune'),
      visitation: dim('visitation'),
      alder: dim('alder'),
      aar: dim('aar'),
    },
    series: seriesPoints(counts, state, seriesOffset, seriesStart, seriesLen, threshold),
    suppressedFor,
  };
}
