/**
 * Import the comparison pool (effekt-2026.1 §1): `cpr;kommune[;oprindelsesland]`. The file is
 * read and checked completely first; the pool is then replaced in one transaction. Women are
 * stored under the keyed CPR hash with their birth date (the CPR number itself is not kept), and
 * a municipality given by its 3-digit code is stored by name, as participants are matched by
 * name. Only the agency's analysts import; the import is audited.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { parseCpr } from '../../domain/cpr.ts';
import type { Database } from '../../db/database.ts';
import { insertPoolImport, municipalityNames, replacePool, type PoolRow } from '../../db/effect/pool.ts';
import { writeAudit } from '../../db/tenant.ts';
import { readPool } from '../../register/pool.ts';
import type { Vault } from '../../security/vault.ts';

export interface PoolImportReport {
  importId: number;
  fileName: string;
  women: number;
}

/** The agency's analysts handle the national pool. */
export function requirePoolAnalyst(actor: Actor): void {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
}

export async function importPool(
  deps: { db: Database; vault: Vault },
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array },
): Promise<PoolImportReport> {
  requirePoolAnalyst(actor);
  const members = readPool(input.bytes, input.fileName);
  const names = await municipalityNames(deps.db);
  const rows: PoolRow[] = members.map((m) => {
    const k = m.kommune.trim();
    return {
      hash: deps.vault.hashCpr(m.cpr),
      birthDate: (parseCpr(m.cpr) as { ok: true; value: { birthDate: string } }).value.birthDate,
      municipality: /^\d{3}$/.test(k) ? (names.get(k) ?? k) : k,
      originCountry: m.oprindelsesland ?? null,
    };
  });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return deps.db.tx(async (q) => {
    const importId = await insertPoolImport(q, { fileName: input.fileName, sha256, rows: rows.length, importedBy: actor.userId || null, importedByName: actor.username });
    await replacePool(q, importId, rows);
    await writeAudit(q, actor, { action: 'puljeimport', entity: 'comparison_pool', detail: { importId, fileName: input.fileName, sha256, women: rows.length } });
    return { importId, fileName: input.fileName, women: rows.length };
  });
}
