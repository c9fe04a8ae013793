/** Demo goals and milestone plans for every demo project (inside seedDemo's transaction). */
import type { Queryable } from '../../db/database.ts';
import { insertGoal } from '../../db/steering/goals.ts';
import { insertMilestone } from '../../db/steering/milestones.ts';
import { demoGoalsFor, demoMilestonesFor } from '../../demo/goals.ts';

export async function seedDemoGoals(q: Queryable): Promise<{ goals: number; milestones: number }> {
  const projects = (await q.query<{ id: number; key: string; planned: number | null }>(
    'SELECT id, key, planned_participants AS planned FROM project ORDER BY id',
  )).rows;
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
