/**
 * Users, sessions and login attempts: the system path (no personal data about citizens).
 * Session ids are random 256-bit values; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../core/actor.ts';
import { databaseOf, sqlOf, type Db, type Reader } from './sql.ts';
import type { Database } from './database.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number;
  passwordHash: string | null;
  active: boolean;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function findUserByUsername(handle: Reader, username: string): Promise<UserRow | undefined> {
  const db = sqlOf(handle);
  const r = await sqlOf(db).query<UserRow>(
    `SELECT id, username, display_name AS "displayName", role, organisation_id AS "organisationId",
            password_hash AS "passwordHash", active FROM app_user WHERE lower(username) = lower($1)`,
    [username],
  );
  return r.rows[0];
}

/** The user's row with her organisation and its municipalities, for `u.id = <userIdSql>`. */
const actorSelect = (userIdSql: string) =>
  `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.organisation_id AS "organisationId",
          o.name AS "organisationName", o.kind AS "organisationKind",
          array_agg(m.code ORDER BY m.name) FILTER (WHERE m.code IS NOT NULL) AS codes,
          array_agg(m.name ORDER BY m.name) FILTER (WHERE m.code IS NOT NULL) AS names
   FROM app_user u JOIN organisation o ON o.id = u.organisation_id
   LEFT JOIN organisation_municipality om ON om.organisation_id = o.id
   LEFT JOIN municipality m ON m.code = om.municipality_code
   WHERE u.id = ${userIdSql} AND u.active GROUP BY u.id, o.id`;

/** The actor as the database has her: her municipalities' codes and names as arrays, null when she has none. */
type ActorRow = Pick<Actor, 'username' | 'displayName' | 'role' | 'organisationId' | 'organisationName' | 'organisationKind'> & {
  id: number;
  codes: string[] | null;
  names: string[] | null;
};

function actorOf(u: ActorRow, ip: string): Actor {
  // The agency's users never see identifiable citizens, whatever their role.
  const tenant = u.organisationKind === 'jobcenter' && u.role !== 'analytiker';
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    organisationKind: u.organisationKind,
    municipalities: tenant ? (u.codes ?? []).map((c) => c.trim()) : [],
    municipalityNames: u.names ?? [],
    ip,
  };
}

/** Build the actor (role, organisation, municipalities) for a user id. */
export async function loadActor(db: Database, userId: number, ip: string): Promise<Actor | undefined> {
  const u = (await db.query<ActorRow>(actorSelect('$1'), [userId])).rows[0];
  return u ? actorOf(u, ip) : undefined;
}

export interface SessionRow {
  userId: number;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(handle: Db, userId: number, hours: number) {
  const db = databaseOf(handle);
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO user_session (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(id), userId, csrfToken, hours],
  );
  return { id, csrfToken };
}

/**
 * A live session, sliding its idle expiry forward; undefined when unknown or expired. The row is
 * written at most every 30 seconds, so a busy caseworker's page views do not each cost a write.
 */
/** The live session with this id (its idle expiry moved on, at most every 30 s), or undefined. */
const SESSION_CTE = `WITH s AS (SELECT id_hash, user_id, csrf_token, expires_at, last_seen FROM user_session WHERE id_hash = $1 AND expires_at > now()),
          t AS (UPDATE user_session u SET last_seen = now(),
                  expires_at = LEAST(u.created_at + interval '12 hours', now() + make_interval(hours => $2))
                FROM s WHERE u.id_hash = s.id_hash AND s.last_seen < now() - interval '30 seconds' RETURNING 1)`;

export async function touchSession(db: Database, id: string, idleHours: number): Promise<SessionRow | undefined> {
  const r = await db.query<SessionRow>(
    `${SESSION_CTE}
     SELECT user_id AS "userId", csrf_token AS "csrfToken", expires_at AS "expiresAt" FROM s`,
    [sha256(id), idleHours],
  );
  return r.rows[0];
}

/**
 * `touchSession` and `loadActor` in one round trip (every request of a signed-in user makes it):
 * the session, and its user as an actor when the user is still active.
 */
export async function touchSessionActor(
  handle: Db,
  id: string,
  idleHours: number,
  ip: string,
): Promise<{ session: SessionRow; actor?: Actor } | undefined> {
  const db = databaseOf(handle);
  const r = await db.query<SessionRow & { actor: ActorRow | null }>(
    `${SESSION_CTE}
     SELECT s.user_id AS "userId", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", to_jsonb(a) AS actor
     FROM s LEFT JOIN LATERAL (${actorSelect('s.user_id')}) a ON true`,
    [sha256(id), idleHours],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const { actor, ...session } = row;
  return { session, actor: actor ? actorOf(actor, ip) : undefined };
}

export async function deleteSession(handle: Db, id: string) {
  const db = databaseOf(handle);
  await db.query('DELETE FROM user_session WHERE id_hash = $1', [sha256(id)]);
}
