/**
 * The effect result as one long table (CSV and the XLSX "Alt" sheet): `afsnit;navn;maal;vaerdi`.
 * - `om`: definition, month, horizon, … (navn = field, maal empty)
 * - `udfald`: one row per outcome × treated/controls/effect/ci_lower/ci_upper/raw
 * - `balance`: one row per variable × meanParticipants/meanPool/meanControls/smdBefore/smdAfter/warning
 * - `umatchet`: one row per unmatched participant id
 */
import { BALANCE_VARIABLES, OUTCOMES, type EffectResult } from './types.ts';

export const EFFECT_COLUMNS = ['afsnit', 'navn', 'maal', 'vaerdi'] as const;
export type EffectRow = Record<(typeof EFFECT_COLUMNS)[number], string | number | boolean | null>;

export const OUTCOME_FIELDS = ['treated', 'controls', 'effect', 'ci_lower', 'ci_upper', 'raw'] as const;
export const BALANCE_FIELDS = ['meanParticipants', 'meanPool', 'meanControls', 'smdBefore', 'smdAfter', 'warning'] as const;

/** The values of one outcome in OUTCOME_FIELDS order. */
export function outcomeValues(r: EffectResult, name: (typeof OUTCOMES)[number]): (number | null)[] {
  const o = r.outcomes[name];
  return [o.treated, o.controls, o.effect, o.ci?.[0] ?? null, o.ci?.[1] ?? null, o.raw];
}

export function effectRows(r: EffectResult): EffectRow[] {
  const rows: EffectRow[] = [];
  const about: [string, string | number | null][] = [
    ['definition', r.definition],
    ['month', r.month],
    ['horizon', r.horizon],
    ['controlsPerParticipant', r.controlsPerParticipant],
    ['caliper', r.caliper],
    ['bootstrap', r.bootstrap],
    ['seed', r.seed],
    ['participants', r.participants],
    ['pool', r.pool],
    ['matched', r.matched],
    ['unmatched', r.unmatched.length],
    ['excludedShortWindow', r.excludedShortWindow],
    ['distinctControls', r.distinctControls],
    ['fewerControls', r.fewerControls],
    ['medianMonth', r.medianMonth],
  ];
  for (const [navn, vaerdi] of about) rows.push({ afsnit: 'om', navn, maal: '', vaerdi });
  for (const name of OUTCOMES) {
    outcomeValues(r, name).forEach((v, i) => rows.push({ afsnit: 'udfald', navn: name, maal: OUTCOME_FIELDS[i], vaerdi: v }));
  }
  for (const v of BALANCE_VARIABLES) {
    const b = r.balance.find((x) => x.variable === v)!;
    for (const f of BALANCE_FIELDS) rows.push({ afsnit: 'balance', navn: v, maal: f, vaerdi: b[f] });
  }
  for (const id of r.unmatched) rows.push({ afsnit: 'umatchet', navn: id, maal: '', vaerdi: '' });
  return rows;
}
