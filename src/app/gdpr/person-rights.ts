/**
 * The data subject's rights, carried out by a jobcentre's project leader (the role that answers
 * for the project's data in the municipality; caseworkers, analysts and the agency's
 * administrators cannot): access (JSON export), anonymisation and erasure — each through the
 * tenant path, each audited, erasure and anonymisation only after the legal retention period.
 */
import type { Actor } from '../../core/actor.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { exportPerson } from '../../db/gdpr/export.ts';
import { anonymiseInTx, eraseInTx } from '../../db/gdpr/erase.ts';

export { REGISTER_TABLES } from '../../db/gdpr/erase.ts';
import { personTables } from '../../db/gdpr/tables.ts';
import { isUuid, withTenant } from '../../db/tenant.ts';
import type { Vault } from '../../security/vault.ts';
import { RETENTION_SQL, retentionMessage, type RetentionState } from './retention.ts';
import { deniedAccess } from '../../db/door.ts';

export function requireGdprActor(actor: Actor) {
  if (actor.role !== 'projektleder' || actor.municipalities.length === 0) throw forbidden();
  return actor;
}

export async function exportPersonData(db: Database, vault: Vault, actor: Actor, id: string) {
  requireGdprActor(actor);
  const data = await exportPerson(db, vault, actor, id);
  if (!data) throw notFound('Deltageren');
  return data;
}

export type Removal = 'anonymiser' | 'slet';

/** Anonymise or erase one person; refused (Danish message) within the retention period. */
export async function removePerson(db: Database, actor: Actor, id: string, how: Removal, years: number) {
  requireGdprActor(actor);
  const tables = await personTables(db);
  const blocked = tables.filter((t) => t.table !== 'participant' && !t.writable).map((t) => t.table);
  if (blocked.length) throw new AppError('CONFLICT', `Kan ikke slette: applikationen kan ikke ændre tabellerne ${blocked.join(', ')}. Kontakt driften.`);
  return withTenant(db, actor, async (q, audit) => {
    const p = isUuid(id)
      ? (await q.query<{ municipality_code: string; anonymised_at: string | null }>(
          'SELECT municipality_code, anonymised_at FROM participant WHERE id = $1 FOR UPDATE', [id])).rows[0]
      : undefined;
    if (!p) {
      await audit(deniedAccess(id, how));
      throw notFound('Deltageren');
    }
    const state = (await q.query<RetentionState>(RETENTION_SQL, [id, years])).rows[0];
    if (state.retainedUntil) throw new AppError('CONFLICT', retentionMessage(state, years));
    const municipality = p.municipality_code.trim();
    if (how === 'anonymiser') {
      const cleared = await anonymiseInTx(q, tables, id);
      await audit({ action: 'anonymiseret', entity: 'participant', participantId: id, municipality, detail: { cleared, retentionYears: years } });
      return { how, detail: cleared };
    }
    const deleted = await eraseInTx(q, tables, id);
    await audit({ action: 'slettet', entity: 'participant', participantId: id, municipality, detail: { deleted, retentionYears: years } });
    return { how, detail: deleted };
  });
}
