/**
 * A project leader's settings for her project: the follow-up rules (alert settings) and the
 * project's own activity types. Stored per project; each change is audited.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import {
  insertActivityType,
  loadActivityTypes,
  loadAlertSettings,
  projectsOf,
  saveAlertSettings as storeAlertSettings,
} from '../../db/casework/project-config.ts';
import { alertSettingsSchema } from '../../domain/alert-settings.ts';
import { projectActivityTypeSchema } from '../../domain/activities.ts';
import { booleanField } from '../../domain/form-fields.ts';
import { forbidden } from '../../core/errors.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';

/** The actor's project (first, or the one asked for); null when she has none. */
export async function projectFor(db: Db, actor: Actor, projectId?: number) {
  const projects = await projectsOf(db, actor.municipalities);
  return { projects, project: projects.find((p) => p.id === projectId) ?? projects[0] ?? null };
}

export async function getProjectSettings(db: Db, actor: Actor, projectId?: number) {
  const { projects, project } = await projectFor(db, actor, projectId);
  if (!project) return null;
  return door(db, actor, async (tx) => ({
    value: { projects, project, settings: await loadAlertSettings(tx, project.id), types: await loadActivityTypes(tx, project.id) },
    audit: { action: 'vis', entity: 'projektindstillinger', detail: { projectId: project.id } },
  }));
}

/** Refused (403) for anyone but a project leader. */
export const requireLeader = (actor: Actor) => {
  if (actor.role !== 'projektleder') throw forbidden();
};

/** Project `projectId` for its leader: refused (403) for anyone but a project leader; null when it is not one of hers. */
export async function leadersProject(db: Db, actor: Actor, projectId: number) {
  requireLeader(actor);
  const { project } = await projectFor(db, actor, projectId);
  return project && project.id === projectId ? project : null;
}

export async function saveProjectAlertSettings(db: Db, actor: Actor, projectId: number, form: FormData): Promise<SaveResult<number>> {
  if (!(await leadersProject(db, actor, projectId))) return { status: 'denied' };
  const keys = Object.keys(alertSettingsSchema.shape);
  const parsed = alertSettingsSchema.safeParse(Object.fromEntries(keys.map((k) => [k, str(form, k)])));
  if (!parsed.success) return { status: 'invalid', errors: zodFieldErrors(parsed.error) };
  return door<SaveResult<number>>(db, actor, async (tx) => {
    await storeAlertSettings(tx, projectId, parsed.data, actor.userId);
    return {
      value: { status: 'ok', id: projectId },
      audit: { action: 'gem', entity: 'projektindstillinger', detail: { projectId, settings: parsed.data } },
    };
  });
}

export async function addProjectActivityType(db: Db, actor: Actor, projectId: number, form: FormData): Promise<SaveResult<number>> {
  if (!(await leadersProject(db, actor, projectId))) return { status: 'denied' };
  const parsed = projectActivityTypeSchema.safeParse({
    key: str(form, 'key'),
    name: str(form, 'name'),
    category: str(form, 'category'),
    atCompany: booleanField.parse(str(form, 'atCompany')),
  });
  if (!parsed.success) return { status: 'invalid', errors: zodFieldErrors(parsed.error) };
  return door<SaveResult<number>>(db, actor, async (tx) => {
    const added = await insertActivityType(tx, projectId, parsed.data, actor.userId);
    if (!added)
      return { value: { status: 'invalid', errors: { key: 'Projektet har allerede en aktivitetstype med denne nøgle.' } }, audit: [] };
    return {
      value: { status: 'ok', id: projectId },
      audit: { action: 'opret', entity: 'aktivitetstype', detail: { projectId, key: parsed.data.key } },
    };
  });
}
