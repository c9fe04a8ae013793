/**
 * Hand-worked examples for every rule of `effekt-2026.1` (../shared/spec/effect.md).
 *
 * Enrolment month e = June 2021. The last ISO week of May 2021 is 2021-W21 (its Thursday is
 * 27 May; W22's is 3 June), so status(e) is read in 2021-W21 and b52/b156 count the weeks that
 * end with 2021-W21. The 12-month window June 2021 – May 2022 has the 52 weeks 2021-W22 …
 * 2022-W21.
 *
 * Participants (all but P3 in Aalborg, born 1985-05-05 → age 36, band 30–39; code 131 =
 * kontanthjælp, category ydelse): b52 = b156 = 20, 10, 20, 10, 20 (P1 … P5), h12 = 0 for all.
 * SD of b52 (n − 1) = √(120/4) = √30; the same for b156; h12 has SD 0 and is left out. The
 * distance to a candidate Δ weeks away in both = √2·|Δ|/√30 = |Δ|/√15 = 0.2582·|Δ|, so the
 * caliper 0.5 lets Δ ≤ 1 in and keeps Δ = 2 (0.516) out.
 */
import { describe, expect, it } from 'vitest';
import { defaultCodeTable } from '../register/codetable.ts';
import { effect, effectDetails, EffectOptionError } from './engine.ts';
import { cprOf, effectInputOf, HAND_PARTICIPANTS, HAND_POOL } from './test-support.ts';

const W21 = '2021-W21';
const P = HAND_PARTICIPANTS;
const POOL = HAND_POOL;
const input = () => effectInputOf(P, POOL);
const OPTS = { month: '2022-12', bootstrap: 200 };
const serialOf = (cpr: string) => Number(cpr.slice(6));

describe('matching (spec §3)', () => {
  const d = effectDetails(input(), OPTS);
  const byId = new Map(d.matches.map((m) => [P[m.participant].id, m]));
  const serials = (id: string) => byId.get(id)!.controls.map((c) => serialOf(d.pool[c].cpr));

  it('removes participants from the pool and standardises by the participants’ SD (h12 has SD 0: left out)', () => {
    expect(d.pool.map((w) => w.cpr)).not.toContain(cprOf(P[1]));
    expect(d.result.pool).toBe(POOL.length - 1);
    expect(d.baselines.map((b) => [b.b52, b.b156, b.h12])).toEqual([
      [20, 20, 0],
      [10, 10, 0],
      [20, 20, 0],
      [10, 10, 0],
      [20, 20, 0],
    ]);
    expect(1 / d.inverseSd[0]).toBeCloseTo(Math.sqrt(30), 12);
    expect(1 / d.inverseSd[1]).toBeCloseTo(Math.sqrt(30), 12);
    expect(d.inverseSd[2]).toBe(0);
  });

  it('takes the k = 3 nearest in the stratum, ties to the smaller CPR, none beyond the caliper', () => {
    // A (0), K (0, despite her hours), then D/B/C all at 0.258: D has the smallest CPR.
    expect(serials('P1')).toEqual([110, 120, 105]);
    expect(byId.get('P1')!.distances.map((x) => +x.toFixed(4))).toEqual([0, 0, 0.2582]);
  });

  it('keeps a participant with fewer than k candidates within the caliper; uses a control twice', () => {
    expect(serials('P2')).toEqual([170]);
    expect(d.result.fewerControls).toBe(1);
    expect(serials('P5')).toEqual([110, 120, 105]);
    expect(d.result.distinctControls).toBe(4);
  });

  it('lists the unmatched and counts the short windows', () => {
    expect(d.result.unmatched).toEqual(['P3']);
    expect(d.result.excludedShortWindow).toBe(1);
    expect(d.result.matched).toBe(3);
  });

  it('includes a participant whose window ends exactly at R, not one month later', () => {
    // P4: e = June 2022, so H = 7 ends in December 2022 = R; H = 8 ends in January 2023.
    expect(effect(input(), { ...OPTS, horizon: 7 }).excludedShortWindow).toBe(0);
    expect(effect(input(), { ...OPTS, horizon: 8 }).excludedShortWindow).toBe(1);
  });

  it('never uses a pool woman who is udgaaet at e', () => {
    const inp = effectInputOf(
      [{ id: 'U', serial: 1, in: '2021-06-10', weeks: { [W21]: 997 } }],
      [{ serial: 200, weeks: { [W21]: 997 } }, { serial: 201 }],
    );
    const r = effect(inp, OPTS);
    expect(r.matched).toBe(0);
    expect(r.unmatched).toEqual(['U']);
    // The same woman without the udgaaet code finds the plain candidate.
    const plain = effectInputOf([{ id: 'S', serial: 1, in: '2021-06-10' }], [{ serial: 200, weeks: { [W21]: 997 } }, { serial: 201 }]);
    const m = effectDetails(plain, OPTS).matches;
    expect(m).toHaveLength(1);
    expect(m[0].controls).toHaveLength(1);
  });
});

describe('`ingen` weeks (monitoring.md §1.4: a week without a code)', () => {
  // Q: 20 weeks of 131 up to W20, then code 100 (ingen: employment) in W21 and in 10 window weeks.
  // Her status is selvforsoergende, so Z (no code in W21, same history) is her stratum and Y
  // (131 in W21) is not; b52 counts only the 131 weeks.
  const inp = effectInputOf(
    [{ id: 'Q', serial: 1, in: '2021-06-10', weeks: { '2021-W01..2021-W20': 131, [W21]: 100, '2021-W30..2021-W39': 100 } }],
    [
      { serial: 400, weeks: { '2021-W01..2021-W20': 131 } },
      { serial: 401, weeks: { '2021-W01..2021-W21': 131 } },
    ],
  );
  const d = effectDetails(inp, OPTS);

  it('gives status selvforsoergende and matches in that stratum', () => {
    expect(d.baselines[0]).toMatchObject({ b52: 20, b156: 20 });
    expect(d.matches[0].controls.map((c) => serialOf(d.pool[c].cpr))).toEqual([400]);
  });

  it('counts ingen weeks as self-supporting, not as support', () => {
    expect(d.result.outcomes.weeksSelfSupporting.treated).toBe(52);
    expect(d.result.outcomes.weeksOnSupport.treated).toBe(0);
  });
});

describe('outcomes and estimates (spec §§4–5)', () => {
  const r = effect(input(), OPTS);

  it('computes treated, controls and effect by hand', () => {
    // Matched in order P1, P2, P5. Controls: P1, P5 → A, K, D; P2 → J.
    // maal1: treated (1 + 0 + 0)/3; controls 0.
    expect(r.outcomes.maal1.treated).toBeCloseTo(1 / 3, 12);
    expect(r.outcomes.maal1.controls).toBe(0);
    expect(r.outcomes.maal1.effect).toBeCloseTo(1 / 3, 12);
    // maal12: treated (1 + 1 + 0)/3; controls (1/3 + 0 + 1/3)/3 (K has level 2 in July 2021).
    expect(r.outcomes.maal12.treated).toBeCloseTo(2 / 3, 12);
    expect(r.outcomes.maal12.controls).toBeCloseTo(2 / 9, 12);
    expect(r.outcomes.maal12.effect).toBeCloseTo(4 / 9, 12);
    // durable: P1 full time March–May 2022.
    expect(r.outcomes.durable.treated).toBeCloseTo(1 / 3, 12);
    expect(r.outcomes.durable.controls).toBe(0);
    // weeksOnSupport: P1 9, P2 4, P5 0; controls (52/3) for P1 and P5 (D), 1 for P2 (J's praktik week).
    expect(r.outcomes.weeksOnSupport.treated).toBeCloseTo(13 / 3, 12);
    expect(r.outcomes.weeksOnSupport.controls).toBeCloseTo(107 / 9, 12);
    expect(r.outcomes.weeksOnSupport.effect).toBeCloseTo(13 / 3 - 107 / 9, 12);
    // weeksSelfSupporting: P1 52 − 9 − 2 (SU weeks count as neither) = 41, P2 48, P5 52;
    // controls (52 + 52 + 0)/3 for P1 and P5, 51 for P2.
    expect(r.outcomes.weeksSelfSupporting.treated).toBeCloseTo(47, 12);
    expect(r.outcomes.weeksSelfSupporting.controls).toBeCloseTo(361 / 9, 12);
  });

  it('gives the raw difference against the whole pool at the median month', () => {
    expect(r.medianMonth).toBe('2021-06');
    // Pool of 11: nobody reaches level 1; K reaches level 2; D has 52 support weeks, J 1.
    expect(r.outcomes.maal1.raw).toBeCloseTo(1 / 3, 12);
    expect(r.outcomes.maal12.raw).toBeCloseTo(2 / 3 - 1 / 11, 12);
    expect(r.outcomes.weeksOnSupport.raw).toBeCloseTo(13 / 3 - 53 / 11, 12);
  });

  it('balances b52 by hand: participants vs the pool (before) and vs their controls (after)', () => {
    const mean = (xs: number[], ws = xs.map(() => 1)) => xs.reduce((s, x, i) => s + x * ws[i], 0) / ws.reduce((a, b) => a + b, 0);
    const variance = (xs: number[], ws = xs.map(() => 1)) => {
      const m = mean(xs, ws);
      return xs.reduce((s, x, i) => s + ws[i] * (x - m) ** 2, 0) / (ws.reduce((a, b) => a + b, 0) - 1);
    };
    const t = [20, 10, 20];
    const pool = [20, 20, 21, 21, 19, 22, 20, 19, 20, 11, 13];
    const c = [20, 20, 21, 11, 20, 20, 21];
    const w = [1 / 3, 1 / 3, 1 / 3, 1, 1 / 3, 1 / 3, 1 / 3];
    const b52 = r.balance.find((b) => b.variable === 'b52')!;
    expect(b52.meanPool).toBeCloseTo(206 / 11, 12);
    expect(b52.meanControls).toBeCloseTo(155 / 9, 12);
    expect(b52.smdBefore).toBeCloseTo((mean(t) - mean(pool)) / Math.sqrt((variance(t) + variance(pool)) / 2), 12);
    expect(b52.smdAfter).toBeCloseTo((mean(t) - mean(c, w)) / Math.sqrt((variance(t) + variance(c, w)) / 2), 12);
    expect(b52.smdAfter).toBeCloseTo(-0.0993, 4);
    expect(b52.warning).toBe(false);
    const h12 = r.balance.find((b) => b.variable === 'h12')!;
    // K has 50 h in January 2021 (in h12), the participants none: controls differ, a warning.
    expect(h12.meanControls).toBeCloseTo((50 / 3 + 50 / 3) / 3, 12);
    expect(h12.warning).toBe(true);
  });

  it('repeats the bootstrap exactly with the same seed and keeps it inside the resampled range', () => {
    const again = effect(input(), OPTS);
    expect(again.outcomes).toEqual(r.outcomes);
    // Per-participant differences for maal1 are 1, 0, 0: resample means lie in [0, 1].
    const [lo, hi] = r.outcomes.maal1.ci!;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeLessThan(hi);
    const other = effect(input(), { ...OPTS, seed: 7 });
    expect(other.outcomes.maal1.effect).toBe(r.outcomes.maal1.effect);
  });

  it('gives a zero-width interval with one participant; with every SD 0 all candidates tie and CPR decides', () => {
    // P2 alone: the SDs over one participant are 0, so every variable is left out and all
    // Aalborg candidates in her stratum are at distance 0: D (105), A (110), B (111) by CPR.
    const d = effectDetails(effectInputOf([P[1]], POOL), OPTS);
    expect(d.matches[0].controls.map((c) => serialOf(d.pool[c].cpr))).toEqual([105, 110, 111]);
    const self = d.result.outcomes.weeksSelfSupporting;
    expect(self.effect).toBeCloseTo(48 - (0 + 52 + 52) / 3, 12);
    expect(self.ci).toEqual([self.effect, self.effect]);
  });

  it('refuses bad options in Danish', () => {
    expect(() => effect(input(), { month: '2022-13' })).toThrow(EffectOptionError);
    expect(() => effect(input(), { month: '2022-12', controls: 0 })).toThrow(/kontroller/);
    expect(() => effect(input(), { month: '2022-12', horizon: 1.5 })).toThrow(/Horisonten/);
  });

  it('refuses a code that is not in the code table', () => {
    const table = defaultCodeTable();
    const inp = effectInputOf([{ id: 'X', serial: 1, in: '2021-06-10' }], [{ serial: 300, weeks: { [W21]: 131 } }], table);
    table.categoryOf[131] = 0;
    expect(() => effect(inp, OPTS)).toThrow(/131/);
  });
});

describe('age band at the first day of e', () => {
  it('bandOfBirth (hot loop) agrees with bandAt (ageAt) for births on every kind of day', async () => {
    const { bandAt, bandOfBirth, birthOf, monthKeys } = await import('./facts.ts');
    const { monthIndex } = await import('../monitoring/calendar.ts');
    const births = ['1960-01-01', '1961-02-28', '1964-02-29', '1975-06-01', '1975-06-02', '1992-12-31', '2004-07-15'];
    let checked = 0;
    for (const born of births) {
      const person = { cpr: `key-${born}`, birthDate: born };
      for (let e = monthIndex(1995, 1); e <= monthIndex(2030, 12); e++) {
        expect(bandOfBirth(birthOf(person), e)).toBe(bandAt(person, monthKeys(e)));
        checked++;
      }
    }
    expect(checked).toBe(births.length * 432);
    // From the CPR number too (century from the seventh digit).
    expect(birthOf({ cpr: '0505851234' })).toEqual({ year: 1985, md: 505 });
  });
});
