/**
 * The effect engine (spec `effekt-2026.1` §§2–5): exact strata, nearest neighbours on benefit
 * and hours history with a caliper, outcomes over a horizon, the effect with a seeded bootstrap
 * interval, the raw difference and the balance table. Pure: no I/O, no clock.
 *
 * Work is done per municipality and enrolment month: a pool woman's baseline at e is computed
 * once for all participants of her municipality enrolled in e, from a running count of her
 * support weeks (two look-ups per b52/b156).
 */
import { deriveSeed, mulberry32 } from '../core/prng.ts';
import { monthString, parseMonth } from '../monitoring/calendar.ts';
import { participantFacts } from '../monitoring/participant-facts.ts';
import type { PersonWeeks } from '../monitoring/types.ts';
import { RegisterInputError } from '../register/errors.ts';
import {
  addSupportByCategoryYear,
  baselineAt,
  birthOf,
  bandOfBirth,
  codeLookups,
  Horizon,
  monthKeys,
  OUTCOME_COUNT,
  outcomesAt,
  statusAt,
  supportWeeksEnding,
  hoursBefore,
  type Baseline,
  type CodeLookups,
} from './facts.ts';
import { lowerMedian, quantileSorted, sampleSd, smd, weightedMoments } from './stats.ts';
import {
  BALANCE_VARIABLES,
  CALIPER,
  EFFECT_DEFINITION,
  OUTCOMES,
  type BalanceRow,
  type EffectInput,
  type EffectOptions,
  type EffectResult,
  type Match,
  type Outcome,
  type OutcomeEstimate,
  type PoolMember,
} from './types.ts';

export class EffectOptionError extends Error {
  override name = 'EffectOptionError';
}

function wholeNumber(value: number | undefined, fallback: number, min: number, max: number, what: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max)
    throw new EffectOptionError(`${what} skal være et helt tal fra ${min} til ${max} (fik ${value}).`);
  return v;
}

export interface EffectSettings {
  R: number;
  H: number;
  k: number;
  B: number;
  seed: number;
}

export function effectSettings(opts: EffectOptions): EffectSettings {
  const R = parseMonth(opts.month ?? '');
  if (R === null)
    throw new EffectOptionError(`Rapportmåneden skal være en måned på formen ÅÅÅÅ-MM, fx 2022-12 (fik «${opts.month ?? ''}»).`);
  return {
    R,
    H: wholeNumber(opts.horizon, 12, 1, 120, 'Horisonten (måneder)'),
    k: wholeNumber(opts.controls, 3, 1, 50, 'Antal kontroller pr. deltager'),
    B: wholeNumber(opts.bootstrap, 1000, 0, 100_000, 'Antal bootstrap-gentagelser'),
    seed: wholeNumber(opts.seed, 1, 0, 2 ** 32 - 1, 'Frøet (seed)'),
  };
}

/** Municipalities are compared trimmed and without regard to letter case. */
export function kommuneKey(k: string): string {
  return k.trim().toLowerCase();
}

/** The pool without participants (by CPR) and without repeats (first kept), spec §1. */
export function effectivePool(input: EffectInput): PoolMember[] {
  const taken = new Set(input.participants.map((p) => p.cpr));
  const out: PoolMember[] = [];
  for (const w of input.pool) {
    if (taken.has(w.cpr)) continue;
    taken.add(w.cpr);
    out.push(w);
  }
  return out;
}

function checkCodes(weeks: Iterable<PersonWeeks | undefined>, lk: CodeLookups): void {
  const unknown = new Set<number>();
  for (const w of weeks) {
    if (!w) continue;
    const codes = w.codes;
    let prev = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === prev) continue;
      prev = c;
      if (c !== 0 && lk.categoryOf[c] === 0) unknown.add(c);
    }
  }
  if (unknown.size > 0) {
    const codes = [...unknown].sort((a, b) => a - b);
    throw new RegisterInputError('unknown_codes', `Ukendte ydelseskoder, som ikke står i kodetabellen: ${codes.join(', ')}.`, {
      file: '(registerdata)',
      codes,
    });
  }
}

/** 1/SD of b52, b156, h12 over the given baselines; 0 for a variable with SD 0 (left out). */
export function inverseSds(baselines: Baseline[]): Float64Array {
  const inv = new Float64Array(3);
  BALANCE_VARIABLES.forEach((v, j) => {
    const sd = sampleSd(baselines.map((b) => b[v]));
    inv[j] = sd > 0 ? 1 / sd : 0;
  });
  return inv;
}

export interface EffectDetails {
  result: EffectResult;
  /** Matches of the participants inside the horizon that have at least one control. */
  matches: Match[];
  /** The pool the match indexes refer to. */
  pool: PoolMember[];
  /** Baselines of all participants at their own e. */
  baselines: Baseline[];
  /**
   * Support weeks saved per matched participant (mean over her controls − hers, averaged over
   * matched participants) by support category and calendar year: the investment case's input.
   */
  supportSaved: { category: string; year: number; weeks: number }[];
  inverseSd: Float64Array;
}

export function effect(input: EffectInput, opts: EffectOptions): EffectResult {
  return effectDetails(input, opts).result;
}

// Long because it follows the method note section by section (§2 baselines, §4 matching and outcomes, §5
// estimates and bootstrap) over flat typed arrays and scratch buffers that the sections share; see matchAll for
// the same reason.
export function effectDetails(input: EffectInput, opts: EffectOptions): EffectDetails {
  const { R, H, k, B, seed } = effectSettings(opts);
  const { participants, register, codeTable } = input;
  const lk = codeLookups(codeTable);
  const pool = effectivePool(input);
  checkCodes(
    participants.map((p) => register.weeks.get(p.cpr)),
    lk,
  );
  checkCodes(
    pool.map((w) => register.weeks.get(w.cpr)),
    lk,
  );

  // §2: each participant's baseline at her own enrolment month.
  const enrol = participants.map((p) => participantFacts(p).enrol);
  const baselines = participants.map((p, i) => {
    const weeks = register.weeks.get(p.cpr);
    return baselineAt(p, weeks, register.hours.get(p.cpr), lk, monthKeys(enrol[i]));
  });
  const inv = inverseSds(baselines);

  // §4: only participants whose window ends by R take part.
  const inside: number[] = [];
  let excludedShortWindow = 0;
  participants.forEach((_, i) => (enrol[i] + H - 1 <= R ? inside.push(i) : excludedShortWindow++));

  const matches = matchAll(input, pool, inside, enrol, baselines, inv, k, lk);
  const matchedSet = new Set(matches.map((m) => m.participant));
  const unmatched = inside.filter((i) => !matchedSet.has(i)).map((i) => participants[i].id);

  // §4: outcomes of each matched participant and of her controls at her e.
  const n = matches.length;
  const yT = new Float64Array(n * OUTCOME_COUNT);
  const yC = new Float64Array(n * OUTCOME_COUNT);
  const horizons = new Map<number, Horizon>();
  const horizonAt = (e: number): Horizon => {
    let h = horizons.get(e);
    if (!h) horizons.set(e, (h = new Horizon(e, H)));
    return h;
  };
  const tmp = new Float64Array(OUTCOME_COUNT);
  const used = new Set<number>();
  let fewerControls = 0;
  const saved = new Map<string, number>();
  matches.forEach((m, r) => {
    const p = participants[m.participant];
    const hz = horizonAt(enrol[m.participant]);
    outcomesAt(register.weeks.get(p.cpr), register.hours.get(p.cpr), lk, hz, yT, r * OUTCOME_COUNT);
    addSupportByCategoryYear(register.weeks.get(p.cpr), lk, hz, -1, saved);
    if (m.controls.length < k) fewerControls++;
    for (const c of m.controls) {
      used.add(c);
      addSupportByCategoryYear(register.weeks.get(pool[c].cpr), lk, hz, 1 / m.controls.length, saved);
      outcomesAt(register.weeks.get(pool[c].cpr), register.hours.get(pool[c].cpr), lk, hz, tmp, 0);
      for (let o = 0; o < OUTCOME_COUNT; o++) yC[r * OUTCOME_COUNT + o] += tmp[o] / m.controls.length;
    }
  });

  // §5: the whole pool at the median enrolment month of the matched participants.
  const median = n > 0 ? lowerMedian(matches.map((m) => enrol[m.participant])) : null;
  const poolMean = new Float64Array(OUTCOME_COUNT).fill(NaN);
  const poolX: Float64Array[] = BALANCE_VARIABLES.map(() => new Float64Array(pool.length));
  if (median !== null && pool.length > 0) {
    poolMean.fill(0);
    const hz = horizonAt(median);
    const keys = monthKeys(median);
    for (let j = 0; j < pool.length; j++) {
      const weeks = register.weeks.get(pool[j].cpr);
      const hours = register.hours.get(pool[j].cpr);
      outcomesAt(weeks, hours, lk, hz, tmp, 0);
      for (let o = 0; o < OUTCOME_COUNT; o++) poolMean[o] += tmp[o];
      poolX[0][j] = supportWeeksEnding(weeks, lk, keys.lastWeek, 52);
      poolX[1][j] = supportWeeksEnding(weeks, lk, keys.lastWeek, 156);
      poolX[2][j] = hoursBefore(hours, median);
    }
    for (let o = 0; o < OUTCOME_COUNT; o++) poolMean[o] /= pool.length;
  }

  const outcomes = estimates(yT, yC, n, poolMean, B, seed);
  const balance = balanceTable(matches, baselines, pool, poolX, input, enrol, lk);

  return {
    result: {
      definition: EFFECT_DEFINITION,
      month: monthString(R),
      horizon: H,
      controlsPerParticipant: k,
      caliper: CALIPER,
      bootstrap: B,
      seed,
      participants: participants.length,
      pool: pool.length,
      matched: n,
      unmatched,
      excludedShortWindow,
      distinctControls: used.size,
      fewerControls,
      medianMonth: median === null ? null : monthString(median),
      outcomes,
      balance,
    },
    matches,
    pool,
    baselines,
    inverseSd: inv,
    supportSaved: [...saved]
      .map(([key, weeks]) => ({ category: key.split(':')[0], year: Number(key.split(':')[1]), weeks: n > 0 ? weeks / n : 0 }))
      .sort((a, b) => a.category.localeCompare(b.category) || a.year - b.year),
  };
}

/**
 * §3: for each participant inside the horizon, the k nearest candidates of her stratum within
 * the caliper, ties to the smaller CPR. Returns matches in participant order.
 * Long on purpose: the engine's hot loop. Per municipality it fills flat typed arrays with every
 * candidate's baseline at every enrolment month (each woman's weeks read once, in order) and then
 * scans them per participant; the arrays, the prefix-sum scratch and the inverse-variance weights
 * stay in locals shared by both phases instead of being passed to or rebuilt by helpers.
 */
function matchAll(
  input: EffectInput,
  pool: PoolMember[],
  inside: number[],
  enrol: number[],
  baselines: Baseline[],
  inv: Float64Array,
  k: number,
  lk: CodeLookups,
): Match[] {
  const { participants, register } = input;
  // Pool women by municipality, in ascending CPR order, so that a scan meets ties in CPR order.
  const poolByKommune = new Map<string, number[]>();
  for (let j = 0; j < pool.length; j++) {
    const key = kommuneKey(pool[j].kommune);
    let list = poolByKommune.get(key);
    if (!list) poolByKommune.set(key, (list = []));
    list.push(j);
  }
  for (const list of poolByKommune.values()) list.sort((a, b) => (pool[a].cpr < pool[b].cpr ? -1 : pool[a].cpr > pool[b].cpr ? 1 : 0));

  // Participants by municipality, then enrolment month.
  const groups = new Map<string, Map<number, number[]>>();
  for (const i of inside) {
    const key = kommuneKey(participants[i].kommune);
    let byMonth = groups.get(key);
    if (!byMonth) groups.set(key, (byMonth = new Map()));
    let list = byMonth.get(enrol[i]);
    if (!list) byMonth.set(enrol[i], (list = []));
    list.push(i);
  }

  const found = new Map<number, Match>();
  const i52 = inv[0];
  const i156 = inv[1];
  const ih = inv[2];
  const c2 = CALIPER * CALIPER;
  for (const [key, byMonth] of groups) {
    const cands = poolByKommune.get(key) ?? [];
    const m = cands.length;
    // Baselines of every candidate at every enrolment month of this municipality, computed
    // woman by woman (each woman's weeks are read once, in order: the data is far larger than
    // the CPU caches), into flat arrays indexed [month × m + candidate].
    const months = [...byMonth.keys()];
    const E = months.length;
    const keysOf = months.map(monthKeys);
    const stat = new Int16Array(E * m);
    const band = new Int8Array(E * m);
    const x52 = new Float64Array(E * m);
    const x156 = new Float64Array(E * m);
    const xh = new Float64Array(E * m);
    let scratch = new Uint16Array(1024);
    const birth = { year: 0, md: 0 };
    const support = lk.support;
    for (let t = 0; t < m; t++) {
      const person = pool[cands[t]];
      const w = register.weeks.get(person.cpr);
      const h = register.hours.get(person.cpr);
      const bo = birthOf(person);
      birth.year = bo.year;
      birth.md = bo.md;
      const len = w ? w.codes.length : 0;
      if (w) {
        if (scratch.length < len + 1) scratch = new Uint16Array(2 * (len + 1));
        const codes = w.codes;
        let n = 0;
        for (let i = 0; i < len; i++) {
          n += support[codes[i]];
          scratch[i + 1] = n;
        }
      }
      for (let ei = 0; ei < E; ei++) {
        const at = ei * m + t;
        const keys = keysOf[ei];
        stat[at] = statusAt(w, lk, keys);
        band[at] = bandOfBirth(birth, keys.e);
        if (w) {
          const hi = Math.min(keys.lastWeek - w.weekStart + 1, len);
          const lo52 = Math.max(hi - 52, 0);
          const lo156 = Math.max(hi - 156, 0);
          x52[at] = hi > lo52 ? scratch[hi] - scratch[lo52] : 0;
          x156[at] = hi > lo156 ? scratch[hi] - scratch[lo156] : 0;
        }
        xh[at] = hoursBefore(h, keys.e);
      }
    }
    // Candidates of each wanted stratum (status·8 + band) at this e, in ascending CPR order.
    const wanted = new Map<number, number[]>();
    for (let ei = 0; ei < E; ei++) {
      const members = byMonth.get(months[ei])!;
      wanted.clear();
      for (const i of members) {
        const b = baselines[i];
        if (b.status !== lk.udgaaet) wanted.set(b.status * 8 + b.band, []);
      }
      const row = ei * m;
      for (let t = 0; t < m; t++) {
        const s = stat[row + t];
        if (s === lk.udgaaet) continue; // never a candidate at e
        const list = wanted.get(s * 8 + band[row + t]);
        if (list) list.push(row + t);
      }
      for (const i of members) {
        const b = baselines[i];
        const list = wanted.get(b.status * 8 + b.band);
        if (!list) continue; // udgaaet herself
        // Best k so far, nearest first; squared distances compare the same as distances.
        const bestD: number[] = [];
        const bestT: number[] = [];
        for (let u = 0; u < list.length; u++) {
          const t = list[u]; // index into the flat arrays; candidate = t - row
          const d52 = (b.b52 - x52[t]) * i52;
          const d156 = (b.b156 - x156[t]) * i156;
          const dh = (b.h12 - xh[t]) * ih;
          const d2 = d52 * d52 + d156 * d156 + dh * dh;
          if (d2 > c2) continue;
          if (bestD.length === k && d2 >= bestD[k - 1]) continue; // ties keep the smaller CPR met first
          let at = bestD.length;
          while (at > 0 && bestD[at - 1] > d2) at--;
          bestD.splice(at, 0, d2);
          bestT.splice(at, 0, t);
          if (bestD.length > k) {
            bestD.pop();
            bestT.pop();
          }
        }
        if (bestT.length > 0) found.set(i, { participant: i, controls: bestT.map((t) => cands[t - row]), distances: bestD.map(Math.sqrt) });
      }
    }
  }
  return inside.filter((i) => found.has(i)).map((i) => found.get(i)!);
}

/** §5: treated, controls, effect, bootstrap interval and raw difference per outcome. */
function estimates(
  yT: Float64Array,
  yC: Float64Array,
  n: number,
  poolMean: Float64Array,
  B: number,
  seed: number,
): Record<Outcome, OutcomeEstimate> {
  const sumT = new Float64Array(OUTCOME_COUNT);
  const sumC = new Float64Array(OUTCOME_COUNT);
  for (let r = 0; r < n; r++) {
    for (let o = 0; o < OUTCOME_COUNT; o++) {
      sumT[o] += yT[r * OUTCOME_COUNT + o];
      sumC[o] += yC[r * OUTCOME_COUNT + o];
    }
  }
  // Bootstrap: B resamples of n matched participants (each with her controls), drawn with
  // replacement in order from one mulberry32 stream seeded by `seed`.
  const boot = Array.from({ length: OUTCOME_COUNT }, () => new Float64Array(B));
  if (n > 0 && B > 0) {
    const rng = mulberry32(deriveSeed(seed, 0));
    const s = new Float64Array(OUTCOME_COUNT);
    for (let b = 0; b < B; b++) {
      s.fill(0);
      for (let d = 0; d < n; d++) {
        const r = Math.floor(rng.next() * n) * OUTCOME_COUNT;
        for (let o = 0; o < OUTCOME_COUNT; o++) s[o] += yT[r + o] - yC[r + o];
      }
      for (let o = 0; o < OUTCOME_COUNT; o++) boot[o][b] = s[o] / n;
    }
  }
  const out = {} as Record<Outcome, OutcomeEstimate>;
  OUTCOMES.forEach((name, o) => {
    if (n === 0) {
      out[name] = { treated: null, controls: null, effect: null, ci: null, raw: null };
      return;
    }
    const treated = sumT[o] / n;
    const controls = sumC[o] / n;
    const sorted = boot[o].sort();
    out[name] = {
      treated,
      controls,
      effect: treated - controls,
      ci: B > 0 ? [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)] : null,
      raw: Number.isNaN(poolMean[o]) ? null : treated - poolMean[o],
    };
  });
  return out;
}

/** §5 balance: participants vs the whole pool at the median month (before) and vs their controls (after). */
function balanceTable(
  matches: Match[],
  baselines: Baseline[],
  pool: PoolMember[],
  poolX: Float64Array[],
  input: EffectInput,
  enrol: number[],
  lk: CodeLookups,
): BalanceRow[] {
  const { register } = input;
  const n = matches.length;
  // Controls' baselines at their participant's e, each weighted 1/(her participant's controls).
  const cValues: number[][] = BALANCE_VARIABLES.map(() => []);
  const cWeights: number[] = [];
  for (const m of matches) {
    const keys = monthKeys(enrol[m.participant]);
    for (const c of m.controls) {
      const weeks = register.weeks.get(pool[c].cpr);
      const b = baselineAt(pool[c], weeks, register.hours.get(pool[c].cpr), lk, keys);
      BALANCE_VARIABLES.forEach((v, j) => cValues[j].push(b[v]));
      cWeights.push(1 / m.controls.length);
    }
  }
  return BALANCE_VARIABLES.map((v, j) => {
    const t = matches.map((m) => baselines[m.participant][v]);
    const tm = weightedMoments(
      t,
      t.map(() => 1),
    );
    const pm = weightedMoments(poolX[j], new Float64Array(pool.length).fill(1));
    const cm = weightedMoments(cValues[j], cWeights);
    const smdAfter = n > 0 ? smd(tm.mean, tm.variance, cm.mean, cm.variance) : null;
    return {
      variable: v,
      meanParticipants: n > 0 ? tm.mean : null,
      meanPool: n > 0 && pool.length > 0 ? pm.mean : null,
      meanControls: n > 0 ? cm.mean : null,
      smdBefore: n > 0 && pool.length > 0 ? smd(tm.mean, tm.variance, pm.mean, pm.variance) : null,
      smdAfter,
      warning: smdAfter === null ? n > 0 : Math.abs(smdAfter) > 0.1,
    };
  });
}
