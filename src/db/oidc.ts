/**
 * OpenID Connect accounts: the pending sign-ins (secrets kept server-side under the hash of a
 * browser cookie, used once) and just-in-time provisioning of the user linked to (issuer,
 * subject). Accounts are the system path: no citizen's data is read here.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../core/actor.ts';
import { AppError } from '../core/errors.ts';
import type { Queryable } from './database.ts';
import { databaseOf, writeAudit, type Db } from './sql.ts';

export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Keep a new pending sign-in and forget those older than `minutes`. */
export async function storePendingSignIn(handle: Db, idHash: string, p: PendingSignIn, minutes: number) {
  const db = databaseOf(handle);
  await db.query(`DELETE FROM oidc_pending WHERE created_at < now() - make_interval(mins => $1)`, [minutes]);
  await db.query('INSERT INTO oidc_pending (id_hash, state, nonce, code_verifier, next) VALUES ($1, $2, $3, $4, $5)', [
    idHash,
    p.state,
    p.nonce,
    p.verifier,
    p.next,
  ]);
}

/** Take (and delete) the pending sign-in under `idHash` if it is younger than `minutes`: it is used once, whatever happens next. */
export async function takePendingSignIn(handle: Db, idHash: string, minutes: number): Promise<PendingSignIn | undefined> {
  const db = databaseOf(handle);
  const r = await db.query<PendingSignIn>(
    `DELETE FROM oidc_pending WHERE id_hash = $1 AND created_at > now() - make_interval(mins => $2)
     RETURNING state, nonce, code_verifier AS verifier, next`,
    [idHash, minutes],
  );
  return r.rows[0];
}

/** What provisioning needs from the provider's claims (app/oidc/claims.ts maps and checks them). */
export interface AccountClaims {
  subject: string;
  role: Role;
  municipalities: string[];
  organisationName?: string;
  displayName: string;
  preferredUsername: string;
}

async function findOrganisation(q: Queryable, c: AccountClaims): Promise<number> {
  const r = await q.query<{ id: number }>(
    `SELECT o.id FROM organisation o
     WHERE ($1::text IS NULL OR o.name = $1)
       AND ($1::text IS NOT NULL OR o.kind = 'jobcenter')
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS k(code)
                       WHERE NOT EXISTS (SELECT 1 FROM organisation_municipality om WHERE om.organisation_id = o.id AND om.municipality_code = k.code))
     ORDER BY (SELECT count(*) FROM organisation_municipality om WHERE om.organisation_id = o.id), o.id LIMIT 1`,
    [c.organisationName ?? null, c.municipalities],
  );
  if (!r.rows[0])
    throw new AppError('FORBIDDEN', 'Din organisation eller dine kommuner kendes ikke i Fremdrift. Kontakt din administrator.');
  return r.rows[0].id;
}

/**
 * The user linked to (issuer, subject): created on first sign-in and brought up to date from the
 * claims on every later one (role, organisation, name). A user an administrator has deactivated
 * stays out. One transaction; the creation is audited in it.
 */
export async function provisionOidcUser(
  handle: Db,
  issuer: string,
  c: AccountClaims,
  ip: string,
): Promise<{ id: number; username: string; role: Role }> {
  const db = databaseOf(handle);
  return db.tx(async (q) => {
    const organisationId = await findOrganisation(q, c);
    const linked = (
      await q.query<{ userId: number; active: boolean; username: string }>(
        `SELECT u.id AS "userId", u.active, u.username FROM user_identity i JOIN app_user u ON u.id = i.user_id
         WHERE i.issuer = $1 AND i.subject = $2 FOR UPDATE OF i`,
        [issuer, c.subject],
      )
    ).rows[0];
    if (linked) {
      if (!linked.active) throw new AppError('FORBIDDEN', 'Din bruger er spærret i Fremdrift. Kontakt din administrator.');
      await q.query('UPDATE app_user SET role = $2, organisation_id = $3, display_name = $4 WHERE id = $1', [
        linked.userId,
        c.role,
        organisationId,
        c.displayName,
      ]);
      await q.query('UPDATE user_identity SET last_login_at = now() WHERE issuer = $1 AND subject = $2', [issuer, c.subject]);
      return { id: linked.userId, username: linked.username, role: c.role };
    }
    // A readable name that can never be a local account's: "<preferred>@<provider host>".
    const host = new URL(issuer).host;
    let username = `${c.preferredUsername}@${host}`;
    const taken = await q.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [username]);
    if (taken.rows.length) username = `${username}#${createHash('sha256').update(c.subject).digest('hex').slice(0, 8)}`;
    const userId = (
      await q.query<{ id: number }>(
        `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
        [username, c.displayName, c.role, organisationId],
      )
    ).rows[0].id;
    await q.query('INSERT INTO user_identity (issuer, subject, user_id, last_login_at) VALUES ($1, $2, $3, now())', [
      issuer,
      c.subject,
      userId,
    ]);
    await writeAudit(
      q,
      { userId, username, role: c.role, ip },
      {
        action: 'bruger_oprettet',
        entity: 'app_user',
        detail: { method: 'oidc', issuer, organisationId, role: c.role },
      },
    );
    return { id: userId, username, role: c.role };
  });
}
