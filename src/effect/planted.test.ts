/**
 * The planted-effect test of issue 12: synthetic register data where the project adds exactly
 * 8 percentage points to maal1 at 12 months, and where selection into the project depends on
 * benefit history (women with more support weeks are enrolled more often, and they are also
 * less likely to find work). The raw difference is then biased downwards; matching on the
 * history must recover the planted effect.
 *
 * Each woman has a latent support rate r: every ISO week 2017–2023 carries code 131 with
 * probability r, and every month carries full-time hours with probability q(r) = 0.12·(1 − r),
 * so a pool woman reaches maal1 in 12 months with probability p(r) = 1 − (1 − q)^12. A woman
 * is given an enrolment month (January–March 2021) and is enrolled with a probability that
 * rises with her b156 at that month (observed history only, so matching on it removes the
 * selection). An enrolled woman's 12-month window instead has maal1 with probability
 * p(r) + 0.08: one random month of full-time hours, otherwise none.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/prng.ts';
import { firstWeekOfMonth, isoWeekIndex, lastWeekOfMonth, monthIndex, monthString } from '../monitoring/calendar.ts';
import type { Participant } from '../monitoring/types.ts';
import { RegisterBuilder } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import { testCpr } from '../monitoring/test-support.ts';
import { effect } from './engine.ts';
import type { PoolMember } from './types.ts';

const PLANTED = 0.08;

function syntheticInput(women: number, seed: number) {
  const rng = mulberry32(seed);
  const table = defaultCodeTable();
  const b = new RegisterBuilder();
  const w0 = isoWeekIndex(2017, 1)!;
  const w1 = isoWeekIndex(2023, 52)!;
  const m0 = monthIndex(2017, 1);
  const m1 = monthIndex(2023, 12);
  const participants: Participant[] = [];
  const pool: PoolMember[] = [];
  for (let i = 0; i < women; i++) {
    const born = `${1970 + rng.int(0, 25)}-0${1 + rng.int(0, 8)}-1${rng.int(0, 9)}`;
    const cpr = testCpr(born, i);
    const r = rng.pick([0.05, 0.3, 0.6, 0.9]);
    const q = 0.12 * (1 - r);
    const codes = new Int16Array(w1 - w0 + 1);
    for (let w = 0; w < codes.length; w++) if (rng.chance(r)) codes[w] = 131;
    const e = monthIndex(2021, 1) + rng.int(0, 2);
    const last = lastWeekOfMonth(e - 1) - w0;
    let b156 = 0;
    for (let w = last - 155; w <= last; w++) b156 += codes[w] === 131 ? 1 : 0;
    const enrolled = rng.chance(0.01 + 0.3 * (b156 / 156) ** 2);
    const hours: number[] = [];
    for (let m = m0; m <= m1; m++) hours.push(rng.chance(q) ? 160 : 0);
    if (enrolled) {
      const window = e - m0;
      for (let j = 0; j < 12; j++) hours[window + j] = 0;
      if (rng.chance(1 - (1 - q) ** 12 + PLANTED)) hours[window + rng.int(0, 11)] = 160;
      participants.push({
        id: `D${i}`,
        cpr,
        kommune: 'Testby',
        visitation: 'aktivitetsparat',
        indskrevet: `${monthString(e)}-05`,
        udskrevet: null,
      });
    } else pool.push({ cpr, kommune: 'Testby' });
    b.addWeekRow(cpr, w0, codes);
    hours.forEach((h, j) => h > 0 && b.addHours(cpr, m0 + j, h));
  }
  // Weeks of the window belong to months by their Thursday; this only checks the set-up.
  expect(firstWeekOfMonth(monthIndex(2021, 1))).toBeGreaterThan(w0);
  return { participants, pool, register: b.build(table), codeTable: table };
}

describe('planted effect (+8 pp on maal1 at 12 months, selection on benefit history)', () => {
  const input = syntheticInput(16_000, 2026);
  const r = effect(input, { month: '2022-12', horizon: 12, controls: 3, bootstrap: 1000, seed: 1 });

  it('has a real selection problem to solve', () => {
    expect(r.matched).toBeGreaterThan(1000);
    expect(r.pool).toBeGreaterThan(10_000);
    const b156 = r.balance.find((x) => x.variable === 'b156')!;
    expect(b156.smdBefore!).toBeGreaterThan(0.5);
  });

  it('recovers the planted effect: the interval contains +8 pp, the raw difference lies outside it', () => {
    const m = r.outcomes.maal1;
    const [lo, hi] = m.ci!;
    expect(lo).toBeLessThanOrEqual(PLANTED);
    expect(hi).toBeGreaterThanOrEqual(PLANTED);
    expect(hi - lo).toBeLessThan(0.1);
    expect(m.raw! < lo || m.raw! > hi).toBe(true);
    expect(m.raw!).toBeLessThan(0);
  });

  it('balances every matching variable below 0.1 after matching', () => {
    for (const b of r.balance) {
      expect(Math.abs(b.smdAfter!)).toBeLessThan(0.1);
      expect(b.warning).toBe(false);
    }
  });
});
