/**
 * The holistic plan (helhedsorienteret plan): job goal, ABC job strategy, CV on Jobnet,
 * family and health plans, and dated goals. Aalborg's milestones 11/14/17 require an active
 * CV on Jobnet and an ABC job strategy for every woman.
 */
import { z } from 'zod';
import { formatDateDa } from '../core/dates.ts';
import { GOAL_STATUSES } from '../core/codes.ts';
import { booleanField, isoDateField, optionalIsoDateField, optionalTextField } from './form-fields.ts';
import { GOAL_STATUS_LABELS, YES_NO } from '../core/labels.ts';

const text500 = optionalTextField(500, 'Teksten må højst være 500 tegn.');

export const goalSchema = z.object({
  /** Stable id chosen by the caller (e.g. a UUID), so changes to a goal can be tracked. */
  id: z.string().trim().min(1),
  text: z
    .string({ error: 'Beskriv delmålet.' })
    .trim()
    .min(1, { message: 'Beskriv delmålet.' })
    .max(500, { message: 'Delmålet må højst være 500 tegn.' }),
  dueDate: isoDateField,
  status: z.enum(GOAL_STATUSES, { error: 'Vælg status for delmålet.' }).default('aaben'),
});

export const planSchema = z
  .object({
    jobGoal: text500,
    /** ABC-jobstrategi: A = the job she wants most, B = a related job, C = a job within reach now. */
    abcStrategy: z.object({ a: text500, b: text500, c: text500 }),
    cvOnJobnet: booleanField,
    cvDate: optionalIsoDateField,
    familyPlan: booleanField,
    healthPlan: booleanField,
    goals: z.array(goalSchema).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.cvOnJobnet && !p.cvDate) {
      ctx.addIssue({ code: 'custom', path: ['cvDate'], message: 'Angiv datoen, hvor CV’et blev lagt på Jobnet.' });
    }
    const ids = new Set<string>();
    p.goals.forEach((g, i) => {
      if (ids.has(g.id)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'Delmålet findes allerede.' });
      ids.add(g.id);
    });
  })
  .transform((p) => ({ ...p, cvDate: p.cvOnJobnet ? p.cvDate : null }));

export type Goal = z.output<typeof goalSchema>;
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** True when all three of A, B and C are filled in. */
export function hasAbcStrategy(plan: Pick<Plan, 'abcStrategy'> | null | undefined): boolean {
  const s = plan?.abcStrategy;
  return Boolean(s?.a && s.b && s.c);
}

/** A plan counts as made once it has a job goal. */
export function hasPlan(plan: Pick<Plan, 'jobGoal'> | null | undefined): boolean {
  return Boolean(plan?.jobGoal);
}

export interface PlanChange {
  /** Machine path, e.g. "abcStrategy.a" or "goals.<id>.status". */
  field: string;
  /** Danish label for the change list. */
  label: string;
  /** Display values in Danish; null when empty or absent. */
  from: string | null;
  to: string | null;
}

const SCALARS: { field: string; label: string; get: (p: Plan) => string | null }[] = [
  { field: 'jobGoal', label: 'Jobmål', get: (p) => p.jobGoal },
  { field: 'abcStrategy.a', label: 'ABC-jobstrategi: A-job', get: (p) => p.abcStrategy.a },
  { field: 'abcStrategy.b', label: 'ABC-jobstrategi: B-job', get: (p) => p.abcStrategy.b },
  { field: 'abcStrategy.c', label: 'ABC-jobstrategi: C-job', get: (p) => p.abcStrategy.c },
  { field: 'cvOnJobnet', label: 'CV på Jobnet', get: (p) => YES_NO(p.cvOnJobnet) },
  { field: 'cvDate', label: 'Dato for CV på Jobnet', get: (p) => (p.cvDate ? formatDateDa(p.cvDate) : null) },
  { field: 'familyPlan', label: 'Helhedsorienteret familieplan', get: (p) => YES_NO(p.familyPlan) },
  { field: 'healthPlan', label: 'Sundhedsplan', get: (p) => YES_NO(p.healthPlan) },
];

const goalFields: { key: 'text' | 'dueDate' | 'status'; label: string; show: (g: Goal) => string }[] = [
  { key: 'text', label: 'tekst', show: (g) => g.text },
  { key: 'dueDate', label: 'frist', show: (g) => formatDateDa(g.dueDate) },
  { key: 'status', label: 'status', show: (g) => GOAL_STATUS_LABELS[g.status] },
];

const goalSummary = (g: Goal) => `${g.text} (frist ${formatDateDa(g.dueDate)}, ${GOAL_STATUS_LABELS[g.status].toLowerCase()})`;

/**
 * Every difference between two versions of a plan, in a stable order: the plan fields, then
 * goals in the order of `after` (added or changed), then removed goals. `before` null means a
 * new plan. Who and when are added by the caller when the changes are stored.
 */
export function diffPlan(before: Plan | null, after: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const s of SCALARS) {
    const from = before ? s.get(before) : null;
    const to = s.get(after);
    if (from !== to && !(before === null && (to === null || to === 'Nej'))) {
      changes.push({ field: s.field, label: s.label, from, to });
    }
  }
  const old = new Map((before?.goals ?? []).map((g) => [g.id, g]));
  for (const g of after.goals) {
    const prev = old.get(g.id);
    if (!prev) {
      changes.push({ field: `goals.${g.id}`, label: 'Delmål tilføjet', from: null, to: goalSummary(g) });
      continue;
    }
    for (const f of goalFields) {
      if (prev[f.key] !== g[f.key]) {
        changes.push({ field: `goals.${g.id}.${f.key}`, label: `Delmål "${prev.text}": ${f.label}`, from: f.show(prev), to: f.show(g) });
      }
    }
  }
  const kept = new Set(after.goals.map((g) => g.id));
  for (const g of before?.goals ?? []) {
    if (!kept.has(g.id)) changes.push({ field: `goals.${g.id}`, label: 'Delmål fjernet', from: goalSummary(g), to: null });
  }
  return changes;
}
