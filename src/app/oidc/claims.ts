/**
 * How an identity provider's claims become a Fremdrift user (documented in the README):
 *  - `fremdrift_rolle`: one of sagsbehandler, projektleder, analytiker, administrator (required);
 *  - `fremdrift_kommuner`: municipality codes (array, or a comma/space separated string) — the
 *    user belongs to the jobcentre serving all of them; or
 *  - `fremdrift_organisation`: the exact name of an organisation (e.g. the agency);
 *  - `name` (display name) and `preferred_username` (shown user name; falls back to `sub`).
 * Anything else is refused with a Danish message; nothing is guessed.
 */
import type { AccountClaims } from '../../db/oidc.ts';
import type { Role } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';

export const ROLES: Role[] = ['sagsbehandler', 'projektleder', 'analytiker', 'administrator'];

/** The claims provisioning needs, checked (db/oidc.ts provisions the user from them). */
export type MappedClaims = AccountClaims;

const refuse = (msg: string) => new AppError('FORBIDDEN', msg);

export function mapClaims(claims: Record<string, unknown>): MappedClaims {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw refuse('Login-udbyderen sendte ikke en brugeridentitet.');
  const role = claims.fremdrift_rolle;
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) {
    throw refuse(
      `Din rolle${typeof role === 'string' && role ? ` (${role.slice(0, 50)})` : ''} giver ikke adgang til Fremdrift. Kontakt din administrator.`,
    );
  }
  const raw = claims.fremdrift_kommuner;
  const municipalities = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [])
    .map((c) => c.trim())
    .filter(Boolean);
  if (municipalities.some((c) => !/^\d{3}$/.test(c))) throw refuse('Login-udbyderen sendte en ugyldig kommunekode.');
  const organisationName = typeof claims.fremdrift_organisation === 'string' ? claims.fremdrift_organisation.trim() : undefined;
  if (!municipalities.length && !organisationName)
    throw refuse('Login-udbyderen sendte hverken kommuner eller organisation. Kontakt din administrator.');
  const preferredUsername =
    typeof claims.preferred_username === 'string' && claims.preferred_username ? claims.preferred_username : subject;
  const displayName = typeof claims.name === 'string' && claims.name ? claims.name : preferredUsername;
  return {
    subject,
    role: role as Role,
    municipalities: [...new Set(municipalities)].sort(),
    organisationName,
    displayName: displayName.slice(0, 200),
    preferredUsername: preferredUsername.slice(0, 100),
  };
}
