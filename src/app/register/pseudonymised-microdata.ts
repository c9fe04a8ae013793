/**
 * The agency analyst's microdata: one row per enrolment with a stable pseudonym per person and
 * project (keyed HMAC from the master secret, see security/vault.ts), never a CPR number or a
 * name, with the engine's results. A download only; the web's national view shows aggregates.
 */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { writeAudit } from '../../db/tenant.ts';
import { ageOn } from '../../core/cpr.ts';
import { monitor } from '../../monitoring/engine.ts';
import { ageBand } from '../../monitoring/participant-facts.ts';
import type { MonitorOptions } from '../../monitoring/types.ts';
import type { Vault } from '../../security/vault.ts';
import { nationalMonitorInput } from './load-monitor-input.ts';
import { csvDocument } from '../../core/csv.ts';

export const MICRODATA_COLUMNS = [
  'pseudonym', 'projekt', 'kommune', 'visitation', 'aldersgruppe', 'indskrevet_maaned', 'udskrevet_maaned',
  'aktuel', 'akkumuleret', 'varig', 'status',
] as const;

export async function pseudonymisedMicrodata(deps: { db: Database; vault: Vault }, actor: Actor, opts: MonitorOptions): Promise<string[][]> {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
  const stored = await nationalMonitorInput(deps.db);
  const result = monitor(stored.input, { ...opts, suppress: 0 });
  const keys = new Map((await deps.db.query<{ id: number; key: string }>('SELECT id, key FROM project')).rows.map((r) => [r.id, r.key]));
  const rows = stored.refs.map((ref, i) => {
    const p = stored.input.participants[i];
    const r = result.participants[i];
    const project = keys.get(ref.projectId) ?? String(ref.projectId);
    return [
      deps.vault.pseudonym(ref.cprHash, project), project, ref.municipalityCode, p.visitation,
      ageBand(ageOn(p.birthDate!, p.indskrevet)), p.indskrevet.slice(0, 7), p.udskrevet?.slice(0, 7) ?? '',
      r.current === null ? '' : String(r.current), String(r.accumulated), r.durable, r.snapshot,
    ];
  });
  await writeAudit(deps.db, actor, { action: 'mikrodata_eksport', entity: 'monitoring', detail: { rows: rows.length, month: opts.month } });
  return [[...MICRODATA_COLUMNS], ...rows];
}

/** `;`-separated UTF-8 with BOM, as Danish Excel opens it (the one CSV writer). */
export const toCsv = (rows: string[][]): string => csvDocument(rows);
