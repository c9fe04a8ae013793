/** Per-project follow-up settings and the project's own activity types (not personal data). */
import type { ActivityType } from '../../domain/activities.ts';
import { alertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../domain/alert-settings.ts';

export interface ProjectConfig {
  settings: AlertSettings;
  extraTypes: ActivityType[];
}

export async function loadAlertSettings(tx: Sql, projectId: number): Promise<AlertSettings> {
  const row = (
    await sqlOf(tx).query<{ settings: unknown }>('SELECT settings FROM project_alert_settings WHERE project_id = $1', [projectId])
  ).rows[0];
  if (!row) return DEFAULT_ALERT_SETTINGS;
  const parsed = alertSettingsSchema.safeParse(row.settings);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

export async function loadActivityTypes(tx: Sql, projectId: number): Promise<ActivityType[]> {
  return (
    await sqlOf(tx).query<ActivityType>(
      `SELECT key, name, category, at_company AS "atCompany" FROM project_activity_type WHERE project_id = $1 ORDER BY name`,
      [projectId],
    )
  ).rows;
}

export async function loadProjectConfig(tx: Sql, projectId: number | null | undefined): Promise<ProjectConfig> {
  if (!projectId) return { settings: DEFAULT_ALERT_SETTINGS, extraTypes: [] };
  const [settings, extraTypes] = await Promise.all([loadAlertSettings(tx, projectId), loadActivityTypes(tx, projectId)]);
  return { settings, extraTypes };
}

export async function saveAlertSettings(tx: Sql, projectId: number, settings: AlertSettings, userId: number) {
  await sqlOf(tx).query(
    `INSERT INTO project_alert_settings (project_id, settings, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (project_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [projectId, JSON.stringify(settings), userId],
  );
}

export async function insertActivityType(tx: Sql, projectId: number, t: ActivityType, userId: number): Promise<boolean> {
  const r = await sqlOf(tx).query(
    `INSERT INTO project_activity_type (project_id, key, name, category, at_company, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [projectId, t.key, t.name, t.category, t.atCompany, userId],
  );
  return r.rowCount > 0;
}

export interface ActorProject {
  id: number;
  name: string;
}

import { sqlOf, type Reader, type Sql } from '../sql.ts';
/** Projects run in the actor's municipalities; with `runningOn`, only those not ended by that day. */
export async function projectsOf(tx: Reader, municipalities: string[], runningOn?: string): Promise<ActorProject[]> {
  return (
    await sqlOf(tx).query<ActorProject>(
      `SELECT DISTINCT p.id, p.name FROM project p JOIN project_municipality pm ON pm.project_id = p.id
       WHERE pm.municipality_code = ANY ($1::text[]) AND ($2::date IS NULL OR p.end_date IS NULL OR p.end_date >= $2::date) ORDER BY p.name`,
      [municipalities, runningOn ?? null],
    )
  ).rows;
}

/** Caseworkers of the actor's jobcentre (to assign a woman to). */
export async function caseworkersOf(tx: Reader, organisationId: number): Promise<{ id: number; name: string }[]> {
  return (
    await sqlOf(tx).query<{ id: number; name: string }>(
      `SELECT id, display_name AS name FROM app_user WHERE organisation_id = $1 AND active AND role IN ('sagsbehandler', 'projektleder')
       ORDER BY role DESC, display_name`,
      [organisationId],
    )
  ).rows;
}
