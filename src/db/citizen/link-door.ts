/**
 * The door for a woman's personal link: one transaction as the application role, the link found
 * by the hash of its token, every use audited in that same transaction — an unknown, revoked or
 * expired link too (`borgerlink_afvist`, nothing else read). Only a usable link sets the tenant
 * to her municipality, so row-level security holds the link to her own municipality's rows.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../database.ts';
import { writeAudit, type Audit } from '../tenant.ts';
import { findLinkByHash, markLinkUsed, type FoundLink } from './links.ts';

/** A token is 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type LinkRefusal = 'ukendt' | 'udloebet' | 'tilbagekaldt';

export type LinkOutcome<T> =
  | { status: 'ok'; value: T; link: FoundLink }
  | { status: 'refused'; reason: LinkRefusal; language: string | null };

/** The audit identity of a link's holder: no user, role `borger`, the link's id in every record's detail. */
const holder = (ip: string) => ({ userId: null, username: 'borgerlink', role: 'borger' as const, ip });

export function withCitizenLink<T>(
  db: Database,
  token: string,
  ip: string,
  purpose: string,
  fn: (q: Queryable, audit: Audit, link: FoundLink) => Promise<T>,
): Promise<LinkOutcome<T>> {
  return db.tx(async (q) => {
    await q.query(`SELECT set_config('role', 'fremdrift_app', true), set_config('fremdrift.kommuner', '', true)`);
    const who = holder(ip);
    const link = TOKEN_PATTERN.test(token) ? await findLinkByHash(q, hashToken(token)) : null;
    const now = Date.now();
    const reason: LinkRefusal | null = !link ? 'ukendt' : link.revokedAt ? 'tilbagekaldt' : new Date(link.expiresAt).getTime() <= now ? 'udloebet' : null;
    if (!link || reason) {
      await writeAudit(q, who, {
        action: 'borgerlink_afvist',
        entity: 'citizen_link',
        participantId: link?.participantId ?? null,
        municipality: link?.municipalityCode ?? null,
        // Never the token; for an unknown one a short prefix of its hash, to tie repeated tries together.
        detail: { reason, purpose, ...(link ? { linkId: link.id } : { hashPrefix: hashToken(token).slice(0, 12) }) },
      });
      return { status: 'refused', reason: reason ?? 'ukendt', language: link?.language ?? null };
    }
    await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [link.municipalityCode]);
    await markLinkUsed(q, link.id);
    const audit: Audit = (e) =>
      writeAudit(q, who, {
        participantId: link.participantId,
        municipality: link.municipalityCode,
        ...e,
        detail: { linkId: link.id, purpose, ...e.detail },
      });
    return { status: 'ok', value: await fn(q, audit, link), link };
  });
}
