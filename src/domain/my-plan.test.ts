import { describe, expect, it } from 'vitest';
import { buildMyPlanView, type MyPlanInput } from './my-plan.ts';

const base: MyPlanInput = {
  firstName: 'Amina',
  plan: {
    jobGoal: 'Køkkenmedhjælper',
    abcStrategy: { a: 'Kok', b: 'Køkkenmedhjælper', c: 'Opvasker' },
    cvOnJobnet: true,
    cvDate: '2026-01-05',
    familyPlan: false,
    healthPlan: false,
    goals: [
      { id: 'g2', text: 'Praktik i storkøkken', dueDate: '2026-09-01', status: 'aaben' },
      { id: 'g1', text: 'Dansk niveau 2', dueDate: '2026-05-01', status: 'i_gang' },
    ],
  },
  planUpdatedOn: '2026-02-01',
  activities: [
    {
      typeKey: 'danskundervisning',
      provider: 'Sprogcenter Nord',
      startDate: '2026-01-10',
      endDate: null,
      hoursPerWeek: '6.0',
      status: 'i_gang',
    },
    {
      typeKey: 'virksomhedspraktik',
      provider: 'Kantinen A/S',
      startDate: '2026-04-01',
      endDate: '2026-06-30',
      hoursPerWeek: 15,
      status: 'planlagt',
    },
    { typeKey: 'egen_type', provider: null, startDate: '2026-03-20', endDate: null, hoursPerWeek: null, status: 'planlagt' },
    { typeKey: 'kursus', provider: 'Gammelt kursus', startDate: '2025-01-01', endDate: '2025-02-01', hoursPerWeek: 5, status: 'afsluttet' },
    { typeKey: 'jobklub', provider: 'Afbrudt', startDate: '2026-05-01', endDate: null, hoursPerWeek: 2, status: 'afbrudt' },
  ],
  assessments: [
    { instrumentKey: 'fremdriftstrappen', date: '2025-11-01', answers: { dansk: 1 } },
    { instrumentKey: 'fremdriftstrappen', date: '2026-02-15', answers: { arbejdsidentitet: 3, dansk: 2, netvaerk: 4 } },
    { instrumentKey: 'who5', date: '2026-02-20', answers: { glad: 1 } },
  ],
  extraTypes: [{ key: 'egen_type', name: 'Cykelkursus', category: 'social_sundhed', atCompany: false }],
  caseworkerName: 'Sara Sagsbehandler',
  followUp: {
    enrolment: { date: '2025-10-01', exitDate: null },
    activities: [],
    conversations: [{ date: '2026-02-10' }],
    plan: null,
    assessments: [],
    today: '2026-03-01',
  },
  today: '2026-03-01',
};

describe('Min plan view', () => {
  it('shows current and upcoming activities, sub-goals by date, and the latest ladder steps', () => {
    const v = buildMyPlanView(base);
    expect(v.current.map((a) => a.typeKey)).toEqual(['danskundervisning']);
    expect(v.current[0].hoursPerWeek).toBe(6);
    expect(v.next.map((a) => a.typeNameDa)).toEqual(['Cykelkursus', 'Virksomhedspraktik']);
    expect(v.next[0].typeKey).toBeNull(); // a project's own type keeps its Danish name
    expect(v.goals.map((g) => g.text)).toEqual(['Dansk niveau 2', 'Praktik i storkøkken']);
    expect(v.progress).toEqual({
      date: '2026-02-15',
      steps: [
        { key: 'arbejdsidentitet', step: 3 },
        { key: 'dansk', step: 2 },
        { key: 'netvaerk', step: 4 },
      ],
    });
    expect(v.nextConversation).toMatch(/^2026-0[3-9]-\d\d$/);
  });

  it('carries nothing outside the plan view (no WHO-5, no CV facts, no plan history)', () => {
    const v = buildMyPlanView(base);
    expect(Object.keys(v).sort()).toEqual([
      'abc',
      'caseworkerName',
      'current',
      'firstName',
      'goals',
      'jobGoal',
      'next',
      'nextConversation',
      'planUpdatedOn',
      'progress',
    ]);
    expect(JSON.stringify(v)).not.toContain('glad');
    expect(JSON.stringify(v)).not.toContain('Gammelt kursus');
  });

  it('an empty case gives an empty plan, and no conversation when she is not enrolled', () => {
    const v = buildMyPlanView({ ...base, plan: null, activities: [], assessments: [], followUp: null });
    expect(v).toMatchObject({
      jobGoal: null,
      abc: null,
      goals: [],
      current: [],
      next: [],
      nextConversation: null,
      progress: null,
      planUpdatedOn: null,
    });
  });
});
