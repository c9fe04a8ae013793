/** Run a write on one woman's case: one tenant transaction, her visibility checked first. */
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { withTenant, type Audit } from '../../db/tenant.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import type { AlertChange, SaveResult } from './form-result.ts';
import type { Alert } from '../../domain/alerts.ts';
import { loadCaseData } from './case-file.ts';
import { todayInDenmark } from './today.ts';

/** Her alerts today, read inside the caller's transaction (null when she has no enrolment). */
async function alertsOf(q: Queryable, p: CaseParticipant): Promise<Alert[]> {
  return p.enrolment ? (await loadCaseData(q, p, todayInDenmark())).alerts : [];
}

/** What changed between two lists of her alerts: new or more severe ones, and ones gone. */
export function alertChange(before: readonly Alert[], after: readonly Alert[]): AlertChange {
  const rank = (a: Alert) => (a.severity === 'kritisk' ? 2 : 1);
  const was = new Map(before.map((a) => [a.code, rank(a)]));
  const now = new Set(after.map((a) => a.code));
  return {
    raised: after.filter((a) => rank(a) > (was.get(a.code) ?? 0)).map((a) => ({ code: a.code, severity: a.severity })),
    cleared: [...was.keys()].filter((c) => !now.has(c)).map((code) => ({ code })),
  };
}

/**
 * Run a write on one woman's case; a successful write also reports the alerts it raised or
 * cleared (computed in the same transaction, before and after).
 */
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
    const before = await alertsOf(q, p);
    const result = await fn(q, audit, p);
    if (result.status !== 'ok') return result;
    return { ...result, alerts: alertChange(before, await alertsOf(q, p)) };
  });
}

/** Audit fields for a record of hers. */
export const about = (p: CaseParticipant) => ({ participantId: p.id, municipality: p.municipalityCode });
