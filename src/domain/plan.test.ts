import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlan, hasAbcStrategy, planSchema, type Plan } from './plan.ts';

const empty: Plan = planSchema.parse({ abcStrategy: {} });
const full: Plan = planSchema.parse({
  jobGoal: 'Køkkenmedhjælper',
  abcStrategy: { a: 'Kok', b: 'Køkkenmedhjælper', c: 'Opvasker' },
  cvOnJobnet: 'on',
  cvDate: '2024-04-02',
  familyPlan: true,
  healthPlan: false,
  goals: [{ id: 'g1', text: 'Start i praktik', dueDate: '2024-06-01', status: 'aaben' }],
});

describe('planSchema', () => {
  it('parses checkbox values, trims text and keeps goals', () => {
    expect(full.cvOnJobnet).toBe(true);
    expect(full.cvDate).toBe('2024-04-02');
    expect(full.goals[0].status).toBe('aaben');
    expect(empty.jobGoal).toBeNull();
    expect(empty.cvOnJobnet).toBe(false);
  });
  it('requires a date when the CV is on Jobnet, and drops the date when it is not', () => {
    const r = planSchema.safeParse({ abcStrategy: {}, cvOnJobnet: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toMatch(/Jobnet/);
    expect(planSchema.parse({ abcStrategy: {}, cvOnJobnet: false, cvDate: '2024-01-01' }).cvDate).toBeNull();
  });
  it('rejects duplicate goal ids and unknown statuses with Danish messages', () => {
    const g = { id: 'x', text: 'a', dueDate: '2024-01-01' };
    expect(planSchema.safeParse({ abcStrategy: {}, goals: [g, g] }).error?.issues[0].message).toMatch(/findes allerede/);
    expect(planSchema.safeParse({ abcStrategy: {}, goals: [{ ...g, status: 'done' }] }).error?.issues[0].message).toMatch(/status/);
  });
  it('knows a complete ABC strategy needs all three jobs', () => {
    expect(hasAbcStrategy(full)).toBe(true);
    expect(hasAbcStrategy({ abcStrategy: { a: 'Kok', b: 'x', c: null } })).toBe(false);
    expect(hasAbcStrategy(null)).toBe(false);
  });
});

describe('diffPlan', () => {
  it('lists the fields set in a new plan, skipping empty ones', () => {
    const d = diffPlan(null, full);
    expect(d.map((c) => c.field)).toEqual([
      'jobGoal',
      'abcStrategy.a',
      'abcStrategy.b',
      'abcStrategy.c',
      'cvOnJobnet',
      'cvDate',
      'familyPlan',
      'goals.g1',
    ]);
    expect(d.find((c) => c.field === 'cvDate')).toEqual({ field: 'cvDate', label: 'Dato for CV på Jobnet', from: null, to: '2.4.2024' });
    expect(d.find((c) => c.field === 'goals.g1')?.to).toBe('Start i praktik (frist 1.6.2024, åben)');
  });
  it('reports changed, added and removed goals with Danish labels', () => {
    const after: Plan = {
      ...full,
      healthPlan: true,
      goals: [
        { id: 'g2', text: 'Danskprøve 2', dueDate: '2024-12-01', status: 'i_gang' },
        { id: 'g1', text: 'Start i praktik', dueDate: '2024-07-01', status: 'naaet' },
      ],
    };
    expect(diffPlan(full, after)).toEqual([
      { field: 'healthPlan', label: 'Sundhedsplan', from: 'Nej', to: 'Ja' },
      { field: 'goals.g2', label: 'Delmål tilføjet', from: null, to: 'Danskprøve 2 (frist 1.12.2024, i gang)' },
      { field: 'goals.g1.dueDate', label: 'Delmål "Start i praktik": frist', from: '1.6.2024', to: '1.7.2024' },
      { field: 'goals.g1.status', label: 'Delmål "Start i praktik": status', from: 'Åben', to: 'Nået' },
    ]);
    expect(diffPlan(after, { ...after, goals: [] }).map((c) => [c.label, c.to])).toEqual([
      ['Delmål fjernet', null],
      ['Delmål fjernet', null],
    ]);
  });
  it('finds no changes between a plan and itself (property)', () => {
    const arbPlan = fc.record({
      jobGoal: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      a: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      cv: fc.boolean(),
      family: fc.boolean(),
    });
    fc.assert(
      fc.property(arbPlan, arbPlan, (p, q) => {
        const mk = (x: typeof p): Plan => ({
          ...empty,
          jobGoal: x.jobGoal,
          abcStrategy: { a: x.a, b: null, c: null },
          cvOnJobnet: x.cv,
          cvDate: x.cv ? '2024-01-01' : null,
          familyPlan: x.family,
        });
        expect(diffPlan(mk(p), mk(p))).toEqual([]);
        // every reported change really differs
        for (const c of diffPlan(mk(p), mk(q))) expect(c.from).not.toEqual(c.to);
      }),
    );
  });
});
