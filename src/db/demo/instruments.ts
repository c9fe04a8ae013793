/** The demo progressionstrappe's writes (app/casework/seed-demo-instruments.ts decides what to write). */
import type { ProjectDimension } from '../../domain/project-instruments.ts';
import { sqlOf, type Sql } from '../sql.ts';
import type { AssessmentColumns } from './casework.ts';

/** A new instrument of a project with its first version; the version's id. */
export async function insertDemoInstrument(
  tx: Sql,
  projectId: number,
  leader: number | null,
  t: { name: string; scaleMin: number; scaleMax: number; dimensions: ProjectDimension[] },
): Promise<{ instrumentId: number; versionId: number }> {
  const q = sqlOf(tx);
  const instrumentId = (
    await q.query<{ id: number }>(
      `INSERT INTO project_instrument (project_id, created_by, created_at) VALUES ($1, $2, '2025-01-06') RETURNING id`,
      [projectId, leader],
    )
  ).rows[0].id;
  const versionId = (
    await q.query<{ id: number }>(
      `INSERT INTO project_instrument_version (project_id, instrument_id, version, name, scale_min, scale_max, dimensions, created_by, created_at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, '2025-01-06') RETURNING id`,
      [projectId, instrumentId, t.name, t.scaleMin, t.scaleMax, JSON.stringify(t.dimensions), leader],
    )
  ).rows[0].id;
  return { instrumentId, versionId };
}

/** The synthetic women enrolled in a project, in a stable order by enrolment (a later day's women only add to the end). */
export async function demoWomenOfProject(tx: Sql, projectId: number) {
  return (
    await sqlOf(tx).query<{ pid: string; mun: string; on: string; exit: string | null; cw: number | null }>(
      `SELECT p.id AS pid, p.municipality_code AS mun, e.enrolled_on::text AS "on", e.exited_on::text AS "exit", e.caseworker_id AS cw
     FROM participant p JOIN enrolment e ON e.participant_id = p.id
     WHERE p.synthetic AND e.project_id = $1 ORDER BY e.enrolled_on, p.municipality_code, p.last_name, p.first_name, p.birth_date`,
      [projectId],
    )
  ).rows;
}

/** Scores on a project's instrument version (one bulk insert); the version is marked used from the first. */
export async function insertDemoInstrumentScores(tx: Sql, key: string, versionId: number, s: AssessmentColumns) {
  const q = sqlOf(tx);
  await q.query(
    `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by, instrument_version_id)
     SELECT p, m, $7, d, a::jsonb, t, b, $8 FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::numeric[], $6::int[]) AS x(p, m, d, a, t, b)`,
    [s.pid, s.mun, s.on, s.answers, s.total, s.by, key, versionId],
  );
  if (s.pid.length > 0)
    await q.query(`UPDATE project_instrument_version SET used_at = $2::date WHERE id = $1`, [versionId, [...s.on].sort()[0]]);
}
