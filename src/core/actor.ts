/** Who is acting, for whom, from where: passed to every use case and repository. */
import type { Role } from './codes.ts';

export type { Role };

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  organisationKind: 'styrelse' | 'jobcenter';
  /** Municipality codes whose citizens this actor may see (empty for the agency). */
  municipalities: string[];
  municipalityNames: string[];
  ip: string;
}

/** Roles that work with identifiable personal data inside their own municipalities. */
export function handlesPersonalData(actor: Actor): boolean {
  return (actor.role === 'sagsbehandler' || actor.role === 'projektleder') && actor.municipalities.length > 0;
}

/**
 * An actor for work the system does itself, nobody signed in (a retention job, the owner
 * transaction): user 0 of organisation 0 "Fremdrift", from localhost. The audit log names it by
 * `username`.
 */
export function systemActor(who: {
  username: string;
  displayName: string;
  role: Role;
  organisationKind: Actor['organisationKind'];
  municipalities?: string[];
}): Actor {
  return {
    userId: 0,
    organisationId: 0,
    organisationName: 'Fremdrift',
    municipalityNames: [],
    ip: 'localhost',
    ...who,
    municipalities: who.municipalities ?? [],
  };
}

/** The retention jobs' actor (`fremdrift retention`), with the role and organisation each job acts in. */
export const retentionActor = (role: Role, organisationKind: Actor['organisationKind'], municipalities: string[] = []): Actor =>
  systemActor({ username: 'system:opbevaring', displayName: 'Opbevaringsjob', role, organisationKind, municipalities });
