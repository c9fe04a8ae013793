/** A project's milestone plan (milepælsplan): phases, milestones, due dates, who is responsible, status. */
import type { Milestone, MilestoneInput } from '../../domain/steering-goals.ts';
import { sqlOf, type Sql } from '../sql.ts';

const COLS = `id, project_id AS "projectId", phase, phase_name AS "phaseName", number, content, due_date AS "dueDate",
  responsible, status, note`;

export async function listMilestones(tx: Sql, projectId: number): Promise<Milestone[]> {
  return (
    await sqlOf(tx).query<Milestone>(`SELECT ${COLS} FROM project_milestone WHERE project_id = $1 ORDER BY phase, number`, [projectId])
  ).rows;
}

export async function getMilestone(tx: Sql, projectId: number, id: number): Promise<Milestone | undefined> {
  return (await sqlOf(tx).query<Milestone>(`SELECT ${COLS} FROM project_milestone WHERE project_id = $1 AND id = $2`, [projectId, id]))
    .rows[0];
}

export async function milestoneNumberTaken(tx: Sql, projectId: number, number: number, exceptId?: number): Promise<boolean> {
  const r = await sqlOf(tx).query('SELECT 1 FROM project_milestone WHERE project_id = $1 AND number = $2 AND id <> $3', [
    projectId,
    number,
    exceptId ?? 0,
  ]);
  return r.rows.length > 0;
}

export async function insertMilestone(tx: Sql, projectId: number, m: MilestoneInput, userId: number | null): Promise<number> {
  const r = await sqlOf(tx).query<{ id: number }>(
    `INSERT INTO project_milestone (project_id, phase, phase_name, number, content, due_date, responsible, status, note, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [projectId, m.phase, m.phaseName, m.number, m.content, m.dueDate, m.responsible, m.status, m.note, userId],
  );
  return r.rows[0].id;
}

export async function updateMilestone(tx: Sql, projectId: number, id: number, m: MilestoneInput, userId: number) {
  await sqlOf(tx).query(
    `UPDATE project_milestone SET phase = $3, phase_name = $4, number = $5, content = $6, due_date = $7, responsible = $8,
       status = $9, note = $10, updated_by = $11, updated_at = now() WHERE project_id = $1 AND id = $2`,
    [projectId, id, m.phase, m.phaseName, m.number, m.content, m.dueDate, m.responsible, m.status, m.note, userId],
  );
}
