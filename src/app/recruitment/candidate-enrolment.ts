/**
 * "Indskriv" from a candidate (issue 13): what the enrolment form starts with. A candidate
 * already enrolled goes to her case; a woman already known by her CPR number goes to the
 * re-enrolment of her case (with the candidate named, so the enrolment links her); anyone else
 * gets the new-woman form pre-filled from the candidate list. Audited as a read of the candidate.
 */
import type { Actor } from '../../core/actor.ts';
import { door } from '../../db/door.ts';
import { findByCprHash } from '../../db/casework/enrolments.ts';
import { getCandidate } from '../../db/recruitment.ts';
import { enrolmentPrefill } from './enrol-candidate.ts';
import { refused, type RecruitmentDeps } from './candidates.ts';

export type CandidateEnrolment =
  { kind: 'enrolled'; participantId: string } | { kind: 'known'; participantId: string } | { kind: 'new'; values: Record<string, string> };

export async function candidateEnrolment(deps: RecruitmentDeps, actor: Actor, id: string): Promise<CandidateEnrolment | null> {
  return door<CandidateEnrolment | null>(deps.db, actor, async (tx) => {
    const c = await getCandidate(tx, id);
    if (!c) return { value: null, audit: refused(id, 'indskriv') };
    const audit = {
      action: 'vis',
      entity: 'kandidat',
      participantId: c.participantId,
      municipality: c.municipalityCode,
      detail: { candidateId: c.id, purpose: 'indskriv' },
    };
    if (c.participantId) return { value: { kind: 'enrolled', participantId: c.participantId }, audit };
    const known = c.cprHash ? await findByCprHash(tx, c.cprHash) : null;
    if (known) return { value: { kind: 'known', participantId: known.id }, audit };
    const pre = await enrolmentPrefill(tx, deps.vault, c.id);
    if (!pre) return { value: null, audit };
    return { value: { kind: 'new', values: pre.values }, audit };
  });
}
