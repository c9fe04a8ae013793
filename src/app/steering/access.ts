/** Who may steer: a jobcentre's project leaders and caseworkers, for projects in their municipalities. */
import type { Actor } from '../../core/actor.ts';
import { handlesPersonalData } from '../../core/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/door.ts';
import { projectsIn, type SteeringProject } from '../../db/steering/projects.ts';

export function requireJobcentre(actor: Actor) {
  if (actor.organisationKind !== 'jobcenter' || !handlesPersonalData(actor)) throw forbidden();
}

export function requireProjectLeader(actor: Actor) {
  requireJobcentre(actor);
  if (actor.role !== 'projektleder') throw forbidden();
}

export interface ProjectChoice {
  project: SteeringProject;
  projects: SteeringProject[];
}

/** The chosen project (default: the first of the actor's), or 404 when it is not one of theirs. */
export async function chooseProject(db: Db, actor: Actor, projectId?: number): Promise<ProjectChoice> {
  requireJobcentre(actor);
  const projects = await projectsIn(db, actor.municipalities);
  const project = projectId === undefined ? projects[0] : projects.find((p) => p.id === projectId);
  if (!project) throw notFound('Projektet');
  return { project, projects };
}

/** The project `projectId` for its leader: refused for anyone but a project leader, 404 when it is not one of hers. */
export async function requireLeaderOf(db: Db, actor: Actor, projectId: number): Promise<ProjectChoice> {
  requireProjectLeader(actor);
  return chooseProject(db, actor, projectId);
}
