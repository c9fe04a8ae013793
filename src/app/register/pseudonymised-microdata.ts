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
import { BUILT_IN_INSTRUMENTS, firstAndLatest, type Instrument } from '../../domain/instruments.ts';
import { instrumentCohorts, loadEnrolmentProgression } from '../casework/cohort-progression.ts';
import { monthEnd } from '../steering/case-measures.ts';

export const MICRODATA_COLUMNS = [
  'pseudonym',
  'projekt',
  'kommune',
  'visitation',
  'aldersgruppe',
  'indskrevet_maaned',
  'udskrevet_maaned',
  'aktuel',
  'akkumuleret',
  'varig',
  'status',
] as const;

/**
 * Progression columns (issue 13), per instrument: the number of valid assessments inside the
 * enrolment up to the report month, then first, latest and their difference for the total and
 * for each dimension (`who5_foerste`, `fremdriftstrappen_dansk_aendring` …). First and latest
 * are the same with one assessment; the difference is empty until there are two.
 */
export function progressionColumns(instruments: readonly Instrument[] = BUILT_IN_INSTRUMENTS): string[] {
  return instruments.flatMap((i) => [
    `${i.key}_antal`,
    ...[i.key, ...i.dimensions.map((d) => `${i.key}_${d.key}`)].flatMap((c) => [`${c}_foerste`, `${c}_seneste`, `${c}_aendring`]),
  ]);
}

/** Her cells per instrument; all empty for an instrument of another project than hers (`applies` false), which she cannot have. */
function progressionCells(
  instruments: readonly Instrument[],
  assessments: Parameters<typeof firstAndLatest>[1],
  applies: (i: Instrument) => boolean = () => true,
): string[] {
  return instruments.flatMap((i) => {
    if (!applies(i)) return Array<string>(1 + 3 * (1 + i.dimensions.length)).fill('');
    const d = firstAndLatest(i, assessments);
    if (!d) return ['0', ...Array<string>(3 * (1 + i.dimensions.length)).fill('')];
    const trio = (x: { from: number; to: number; change: number }) => [String(x.from), String(x.to), d.changed ? String(x.change) : ''];
    return [String(d.count), ...trio(d.total), ...d.dimensions.flatMap(trio)];
  });
}

export async function pseudonymisedMicrodata(deps: { db: Db; vault: Vault }, actor: Actor, opts: MonitorOptions): Promise<string[][]> {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
  // The agency's door: every municipality, suppressed nowhere but pseudonymised; audited as one export.
  return systemDoor(deps.db, actor, async (tx) => {
    const stored = await nationalMonitorInput(tx);
    const result = monitor(stored.input, { ...opts, suppress: 0 });
    const keys = await projectKeys(tx);
    const enrolments = await loadEnrolmentProgression(tx, { until: monthEnd(opts.month) });
    const progression = new Map(enrolments.map((e) => [e.enrolmentId, e.assessments]));
    // WHO-5, Fremdriftstrappen and every project's own instrument with scores (issue 14 build 5), one
    // column group per version; a project's instrument applies to its own project's enrolments only.
    const cohorts = await instrumentCohorts(tx, enrolments);
    const instruments = cohorts.map((c) => c.instrument);
    const projectOf = new Map(cohorts.map((c) => [c.instrument.key, c.projectId]));
    const rows = stored.refs.map((ref, i) => {
      const p = stored.input.participants[i];
      const r = result.participants[i];
      const project = keys.get(ref.projectId) ?? String(ref.projectId);
      return [
        deps.vault.pseudonym(ref.cprHash, project),
        project,
        ref.municipalityCode,
        p.visitation,
        ageBand(ageOn(p.birthDate!, p.indskrevet)),
        p.indskrevet.slice(0, 7),
        p.udskrevet?.slice(0, 7) ?? '',
        r.current === null ? '' : String(r.current),
        String(r.accumulated),
        r.durable,
        r.snapshot,
        ...progressionCells(instruments, progression.get(ref.enrolmentId) ?? [], (x) =>
          [null, ref.projectId].includes(projectOf.get(x.key)!),
        ),
      ];
    });
    return {
      value: [[...MICRODATA_COLUMNS, ...progressionColumns(instruments)], ...rows],
      audit: { action: 'mikrodata_eksport', entity: 'monitoring', detail: { rows: rows.length, month: opts.month } },
    };
  });
}

/** `;`-separated UTF-8 with BOM, as Danish Excel opens it (the one CSV writer). */
export const toCsv = (rows: string[][]): string => csvDocument(rows);
