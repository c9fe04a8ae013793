/** Run a use case on one woman's case behind the door, her visibility checked first. */
import type { Actor } from '../../core/actor.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database } from '../../db/database.ts';
import { door, type Audited, type AuditEntry, type Tx } from '../../db/door.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import type { SaveResult } from './form-result.ts';

export function withCase<T>(
  db: DatabaseHandle | Database,
  actor: Actor,
  participantId: string,
  purpose: string,
  fn: (tx: Tx, p: CaseParticipant) => Promise<Audited<SaveResult<T>>>,
): Promise<SaveResult<T>> {
  return door(db, actor, async (tx) => {
    const p = await findCaseParticipant(tx, participantId, purpose);
    if (!p) return { value: { status: 'denied' } as const, audit: [] };
    return fn(tx, p);
  });
}

/** Audit fields for a record of hers. */
export const about = (p: CaseParticipant) => ({ participantId: p.id, municipality: p.municipalityCode });

/** A result with nothing to record (a refusal already audited, or a form refused before any change). */
export const unaudited = <T>(value: T): Audited<T> => ({ value, audit: [] });

/** A result and the audit record that describes it. */
export const audited = <T>(value: T, audit: AuditEntry): Audited<T> => ({ value, audit });
