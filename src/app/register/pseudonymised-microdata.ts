/**
 * The agency analyst's microdata: one row per enrolment with a stable pseudonym per person and
 * project (keyed HMAC from the master secret, see security/vault.ts), never a CPR number or a
 * name, with the engine's results. A download only; the web's national view shows aggregates.
 */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { systemDoor, type Db } from '../../db/door.ts';
import { ageOn } from '../../core/cpr.ts';
import { monitor } from '../../monitoring/engine.ts';
import { ageBand } from '../../monitoring/participant-facts.ts';
import type { MonitorOptions } from '../../monitoring/types.ts';
import type { Vault } from '../../security/vault.ts';
import { projectKeys } from '../../db/register-input.ts';
import { nationalMonitorInput } from './load-monitor-input.ts';
import { csvDocument } from '../../core/csv.ts';

export const MICRODATA_COLUMNS = [
  'pseudonym', 'projekt', 'kommune', 'visitation', 'aldersgruppe', 'indskrevet_maaned', 'udskrevet_maaned',
  'aktuel', 'akkumuleret', 'varig', 'status',
] as const;

export async function pseudonymisedMicrodata(deps: { db: Db; vault: Vault }, actor: Actor, opts: MonitorOptions): Promise<string[][]> {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
  // The agency's door: every municipality, suppressed nowhere but pseudonymised; audited as one export.
  return systemDoor(deps.db, actor, async (tx) => {
    const stored = await nationalMonitorInput(tx);
    const result = monitor(stored.input, { ...opts, suppress: 0 });
    const keys = await projectKeys(tx);
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
    return {
      value: [[...MICRODATA_COLUMNS], ...rows],
      audit: { action: 'mikrodata_eksport', entity: 'monitoring', detail: { rows: rows.length, month: opts.month } },
    };
  });
}

/** `;`-separated UTF-8 with BOM, as Danish Excel opens it (the one CSV writer). */
export const toCsv = (rows: string[][]): string => csvDocument(rows);
