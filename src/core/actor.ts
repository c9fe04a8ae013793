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
