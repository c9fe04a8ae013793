/** A project's goals, milestones and report texts, read on the tenant path (row-level security). */
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
