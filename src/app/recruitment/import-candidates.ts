/**
 * Import a candidate list (issue 13): a CSV the municipality exports from its own systems
 * (register/candidates.ts reads it with the shared CSV reader). Every bad row is named by line;
 * a file with bad rows saves nothing, unless the user chose to skip them ("Spring fejlrækkerne
 * over") — then the good rows are saved and the skipped lines counted on the list. Each woman on
 * the list who was not on the project's previous list is marked "ny på listen" (a woman who left
 * a list and comes back is new again: Viborg's "på ny"). One transaction behind the door, audited.
 */
import type { Actor } from '../../core/actor.ts';
import { door } from '../../db/door.ts';
import {
  candidateIdsByHash,
  insertCandidate,
  insertList,
  insertListEntries,
  latestListMembers,
  refreshCandidate,
} from '../../db/recruitment.ts';
import { readCandidateList, type CandidateList, type CandidateRowError } from '../../register/candidates.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { recruitmentProject, type RecruitmentDeps } from './candidates.ts';

export type CandidateImportResult =
  | { status: 'ok'; listId: number; projectId: number; total: number; new: number; skipped: number }
  | { status: 'rejected'; message: string; errors: CandidateRowError[]; moreErrors: number; goodRows: number }
  | { status: 'denied' };

export async function importCandidateList(
  deps: RecruitmentDeps,
  actor: Actor,
  projectId: number,
  file: { fileName: string; bytes: Uint8Array },
  opts: { skipBadRows: boolean },
): Promise<CandidateImportResult> {
  const { project } = await recruitmentProject(deps.db, actor, projectId);
  if (!project) return { status: 'denied' };
  let list;
  try {
    list = readCandidateList(file.bytes, file.fileName);
  } catch (e) {
    if (e instanceof RegisterInputError)
      return { status: 'rejected', message: `Intet er gemt. ${e.message}`, errors: [], moreErrors: 0, goodRows: 0 };
    throw e;
  }
  const { rows, errors, moreErrors } = rowsOfActor(list, actor);
  const bad = errors.length + moreErrors;
  const rejected = rejection(file.fileName, rows.length, bad, opts.skipBadRows, errors, moreErrors);
  if (rejected) return rejected;
  return door<CandidateImportResult>(deps.db, actor, async (tx) => {
    const known = await candidateIdsByHash(tx, project.id);
    const previous = await latestListMembers(tx, project.id);
    const entries: { candidateId: string; municipality: string; isNew: boolean }[] = [];
    for (const r of rows) {
      const hash = deps.vault.hashCpr(r.cpr);
      let id = known.get(hash);
      if (id) await refreshCandidate(tx, id, r);
      else {
        id = await insertCandidate(
          tx,
          {
            projectId: project.id,
            municipality: r.municipality!,
            cprHash: hash,
            cprEnc: deps.vault.encryptCpr(r.cpr),
            name: r.name,
            benefit: r.benefit,
            origin: r.origin,
            addedByHand: false,
          },
          actor.userId,
        );
        known.set(hash, id);
      }
      entries.push({ candidateId: id, municipality: r.municipality!, isNew: !previous.members.has(id) });
    }
    const rowsNew = entries.filter((e) => e.isNew).length;
    const listId = await insertList(
      tx,
      project.id,
      { fileName: file.fileName.slice(0, 255), rowsTotal: entries.length, rowsNew, rowsSkipped: bad },
      actor.userId,
    );
    await insertListEntries(tx, listId, entries);
    return {
      value: { status: 'ok', listId, projectId: project.id, total: entries.length, new: rowsNew, skipped: bad },
      audit: {
        action: 'importer',
        entity: 'kandidatliste',
        detail: { projectId: project.id, listId, fileName: file.fileName.slice(0, 255), rows: entries.length, new: rowsNew, skipped: bad },
      },
    };
  });
}

/**
 * The list's rows in one of the actor's municipalities (the municipality filled in where the list
 * has none and she has only one); each other row becomes a row error (the first 50 named, the
 * rest counted), errors in line order.
 */
function rowsOfActor(list: CandidateList, actor: Actor) {
  const errors = [...list.errors];
  let moreErrors = list.moreErrors;
  const rows = list.rows.filter((r) => {
    const mun = r.municipality ?? (actor.municipalities.length === 1 ? actor.municipalities[0] : null);
    const problem =
      mun === null
        ? 'kommunen mangler; projektet dækker flere kommuner, så listen skal have kolonnen «kommune» med kommunekoden.'
        : !actor.municipalities.includes(mun)
          ? `kommunekoden ${mun} hører ikke til dit jobcenter.`
          : null;
    if (!problem) {
      r.municipality = mun;
      return true;
    }
    if (errors.length < 50) errors.push({ line: r.line, message: `Linje ${r.line}: ${problem}` });
    else moreErrors++;
    return false;
  });
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, moreErrors };
}

/** Why nothing is saved (an empty file, or bad rows the user did not choose to skip), or null when the good rows may be saved. */
function rejection(
  fileName: string,
  good: number,
  bad: number,
  skipBadRows: boolean,
  errors: CandidateRowError[],
  moreErrors: number,
): CandidateImportResult | null {
  if (good === 0 && bad === 0) {
    return {
      status: 'rejected',
      message: `Intet er gemt. ${fileName} har ingen rækker under overskriftslinjen.`,
      errors: [],
      moreErrors: 0,
      goodRows: 0,
    };
  }
  if (bad > 0 && (!skipBadRows || good === 0)) {
    return {
      status: 'rejected',
      message:
        `Intet er gemt. ${fileName} har ${bad === 1 ? 'én række' : `${bad} rækker`} med fejl. Ret ${bad === 1 ? 'den' : 'dem'} og indlæs filen igen` +
        (good ? `, eller vælg at springe fejlrækkerne over og indlæse de ${good} gode rækker.` : '.'),
      errors,
      moreErrors,
      goodRows: good,
    };
  }
  return null;
}
