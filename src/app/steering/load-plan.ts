/** A project's goals, milestones and report texts, read on the tenant path (row-level security). */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { listGoals } from '../../db/steering/goals.ts';
import { listMilestones } from '../../db/steering/milestones.ts';
import { loadReportTexts } from '../../db/steering/report-texts.ts';
import { withTenant } from '../../db/tenant.ts';

export function loadPlan(db: Database, actor: Actor, projectId: number) {
  return withTenant(db, actor, async (q) => ({
    goals: await listGoals(q, projectId),
    milestones: await listMilestones(q, projectId),
    texts: await loadReportTexts(q, projectId),
  }));
}
