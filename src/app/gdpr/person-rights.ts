/**
 * The data subject's rights, carried out by a jobcentre's project leader (the role that answers
 * for the project's data in the municipality; caseworkers, analysts and the agency's
 * administrators cannot): access (JSON export), anonymisation and erasure — each through the
 * tenant path, each audited, erasure and anonymisation only after the legal retention period.
 */
import type { Actor } from '../../core/actor.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { exportPerson } from '../../db/gdpr/export.ts';
import { anonymiseInTx, eraseInTx } from '../../db/gdpr/erase.ts';

export { REGISTER_TABLES } from '../../db/gdpr/erase.ts';
import { personTables } from '../../db/gdpr/tables.ts';
import type { Vault } from '../../security/vault.ts';
import type { AppDeps } from '../../core/deps.ts';
import { getParticipant } from '../../db/participants.ts';
import { lockParticipantForRemoval, retentionState } from '../../db/gdpr/retention.ts';
import { door, type Db } from '../../db/door.ts';
import { retentionMessage } from './retention.ts';

export function requireGdprActor(actor: Actor) {
  if (actor.role !== 'projektleder' || actor.municipalities.length === 0) throw forbidden();
  return actor;
}

export async function exportPersonData(db: Db, vault: Vault, actor: Actor, id: string) {
  requireGdprActor(actor);
  const data = await exportPerson(db, vault, actor, id);
  if (!data) throw notFound('Deltageren');
  return data;
}

/**
 * The page a project leader opens for a woman: her name and what the retention rule says of her,
 * or null when she does not exist or is not the actor's (the look-up audits the refusal).
 */
export async function personRightsOverview(deps: Pick<AppDeps, 'db' | 'vault' | 'config'>, actor: Actor, id: string) {
  requireGdprActor(actor);
  const p = await getParticipant(deps.db, deps.vault, actor, id, 'gdpr');
  if (!p) return null;
  const open = p.enrolments.some((e) => !e.exitedOn);
  const lastExit = p.enrolments
    .map((e) => e.exitedOn)
    .filter(Boolean)
    .sort()
    .pop();
  const years = deps.config.retentionYears;
  const retention = open
    ? `Kvinden er indskrevet. Oplysningerne opbevares, til hun er udskrevet, og i ${years} år derefter.`
    : lastExit
      ? `Sidst udskrevet ${lastExit}; opbevaringspligt ${years} år efter udskrivning.`
      : 'Kvinden har ingen indskrivninger.';
  return { name: `${p.firstName} ${p.lastName}`, retention };
}

export type Removal = 'anonymiser' | 'slet';

/** What was removed: the columns cleared per table (anonymised) or the rows deleted per table (erased). */
export interface Removed {
  how: Removal;
  detail: Record<string, string[]> | Record<string, number>;
}

/** Anonymise or erase one person; refused (Danish message) within the retention period. */
export async function removePerson(db: Db, actor: Actor, id: string, how: Removal, years: number): Promise<Removed> {
  requireGdprActor(actor);
  const tables = await personTables(db);
  const blocked = tables.filter((t) => t.table !== 'participant' && !t.writable).map((t) => t.table);
  if (blocked.length)
    throw new AppError('CONFLICT', `Kan ikke slette: applikationen kan ikke ændre tabellerne ${blocked.join(', ')}. Kontakt driften.`);
  const done = await door<Removed | null>(db, actor, async (tx) => {
    const p = await lockParticipantForRemoval(tx, id, how);
    // Not found: the refused attempt is already audited and must be kept, so the door commits.
    if (!p) return { value: null, audit: [] };
    const state = await retentionState(tx, id, years);
    if (state.retainedUntil) throw new AppError('CONFLICT', retentionMessage(state, years));
    const municipality = p.municipalityCode;
    if (how === 'anonymiser') {
      const cleared = await anonymiseInTx(tx, tables, id);
      return {
        value: { how, detail: cleared },
        audit: {
          action: 'anonymiseret',
          entity: 'participant',
          participantId: id,
          municipality,
          detail: { cleared, retentionYears: years },
        },
      };
    }
    const deleted = await eraseInTx(tx, tables, id);
    return {
      value: { how, detail: deleted },
      audit: { action: 'slettet', entity: 'participant', participantId: id, municipality, detail: { deleted, retentionYears: years } },
    };
  });
  if (!done) throw notFound('Deltageren');
  return done;
}
