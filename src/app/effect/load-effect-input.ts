/**
 * The effect engine's input from stored data (system path, for aggregates only): participants
 * (every enrolment, or one project's) and the national comparison pool, all keyed by the keyed
 * CPR hash with their birth dates, so no CPR number is decrypted.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';

type Database = AppDeps['db'];
import { loadPool } from '../../db/effect/pool.ts';
import type { EffectInput, PoolMember } from '../../effect/types.ts';
import { unpackPerson } from '../../register/pack.ts';
import { nationalMonitorInput, tenantMonitorInput } from '../register/load-monitor-input.ts';

/**
 * Whose participants: every enrolment (the agency's analysts, system path), or one project's
 * enrolments in the actor's own municipalities (a project leader, through the tenant door, which
 * audits the read).
 */
export type EffectScope = { kind: 'national' } | { kind: 'project'; projectId: number; actor: Actor };

export async function storedEffectInput(db: Database, scope: EffectScope): Promise<EffectInput> {
  const { input } =
    scope.kind === 'national' ? await nationalMonitorInput(db) : await tenantMonitorInput(db, scope.actor, { projectId: scope.projectId });
  const { weeks, hours } = input.register;
  const pool: PoolMember[] = [];
  for (const row of await loadPool(db)) {
    pool.push({ cpr: row.hash, birthDate: row.birthDate, kommune: row.municipality });
    if (row.data && !weeks.has(row.hash)) {
      const u = unpackPerson(row.data);
      weeks.set(row.hash, u.weeks);
      hours.set(row.hash, u.hours);
    }
  }
  return { participants: input.participants, pool, register: { weeks, hours }, codeTable: input.codeTable };
}
