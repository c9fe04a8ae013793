import { describe, expect, it } from 'vitest';
import { ageOn, parseCpr } from '../core/cpr.ts';
import { EXIT_REASONS } from '../core/codes.ts';
import { generateCohort } from './cohort.ts';
import { DEFAULT_COHORT_SIZE, DEMO_MUNICIPALITIES, DEMO_PROJECTS } from './municipalities.ts';
import { DEMO_COUNTRIES } from './names.ts';

const cohort = generateCohort();

describe('generateCohort', () => {
  it('is deterministic: the same seed gives the same cohort, another seed another', () => {
    expect(JSON.stringify(generateCohort({ seed: 2019 }))).toBe(JSON.stringify(cohort));
    expect(JSON.stringify(generateCohort({ seed: 2020 }).women)).not.toBe(JSON.stringify(cohort.women));
  });

  it('has 1,664 women by default, every one marked synthetic', () => {
    expect(DEFAULT_COHORT_SIZE).toBe(1664);
    expect(cohort.women).toHaveLength(1664);
    expect(cohort.plans).toHaveLength(1664);
    expect(cohort.women.every((w) => w.synthetic === true)).toBe(true);
  });

  it('gives each woman a unique, valid female CPR number matching her birth date', () => {
    const seen = new Set<string>();
    for (const w of cohort.women) {
      const r = parseCpr(w.cpr);
      expect(r.ok, w.cpr).toBe(true);
      if (!r.ok) continue;
      expect(r.value.sex).toBe('K');
      expect(r.value.birthDate).toBe(w.birthDate);
      seen.add(w.cpr);
    }
    expect(seen.size).toBe(cohort.women.length);
  });

  it('enrols women aged 18–64 between 2019-09 and 2022-10, and exits never before enrolment nor after 2022', () => {
    for (const w of cohort.women) {
      const age = ageOn(w.birthDate, w.indskrevet);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(64);
      expect(w.indskrevet >= '2019-09-01' && w.indskrevet <= '2022-10-31', w.indskrevet).toBe(true);
      if (w.udskrevet !== null) {
        expect(w.udskrevet >= w.indskrevet).toBe(true);
        expect(w.udskrevet <= '2022-12-31').toBe(true);
        expect(EXIT_REASONS).toContain(w.exitReason);
      } else expect(w.exitReason).toBeNull();
    }
  });

  it('uses the demo municipalities and projects, with Danish country names and invented names', () => {
    const codes = new Set(DEMO_MUNICIPALITIES.map((m) => m.kode));
    const projects = new Map(DEMO_PROJECTS.map((p) => [p.key, p]));
    for (const w of cohort.women) {
      expect(codes.has(w.kommuneKode)).toBe(true);
      expect(projects.get(w.projectKey)?.kommuneKoder).toContain(w.kommuneKode);
      expect(DEMO_COUNTRIES).toContain(w.countryOfOrigin);
    }
    const names = new Set(cohort.women.map((w) => `${w.firstName} ${w.lastName}`));
    expect(names.size).toBeGreaterThan(300);
    expect(DEMO_PROJECTS.find((p) => p.key === 'ishoej-vallensbaek')?.kommuneKoder).toEqual(['183', '187']);
    expect(DEMO_PROJECTS.find((p) => p.key === 'esbjerg-fanoe')?.kommuneKoder).toEqual(['561', '563']);
    expect(DEMO_PROJECTS.reduce((s, p) => s + p.planlagteDeltagere, 0)).toBe(1628);
  });

  it('keeps the proportions at scale: 20,000 women have the same visitation and level shares', () => {
    const big = generateCohort({ seed: 7, size: 20_000 });
    const share = (f: (i: number) => boolean): number => big.women.filter((_, i) => f(i)).length / big.women.length;
    expect(share((i) => big.women[i].visitation === 'aktivitetsparat')).toBeCloseTo(0.57, 2);
    expect(share((i) => big.plans[i].best === 1)).toBeCloseTo(0.38, 2);
    expect(share((i) => big.plans[i].best === 2)).toBeCloseTo(0.12, 2);
    expect(share((i) => big.plans[i].best === 3)).toBeCloseTo(0.22, 2);
    expect(new Set(big.women.map((w) => w.cpr)).size).toBe(20_000);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => generateCohort({ size: 0 })).toThrow(RangeError);
    expect(() => generateCohort({ size: 2.5 })).toThrow(RangeError);
  });
});
