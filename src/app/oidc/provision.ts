/**
 * Just-in-time provisioning: the user linked to (issuer, subject) is created on first sign-in and
 * brought up to date from the claims on every later one (role, organisation, name). A user an
 * administrator has deactivated stays out.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { writeAudit } from '../../db/tenant.ts';
import type { MappedClaims } from './claims.ts';

async function findOrganisation(q: Queryable, c: MappedClaims): Promise<number> {
  const r = await q.query<{ id: number }>(
    `SELECT o.id FROM organisation o
     WHERE ($1::text IS NULL OR o.name = $1)
       AND ($1::text IS NOT NULL OR o.kind = 'jobcenter')
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS k(code)
                       WHERE NOT EXISTS (SELECT 1 FROM organisation_municipality om WHERE om.organisation_id = o.id AND om.municipality_code = k.code))
     ORDER BY (SELECT count(*) FROM organisation_municipality om WHERE om.organisation_id = o.id), o.id LIMIT 1`,
    [c.organisationName ?? null, c.municipalities],
  );
  if (!r.rows[0]) throw new AppError('FORBIDDEN', 'Din organisation eller dine kommuner kendes ikke i Fremdrift. Kontakt din administrator.');
  return r.rows[0].id;
}

export async function provisionUser(db: Database, issuer: string, c: MappedClaims, ip: string): Promise<number> {
  return db.tx(async (q) => {
    const organisationId = await findOrganisation(q, c);
    const linked = (await q.query<{ userId: number; active: boolean; username: string }>(
      `SELECT u.id AS "userId", u.active, u.username FROM user_identity i JOIN app_user u ON u.id = i.user_id
       WHERE i.issuer = $1 AND i.subject = $2 FOR UPDATE OF i`, [issuer, c.subject])).rows[0];
    if (linked) {
      if (!linked.active) throw new AppError('FORBIDDEN', 'Din bruger er spærret i Fremdrift. Kontakt din administrator.');
      await q.query('UPDATE app_user SET role = $2, organisation_id = $3, display_name = $4 WHERE id = $1',
        [linked.userId, c.role, organisationId, c.displayName]);
      await q.query('UPDATE user_identity SET last_login_at = now() WHERE issuer = $1 AND subject = $2', [issuer, c.subject]);
      return linked.userId;
    }
    // A readable name that can never be a local account's: "<preferred>@<provider host>".
    const host = new URL(issuer).host;
    let username = `${c.preferredUsername}@${host}`;
    const taken = await q.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [username]);
    if (taken.rows.length) username = `${username}#${createHash('sha256').update(c.subject).digest('hex').slice(0, 8)}`;
    const userId = (await q.query<{ id: number }>(
      `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
      [username, c.displayName, c.role, organisationId])).rows[0].id;
    await q.query('INSERT INTO user_identity (issuer, subject, user_id, last_login_at) VALUES ($1, $2, $3, now())', [issuer, c.subject, userId]);
    await writeAudit(q, { userId, username, role: c.role, ip }, {
      action: 'bruger_oprettet', entity: 'app_user', detail: { method: 'oidc', issuer, organisationId, role: c.role },
    });
    return userId;
  });
}
