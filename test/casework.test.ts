/**
 * The caseworker's daily work end to end over HTTP: enrol a new woman, write her plan, add an
 * internship and a conversation, score WHO-5 twice (an alert appears on Mine borgere and goes
 * away), correct and delete records, exit and re-enrol. Also: forms keep what was typed and
 * show Danish errors beside the fields; every save is one transaction; every read and write is
 * audited; records of another municipality cannot be read or changed through any route.
 * The caseworker and her project are a fresh municipality's (test/helpers/world.ts), whose jobcentre
 * also had a project that ended in 2022.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCpr, mod11Ok } from '../src/core/cpr.ts';
import { cvrMod11Ok } from '../src/domain/cvr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const validCvr = () => {
  for (let n = 10000000; ; n++) if (cvrMod11Ok(String(n))) return String(n);
};
const who5 = (v: number) => Object.fromEntries(['glad', 'rolig', 'aktiv', 'udhvilet', 'interesse'].map((k) => [`answers.${k}`, String(v)]));

describe.each(backends())('casework on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  const today = todayInDenmark();
  const cpr = makeCpr('1988-04-12', 'K', 4711);
  let womanId = '';
  let m: TestMunicipality;
  let ended = 0;

  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 0 });
    // The jobcentre's earlier project, ended in 2022.
    ended = (
      await srv.t.db.query<{ id: number }>(
        `INSERT INTO project (key, name, grant_dkk, start_date, end_date, planned_participants)
         VALUES ($1, $2, 1000000, '2019-09-01', '2022-12-31', 50) RETURNING id`,
        [`afsluttet-${m.code}-${m.projectId}`, `Afsluttet testprojekt ${m.code}`],
      )
    ).rows[0].id;
    await srv.t.db.query('INSERT INTO project_municipality (project_id, municipality_code) VALUES ($1, $2)', [ended, m.code]);
    s = await loginAs(srv.app, m.caseworker.username);
  });

  /** The enrolment form of a new woman (Amina Haddad from Syria, today, into the project), with `over` changed. */
  const enrolment = (over: Record<string, string>) => ({
    cpr,
    firstName: 'Amina',
    lastName: 'Haddad',
    countryOfOrigin: 'SY',
    projectId: String(m.projectId),
    enrolmentDate: da(today),
    visitation: 'aktivitetsparat',
    recruitmentChannel: 'boligomraade',
    caseworkerId: String(m.caseworker.id),
    ...over,
  });
  /** The form that enrols her again (`/deltagere/:id/indskriv`): jobparat, through the jobcentre, into the project. */
  const reEnrolment = (over: Record<string, string>) => ({
    countryOfOrigin: 'SY',
    projectId: String(m.projectId),
    enrolmentDate: da(today),
    visitation: 'jobparat',
    recruitmentChannel: 'jobcenter',
    caseworkerId: String(m.caseworker.id),
    ...over,
  });
  const participants = async () => (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
  const jobGoal = async () =>
    (await srv.t.db.query<{ data: { jobGoal: string } }>('SELECT data FROM casework_plan WHERE participant_id = $1', [womanId])).rows[0]
      .data.jobGoal;
  const abc = { 'abcStrategy.a': 'Kok', 'abcStrategy.b': 'Køkkenmedhjælper', 'abcStrategy.c': 'Opvasker' };

  it('finds no woman by an unknown CPR number and offers the enrolment form; rejects a malformed CPR in Danish', async () => {
    const bad = await s.post('/indskrivning/soeg', { cpr: '3113901234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('CPR-nummeret indeholder ikke en gyldig dato.');
    expect(bad.body).toContain('value="3113901234"');
    const res = await s.post('/indskrivning/soeg', { cpr });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Indskriv ny borger');
    expect(res.body).toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
  });

  it('rejects a bad enrolment with Danish messages beside the fields, keeps the input, and saves nothing', async () => {
    const before = await participants();
    const res = await s.post('/indskrivning', enrolment({ lastName: '', enrolmentDate: '31-02-2025' }));
    expectRejected(res, 'Angiv efternavn.', 'value="Amina"', 'value="31-02-2025"', 'aria-invalid="true"', 'Formularen indeholder fejl');
    expect(res.body).toMatch(/form-group form-error[\s\S]*?31\. februar 2025 findes ikke\./);
    expect(await participants()).toBe(before);
  });

  it('requires a written reason when target-group criteria are unmet (a Western country)', async () => {
    expectRejected(await s.post('/indskrivning', enrolment({ countryOfOrigin: 'SE' })), 'vestligt land', 'begrundelse');
  });

  it('warns (but allows) a CPR number failing modulus 11, and shows unmet target-group criteria before saving', async () => {
    let old = '';
    for (let serial = 0; !old; serial++) {
      const c = `010150${String(serial).padStart(3, '0')}4`;
      if (!mod11Ok(c)) old = c;
    }
    const res = await s.post('/indskrivning/soeg', { cpr: old });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('modulus 11');
    expect(res.body).toContain('Målgruppekontrol');
    expect(res.body).toMatch(/Borgeren er 7\d år på indskrivningsdatoen/);
    const fatima = enrolment({
      cpr: old,
      firstName: 'Fatima',
      lastName: 'Older',
      countryOfOrigin: 'IR',
      visitation: 'oevrige',
      recruitmentChannel: 'netvaerk_forening',
      overrideReason: 'Deltager i netværksgruppen efter aftale med projektlederen.',
    });
    const enrolled = await s.post('/indskrivning', fatima);
    expect(enrolled.statusCode).toBe(303);
    const stored = await srv.t.db.query<{ unmet_criteria: string[]; override_reason: string }>(
      `SELECT e.unmet_criteria, e.override_reason FROM enrolment e WHERE e.participant_id = $1`,
      [/[0-9a-f-]{36}/.exec(enrolled.headers.location as string)![0]],
    );
    expect(stored.rows[0].unmet_criteria).toEqual(['alder']);
    expect(stored.rows[0].override_reason).toContain('netværksgruppen');
    const her = await s.get(enrolled.headers.location as string);
    expect(her.body).toContain('Indskrevet uden for målgruppen</dt><dd>alder: Deltager i netværksgruppen');
    expectRejected(await s.post('/indskrivning', fatima), 'Borgeren findes allerede');
  });

  it('enrols a new woman and marks her as a project participant', async () => {
    const res = await s.post('/indskrivning', enrolment({ flereSkalMedGruppe: '2' }));
    expect(res.statusCode).toBe(303);
    womanId = /\/deltagere\/([0-9a-f-]{36})(?:\?|$)/.exec(res.headers.location as string)![1];
    const page = await s.get(`/deltagere/${womanId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="project-marking"');
    expect(page.body).toContain('Syrien');
    expect(page.body).toContain('Gruppe 2: på vej mod ressourceforløb');
    expect(page.body).toContain('Boligområde');
    // Already enrolled: caught at the CPR step with a link to her page (issue 18), no form.
    const again = await s.post('/indskrivning/soeg', { cpr });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('er allerede indskrevet');
    expect(again.body).toContain(`href="/deltagere/${womanId}"`);
    const mine = await s.get('/mine-borgere');
    expect(mine.body).toContain(`data-participant="${womanId}"`);
  });

  it('saves the plan and keeps its history (who, what, when)', async () => {
    const bad = await s.post(`/deltagere/${womanId}/plan`, { jobGoal: 'Køkkenmedhjælper', cvOnJobnet: 'on', cvDate: '' });
    expectRejected(bad, 'Angiv datoen, hvor CV’et blev lagt på Jobnet.', 'Køkkenmedhjælper');
    const ok = await s.post(`/deltagere/${womanId}/plan`, {
      jobGoal: 'Køkkenmedhjælper',
      ...abc,
      cvOnJobnet: 'on',
      cvDate: da(today),
      'goals.0.text': 'Praktik i et storkøkken',
      'goals.0.dueDate': da(addDays(today, 60)),
      'goals.0.status': 'aaben',
    });
    expect(ok.statusCode).toBe(303);
    await s.post(`/deltagere/${womanId}/plan`, {
      jobGoal: 'Kantinemedarbejder',
      ...abc,
      cvOnJobnet: 'on',
      cvDate: da(today),
    });
    // The plan's history is one click away, in the Historik section of her page.
    const page = await s.get(`/deltagere/${womanId}/historik`);
    expect(page.body).toContain('data-testid="plan-history"');
    expect(page.body).toMatch(/Jobmål<\/td><td>Køkkenmedhjælper<\/td><td>Kantinemedarbejder/);
    expect(page.body).toContain('Delmål fjernet');
    const changes = await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM casework_plan_change WHERE participant_id = $1', [
      womanId,
    ]);
    expect(changes.rows[0].n).toBe(2);
  });

  it('adds an internship (CVR checked) and a conversation, and corrects them', async () => {
    const form = {
      typeKey: 'virksomhedspraktik',
      provider: 'Storkøkkenet ApS',
      cvr: '12345678',
      companyConsent: 'navn',
      startDate: da(today),
      endDate: '',
      hoursPerWeek: '18,5',
      status: 'i_gang',
    };
    expectRejected(await s.post(`/deltagere/${womanId}/aktiviteter`, form), 'CVR-nummeret er ugyldigt', 'value="Storkøkkenet ApS"');
    const saved = await s.post(`/deltagere/${womanId}/aktiviteter`, { ...form, cvr: validCvr() });
    expect(saved.statusCode).toBe(303);
    // She lands on the section where the activity is listed, with the "Gemt" notice.
    expect(saved.headers.location).toMatch(new RegExp(`^/deltagere/${womanId}/aktiviteter\\?gemt=aktivitet`));
    const aid = (await srv.t.db.query<{ id: string }>('SELECT id FROM casework_activity WHERE participant_id = $1', [womanId])).rows[0].id;
    expect((await s.post(`/deltagere/${womanId}/aktiviteter/${aid}`, { ...form, cvr: validCvr(), hoursPerWeek: '20' })).statusCode).toBe(
      303,
    );
    const hours = await srv.t.db.query<{ h: number }>('SELECT hours_per_week AS h FROM casework_activity WHERE id = $1', [aid]);
    expect(hours.rows[0].h).toBe(20);

    const future = await s.post(`/deltagere/${womanId}/samtaler`, {
      date: da(addDays(today, 3)),
      kind: 'individuel',
      note: 'Første samtale',
    });
    expectRejected(future, 'Samtalen kan ikke ligge i fremtiden', 'Første samtale');
    expect(
      (
        await s.post(`/deltagere/${womanId}/samtaler`, {
          date: da(today),
          kind: 'individuel',
          participants: 'Borger, sagsbehandler',
          interpreterUsed: 'on',
          note: 'Første samtale',
        })
      ).statusCode,
    ).toBe(303);
    expect((await s.get(`/deltagere/${womanId}/aktiviteter`)).body).toMatch(/data-testid="activities"[\s\S]*Virksomhedspraktik/);
    expect((await s.get(`/deltagere/${womanId}/samtaler`)).body).toMatch(/data-testid="conversations"[\s\S]*Første samtale/);
    const timeline = (await s.get(`/deltagere/${womanId}/tidslinje`)).body;
    expect(timeline).toContain('data-testid="timeline"');
    expect(timeline).toContain('Start: Virksomhedspraktik');
    // The overview keeps what is due and the pace, not the long lists.
    const page = await s.get(`/deltagere/${womanId}`);
    expect(page.body).not.toContain('data-testid="timeline"');
    expect(page.body).not.toContain('data-testid="activities"');
    expect(page.body).toMatch(/Samtaler de seneste 12 måneder: 1 \(mål 8 om året; hun er nyindskrevet, så der forventes ingen endnu\)/);
  });

  it('scores WHO-5 twice: a low score raises an alert on Mine borgere, a good one clears it', async () => {
    const missing = await s.post(`/deltagere/${womanId}/maalinger`, {
      instrumentKey: 'who5',
      date: da(today),
      ...who5(1),
      'answers.glad': '',
    });
    expectRejected(missing, 'Vælg et svar på');
    expect(
      (await s.post(`/deltagere/${womanId}/maalinger`, { instrumentKey: 'who5', date: da(addDays(today, -14)), ...who5(1) })).statusCode,
    ).toBe(303);
    const row = (body: string) => new RegExp(`data-participant="${womanId}"[\\s\\S]*?</tr>`).exec(body)![0];
    let mine = await s.get('/mine-borgere?kunVarsler=ja');
    expect(row(mine.body)).toContain('data-code="who5_lav"');
    expect((await s.post(`/deltagere/${womanId}/maalinger`, { instrumentKey: 'who5', date: da(today), ...who5(4) })).statusCode).toBe(303);
    mine = await s.get('/mine-borgere');
    expect(row(mine.body)).not.toContain('who5_lav');
    const filtered = await s.get('/mine-borgere?kunVarsler=ja&varsel=who5_lav');
    expect(filtered.body).not.toContain(`data-participant="${womanId}"`);
    const page = await s.get(`/deltagere/${womanId}/maalinger`);
    expect(page.body).toMatch(/fra 20 .* til 80 .* ændring \+60/);
  });

  it('deletes a record she entered, with the deleted content in the audit log', async () => {
    const cid = (await srv.t.db.query<{ id: string }>('SELECT id FROM casework_conversation WHERE participant_id = $1', [womanId])).rows[0]
      .id;
    const extra = await s.post(`/deltagere/${womanId}/samtaler`, { date: da(today), kind: 'gruppe' });
    expect(extra.statusCode).toBe(303);
    const confirm = await s.get(`/deltagere/${womanId}/samtaler/${cid}/slet`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Vil du slette <strong>samtalen (individuel samtale)');
    expect((await srv.t.db.query('SELECT 1 FROM casework_conversation WHERE id = $1', [cid])).rows.length).toBe(1);
    const del = await s.post(`/deltagere/${womanId}/samtaler/${cid}/slet`, {});
    expect(del.statusCode).toBe(303);
    expect(del.headers.location).toMatch(new RegExp(`^/deltagere/${womanId}/samtaler\\?gemt=slettet`));
    expect((await srv.t.db.query('SELECT 1 FROM casework_conversation WHERE id = $1', [cid])).rows.length).toBe(0);
    const audit = await srv.t.db.query<{ detail: { id: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'slet' AND entity = 'samtale' AND participant_id = $1`,
      [womanId],
    );
    expect(audit.rows.map((r) => r.detail.id)).toContain(cid);
  });

  it('exits her with a reason and re-enrols her later, keeping the history', async () => {
    const bad = await s.post(`/deltagere/${womanId}/udskriv`, { exitDate: da(today), reason: 'andet', note: '' });
    expectRejected(bad, 'Beskriv årsagen');
    expect((await s.post(`/deltagere/${womanId}/udskriv`, { exitDate: da(today), reason: 'job_ordinaer' })).statusCode).toBe(303);
    let page = await s.get(`/deltagere/${womanId}`);
    expect(page.body).toContain('Job (ordinære vilkår)');
    expect(page.body).not.toContain('data-testid="project-marking"');
    expectRejected(await s.post(`/deltagere/${womanId}/indskriv`, reEnrolment({})), 'overlapper');
    // Not in the project that ended in 2022: only a running project takes new enrolments.
    const tomorrow = addDays(today, 1);
    const intoEnded = await s.post(
      `/deltagere/${womanId}/indskriv`,
      reEnrolment({ projectId: String(ended), enrolmentDate: da(tomorrow) }),
    );
    expectRejected(intoEnded, 'Vælg et projekt, der stadig kører.');
    expect((await s.post(`/deltagere/${womanId}/indskriv`, reEnrolment({ enrolmentDate: da(tomorrow) }))).statusCode).toBe(303);
    page = await s.get(`/deltagere/${womanId}/tidslinje`);
    expect((page.body.match(/Indskrevet i projektet/g) ?? []).length).toBe(2);
    expect(page.body).toContain('Virksomhedspraktik');
  });

  it('audits every read and write of her case', async () => {
    const rows = await srv.t.db.query<{ action: string; entity: string }>(
      `SELECT DISTINCT action, entity FROM audit_log WHERE participant_id = $1 AND username = $2`,
      [womanId, m.caseworker.username],
    );
    const got = rows.rows.map((r) => `${r.action}:${r.entity}`);
    for (const e of [
      'opret:participant',
      'indskriv:enrolment',
      'gem:plan',
      'opret:aktivitet',
      'ret:aktivitet',
      'opret:samtale',
      'slet:samtale',
      'opret:maaling',
      'udskriv:enrolment',
      'vis:forloeb',
      'vis:participant',
      'soeg_cpr:participant',
    ]) {
      expect(got, e).toContain(e);
    }
    const list = await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'liste' AND entity = 'mine_borgere' AND username = $1`, [
      m.caseworker.username,
    ]);
    expect(list.rows.length).toBeGreaterThan(0);
  });

  it('saves nothing half: a failure in the history write rolls back the plan change and its audit', async () => {
    const before = await jobGoal();
    const audits = async () =>
      (
        await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE participant_id = $1 AND action = 'gem'`, [
          womanId,
        ])
      ).rows[0].n;
    const n = await audits();
    await srv.t.db
      .exec(`CREATE FUNCTION casework_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test failure'; END $$;
      CREATE TRIGGER casework_test_fail BEFORE INSERT ON casework_plan_change FOR EACH ROW EXECUTE FUNCTION casework_test_fail();`);
    try {
      const res = await s.post(`/deltagere/${womanId}/plan`, {
        jobGoal: 'Noget helt andet',
        'abcStrategy.a': 'A',
        'abcStrategy.b': 'B',
        'abcStrategy.c': 'C',
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await srv.t.db.exec('DROP TRIGGER casework_test_fail ON casework_plan_change; DROP FUNCTION casework_test_fail();');
    }
    expect(await jobGoal()).toBe(before);
    expect(await audits()).toBe(n);
  });
});
