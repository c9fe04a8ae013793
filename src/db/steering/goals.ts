/** Result goals (resultatmål) of a project: plain rows, read and written on a tenant transaction. */
import type { Goal, GoalInput } from '../../domain/steering-goals.ts';
import { sqlOf, type Sql } from '../sql.ts';

const COLS = `id, project_id AS "projectId", title, measure, population, target_kind AS "targetKind", target_value AS "targetValue",
  deadline, note`;

export async function listGoals(tx: Sql, projectId: number): Promise<Goal[]> {
  return (await sqlOf(tx).query<Goal>(`SELECT ${COLS} FROM project_goal WHERE project_id = $1 ORDER BY deadline, id`, [projectId])).rows;
}

export async function getGoal(tx: Sql, projectId: number, id: number): Promise<Goal | undefined> {
  return (await sqlOf(tx).query<Goal>(`SELECT ${COLS} FROM project_goal WHERE project_id = $1 AND id = $2`, [projectId, id])).rows[0];
}

export async function insertGoal(tx: Sql, projectId: number, g: GoalInput, userId: number | null): Promise<number> {
  const r = await sqlOf(tx).query<{ id: number }>(
    `INSERT INTO project_goal (project_id, title, measure, target_kind, target_value, deadline, note, updated_by, population)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [projectId, g.title, g.measure, g.targetKind, g.targetValue, g.deadline, g.note, userId, g.population],
  );
  return r.rows[0].id;
}

export async function updateGoal(tx: Sql, projectId: number, id: number, g: GoalInput, userId: number) {
  await sqlOf(tx).query(
    `UPDATE project_goal SET title = $3, measure = $4, target_kind = $5, target_value = $6, deadline = $7, note = $8,
       updated_by = $9, updated_at = now(), population = $10 WHERE project_id = $1 AND id = $2`,
    [projectId, id, g.title, g.measure, g.targetKind, g.targetValue, g.deadline, g.note, userId, g.population],
  );
}

export async function deleteGoal(tx: Sql, projectId: number, id: number): Promise<boolean> {
  return (await sqlOf(tx).query('DELETE FROM project_goal WHERE project_id = $1 AND id = $2', [projectId, id])).rowCount > 0;
}
