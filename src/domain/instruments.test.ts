import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortDistance,
  distanceByVisitation,
  distanceTravelled,
  findInstrument,
  firstAndLatest,
  FREMDRIFTSTRAPPEN,
  scoreAssessment,
  WHO5,
  type Assessment,
} from './instruments.ts';

const who5Answers = (...v: number[]) => Object.fromEntries(WHO5.dimensions.map((d, i) => [d.key, v[i]]));
const ladder = (v: number) => Object.fromEntries(FREMDRIFTSTRAPPEN.dimensions.map((d) => [d.key, v]));
const flagCodes = (v: number[]) => {
  const r = scoreAssessment(WHO5, who5Answers(...v));
  if (!r.ok) throw new Error(r.errors.join());
  return [r.value.total, r.value.flags.map((f) => f.code)];
};

describe('instrument data', () => {
  it('ships WHO-5 with five items answered 0–5 in Danish, "Hele tiden" = 5', () => {
    expect(WHO5.dimensions).toHaveLength(5);
    expect(WHO5.dimensions[0].name).toBe('I de sidste 2 uger har jeg været glad og i godt humør');
    for (const d of WHO5.dimensions) expect(d.steps.map((s) => s.value).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(WHO5.dimensions[0].steps.find((s) => s.value === 5)?.text).toBe('Hele tiden');
    expect(WHO5.dimensions[0].steps.find((s) => s.value === 0)?.text).toBe('På intet tidspunkt');
  });
  it('ships Fremdriftstrappen with seven dimensions of five distinct steps', () => {
    expect(FREMDRIFTSTRAPPEN.dimensions.map((d) => d.key)).toEqual([
      'arbejdsidentitet',
      'kendskab_arbejdsmarked',
      'dansk',
      'helbred',
      'hverdagsmestring',
      'netvaerk',
      'jobsoegning',
    ]);
    for (const d of FREMDRIFTSTRAPPEN.dimensions) {
      expect(d.steps.map((s) => s.value)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(d.steps.map((s) => s.text)).size).toBe(5);
    }
    expect(findInstrument('who5')).toBe(WHO5);
    expect(findInstrument('nope')).toBeUndefined();
  });
});

describe('scoreAssessment', () => {
  it('scores WHO-5 as raw × 4 and flags at the thresholds 50 and 28', () => {
    expect(flagCodes([5, 5, 5, 5, 5])).toEqual([100, []]);
    expect(flagCodes([3, 3, 3, 2, 2])).toEqual([52, []]);
    expect(flagCodes([3, 3, 3, 3, 1])).toEqual([52, []]);
    expect(flagCodes([3, 3, 3, 2, 1])).toEqual([48, ['nedsat_trivsel']]);
    expect(flagCodes([2, 2, 2, 2, 2])).toEqual([40, ['nedsat_trivsel']]);
    expect(flagCodes([2, 2, 2, 1, 1])).toEqual([32, ['nedsat_trivsel']]);
    expect(flagCodes([2, 2, 1, 1, 1])).toEqual([28, ['mulig_depression', 'nedsat_trivsel']]);
    expect(flagCodes([0, 0, 0, 0, 0])).toEqual([0, ['mulig_depression', 'nedsat_trivsel']]);
  });
  it('has no WHO-5 total of exactly 50 (totals are multiples of 4): 48 is the highest flagged score', () => {
    // raw sums are integers, so totals are multiples of 4: 48 and 52 are the neighbours of 50
    expect(flagCodes([2, 2, 3, 3, 2])[0]).toBe(48);
  });
  it('accepts string answers from a form', () => {
    const r = scoreAssessment(FREMDRIFTSTRAPPEN, { ...ladder(3), dansk: '5' });
    expect(r.ok && r.value.total).toBe(23);
  });
  it('lists every missing, invalid or unknown answer in Danish', () => {
    const r = scoreAssessment(WHO5, { glad: 6, rolig: '', aktiv: 2.5, udhvilet: 'x', ekstra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(6);
      expect(r.errors[0]).toMatch(/Ugyldigt svar.*0–5/);
      expect(r.errors[1]).toMatch(/^Besvar/);
      expect(r.errors[5]).toMatch(/"ekstra" er ikke et spørgsmål i WHO-5/);
    }
    const l = scoreAssessment(FREMDRIFTSTRAPPEN, { ...ladder(2), netvaerk: 0 });
    expect(!l.ok && l.errors).toEqual(['Ugyldigt svar på "Netværk": vælg 1–5.']);
  });
  it('always gives a WHO-5 score in 0–100 that is a multiple of 4 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }), (v) => {
        const r = scoreAssessment(WHO5, who5Answers(...v));
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.total).toBeGreaterThanOrEqual(0);
          expect(r.value.total).toBeLessThanOrEqual(100);
          expect(r.value.total % 4).toBe(0);
          expect(r.value.flags.some((f) => f.code === 'nedsat_trivsel')).toBe(r.value.total < 50);
          expect(r.value.flags.some((f) => f.code === 'mulig_depression')).toBe(r.value.total <= 28);
        }
      }),
    );
  });
});

const a = (date: string, answers: Record<string, number>, instrumentKey = 'fremdriftstrappen'): Assessment => ({
  instrumentKey,
  date,
  answers,
});

describe('distanceTravelled', () => {
  it('compares the first and the latest valid assessment, whatever the input order', () => {
    const d = distanceTravelled(FREMDRIFTSTRAPPEN, [
      a('2024-06-01', { ...ladder(3), dansk: 4 }),
      a('2024-01-10', ladder(1)),
      a('2024-03-01', ladder(5)),
      a('2024-07-01', { dansk: 5 }), // incomplete: ignored
      a('2024-08-01', who5Answers(1, 1, 1, 1, 1), 'who5'), // other instrument: ignored
    ]);
    expect(d).not.toBeNull();
    expect(d!.firstDate).toBe('2024-01-10');
    expect(d!.latestDate).toBe('2024-06-01');
    expect(d!.count).toBe(3);
    expect(d!.total).toEqual({ from: 7, to: 22, change: 15 });
    expect(d!.dimensions.find((x) => x.key === 'dansk')).toEqual({ key: 'dansk', name: 'Dansk', from: 1, to: 4, change: 3 });
  });
  it('is null with fewer than two valid assessments', () => {
    expect(distanceTravelled(FREMDRIFTSTRAPPEN, [a('2024-01-01', ladder(2))])).toBeNull();
    expect(distanceTravelled(FREMDRIFTSTRAPPEN, [])).toBeNull();
  });
});

describe('cohortDistance', () => {
  it('averages change per dimension over women with two or more assessments', () => {
    const c = cohortDistance(FREMDRIFTSTRAPPEN, [
      [a('2024-01-01', ladder(1)), a('2024-06-01', ladder(3))],
      [a('2024-01-01', ladder(2)), a('2024-06-01', { ...ladder(3), netvaerk: 1 })],
      [a('2024-01-01', ladder(4))], // only one: not counted
    ]);
    expect(c.n).toBe(2);
    expect(c.meanTotalChange).toBe((14 + 5) / 2);
    expect(c.dimensions.find((d) => d.key === 'dansk')).toEqual({ key: 'dansk', name: 'Dansk', meanChange: 1.5, n: 2 });
    expect(c.dimensions.find((d) => d.key === 'netvaerk')?.meanChange).toBe(0.5);
  });
  it('reports n = 0 and null means for an empty cohort', () => {
    const c = cohortDistance(WHO5, []);
    expect(c.n).toBe(0);
    expect(c.meanTotalChange).toBeNull();
    expect(c.dimensions[0].meanChange).toBeNull();
  });
});

describe('distanceByVisitation', () => {
  it('groups by visitation at enrolment: jobparat and aktivitetsparat always, others only when present', () => {
    const r = distanceByVisitation(FREMDRIFTSTRAPPEN, [
      { visitation: 'jobparat', assessments: [a('2024-01-01', ladder(1)), a('2024-06-01', ladder(3))] },
      { visitation: 'jobparat', assessments: [a('2024-01-01', ladder(2)), a('2024-06-01', ladder(2))] },
      { visitation: 'jobparat', assessments: [a('2024-01-01', ladder(2))] },
      { visitation: 'oevrige', assessments: [a('2024-01-01', ladder(4)), a('2024-03-01', ladder(5))] },
    ]);
    expect(r.instrumentKey).toBe('fremdriftstrappen');
    expect(r.groups.map((g) => g.visitation)).toEqual(['aktivitetsparat', 'jobparat', 'oevrige']);
    const job = r.groups[1];
    expect(job.enrolments).toBe(3);
    expect(job.distance.n).toBe(2);
    expect(job.distance.meanTotalChange).toBe(7);
    expect(r.groups[0]).toMatchObject({ enrolments: 0, distance: { n: 0, meanTotalChange: null } });
    expect(r.groups[2].distance.dimensions[0].meanChange).toBe(1);
    expect(r.all.enrolments).toBe(4);
    expect(r.all.distance.n).toBe(3);
    expect(r.all.distance.meanTotalChange).toBe((14 + 0 + 7) / 3);
  });
});

describe('firstAndLatest', () => {
  it('gives first and latest (the same with one assessment) and marks whether there was a change to measure', () => {
    const one = firstAndLatest(WHO5, [a('2024-01-01', who5Answers(2, 2, 2, 2, 2), 'who5')]);
    expect(one).toMatchObject({ count: 1, changed: false, total: { from: 40, to: 40, change: 0 } });
    const two = firstAndLatest(WHO5, [
      a('2024-05-01', who5Answers(3, 3, 3, 3, 3), 'who5'),
      a('2024-01-01', who5Answers(2, 2, 2, 2, 2), 'who5'),
    ]);
    expect(two).toMatchObject({ count: 2, changed: true, firstDate: '2024-01-01', total: { from: 40, to: 60, change: 20 } });
    expect(firstAndLatest(WHO5, [])).toBeNull();
  });
});
