/** A project's goals, milestones and report texts, read on the tenant path (row-level security). */
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { listGoals } from '../../db/steering/goals.ts';
import { listMilestones } from '../../db/steering/milestones.ts';
import { loadReportTexts } from '../../db/steering/report-texts.ts';

export function loadPlan(db: Db, actor: Actor, projectId: number) {
  // A project's plan names no one: nothing personal to record.
  return door(db, actor, async (tx) => ({
    value: {
      goals: await listGoals(tx, projectId),
      milestones: await listMilestones(tx, projectId),
      texts: await loadReportTexts(tx, projectId),
    },
    audit: [],
  }));
}

/** One goal of the project's plan (to correct), or not found (Målet). */
export async function loadGoal(db: Db, actor: Actor, projectId: number, goalId: number) {
  const goal = (await loadPlan(db, actor, projectId)).goals.find((g) => g.id === goalId);
  if (!goal) throw notFound('Målet');
  return goal;
}

/** One milestone of the project's plan (to correct), or not found (Milepælen). */
export async function loadMilestone(db: Db, actor: Actor, projectId: number, milestoneId: number) {
  const milestone = (await loadPlan(db, actor, projectId)).milestones.find((m) => m.id === milestoneId);
  if (!milestone) throw notFound('Milepælen');
  return milestone;
}
