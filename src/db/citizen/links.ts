/**
 * Her personal links (SQL only). Only the SHA-256 of a token is stored; a link is found by that
 * hash through `fremdrift_citizen_link_find` (migration 0150), the one way in before a tenant is set.
 */
import type { Tx } from '../door.ts';
import { sqlOf } from '../sql.ts';
import { isUuid } from '../tenant.ts';

export interface CitizenLinkRow {
  id: string;
  language: string;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
  lastUsedAt: Date | null;
  uses: number;
}

export interface FoundLink {
  id: string;
  participantId: string;
  municipalityCode: string;
  language: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function insertLink(
  tx: Tx,
  participantId: string,
  municipality: string,
  tokenHash: string,
  language: string,
  days: number,
  userId: number,
): Promise<{ id: string; expiresAt: Date }> {
  return (
    await sqlOf(tx).query<{ id: string; expiresAt: Date }>(
      `INSERT INTO citizen_link (participant_id, municipality_code, token_hash, language, expires_at, created_by)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5::int), $6) RETURNING id, expires_at AS "expiresAt"`,
      [participantId, municipality, tokenHash, language, days, userId],
    )
  ).rows[0];
}

export async function listLinks(tx: Tx, participantId: string): Promise<CitizenLinkRow[]> {
  return (
    await sqlOf(tx).query<CitizenLinkRow>(
      `SELECT l.id, l.language, l.created_at AS "createdAt", cu.display_name AS "createdByName", l.expires_at AS "expiresAt",
              l.revoked_at AS "revokedAt", ru.display_name AS "revokedByName", l.last_used_at AS "lastUsedAt", l.uses
       FROM citizen_link l LEFT JOIN app_user cu ON cu.id = l.created_by LEFT JOIN app_user ru ON ru.id = l.revoked_by
       WHERE l.participant_id = $1 ORDER BY l.created_at DESC`,
      [participantId],
    )
  ).rows;
}

/** Revoke one of her links; false when it is not hers or already revoked. */
export async function revokeLink(tx: Tx, participantId: string, id: string, userId: number): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await sqlOf(tx).query(
    'UPDATE citizen_link SET revoked_at = now(), revoked_by = $3 WHERE id = $1 AND participant_id = $2 AND revoked_at IS NULL',
    [id, participantId, userId],
  );
  return r.rowCount > 0;
}

/** The link whose token has this hash, whatever its state; the caller decides whether it may be used. */
export async function findLinkByHash(tx: Tx, tokenHash: string): Promise<FoundLink | null> {
  return (
    (
      await sqlOf(tx).query<FoundLink>(
        `SELECT id, participant_id AS "participantId", municipality_code AS "municipalityCode", language,
              expires_at AS "expiresAt", revoked_at AS "revokedAt"
       FROM fremdrift_citizen_link_find($1)`,
        [tokenHash],
      )
    ).rows[0] ?? null
  );
}

export async function markLinkUsed(tx: Tx, id: string): Promise<void> {
  await sqlOf(tx).query('UPDATE citizen_link SET last_used_at = now(), uses = uses + 1 WHERE id = $1', [id]);
}

/** The token's hash if this link belongs to her and can still be used (to put a QR code on her print). */
export async function linkUsableFor(tx: Tx, participantId: string, tokenHash: string): Promise<boolean> {
  return (
    (
      await sqlOf(tx).query(
        'SELECT 1 FROM citizen_link WHERE participant_id = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > now()',
        [participantId, tokenHash],
      )
    ).rows.length > 0
  );
}
