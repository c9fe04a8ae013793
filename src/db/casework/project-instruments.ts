/** A project's own progression instruments and their versions (project data, RLS by project); SQL only. */
import type { InstrumentDefinition, ProjectInstrumentVersion } from '../../domain/project-instruments.ts';
import { sqlOf, type Sql } from '../sql.ts';

const COLS = `v.id, v.instrument_id AS "instrumentId", v.project_id AS "projectId", v.version, v.name,
  v.scale_min AS "scaleMin", v.scale_max AS "scaleMax", v.dimensions, v.created_at::text AS "createdAt",
  v.used_at::text AS "usedAt", v.retired_at::text AS "retiredAt"`;

/** Every version of every instrument of these projects, by instrument then version. */
export async function listInstrumentVersions(tx: Sql, projectIds: readonly number[]): Promise<ProjectInstrumentVersion[]> {
  if (projectIds.length === 0) return [];
  return (
    await sqlOf(tx).query<ProjectInstrumentVersion>(
      `SELECT ${COLS} FROM project_instrument_version v WHERE v.project_id = ANY ($1::int[]) ORDER BY v.instrument_id, v.version`,
      [[...projectIds]],
    )
  ).rows;
}

/** The versions of one instrument of a project, oldest first (empty when it is not the project's). */
export async function instrumentVersions(tx: Sql, projectId: number, instrumentId: number): Promise<ProjectInstrumentVersion[]> {
  return (
    await sqlOf(tx).query<ProjectInstrumentVersion>(
      `SELECT ${COLS} FROM project_instrument_version v WHERE v.project_id = $1 AND v.instrument_id = $2 ORDER BY v.version`,
      [projectId, instrumentId],
    )
  ).rows;
}

export async function insertInstrument(tx: Sql, projectId: number, def: InstrumentDefinition, userId: number): Promise<number> {
  const id = (
    await sqlOf(tx).query<{ id: number }>('INSERT INTO project_instrument (project_id, created_by) VALUES ($1, $2) RETURNING id', [
      projectId,
      userId,
    ])
  ).rows[0].id;
  await insertVersion(tx, projectId, id, 1, def, userId);
  return id;
}

export async function insertVersion(
  tx: Sql,
  projectId: number,
  instrumentId: number,
  version: number,
  def: InstrumentDefinition,
  userId: number,
): Promise<number> {
  return (
    await sqlOf(tx).query<{ id: number }>(
      `INSERT INTO project_instrument_version (project_id, instrument_id, version, name, scale_min, scale_max, dimensions, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [projectId, instrumentId, version, def.name, def.scaleMin, def.scaleMax, JSON.stringify(def.dimensions), userId],
    )
  ).rows[0].id;
}

/** Change a version that has no scores yet; false when it has (then nothing changed). */
export async function updateUnusedVersion(tx: Sql, versionId: number, def: InstrumentDefinition): Promise<boolean> {
  const r = await sqlOf(tx).query(
    `UPDATE project_instrument_version SET name = $2, scale_min = $3, scale_max = $4, dimensions = $5, updated_at = now()
     WHERE id = $1 AND used_at IS NULL`,
    [versionId, def.name, def.scaleMin, def.scaleMax, JSON.stringify(def.dimensions)],
  );
  return r.rowCount > 0;
}

export async function retireVersion(tx: Sql, versionId: number, userId: number): Promise<boolean> {
  const r = await sqlOf(tx).query(
    'UPDATE project_instrument_version SET retired_at = now(), retired_by = $2 WHERE id = $1 AND retired_at IS NULL',
    [versionId, userId],
  );
  return r.rowCount > 0;
}

/** Freeze a version: its first score is being saved. */
export async function markVersionUsed(tx: Sql, versionId: number): Promise<void> {
  await sqlOf(tx).query('UPDATE project_instrument_version SET used_at = now() WHERE id = $1 AND used_at IS NULL', [versionId]);
}

/** One version of a project's instrument, locked until the transaction ends (a score is being saved on it). */
export async function lockVersion(
  tx: Sql,
  projectId: number,
  instrumentId: number,
  version: number,
): Promise<ProjectInstrumentVersion | undefined> {
  return (
    await sqlOf(tx).query<ProjectInstrumentVersion>(
      `SELECT ${COLS} FROM project_instrument_version v WHERE v.project_id = $1 AND v.instrument_id = $2 AND v.version = $3 FOR UPDATE`,
      [projectId, instrumentId, version],
    )
  ).rows[0];
}
