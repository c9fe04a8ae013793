/** Run a write on one woman's case: one tenant transaction, her visibility checked first. */
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { withTenant, type Audit } from '../../db/tenant.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import type { SaveResult } from './form-result.ts';

export function withCase<T>(
  db: Database,
  actor: Actor,
  participantId: string,
  purpose: string,
  fn: (q: Queryable, audit: Audit, p: CaseParticipant) => Promise<SaveResult<T>>,
): Promise<SaveResult<T>> {
  return withTenant(db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, purpose);
    if (!p) return { status: 'denied' } as const;
    return fn(q, audit, p);
  });
}

/** Audit fields for a record of hers. */
export const about = (p: CaseParticipant) => ({ participantId: p.id, municipality: p.municipalityCode });
