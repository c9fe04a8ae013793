/**
 * Types of the effect engine (contract `effekt-2026.1`, ../shared/spec/effect.md). It uses the
 * monitoring contract's calendar, levels and code categories unchanged, so the register data
 * and participants are the monitoring types.
 */
import type { CodeTable, Participant, RegisterData } from '../monitoring/types.ts';

export const EFFECT_DEFINITION = 'effekt-2026.1';

/** Distance above which a candidate is not used (spec §3). */
export const CALIPER = 0.5;

/** One woman of the comparison pool (`pulje`, spec §1). */
export interface PoolMember {
  /**
   * Ten-digit CPR number, or any unique key (the keyed CPR hash in the application) together
   * with `birthDate`. Ties in distance go to the smaller key.
   */
  cpr: string;
  kommune: string;
  oprindelsesland?: string;
  /** `YYYY-MM-DD`; when given, age is taken from it instead of from `cpr`. */
  birthDate?: string;
}

export interface EffectInput {
  participants: Participant[];
  pool: PoolMember[];
  register: RegisterData;
  codeTable: CodeTable;
}

export interface EffectOptions {
  /** Report month R, `YYYY-MM`. */
  month: string;
  /** Horizon H in months (default 12). */
  horizon?: number;
  /** Controls per participant k (default 3). */
  controls?: number;
  /** Bootstrap replications (default 1000). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
}

export const OUTCOMES = ['maal1', 'maal12', 'durable', 'weeksOnSupport', 'weeksSelfSupporting'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The three yes/no outcomes (shares); the other two are week counts. */
export const SHARE_OUTCOMES: readonly Outcome[] = ['maal1', 'maal12', 'durable'];

export const BALANCE_VARIABLES = ['b52', 'b156', 'h12'] as const;
export type BalanceVariable = (typeof BALANCE_VARIABLES)[number];

/** Status at month e (spec §2): a code category, or `selvforsoergende` for no code / `ingen`. */
export type BaselineStatus = string;

export interface OutcomeEstimate {
  /** Mean over matched participants (null when none is matched). */
  treated: number | null;
  /** Mean over matched participants of the mean over her controls. */
  controls: number | null;
  effect: number | null;
  /** 95 % bootstrap percentile interval of the effect. */
  ci: [number, number] | null;
  /** treated − the mean over the whole pool at the median enrolment month. */
  raw: number | null;
}

export interface BalanceRow {
  variable: BalanceVariable;
  meanParticipants: number | null;
  meanPool: number | null;
  meanControls: number | null;
  smdBefore: number | null;
  smdAfter: number | null;
  /** |smdAfter| > 0.1. */
  warning: boolean;
}

export interface EffectResult {
  definition: typeof EFFECT_DEFINITION;
  month: string;
  horizon: number;
  controlsPerParticipant: number;
  caliper: number;
  bootstrap: number;
  seed: number;
  /** Participants in the input. */
  participants: number;
  /** Pool women after removing participants. */
  pool: number;
  matched: number;
  /** Ids of participants inside the horizon with no candidate within the caliper. */
  unmatched: string[];
  /** Participants whose window e … e+H−1 ends after R. */
  excludedShortWindow: number;
  /** Distinct pool women used as controls. */
  distinctControls: number;
  /** Matched participants with fewer than k controls. */
  fewerControls: number;
  /** The month the whole pool is measured at for `raw` and balance before (`YYYY-MM`), or null. */
  medianMonth: string | null;
  outcomes: Record<Outcome, OutcomeEstimate>;
  balance: BalanceRow[];
}

/** The matches of one participant (for tests and explanations; never shown as persons). */
export interface Match {
  participant: number;
  /** Indexes into the de-duplicated pool, nearest first. */
  controls: number[];
  distances: number[];
}
