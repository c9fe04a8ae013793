/**
 * An access request (GDPR art. 15): everything Fremdrift holds about one person, read through the
 * tenant path — her participant row with the CPR number decrypted, every row of every table with
 * a participant_id column, her register data, and her audit trail (who looked, when).
 */
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { Vault } from '../../security/vault.ts';
import { databaseOf, sqlOf } from '../sql.ts';
import { isUuid } from '../tenant.ts';
import { ident, personTables } from './tables.ts';
import { deniedAccess, door, type Db } from '../door.ts';

export interface PersonExport {
  format: 'fremdrift-indsigt-1';
  generatedAt: string;
  generatedBy: string;
  participant: Record<string, unknown>;
  tables: Record<string, Record<string, unknown>[]>;
  registerData: Record<string, unknown>[];
  auditTrail: Record<string, unknown>[];
}

export async function exportPerson(handle: Db, vault: Vault, actor: Actor, participantId: string): Promise<PersonExport | null> {
  const db = databaseOf(handle);
  const tables = await personTables(db);
  const unreadable = tables.filter((t) => !t.readable).map((t) => t.table);
  if (unreadable.length) {
    throw new AppError(
      'CONFLICT',
      `Indsigt kan ikke laves: applikationen kan ikke læse tabellerne ${unreadable.join(', ')}. Kontakt driften.`,
    );
  }
  return door(db, actor, async (tx) => {
    const q = sqlOf(tx);
    const p = isUuid(participantId)
      ? (await q.query<{ r: Record<string, unknown> }>('SELECT to_jsonb(p) AS r FROM participant p WHERE id = $1', [participantId])).rows[0]
          ?.r
      : undefined;
    if (!p) return { value: null, audit: deniedAccess(participantId, 'indsigt') };
    const { cpr_enc: cprEnc, cpr_hash: cprHash, ...rest } = p as Record<string, unknown> & { cpr_enc: string; cpr_hash: string };
    const participant = { ...rest, cpr: cprEnc ? vault.decryptCpr(cprEnc) : null };
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const t of tables) {
      out[t.table] = (
        await q.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(x) AS r FROM ${ident(t.table)} x WHERE participant_id = $1`, [
          participantId,
        ])
      ).rows.map((r) => r.r);
    }
    const registerData = (
      await q.query<{ r: Record<string, unknown> }>(
        `SELECT jsonb_build_object('batch_id', batch_id, 'updated_at', updated_at, 'data_hex', encode(data, 'hex')) AS r
       FROM register_person WHERE cpr_hash = $1`,
        [cprHash],
      )
    ).rows.map((r) => r.r);
    const auditTrail = (
      await q.query<{ r: Record<string, unknown> }>('SELECT to_jsonb(a) AS r FROM fremdrift_audit_trail($1) a', [participantId])
    ).rows.map((r) => r.r);
    // The door writes this record after the trail above was read, so the export does not list itself.
    const value: PersonExport = {
      format: 'fremdrift-indsigt-1',
      generatedAt: new Date().toISOString(),
      generatedBy: actor.username,
      participant,
      tables: out,
      registerData,
      auditTrail,
    };
    return {
      value,
      audit: {
        action: 'indsigt',
        entity: 'participant',
        participantId,
        municipality: String(p.municipality_code),
        detail: { tables: Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length])) },
      },
    };
  });
}
