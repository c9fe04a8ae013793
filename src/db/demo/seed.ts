/**
 * The demo seed's writes (app/seed-demo.ts decides what to write): the agency, municipalities,
 * jobcentres, projects, teams, users and the synthetic women with their enrolments. Runs in the
 * seed's own transaction as the database owner (`ownerTx`, db/door.ts); only ever in demo mode.
 */
import { sqlOf, type Reader, type Sql } from '../sql.ts';

/** The seed's transaction as the demo seeders hold it (a door's Tx, or an open transaction in a test). */
export type SeedTx = Sql;

async function id(tx: Sql, sql: string, params: unknown[]): Promise<number> {
  return (await sqlOf(tx).query<{ id: number }>(sql, params)).rows[0].id;
}

/** Is anything seeded (or set up) yet? */
export async function isSeeded(db: Reader): Promise<boolean> {
  return (await sqlOf(db).query<{ n: number }>('SELECT count(*)::int AS n FROM organisation')).rows[0].n > 0;
}

export async function insertDemoMunicipality(tx: Sql, code: string, name: string) {
  await sqlOf(tx).query('INSERT INTO municipality (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [code, name]);
}

export function insertOrganisation(tx: Sql, kind: 'styrelse' | 'jobcenter', name: string): Promise<number> {
  return id(tx, `INSERT INTO organisation (kind, name) VALUES ($1, $2) RETURNING id`, [kind, name]);
}

export async function linkOrganisationMunicipality(tx: Sql, organisationId: number, code: string) {
  await sqlOf(tx).query('INSERT INTO organisation_municipality (organisation_id, municipality_code) VALUES ($1, $2)', [
    organisationId,
    code,
  ]);
}

export function insertDemoUser(
  tx: Sql,
  u: { username: string; name: string; role: string; organisationId: number; teamId: number | null; passwordHash: string },
): Promise<number> {
  return id(
    tx,
    `INSERT INTO app_user (username, display_name, role, organisation_id, team_id, password_hash, demo)
     VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
    [u.username, u.name, u.role, u.organisationId, u.teamId, u.passwordHash],
  );
}

export function insertDemoProject(
  tx: Sql,
  p: { key: string; name: string; grantDkk: number; from: string; to: string; planned: number },
): Promise<number> {
  return id(
    tx,
    `INSERT INTO project (key, name, grant_dkk, start_date, end_date, planned_participants)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.key, p.name, p.grantDkk, p.from, p.to, p.planned],
  );
}

export async function linkProjectMunicipality(tx: Sql, projectId: number, code: string) {
  await sqlOf(tx).query('INSERT INTO project_municipality (project_id, municipality_code) VALUES ($1, $2)', [projectId, code]);
}

export function insertTeam(tx: Sql, organisationId: number, name: string): Promise<number> {
  return id(tx, 'INSERT INTO team (organisation_id, name) VALUES ($1, $2) RETURNING id', [organisationId, name]);
}

/** The synthetic women, column by column (arrays → unnest). */
export async function insertDemoParticipants(
  tx: Sql,
  c: { id: string[]; mun: string[]; hash: string[]; enc: string[]; fn: string[]; ln: string[]; bd: string[]; country: string[] },
) {
  await sqlOf(tx).query(
    `INSERT INTO participant (id, municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex, country_of_origin, synthetic)
     SELECT i, m, h, e, f, l, b::date, 'K', c, true
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(i, m, h, e, f, l, b, c)`,
    [c.id, c.mun, c.hash, c.enc, c.fn, c.ln, c.bd, c.country],
  );
}

/** Their enrolments, column by column. */
export async function insertDemoEnrolments(
  tx: Sql,
  en: {
    pid: string[];
    project: number[];
    mun: string[];
    on: string[];
    vis: string[];
    cw: number[];
    exit: (string | null)[];
    reason: (string | null)[];
    fsm: (number | null)[];
    channel: (string | null)[];
  },
) {
  await sqlOf(tx).query(
    `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id, exited_on, exit_reason,
       flere_skal_med, recruitment_channel)
     SELECT p, pr, m, o::date, v, c, x::date, r, f, k
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::smallint[], $10::text[])
       AS t(p, pr, m, o, v, c, x, r, f, k)`,
    [en.pid, en.project, en.mun, en.on, en.vis, en.cw, en.exit, en.reason, en.fsm, en.channel],
  );
}

/** Every project with its planned number of women (the demo goals are set from it). */
export async function demoProjects(tx: Sql): Promise<{ id: number; key: string; planned: number | null }[]> {
  return (
    await sqlOf(tx).query<{ id: number; key: string; planned: number | null }>(
      'SELECT id, key, planned_participants AS planned FROM project ORDER BY id',
    )
  ).rows;
}

export async function projectIdOfKey(tx: Sql, key: string): Promise<number | undefined> {
  return (await sqlOf(tx).query<{ id: number }>(`SELECT id FROM project WHERE key = $1`, [key])).rows[0]?.id;
}

export async function userIdOfName(tx: Sql, username: string): Promise<number | null> {
  return (await sqlOf(tx).query<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [username])).rows[0]?.id ?? null;
}
