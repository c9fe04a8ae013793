/**
 * Retention of the gross group (issue 13): a candidate who was never enrolled is erased, with
 * her list entries and outreach, when her project's period (recruitment_settings, default 12
 * months) has passed since her last outreach or the last list she stood on. Enrolled candidates
 * belong to their case and follow its retention. Run by `fremdrift retention` beside the
 * participants' and the pool's retention, through the system door, one audit record per woman.
 */
import { retentionActor } from '../../core/actor.ts';
import { systemDoor, type Db } from '../../db/door.ts';
import { deleteCandidate, expiredCandidates } from '../../db/recruitment.ts';
import { todayInDenmark } from '../casework/today.ts';

const SYSTEM = retentionActor('projektleder', 'jobcenter');

export async function runCandidateRetention(db: Db, opts: { dryRun: boolean; today?: string }) {
  const today = opts.today ?? todayInDenmark();
  return systemDoor(db, SYSTEM, async (tx) => {
    const due = await expiredCandidates(tx, today);
    if (opts.dryRun) {
      return {
        value: { due: due.length, erased: 0 },
        audit: { action: 'opbevaring_kontrol', entity: 'kandidat', detail: { due: due.length, dryRun: true } },
      };
    }
    for (const c of due) await deleteCandidate(tx, c.id);
    return {
      value: { due: due.length, erased: due.length },
      audit: due.map((c) => ({
        action: 'slettet',
        entity: 'kandidat',
        municipality: c.municipalityCode,
        detail: { candidateId: c.id, projectId: c.projectId, reason: 'opbevaringsperiode' },
      })),
    };
  });
}
