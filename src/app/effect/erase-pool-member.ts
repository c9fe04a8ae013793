/**
 * Erase one woman from the comparison pool on request (GDPR art. 17): her pool row and her
 * register row unless she is also a participant. Only the agency's analysts; audited (without
 * the CPR number: the audit holds the keyed hash's first characters only).
 */
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { parseCpr } from '../../domain/cpr.ts';
import type { Database } from '../../db/database.ts';
import { erasePoolMember } from '../../db/effect/pool.ts';
import { writeAudit } from '../../db/tenant.ts';
import type { Vault } from '../../security/vault.ts';
import { requirePoolAnalyst } from './import-pool.ts';

export async function erasePoolWoman(deps: { db: Database; vault: Vault }, actor: Actor, cprText: string): Promise<{ pool: boolean; register: boolean }> {
  requirePoolAnalyst(actor);
  const cpr = parseCpr(cprText);
  if (!cpr.ok) throw new AppError('INVALID', 'CPR-nummeret er ugyldigt.', { cpr: `${cpr.error}` });
  const hash = deps.vault.hashCpr(cpr.value.cpr);
  return deps.db.tx(async (q) => {
    const r = await erasePoolMember(q, hash);
    await writeAudit(q, actor, { action: 'sletning', entity: 'comparison_pool', detail: { hashPrefix: hash.slice(0, 8), ...r } });
    return r;
  });
}
