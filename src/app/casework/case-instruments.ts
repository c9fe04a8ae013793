/**
 * Which project instruments apply to her case: every version of the instruments of the projects
 * she has been enrolled in (to show and correct her scores under the version they were given
 * under), and the version that takes a new score (the current one of her latest project).
 */
import type { Tx } from '../../db/door.ts';
import type { CaseParticipant } from '../../db/casework/access.ts';
import { instrumentVersions, listInstrumentVersions, lockVersion } from '../../db/casework/project-instruments.ts';
import { currentVersion, parseProjectInstrumentKey, type ProjectInstrumentVersion } from '../../domain/project-instruments.ts';

/** Every version of the instruments of her projects (latest enrolment's project first). */
export async function instrumentVersionsOfCase(tx: Tx, p: CaseParticipant): Promise<ProjectInstrumentVersion[]> {
  return listInstrumentVersions(tx, [...new Set(p.enrolments.map((e) => e.projectId))]);
}

/** The versions of her latest project's instruments that take new scores. */
export function scorableVersions(p: CaseParticipant, versions: readonly ProjectInstrumentVersion[]): ProjectInstrumentVersion[] {
  const projectId = p.enrolment?.projectId;
  const byInstrument = new Map<number, ProjectInstrumentVersion[]>();
  for (const v of versions)
    if (v.projectId === projectId) byInstrument.set(v.instrumentId, [...(byInstrument.get(v.instrumentId) ?? []), v]);
  return [...byInstrument.values()].map((vs) => currentVersion(vs)).filter((v): v is ProjectInstrumentVersion => v !== null);
}

/**
 * The version a score with this key is saved under, locked for the transaction: for a new score
 * the current version of an instrument of her latest project; for a correction the version it
 * was given under (in any project of hers). Undefined when the key names no such version.
 */
export async function versionForScore(
  tx: Tx,
  p: CaseParticipant,
  key: string,
  isNew: boolean,
): Promise<ProjectInstrumentVersion | undefined> {
  const k = parseProjectInstrumentKey(key);
  if (!k) return undefined;
  const projects = isNew ? (p.enrolment ? [p.enrolment.projectId] : []) : [...new Set(p.enrolments.map((e) => e.projectId))];
  for (const projectId of projects) {
    const v = await lockVersion(tx, projectId, k.instrumentId, k.version);
    if (!v) continue;
    if (isNew && currentVersion(await instrumentVersions(tx, projectId, k.instrumentId))?.id !== v.id) return undefined;
    return v;
  }
  return undefined;
}
