/**
 * Builders for tests that own their data: a fresh municipality with its own jobcentre, project,
 * caseworker, project leader (password `demo`) and women, so a test does not depend on the demo
 * world and can run beside others on one database. Codes 900–999 are no real municipality.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../src/db/database.ts';
import { makeCpr } from '../../src/core/cpr.ts';
import { hashPassword } from '../../src/security/passwords.ts';
import { createVault } from '../../src/security/vault.ts';
import { TEST_SECRET } from './env.ts';

export interface TestWoman {
  id: string;
  cpr: string;
  firstName: string;
  lastName: string;
}

export interface TestMunicipality {
  code: string;
  name: string;
  projectId: number;
  projectName: string;
  caseworker: { id: number; username: string };
  leader: { id: number; username: string };
  women: TestWoman[];
}

let seq = 0;
const vault = createVault(TEST_SECRET);

/** A municipality code not yet in the database, from 900 to 999. */
async function freeCode(q: Queryable): Promise<string> {
  const used = new Set((await q.query<{ code: string }>(`SELECT code FROM municipality WHERE code >= '900'`)).rows.map((r) => r.code));
  for (let n = 900 + ((process.pid + seq++) % 100), i = 0; i < 100; i++, n = n === 999 ? 900 : n + 1) {
    if (!used.has(String(n))) return String(n);
  }
  throw new Error('no free test municipality code');
}

/**
 * A fresh municipality with its own users and `women` enrolled women, enrolled on `enrolledOn` (a
 * date, or the date of the i-th woman), in a project running from 2024 to `projectEnd`.
 */
export async function createMunicipality(
  db: Database,
  opts: { women?: number; enrolledOn?: string | ((i: number) => string); projectEnd?: string } = {},
): Promise<TestMunicipality> {
  const pw = await hashPassword('demo');
  return db.tx(async (q) => {
    const code = await freeCode(q);
    const key = `t${code}${randomUUID().slice(0, 6)}`;
    const name = `Testkommune ${code}`;
    const one = async <T>(sql: string, params: unknown[]) => (await q.query<T>(sql, params)).rows[0];
    await q.query('INSERT INTO municipality (code, name) VALUES ($1, $2)', [code, name]);
    const org = (
      await one<{ id: number }>(`INSERT INTO organisation (kind, name) VALUES ('jobcenter', $1) RETURNING id`, [`Jobcenter ${name}`])
    ).id;
    await q.query('INSERT INTO organisation_municipality (organisation_id, municipality_code) VALUES ($1, $2)', [org, code]);
    const projectName = `Testprojekt ${code}`;
    const projectId = (
      await one<{ id: number }>(
        `INSERT INTO project (key, name, grant_dkk, start_date, end_date, planned_participants) VALUES ($1, $2, 1000000, '2024-01-01', $3, 50) RETURNING id`,
        [key, projectName, opts.projectEnd ?? '2027-12-31'],
      )
    ).id;
    await q.query('INSERT INTO project_municipality (project_id, municipality_code) VALUES ($1, $2)', [projectId, code]);
    const team = (await one<{ id: number }>('INSERT INTO team (organisation_id, name) VALUES ($1, $2) RETURNING id', [org, 'Testteam'])).id;
    const user = async (role: string, username: string, display: string) => ({
      username,
      id: (
        await one<{ id: number }>(
          `INSERT INTO app_user (username, display_name, role, organisation_id, team_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [username, display, role, org, team, pw],
        )
      ).id,
    });
    const caseworker = await user('sagsbehandler', `sagsbehandler.${key}`, `Sagsbehandler ${name}`);
    const leader = await user('projektleder', `projektleder.${key}`, `Projektleder ${name}`);
    const women: TestWoman[] = [];
    for (let i = 0; i < (opts.women ?? 3); i++) {
      const birthDate = `198${i % 10}-0${1 + (i % 9)}-1${i % 10}`;
      // A serial drawn at random keeps her CPR number apart from other test municipalities' women.
      const cpr = makeCpr(birthDate, 'K', Math.floor(Math.random() * 400));
      const w = { cpr, firstName: `Testkvinde${i + 1}`, lastName: `Testesen ${code}` };
      const id = (
        await one<{ id: string }>(
          `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex) VALUES ($1, $2, $3, $4, $5, $6, 'K') RETURNING id`,
          [code, vault.hashCpr(cpr), vault.encryptCpr(cpr), w.firstName, w.lastName, birthDate],
        )
      ).id;
      await q.query(
        `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id) VALUES ($1, $2, $3, $4, 'jobparat', $5)`,
        [
          id,
          projectId,
          code,
          typeof opts.enrolledOn === 'function' ? opts.enrolledOn(i) : (opts.enrolledOn ?? '2025-01-06'),
          caseworker.id,
        ],
      );
      women.push({ id, ...w });
    }
    return { code, name, projectId, projectName, caseworker, leader, women };
  });
}

/**
 * A woman of the demo municipality `code` (Aalborg by default) with an open enrolment: the one with
 * the lowest id, or with `last` the highest.
 */
export async function openDemoWoman(
  db: Queryable,
  { code = '851', last = false }: { code?: string; last?: boolean } = {},
): Promise<string> {
  return (
    await db.query<{ id: string }>(
      `SELECT p.id FROM participant p JOIN enrolment e ON e.participant_id = p.id
    WHERE p.municipality_code = $1 AND e.exited_on IS NULL ORDER BY p.id ${last ? 'DESC' : ''} LIMIT 1`,
      [code],
    )
  ).rows[0].id;
}
