/** A project's milestone plan (milepælsplan): phases, milestones, due dates, who is responsible, status. */
import type { Milestone, MilestoneInput } from '../../domain/steering-goals.ts';
import type { Queryable } from '../database.ts';

const COLS = `id, project_id AS "projectId", phase, phase_name AS "phaseName", number, content, due_date AS "dueDate",
  responsible, status, note`;

export async function listMilestones(q: Queryable, projectId: number): Promise<Milestone[]> {
  return (await q.query<Milestone>(`SELECT ${COLS} FROM project_milestone WHERE project_id = $1 ORDER BY phase, number`, [projectId])).rows;
}

export async function getMilestone(q: Queryable, projectId: number, id: number): Promise<Milestone | undefined> {
  return (await q.query<Milestone>(`SELECT ${COLS} FROM project_milestone WHERE project_id = $1 AND id = $2`, [projectId, id])).rows[0];
}

export async function milestoneNumberTaken(q: Queryable, projectId: number, number: number, exceptId?: number): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM project_milestone WHERE project_id = $1 AND number = $2 AND id <> $3', [projectId, number, exceptId ?? 0]);
  return r.rows.length > 0;
}

export async function insertMilestone(q: Queryable, projectId: number, m: MilestoneInput, userId: number | null): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO project_milestone (project_id, phase, phase_name, number, content, due_date, responsible, status, note, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [projectId, m.phase, m.phaseName, m.number, m.content, m.dueDate, m.responsible, m.status, m.note, userId],
  );
  return r.rows[0].id;
}

export async function updateMilestone(q: Queryable, projectId: number, id: number, m: MilestoneInput, userId: number) {
  await q.query(
    `UPDATE project_milestone SET phase = $3, phase_name = $4, number = $5, content = $6, due_date = $7, responsible = $8,
       status = $9, note = $10, updated_by = $11, updated_at = now() WHERE project_id = $1 AND id = $2`,
    [projectId, id, m.phase, m.phaseName, m.number, m.content, m.dueDate, m.responsible, m.status, m.note, userId],
  );
}
