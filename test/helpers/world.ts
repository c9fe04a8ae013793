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
import { planSchema } from '../../src/domain/plan.ts';
import type { Role } from '../../src/core/codes.ts';
import type { Actor } from '../../src/core/actor.ts';
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import { todayInDenmark } from '../../src/app/casework/today.ts';
import { TEST_SECRET } from './env.ts';
import { loginAs, type Session } from './http.ts';
import type { TestDb } from './db.ts';

export interface TestWoman {
  id: string;
  cpr: string;
  firstName: string;
  lastName: string;
}

export interface TestUser {
  id: number;
  username: string;
}

export interface TestMunicipality {
  code: string;
  name: string;
  projectId: number;
  projectName: string;
  caseworker: TestUser;
  leader: TestUser;
  /** The jobcentre's analyst (sees no identifiable citizen) and administrator. */
  analyst: TestUser;
  administrator: TestUser;
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
 * CPR serials: from a random start (apart from other test files' women) and then one after the other, so
 * that no two women of one test process share a CPR number. Birth dates repeat every ten women, and
 * two random serials out of 400 met often enough to give a woman another's register weeks (a flaky count).
 */
let lastSerial = Math.floor(Math.random() * 400);
const nextSerial = () => (lastSerial = (lastSerial + 1) % 400);

/**
 * A CPR number born on `birthDate` that nobody in the database has: no participant (the demo's women
 * included), no register person, no comparison-pool person and no recruitment candidate. Serials alone
 * do not promise that: the demo draws its own, and `makeCpr` moves a serial whose check digit fails to
 * the next middle digits, so up to ten serials give one number. A test woman who shared a demo woman's
 * number got her register weeks and paid hours (a flaky count in CI); two candidates of one project
 * (addCaseRecords for two of its women) who drew one number broke the project's unique candidate CPR.
 */
export async function freshCpr(q: Queryable, birthDate: string): Promise<string> {
  for (let tries = 0; tries < 400; tries++) {
    const cpr = makeCpr(birthDate, 'K', nextSerial());
    const taken = await q.query(
      `SELECT 1 FROM participant WHERE cpr_hash = $1 UNION ALL SELECT 1 FROM register_person WHERE cpr_hash = $1
       UNION ALL SELECT 1 FROM comparison_pool WHERE cpr_hash = $1 UNION ALL SELECT 1 FROM recruitment_candidate WHERE cpr_hash = $1 LIMIT 1`,
      [vault.hashCpr(cpr)],
    );
    if (taken.rows.length === 0) return cpr;
  }
  throw new Error(`no free test CPR number born ${birthDate}`);
}

interface WomenOptions {
  women?: number;
  enrolledOn?: string | ((i: number) => string);
  /** Her visitation category at enrolment (`jobparat` unless given), or that of the i-th woman. */
  visitation?: string | ((i: number) => string);
  /** The i-th woman's name (`Testkvinde<i+1> Testesen <code>` unless given). */
  names?: (i: number) => { firstName: string; lastName: string };
}

/** `opts.women` (3 by default) women of municipality `code` enrolled in the project with the caseworker. */
async function addWomen(q: Queryable, code: string, projectId: number, caseworkerId: number, opts: WomenOptions): Promise<TestWoman[]> {
  const women: TestWoman[] = [];
  for (let i = 0; i < (opts.women ?? 3); i++) {
    const birthDate = `198${i % 10}-0${1 + (i % 9)}-1${i % 10}`;
    const cpr = await freshCpr(q, birthDate);
    const w = { cpr, ...(opts.names?.(i) ?? { firstName: `Testkvinde${i + 1}`, lastName: `Testesen ${code}` }) };
    const id = (
      await q.query<{ id: string }>(
        `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex) VALUES ($1, $2, $3, $4, $5, $6, 'K') RETURNING id`,
        [code, vault.hashCpr(cpr), vault.encryptCpr(cpr), w.firstName, w.lastName, birthDate],
      )
    ).rows[0].id;
    await q.query(
      `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id) VALUES ($1, $2, $3, $4, $6, $5)`,
      [
        id,
        projectId,
        code,
        typeof opts.enrolledOn === 'function' ? opts.enrolledOn(i) : (opts.enrolledOn ?? '2025-01-06'),
        caseworkerId,
        typeof opts.visitation === 'function' ? opts.visitation(i) : (opts.visitation ?? 'jobparat'),
      ],
    );
    women.push({ id, ...w });
  }
  return women;
}

/**
 * A second fresh municipality served by `m`'s jobcentre and project (as Ishøj and Vallensbæk are):
 * `m`'s users see her women, who are enrolled in `m`'s project with `m`'s caseworker.
 */
export async function addNeighbour(
  db: Database,
  m: TestMunicipality,
  opts: WomenOptions = {},
): Promise<{ code: string; name: string; women: TestWoman[] }> {
  return db.tx(async (q) => {
    const code = await freeCode(q);
    const name = `Testkommune ${code}`;
    await q.query('INSERT INTO municipality (code, name) VALUES ($1, $2)', [code, name]);
    await q.query(
      'INSERT INTO organisation_municipality (organisation_id, municipality_code) SELECT organisation_id, $2 FROM app_user WHERE id = $1',
      [m.caseworker.id, code],
    );
    await q.query('INSERT INTO project_municipality (project_id, municipality_code) VALUES ($1, $2)', [m.projectId, code]);
    return { code, name, women: await addWomen(q, code, m.projectId, m.caseworker.id, opts) };
  });
}

/**
 * A fresh municipality with its own users and `women` enrolled women, enrolled on `enrolledOn` (a
 * date, or the date of the i-th woman), in a project running from `projectStart` (2024-01-01) to
 * `projectEnd` (2027-12-31).
 */
export async function createMunicipality(
  db: Database,
  opts: WomenOptions & { projectStart?: string; projectEnd?: string } = {},
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
        `INSERT INTO project (key, name, grant_dkk, start_date, end_date, planned_participants) VALUES ($1, $2, 1000000, $3, $4, 50) RETURNING id`,
        [key, projectName, opts.projectStart ?? '2024-01-01', opts.projectEnd ?? '2027-12-31'],
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
    const analyst = await user('analytiker', `analytiker.${key}`, `Analytiker ${name}`);
    const administrator = await user('administrator', `administrator.${key}`, `Administrator ${name}`);
    const women = await addWomen(q, code, projectId, caseworker.id, opts);
    return { code, name, projectId, projectName, caseworker, leader, analyst, administrator, women };
  });
}

/**
 * One more user of `m`'s jobcentre (its organisation and team, password `demo`) with `role`, one of
 * the four in src/core/codes.ts. `title` names her: username `<title lower-case>.<key>` and display
 * name `<title> <municipality name>` (`Virksomhedskonsulent` makes a company consultant, who is a
 * caseworker by role as the demo's are: see src/db/demo/consultants.ts).
 */
export async function addUser(db: Database, m: TestMunicipality, role: Role, title: string = role): Promise<TestUser> {
  const pw = await hashPassword('demo');
  const username = `${title.toLowerCase()}.${m.code}${randomUUID().slice(0, 8)}`;
  const id = (
    await db.query<{ id: number }>(
      `INSERT INTO app_user (username, display_name, role, organisation_id, team_id, password_hash)
       SELECT $1, $2, $3, organisation_id, team_id, $4 FROM app_user WHERE id = $5 RETURNING id`,
      [username, `${title[0].toUpperCase()}${title.slice(1)} ${m.name}`, role, pw, m.caseworker.id],
    )
  ).rows[0].id;
  return { id, username };
}

/** A fresh agency organisation (the national level) with its own analyst and administrator (password `demo`). */
export async function createAgency(db: Database): Promise<{ name: string; analyst: TestUser; administrator: TestUser }> {
  const pw = await hashPassword('demo');
  return db.tx(async (q) => {
    const key = randomUUID().slice(0, 8);
    const name = `Teststyrelse ${key}`;
    const org = (await q.query<{ id: number }>(`INSERT INTO organisation (kind, name) VALUES ('styrelse', $1) RETURNING id`, [name]))
      .rows[0].id;
    const user = async (role: string, username: string) => ({
      username,
      id: (
        await q.query<{ id: number }>(
          `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [username, `${role} ${name}`, role, org, pw],
        )
      ).rows[0].id,
    });
    return {
      name,
      analyst: await user('analytiker', `analytiker.s${key}`),
      administrator: await user('administrator', `administrator.s${key}`),
    };
  });
}

/**
 * Casework records of `woman` of `m`, every text carrying `marker` (so it is found nowhere else): a
 * conversation note, an activity, a WHO-5 score, a plan with its change history, an exemption, Danish tuition (a
 * course, attendance, a test, a language buddy), and a never-enrolled recruitment candidate of the
 * project with her own CPR number. Returns the texts written and the candidate's CPR number.
 */
export async function addCaseRecords(
  db: Database,
  m: TestMunicipality,
  woman: TestWoman,
  marker: string,
): Promise<{ texts: string[]; jobGoal: string; candidateCpr: string; candidateName: string }> {
  const t = (s: string) => `${marker} ${s}`;
  const jobGoal = t('jobmål som bager');
  const candidateCpr = await freshCpr(db, '1979-03-14');
  const candidateName = `${marker}-kandidat Hansen`;
  const texts = [
    t('fortroligt notat om gæld og helbred'),
    t('Borgeren og tolken'),
    t('Bageriet ApS'),
    jobGoal,
    t('gammelt jobmål'),
    t('fritaget for sygdom'),
    t('Sprogskolen'),
    t('karakter tolv'),
    t('sprogmakker Jensen'),
    t('opsøgt ved hjemmebesøg'),
  ];
  const plan = { ...planSchema.parse({ abcStrategy: {} }), jobGoal, abcStrategy: { a: jobGoal, b: null, c: null } };
  await db.tx(async (q) => {
    const args = [woman.id, m.code];
    await q.query(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, participants, note)
       VALUES ($1, $2, current_date - 3, 'individuel', $4, $3)`,
      [...args, texts[0], texts[1]],
    );
    await q.query(
      `INSERT INTO casework_activity (participant_id, municipality_code, type_key, provider, start_date, status)
       VALUES ($1, $2, 'virksomhedspraktik', $3, current_date - 30, 'i_gang')`,
      [...args, texts[2]],
    );
    await q.query(
      `INSERT INTO casework_plan (participant_id, municipality_code, data, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id) DO UPDATE SET data = EXCLUDED.data`,
      [...args, JSON.stringify(plan), m.caseworker.id],
    );
    await q.query(
      `INSERT INTO casework_plan_change (participant_id, municipality_code, changed_by, changed_by_name, changes) VALUES ($1, $2, $3, 'x', $4)`,
      [...args, m.caseworker.id, JSON.stringify([{ field: 'jobGoal', label: 'Jobmål', from: texts[4], to: jobGoal }])],
    );
    await q.query(
      `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by)
       VALUES ($1, $2, 'who5', current_date - 14, $3, 60, $4)`,
      [...args, JSON.stringify({ glad: 3, rolig: 3, aktiv: 3, udhvilet: 3, interesse: 3 }), m.caseworker.id],
    );
    await q.query(
      `INSERT INTO casework_exemption (participant_id, municipality_code, kind, start_date, reason) VALUES ($1, $2, 'sygdom', current_date - 60, $3)`,
      [...args, texts[5]],
    );
    await q.query(
      `INSERT INTO danish_course (participant_id, municipality_code, education, module, provider, start_date)
       VALUES ($1, $2, 'du2', 3, $3, current_date - 90)`,
      [...args, texts[6]],
    );
    await q.query(
      `INSERT INTO danish_attendance (participant_id, municipality_code, month, percent) VALUES ($1, $2, '2019-01-01', 37)`,
      args,
    );
    await q.query(
      `INSERT INTO danish_test (participant_id, municipality_code, kind, module, taken_on, outcome, result)
       VALUES ($1, $2, 'modultest', 3, current_date - 10, 'bestaaet', $3)`,
      [...args, texts[7]],
    );
    await q.query(
      `INSERT INTO danish_buddy (participant_id, municipality_code, from_date, buddy_name) VALUES ($1, $2, current_date - 20, $3)`,
      [...args, texts[8]],
    );
    const candidate = (
      await q.query<{ id: string }>(
        `INSERT INTO recruitment_candidate (project_id, municipality_code, cpr_hash, cpr_enc, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [m.projectId, m.code, vault.hashCpr(candidateCpr), vault.encryptCpr(candidateCpr), candidateName],
      )
    ).rows[0].id;
    await q.query(
      `INSERT INTO recruitment_outreach (candidate_id, municipality_code, occurred_on, kind, channel, note)
       VALUES ($1, $2, current_date - 5, 'kontakt', 'hjemmebesoeg', $3)`,
      [candidate, m.code, texts[9]],
    );
  });
  return { texts, jobGoal, candidateCpr, candidateName };
}

/**
 * Project records of `m`'s project, every text carrying `marker`: a steering group meeting with a
 * point (minutes, decision) and an action, a milestone, and the project's own progression
 * instrument. Returns the texts written (the instrument's dimension and step texts are JSON).
 */
export async function addProjectRecords(db: Database, m: TestMunicipality, marker: string): Promise<string[]> {
  const t = (s: string) => `${marker} ${s}`;
  const texts = [
    t('styregruppemøde'),
    t('mødelokalet'),
    t('direktøren og chefen'),
    t('punkt om budgettet'),
    t('referat af drøftelsen'),
    t('beslutning om besparelser'),
    t('handling om opsigelser'),
    t('ansvarlig chef'),
    t('milepæl om rekruttering'),
    t('fase med opstart'),
    t('progressionstrappe'),
    t('dimension om sprog'),
    t('trin et om sprog'),
    t('trin to om sprog'),
    t('ansvarlig projektleder'),
  ];
  await db.tx(async (q) => {
    const meeting = (
      await q.query<{ id: number }>(
        `INSERT INTO steering_meeting (project_id, kind, held_on, title, place, participants)
         VALUES ($1, 'styregruppe', '2021-05-03', $2, $3, $4) RETURNING id`,
        [m.projectId, texts[0], texts[1], texts[2]],
      )
    ).rows[0].id;
    await q.query(
      `INSERT INTO steering_meeting_point (project_id, meeting_id, position, title, minutes, decision) VALUES ($1, $2, 1, $3, $4, $5)`,
      [m.projectId, meeting, texts[3], texts[4], texts[5]],
    );
    await q.query(
      `INSERT INTO steering_meeting_action (project_id, meeting_id, description, owner, due_date, status) VALUES ($1, $2, $3, $4, '2021-06-01', 'aaben')`,
      [m.projectId, meeting, texts[6], texts[7]],
    );
    await q.query(
      `INSERT INTO project_milestone (project_id, phase, phase_name, number, content, due_date, responsible, status)
       VALUES ($1, 1, $3, 1, $2, '2025-06-01', $4, 'i_gang')`,
      [m.projectId, texts[8], texts[9], texts[14]],
    );
    const instrument = (
      await q.query<{ id: number }>('INSERT INTO project_instrument (project_id) VALUES ($1) RETURNING id', [m.projectId])
    ).rows[0].id;
    await q.query(
      `INSERT INTO project_instrument_version (project_id, instrument_id, version, name, scale_min, scale_max, dimensions)
       VALUES ($1, $2, 1, $3, 1, 2, $4)`,
      [m.projectId, instrument, texts[10], JSON.stringify([{ key: 'd1', name: texts[11], steps: [texts[12], texts[13]] }])],
    );
  });
  return texts;
}

/** A milestone of `m`'s project's milestone plan (phase 1), due on `dueDate` with `status` (`i_gang` unless given); returns its id. */
export async function addMilestone(
  db: Database,
  m: TestMunicipality,
  ms: { number: number; content: string; dueDate: string; status?: string },
): Promise<number> {
  return (
    await db.query<{ id: number }>(
      `INSERT INTO project_milestone (project_id, phase, phase_name, number, content, due_date, responsible, status)
       VALUES ($1, 1, 'Fase 1', $2, $3, $4, 'Projektleder', $5) RETURNING id`,
      [m.projectId, ms.number, ms.content, ms.dueDate, ms.status ?? 'i_gang'],
    )
  ).rows[0].id;
}

/** The answer keys of the two built-in instruments, in their order (see src/domain/who5.ts, fremdriftstrappen.ts). */
export const INSTRUMENT_KEYS = {
  who5: ['glad', 'rolig', 'aktiv', 'udhvilet', 'interesse'],
  fremdriftstrappen: ['arbejdsidentitet', 'kendskab_arbejdsmarked', 'dansk', 'helbred', 'hverdagsmestring', 'netvaerk', 'jobsoegning'],
} as const;
/** Points per answer step: WHO-5's raw sum × 4 gives 0–100; Fremdriftstrappen sums its steps. */
const MULTIPLIER = { who5: 4, fremdriftstrappen: 1 } as const;

export interface TestAssessment {
  instrument: keyof typeof INSTRUMENT_KEYS;
  on: string;
  /** Every answer `all` (WHO-5 0–5, Fremdriftstrappen 1–5) except those named in `answers`. */
  all: number;
  answers?: Record<string, number>;
}

/**
 * WHO-5 or Fremdriftstrappen assessments of `woman` of `m`, recorded by its caseworker on the dates
 * given. The stored total is worked out here (sum of answers × the instrument's multiplier), not by
 * the code under test. Returns the totals in the order given.
 */
export async function addAssessments(
  db: Database,
  m: TestMunicipality,
  woman: TestWoman,
  list: readonly TestAssessment[],
): Promise<number[]> {
  const totals: number[] = [];
  await db.tx(async (q) => {
    for (const a of list) {
      const answers = Object.fromEntries(INSTRUMENT_KEYS[a.instrument].map((k) => [k, a.answers?.[k] ?? a.all]));
      const total = Object.values(answers).reduce((s, x) => s + x, 0) * MULTIPLIER[a.instrument];
      await q.query(
        `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [woman.id, m.code, a.instrument, a.on, JSON.stringify(answers), total, m.caseworker.id],
      );
      totals.push(total);
    }
  });
  return totals;
}

/** A goal of `m`'s project (share reaching Mål 1 or 2) titled `title`; returns its id. */
export async function addGoal(db: Database, m: TestMunicipality, title: string): Promise<number> {
  return (
    await db.query<{ id: number }>(
      `INSERT INTO project_goal (project_id, title, measure, target_kind, target_value, deadline, updated_by)
       VALUES ($1, $2, 'maal_1_eller_2', 'andel', 50, '2027-06-30', $3) RETURNING id`,
      [m.projectId, title, m.leader.id],
    )
  ).rows[0].id;
}

/** The new-goal form of `project` posted by `who`: Mål 1 at 10 % by the end of 2022, no note, unless `fields` say otherwise. */
export const postGoal = (who: Session, project: number, fields: Record<string, string>) =>
  who.post(`/styring/maal/ny?projekt=${project}`, {
    measure: 'maal_1',
    targetKind: 'andel',
    targetValue: '10',
    deadline: '2022-12-31',
    note: '',
    ...fields,
  });

/**
 * An actor with no user row, for calling the door or a use case directly: by default a jobcentre
 * caseworker of `municipalities`; `over` changes any field (a user name per test, another role).
 */
export const testActor = (municipalities: string[], over: Partial<Actor> = {}): Actor => ({
  userId: 0,
  username: 'door.test',
  displayName: 'Dørtest',
  role: 'sagsbehandler',
  organisationId: 0,
  organisationName: 'Test',
  organisationKind: 'jobcenter',
  municipalities,
  municipalityNames: [],
  ip: '127.0.0.1',
  ...over,
});

/**
 * Fresh municipalities made in beforeAll (after `useTestServer`'s), one for each entry of `made`,
 * in its order, with the options given: `{ own: { women: 3 }, other: { women: 1 } }` gives `w.own`
 * and `w.other` to read inside tests and later hooks.
 */
export function useMunicipalities<K extends string>(
  srv: { t: TestDb },
  made: Record<K, WomenOptions & { projectStart?: string; projectEnd?: string }>,
): Record<K, TestMunicipality> {
  const w = {} as Record<K, TestMunicipality>;
  beforeAll(async () => {
    for (const k of Object.keys(made) as K[]) w[k] = await createMunicipality(srv.t.db, made[k]);
  });
  return w;
}

/**
 * The world of most casework test files, made in beforeAll (after `useTestServer`'s): a fresh
 * municipality with `women` women (one unless told) and its caseworker signed in. Read `m`, her
 * session `s` and `woman` (the first woman) inside tests and later hooks.
 */
export function useCaseworker(srv: { t: TestDb; app: FastifyInstance }, opts: WomenOptions = { women: 1 }) {
  const w = useMunicipalities(srv, { m: opts }) as { m: TestMunicipality; s: Session; woman: TestWoman };
  beforeAll(async () => {
    w.s = await loginAs(srv.app, w.m.caseworker.username);
    w.woman = w.m.women[0];
  });
  return w;
}

/**
 * A plan for `womanId` of `m` (replacing hers): `jobGoal` with the ABC strategy Kok, Køkkenmedhjælper,
 * Opvasker, no CV on Jobnet, no family or health plan, and the sub-goals `goals`.
 */
export async function addPlan(
  db: Database,
  m: TestMunicipality,
  womanId: string,
  jobGoal: string,
  goals: { id: string; text: string; dueDate: string; status: string }[],
) {
  await db.query(
    `INSERT INTO casework_plan (participant_id, municipality_code, data) VALUES ($1, $2, $3)
     ON CONFLICT (participant_id) DO UPDATE SET data = EXCLUDED.data`,
    [
      womanId,
      m.code,
      JSON.stringify({
        jobGoal,
        abcStrategy: { a: 'Kok', b: 'Køkkenmedhjælper', c: 'Opvasker' },
        cvOnJobnet: false,
        cvDate: null,
        familyPlan: false,
        healthPlan: false,
        goals,
      }),
    ],
  );
}

/**
 * Enrol a new woman as the caseworker of session `s` does, through the forms: look up her CPR
 * number, then enrol her today into the project and with the caseworker the form offers (as
 * aktivitetsparat, from Iraq, found in a housing area). Returns the enrolment's answer (303 when saved).
 */
export async function enrolByForm(s: Session, woman: { cpr: string; firstName: string; lastName: string }) {
  const form = (await s.post('/indskrivning/soeg', { cpr: woman.cpr })).body;
  const iso = todayInDenmark();
  return s.post('/indskrivning', {
    ...woman,
    countryOfOrigin: 'IQ',
    projectId: /id="f-projectId"[\s\S]*?<option value="(\d+)"/.exec(form)![1],
    enrolmentDate: `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`,
    visitation: 'aktivitetsparat',
    recruitmentChannel: 'boligomraade',
    caseworkerId: /id="f-caseworkerId"[\s\S]*?<option value="(\d+)" selected/.exec(form)![1],
  });
}
