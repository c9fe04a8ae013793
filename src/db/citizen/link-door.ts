/**
 * The door for a woman's personal link: one transaction as the application role, the link found
 * by the hash of its token, every use audited in that same transaction — an unknown, revoked or
 * expired link too (`borgerlink_afvist`, nothing else read). Only a usable link sets the tenant
 * to her municipality, so row-level security holds the link to her own municipality's rows.
 * Like `door` (db/door.ts), `fn` gets a `Tx` and returns `{ value, audit }`; the door writes the
 * records, each with the link's id and her id.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database } from '../database.ts';
import type { Audited, Tx } from '../door.ts';
import { bindTx, databaseOf, releaseTx, writeAudit } from '../sql.ts';
import { findLinkByHash, markLinkUsed, type FoundLink } from './links.ts';

/** A token is 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type LinkRefusal = 'ukendt' | 'udloebet' | 'tilbagekaldt';

export type LinkOutcome<T> =
  { status: 'ok'; value: T; link: FoundLink } | { status: 'refused'; reason: LinkRefusal; language: string | null };

/** The audit identity of a link's holder: no user, role `borger`, the link's id in every record's detail. */
const holder = (ip: string) => ({ userId: null, username: 'borgerlink', role: 'borger' as const, ip });

/**
 * The Tx a link's reads run under. Its actor is not a staff user: no user id, the role `borger`
 * (outside the staff roles, so no staff permission check can ever pass on it), and only her municipality.
 */
const holderActor = (ip: string, municipality: string | null) =>
  ({
    userId: 0,
    username: 'borgerlink',
    displayName: 'Borger (personligt link)',
    role: 'borger',
    organisationId: 0,
    organisationName: '',
    organisationKind: 'jobcenter',
    municipalities: municipality ? [municipality] : [],
    municipalityNames: [],
    ip,
  }) as unknown as Actor;

export function citizenDoor<T>(
  db: DatabaseHandle | Database,
  token: string,
  ip: string,
  purpose: string,
  fn: (tx: Tx, link: FoundLink) => Promise<Audited<T>>,
): Promise<LinkOutcome<T>> {
  return databaseOf(db).tx(async (q) => {
    await q.query(`SELECT set_config('role', 'fremdrift_app', true), set_config('fremdrift.kommuner', '', true)`);
    const who = holder(ip);
    const lookup = bindTx(q, holderActor(ip, null));
    let link: FoundLink | null;
    try {
      link = TOKEN_PATTERN.test(token) ? await findLinkByHash(lookup, hashToken(token)) : null;
    } finally {
      releaseTx(lookup);
    }
    const reason: LinkRefusal | null = !link
      ? 'ukendt'
      : link.revokedAt
        ? 'tilbagekaldt'
        : new Date(link.expiresAt).getTime() <= Date.now()
          ? 'udloebet'
          : null;
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
    const found = link;
    await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [found.municipalityCode]);
    const tx = bindTx(q, holderActor(ip, found.municipalityCode));
    try {
      await markLinkUsed(tx, found.id);
      const { value, audit } = await fn(tx, found);
      for (const e of [audit].flat()) {
        await writeAudit(q, who, {
          participantId: found.participantId,
          municipality: found.municipalityCode,
          ...e,
          detail: { linkId: found.id, purpose, ...e.detail },
        });
      }
      return { status: 'ok', value, link: found };
    } finally {
      releaseTx(tx);
    }
  });
}
