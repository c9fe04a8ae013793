/** Demo goals and milestone plans for every demo project (inside seedDemo's transaction). */
import { demoProjects, type SeedTx } from '../../db/demo/seed.ts';
import { insertGoal } from '../../db/steering/goals.ts';
import { insertMilestone } from '../../db/steering/milestones.ts';
import { demoGoalsFor, demoMilestonesFor } from '../../demo/goals.ts';

export async function seedDemoGoals(q: SeedTx): Promise<{ goals: number; milestones: number }> {
  const projects = await demoProjects(q);
  let goals = 0;
  let milestones = 0;
  for (const p of projects) {
    for (const g of demoGoalsFor(p.key, p.planned ?? 100)) {
      await insertGoal(q, p.id, { ...g, note: g.note ?? null }, null);
      goals++;
    }
    for (const m of demoMilestonesFor(p.key)) {
      await insertMilestone(q, p.id, { ...m, note: m.note ?? null }, null);
      milestones++;
    }
  }
  return { goals, milestones };
}
