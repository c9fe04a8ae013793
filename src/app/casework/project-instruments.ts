/**
 * A project's own progression instruments (issue 14 build 5): listed for everyone working in the
 * project, defined, edited and retired by its project leader. Editing a version that has scores
 * makes the next version; a version without scores is changed in place. Each read and write is
 * audited (entity `maaleredskab`).
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import {
  insertInstrument,
  insertVersion,
  instrumentVersions,
  listInstrumentVersions,
  retireVersion,
  updateUnusedVersion,
} from '../../db/casework/project-instruments.ts';
import { parseDefinition, sameDefinition, type ProjectInstrumentVersion } from '../../domain/project-instruments.ts';
import { leadersProject, projectFor } from './project-settings.ts';
import { str, type FormData, type SaveResult } from '../form.ts';

export interface ProjectInstrument {
  id: number;
  /** Oldest first; the last is the newest. */
  versions: ProjectInstrumentVersion[];
}

const group = (versions: readonly ProjectInstrumentVersion[]): ProjectInstrument[] => {
  const by = new Map<number, ProjectInstrumentVersion[]>();
  for (const v of versions) by.set(v.instrumentId, [...(by.get(v.instrumentId) ?? []), v]);
  return [...by.entries()].map(([id, vs]) => ({ id, versions: vs.sort((a, b) => a.version - b.version) }));
};

/** The instruments of the actor's project (the first, or the one asked for); null when she has none. */
export async function listProjectInstruments(db: Db, actor: Actor, projectId?: number) {
  const { projects, project } = await projectFor(db, actor, projectId);
  if (!project || (projectId !== undefined && project.id !== projectId)) return null;
  return door(db, actor, async (tx) => {
    const instruments = group(await listInstrumentVersions(tx, [project.id]));
    return {
      value: { projects, project, instruments },
      audit: { action: 'liste', entity: 'maaleredskab', detail: { projectId: project.id, count: instruments.length } },
    };
  });
}

/** One instrument of the actor's project with all its versions; null when it is not there. */
export async function getProjectInstrument(db: Db, actor: Actor, projectId: number, instrumentId: number) {
  const { project } = await projectFor(db, actor, projectId);
  if (!project || project.id !== projectId || !Number.isSafeInteger(instrumentId)) return null;
  return door(db, actor, async (tx) => {
    const versions = await instrumentVersions(tx, projectId, instrumentId);
    if (versions.length === 0) return { value: null, audit: [] };
    return {
      value: { project, instrument: { id: instrumentId, versions } as ProjectInstrument },
      audit: { action: 'vis', entity: 'maaleredskab', detail: { projectId, instrumentId } },
    };
  });
}

const formValues = (form: FormData) => Object.fromEntries(Object.keys(form).map((k) => [k, str(form, k)]));

export async function createProjectInstrument(db: Db, actor: Actor, projectId: number, form: FormData): Promise<SaveResult<number>> {
  if (!(await leadersProject(db, actor, projectId))) return { status: 'denied' };
  const parsed = parseDefinition(formValues(form));
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  return door<SaveResult<number>>(db, actor, async (tx) => {
    const id = await insertInstrument(tx, projectId, parsed.value, actor.userId);
    return {
      value: { status: 'ok', id },
      audit: {
        action: 'opret',
        entity: 'maaleredskab',
        detail: {
          projectId,
          instrumentId: id,
          version: 1,
          name: parsed.value.name,
          dimensions: parsed.value.dimensions.length,
          scale: [parsed.value.scaleMin, parsed.value.scaleMax],
        },
      },
    };
  });
}

export type EditOutcome = { version: number; created: boolean; unchanged: boolean };

/**
 * Save a changed definition of an instrument: its newest version is changed in place while it
 * has no scores; once it has, the change becomes the next version (and the newest is no longer
 * retired, as the new version takes scores).
 */
export async function editProjectInstrument(
  db: Db,
  actor: Actor,
  projectId: number,
  instrumentId: number,
  form: FormData,
): Promise<SaveResult<EditOutcome>> {
  if (!(await leadersProject(db, actor, projectId)) || !Number.isSafeInteger(instrumentId)) return { status: 'denied' };
  const parsed = parseDefinition(formValues(form));
  return door<SaveResult<EditOutcome>>(db, actor, async (tx) => {
    const versions = await instrumentVersions(tx, projectId, instrumentId);
    const newest = versions[versions.length - 1];
    if (!newest) return { value: { status: 'denied' }, audit: [] };
    if (!parsed.ok) return { value: { status: 'invalid', errors: parsed.errors }, audit: [] };
    if (sameDefinition(newest, parsed.value) && !newest.retiredAt) {
      return { value: { status: 'ok', id: { version: newest.version, created: false, unchanged: true } }, audit: [] };
    }
    if (!newest.usedAt && !newest.retiredAt && (await updateUnusedVersion(tx, newest.id, parsed.value))) {
      return {
        value: { status: 'ok', id: { version: newest.version, created: false, unchanged: false } },
        audit: {
          action: 'ret',
          entity: 'maaleredskab',
          detail: { projectId, instrumentId, version: newest.version, name: parsed.value.name },
        },
      };
    }
    const version = newest.version + 1;
    await insertVersion(tx, projectId, instrumentId, version, parsed.value, actor.userId);
    return {
      value: { status: 'ok', id: { version, created: true, unchanged: false } },
      audit: {
        action: 'opret',
        entity: 'maaleredskab_version',
        detail: { projectId, instrumentId, version, previous: newest.version, name: parsed.value.name },
      },
    };
  });
}

/** Retire one version: it takes no new scores; its scores and texts stay. */
export async function retireProjectInstrumentVersion(
  db: Db,
  actor: Actor,
  projectId: number,
  instrumentId: number,
  version: number,
): Promise<SaveResult<number>> {
  if (!(await leadersProject(db, actor, projectId)) || !Number.isSafeInteger(instrumentId) || !Number.isSafeInteger(version))
    return { status: 'denied' };
  return door<SaveResult<number>>(db, actor, async (tx) => {
    const v = (await instrumentVersions(tx, projectId, instrumentId)).find((x) => x.version === version);
    if (!v) return { value: { status: 'denied' }, audit: [] };
    if (v.retiredAt) return { value: { status: 'ok', id: version }, audit: [] };
    await retireVersion(tx, v.id, actor.userId);
    return {
      value: { status: 'ok', id: version },
      audit: { action: 'udfas', entity: 'maaleredskab_version', detail: { projectId, instrumentId, version } },
    };
  });
}
