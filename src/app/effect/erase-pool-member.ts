/**
 * Erase one woman from the comparison pool on request (GDPR art. 17): her pool row and her
 * register row unless she is also a participant. Only the agency's analysts; audited (without
 * the CPR number: the audit holds the keyed hash's first characters only).
 */
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { parseCpr } from '../../core/cpr.ts';
import type { AppDeps } from '../../core/deps.ts';
import { erasePoolWomanAudited } from '../../db/effect/pool.ts';
import { requirePoolAnalyst } from './import-pool.ts';

export async function erasePoolWoman(
  deps: Pick<AppDeps, 'db' | 'vault'>,
  actor: Actor,
  cprText: string,
): Promise<{ pool: boolean; register: boolean }> {
  requirePoolAnalyst(actor);
  const cpr = parseCpr(cprText);
  if (!cpr.ok) throw new AppError('INVALID', 'CPR-nummeret er ugyldigt.', { cpr: `${cpr.error}` });
  const hash = deps.vault.hashCpr(cpr.value.cpr);
  return erasePoolWomanAudited(deps.db, actor, hash);
}
