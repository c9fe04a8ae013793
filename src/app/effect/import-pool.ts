/**
 * Import the comparison pool (effekt-2026.1 §1): `cpr;kommune[;oprindelsesland]`. The file is
 * read and checked completely first; the pool is then replaced in one transaction. Women are
 * stored under the keyed CPR hash with their birth date (the CPR number itself is not kept), and
 * a municipality given by its 3-digit code is stored by name, as participants are matched by
 * name. Only the agency's analysts import; the import is audited.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { parseCpr } from '../../core/cpr.ts';
import type { AppDeps } from '../../core/deps.ts';
import { importPoolRows, listPoolImports, municipalityNames, poolSize, type PoolImportRow, type PoolRow } from '../../db/effect/pool.ts';
import { readPool } from '../../register/pool.ts';

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
  deps: Pick<AppDeps, 'db' | 'vault'>,
  actor: Actor,
  /** The file in memory, or its path (an upload: read in chunks, never whole). */
  input: { fileName: string; bytes: Uint8Array } | { fileName: string; path: string },
): Promise<PoolImportReport> {
  requirePoolAnalyst(actor);
  const members = readPool('bytes' in input ? input.bytes : { path: input.path }, input.fileName);
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
  const sha256 = 'bytes' in input ? createHash('sha256').update(input.bytes).digest('hex') : await fileSha256(input.path);
  const importId = await importPoolRows(deps.db, actor, { fileName: input.fileName, sha256, rows });
  return { importId, fileName: input.fileName, women: rows.length };
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** What the pool page shows: the imports with their provenance and the pool's size. */
export async function poolOverview(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<{ imports: PoolImportRow[]; size: number }> {
  requirePoolAnalyst(actor);
  return { imports: await listPoolImports(deps.db), size: await poolSize(deps.db) };
}
