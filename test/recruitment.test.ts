/**
 * Issue 13, build 1 over HTTP: the gross group and outreach. A candidate list with a bad row is
 * refused with the line named and nothing saved, then imported skipping the bad row; a second
 * list marks who is new since the first (a woman who was on neither before, and one who left and
 * came back); a candidate is added by hand; outreach is logged with Danish errors for bad input;
 * "Indskriv" opens the enrolment pre-filled and links her; Aarhus cannot see or change Aalborg's
 * candidates (and the attempt is audited); reads and writes are audited; a project leader exports
 * and erases a candidate; the retention job erases candidates never enrolled after the period.
 * "Aalborg" is a fresh municipality with its own project and users and "Aarhus" a second one
 * (test/helpers/world.ts); the project starts without candidates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCpr, makeCpr } from '../src/core/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { runCandidateRetention } from '../src/app/recruitment/candidate-retention.ts';
import { backends, countRows } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, multipart, type Session } from './helpers/http.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.each(backends())('gross group and outreach on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  let leader: Session;
  let other: Session;
  let project = 0;
  let m: TestMunicipality;
  let elsewhere: TestMunicipality;
  const cprA = makeCpr('1988-03-14', 'K', 4411);
  const cprB = makeCpr('1991-07-02', 'K', 4412);
  const cprC = makeCpr('1979-11-23', 'K', 4413);
  const cprD = makeCpr('1995-01-30', 'K', 4414);
  const today = todayInDenmark();

  const upload = (sess: Session, csv: string, fields: Record<string, string> = {}) => {
    const m = multipart({ projectId: String(project), ...fields }, { name: 'kandidater.csv', bytes: Buffer.from(csv, 'utf8') });
    return srv.app.inject({
      method: 'POST',
      url: `/kandidater/import?_csrf=${encodeURIComponent(sess.csrf)}`,
      headers: { cookie: sess.cookie, 'content-type': m.type },
      payload: m.body,
    });
  };
  const candidates = async () =>
    (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM recruitment_candidate WHERE project_id = $1', [project])).rows[0]
      .n;
  const idOf = async (name: string) =>
    (await srv.t.db.query<{ id: string }>('SELECT id FROM recruitment_candidate WHERE name = $1', [name])).rows[0].id;

  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 1 });
    elsewhere = await createMunicipality(srv.t.db, { women: 1 });
    s = await loginAs(srv.app, m.caseworker.username);
    leader = await loginAs(srv.app, m.leader.username);
    other = await loginAs(srv.app, elsewhere.caseworker.username);
    project = m.projectId;
  });

  it('refuses a list with a bad row, naming the line, and saves nothing; skipping bad rows imports the rest', async () => {
    const csv = `cpr;navn;ydelse;oprindelse\n${formatCpr(cprA)};Amina Testkandidat;Kontanthjælp;Somalia\n1234;Bina Fejlrække;Kontanthjælp;Irak\n${cprB};Capri Testkandidat;Selvforsørgende;SY\n`;
    const refused = await upload(s, csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Intet er gemt');
    expect(refused.body).toMatch(/Linje 3: «1234» i kolonnen «cpr»/);
    expect(refused.body).toContain('springe fejlrækkerne over');
    expect(await candidates()).toBe(0);

    const ok = await upload(s, csv, { skipBadRows: 'on' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('2 kvinder, heraf 2 nye på listen. 1 rækker med fejl er sprunget over.');
    expect(await candidates()).toBe(2);
    const list = (
      await srv.t.db.query<{ rows_skipped: number }>('SELECT rows_skipped FROM recruitment_list WHERE project_id = $1', [project])
    ).rows;
    expect(list).toEqual([{ rows_skipped: 1 }]);
    // The CPR number is stored encrypted and hashed, never in clear.
    const stored = (
      await srv.t.db.query<{ r: string }>('SELECT to_jsonb(c)::text AS r FROM recruitment_candidate c WHERE project_id = $1', [project])
    ).rows
      .map((r) => r.r)
      .join();
    expect(stored).not.toContain(cprA);
  });

  it('a file-level fault (no cpr column) is refused with a Danish message', async () => {
    const res = await upload(s, 'navn;ydelse\nAmina;x\n');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('kolonnen «cpr» mangler');
  });

  it('a new list marks who is new since the last one, including a woman who comes back', async () => {
    // List 2: B stays, C is new, A has left. List 3: A comes back (new again), C stays.
    expect((await upload(s, `cpr,navn\n${cprB},Capri Testkandidat\n${cprC},Dalia Testkandidat\n`)).statusCode).toBe(200);
    const third = await upload(s, `cpr\tnavn\n${cprA}\tAmina Testkandidat\n${cprC}\tDalia Testkandidat\n`);
    expect(third.body).toContain('2 kvinder, heraf 1 nye på listen.');
    const page = (await s.get(`/kandidater?projekt=${project}`)).body;
    const row = (name: string) =>
      new RegExp(`<tr data-candidate="[^"]+">\\s*<td><a[^>]*>${name}</a>([^<]*<span[^>]*>[^<]*</span>)*`).exec(page)?.[0] ?? '';
    expect(row('Amina Testkandidat')).toContain('Ny på listen');
    expect(row('Dalia Testkandidat')).not.toContain('Ny på listen');
    expect(row('Capri Testkandidat')).not.toContain('Ny på listen');
    expect(await candidates()).toBe(3);
  });

  it('adds a candidate by hand, with Danish errors for bad input and a duplicate', async () => {
    const bad = await s.post('/kandidater', { projectId: String(project), cpr: '12', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Angiv navn.');
    const dup = await s.post('/kandidater', { projectId: String(project), cpr: cprA, name: 'Amina igen' });
    expect(dup.body).toContain('Kvinden står allerede på projektets kandidatliste.');
    const ok = await s.post('/kandidater', {
      projectId: String(project),
      cpr: cprD,
      name: 'Elif Håndkandidat',
      benefit: 'Kontanthjælp',
      origin: 'Tyrkiet',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/kandidater\/[0-9a-f-]{36}\?gemt=kandidat$/);
  });

  it('logs outreach with its channel and a decline with a reason; bad input gets Danish errors; all audited', async () => {
    const id = await idOf('Capri Testkandidat');
    const missing = await s.post(`/kandidater/${id}/opsoegning`, { kind: 'kontakt', occurredOn: da(today) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Vælg hvordan hun blev kontaktet.');
    const other = await s.post(`/kandidater/${id}/opsoegning`, { kind: 'afslag', occurredOn: da(today), declineReason: 'andet' });
    expect(other.body).toContain('Skriv årsagen i bemærkningen');
    await contactedAndDeclined(id);
    const page = (await s.get(`/kandidater/${id}`)).body;
    expect(page).toContain('Moské eller forening');
    expect(page).toContain('Mangler børnepasning');
    expect(page).toMatch(/data-testid="candidate-stage">Takkede nej</);
    const audit = (
      await srv.t.db.query<{ action: string; entity: string }>(
        `SELECT action, entity FROM audit_log WHERE detail->>'candidateId' = $1 ORDER BY id`,
        [id],
      )
    ).rows;
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'opret', entity: 'opsoegning' },
        { action: 'vis', entity: 'kandidat' },
      ]),
    );
  });

  /** Log two steps on candidate `id` today: contacted through a mosque or association, then she declined (no childcare). */
  async function contactedAndDeclined(id: string) {
    expect(
      (await s.post(`/kandidater/${id}/opsoegning`, { kind: 'kontakt', occurredOn: da(today), channel: 'moske_forening' })).statusCode,
    ).toBe(303);
    expect(
      (await s.post(`/kandidater/${id}/opsoegning`, { kind: 'afslag', occurredOn: da(today), declineReason: 'boernepasning' })).statusCode,
    ).toBe(303);
  }

  it('corrects and deletes a logged step, each with a reason; audited with before, after and why; other municipalities get 404', async () => {
    const id = await idOf('Elif Håndkandidat');
    await contactedAndDeclined(id);
    const steps = async () =>
      (
        await srv.t.db.query<{ id: string; kind: string; decline_reason: string | null; channel: string | null }>(
          'SELECT id, kind, decline_reason, channel FROM recruitment_outreach WHERE candidate_id = $1 ORDER BY occurred_on, created_at',
          [id],
        )
      ).rows;
    const [contact, decline] = await steps();
    expect([contact.kind, decline.kind]).toEqual(['kontakt', 'afslag']);
    // The log links to both, and the correction form comes filled with what was logged.
    const page = (await s.get(`/kandidater/${id}`)).body;
    expect(page).toContain(`href="/kandidater/${id}/opsoegning/${decline.id}"`);
    expect(page).toContain(`href="/kandidater/${id}/opsoegning/${contact.id}/slet"`);
    const form = (await s.get(`/kandidater/${id}/opsoegning/${decline.id}`)).body;
    expect(form).toMatch(/<option value="boernepasning" selected>/);

    /** The decline corrected to «helbred» by `who`, with `correctionReason`. */
    const correct = (who: Session, correctionReason: string) =>
      who.post(`/kandidater/${id}/opsoegning/${decline.id}`, {
        kind: 'afslag',
        occurredOn: da(today),
        declineReason: 'helbred',
        correctionReason,
      });
    // Without a reason: a Danish error, what was typed kept, nothing changed.
    const noReason = await correct(s, ' ');
    expectRejected(noReason, 'Skriv hvorfor du retter eller sletter opsøgningen.');
    expect(noReason.body).toMatch(/<option value="helbred" selected>/);
    expect((await steps())[1].decline_reason).toBe('boernepasning');
    // Another municipality neither sees nor changes it.
    for (const url of [`/kandidater/${id}/opsoegning/${decline.id}`, `/kandidater/${id}/opsoegning/${decline.id}/slet`])
      expect((await other.get(url)).statusCode).toBe(404);
    expect((await correct(other, 'x')).statusCode).toBe(404);
    expect((await other.post(`/kandidater/${id}/opsoegning/${contact.id}/slet`, { correctionReason: 'x' })).statusCode).toBe(404);
    expect((await steps()).length).toBe(2);

    const ok = await correct(s, 'Forkert årsag valgt');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/kandidater/${id}?gemt=opsoegning_rettet`);
    expect((await steps())[1].decline_reason).toBe('helbred');
    expect((await s.get(String(ok.headers.location))).body).toContain('Opsøgningen er rettet.');

    expect((await s.post(`/kandidater/${id}/opsoegning/${contact.id}/slet`, {})).statusCode).toBe(400);
    const del = await s.post(`/kandidater/${id}/opsoegning/${contact.id}/slet`, { correctionReason: 'Registreret på den forkerte kvinde' });
    expect(del.statusCode).toBe(303);
    expect((await steps()).map((x) => x.kind)).toEqual(['afslag']);

    const audit = (
      await srv.t.db.query<{ action: string; detail: Record<string, unknown> }>(
        `SELECT action, detail FROM audit_log WHERE entity = 'opsoegning' AND action IN ('ret', 'slet') AND detail->>'candidateId' = $1 ORDER BY id`,
        [id],
      )
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['ret', 'slet']);
    expect(audit[0].detail).toMatchObject({
      outreachId: decline.id,
      before: { declineReason: 'boernepasning' },
      after: { declineReason: 'helbred' },
      reason: 'Forkert årsag valgt',
    });
    expect(audit[1].detail).toMatchObject({
      outreachId: contact.id,
      deleted: { kind: 'kontakt', channel: 'moske_forening' },
      reason: 'Registreret på den forkerte kvinde',
    });
  });

  it('"Indskriv" opens the enrolment pre-filled and links her candidate record to her case', async () => {
    const id = await idOf('Amina Testkandidat');
    await s.post(`/kandidater/${id}/opsoegning`, { kind: 'kontakt', occurredOn: da(today), channel: 'rollemodel' });
    await s.post(`/kandidater/${id}/opsoegning`, { kind: 'deltog', occurredOn: da(today) });
    const form = await s.get(`/kandidater/${id}/indskriv`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="kandidat" value="${id}"`);
    expect(form.body).toContain(`value="${formatCpr(cprA)}"`);
    expect(form.body).toMatch(/name="firstName"[^>]*value="Amina"/);
    expect(form.body).toMatch(/<option value="SO" selected>/);
    expect(form.body).toMatch(/<option value="rollemodel" selected>/);
    const cw = m.caseworker.id;
    const res = await s.post('/indskrivning', {
      kandidat: id,
      cpr: formatCpr(cprA),
      firstName: 'Amina',
      lastName: 'Testkandidat',
      countryOfOrigin: 'SO',
      projectId: String(project),
      enrolmentDate: da(today),
      visitation: 'aktivitetsparat',
      recruitmentChannel: 'rollemodel',
      caseworkerId: String(cw),
    });
    expect(res.statusCode).toBe(303);
    const her = /\/deltagere\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
    const c = (await srv.t.db.query<{ participant_id: string }>('SELECT participant_id FROM recruitment_candidate WHERE id = $1', [id]))
      .rows[0];
    expect(c.participant_id).toBe(her);
    const steps = (
      await srv.t.db.query<{ kind: string; participant_id: string }>(
        'SELECT kind, participant_id FROM recruitment_outreach WHERE candidate_id = $1 ORDER BY created_at',
        [id],
      )
    ).rows;
    expect(steps.map((x) => x.kind)).toEqual(['kontakt', 'deltog', 'indskrevet']);
    expect(steps.every((x) => x.participant_id === her)).toBe(true);
    expect((await s.get(`/kandidater/${id}`)).body).toMatch(/data-testid="candidate-stage">Indskrevet</);
    // A second "Indskriv" goes to her case.
    expect((await s.get(`/kandidater/${id}/indskriv`)).headers.location).toBe(`/deltagere/${her}`);
  });

  it("refuses to link a candidate whose CPR number is not the enrolled woman's (nothing saved)", async () => {
    const id = await idOf('Dalia Testkandidat');
    const cw = m.caseworker.id;
    const before = await countRows(srv.t.db, 'participant');
    const res = await s.post('/indskrivning', {
      kandidat: id,
      cpr: makeCpr('1990-02-02', 'K', 4499),
      firstName: 'Forkert',
      lastName: 'Kvinde',
      countryOfOrigin: 'SO',
      projectId: String(project),
      enrolmentDate: da(today),
      visitation: 'jobparat',
      recruitmentChannel: 'jobcenter',
      caseworkerId: String(cw),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('CPR-nummeret er et andet end kandidatens');
    expect(await countRows(srv.t.db, 'participant')).toBe(before);
  });

  it("another municipality cannot see, change, enrol or export Aalborg's candidates; the attempt is audited", async () => {
    const id = await idOf('Dalia Testkandidat');
    const list = (await other.get('/kandidater')).body;
    expect(list).not.toContain('Testkandidat');
    expect((await other.get(`/kandidater/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/kandidater/${id}/indskriv`)).statusCode).toBe(404);
    expect(
      (await other.post(`/kandidater/${id}/opsoegning`, { kind: 'kontakt', occurredOn: da(today), channel: 'telefon' })).statusCode,
    ).toBe(404);
    const aarhusLeader = await loginAs(srv.app, elsewhere.leader.username);
    expect((await aarhusLeader.get(`/kandidater/${id}/indsigt.json`)).statusCode).toBe(404);
    expect((await aarhusLeader.post(`/kandidater/${id}/slet`, {})).statusCode).toBe(404);
    expect(await countRows(srv.t.db, 'recruitment_outreach WHERE candidate_id = $1', [id])).toBe(0);
    const denied = await countRows(
      srv.t.db,
      `audit_log WHERE action = 'adgang_naegtet' AND entity = 'kandidat' AND detail->>'candidateId' = $1`,
      [id],
    );
    expect(denied).toBeGreaterThanOrEqual(4);
    // A caseworker may not export or erase (the project leader answers for the data).
    expect((await s.get(`/kandidater/${id}/indsigt.json`)).statusCode).toBe(403);
  });

  it("a project leader exports a candidate's data and erases her with her outreach", async () => {
    const id = await idOf('Capri Testkandidat');
    const exp = await leader.get(`/kandidater/${id}/indsigt.json`);
    expect(exp.statusCode).toBe(200);
    const data = JSON.parse(exp.body);
    expect(data.cpr).toBe(cprB);
    expect(data.outreach.map((o: { kind: string }) => o.kind)).toEqual(['kontakt', 'afslag']);
    expect(data.lists.length).toBe(2);
    const del = await leader.post(`/kandidater/${id}/slet`, {});
    expect(del.statusCode).toBe(303);
    expect(await countRows(srv.t.db, 'recruitment_outreach WHERE candidate_id = $1', [id])).toBe(0);
    expect(await countRows(srv.t.db, 'recruitment_candidate WHERE id = $1', [id])).toBe(0);
    expect(
      await countRows(srv.t.db, `audit_log WHERE action = 'slettet' AND entity = 'kandidat' AND detail->>'candidateId' = $1`, [id]),
    ).toBe(1);
  });

  it("the retention job erases candidates never enrolled after the project's period, and keeps enrolled ones", async () => {
    const months = 6;
    expect((await leader.post('/kandidater/indstillinger', { projectId: String(project), retentionMonths: 'tolv' })).body).toContain(
      'Skriv et helt antal måneder fra 1 til 60.',
    );
    expect(
      (await leader.post('/kandidater/indstillinger', { projectId: String(project), retentionMonths: String(months) })).statusCode,
    ).toBe(303);
    const dalia = await idOf('Dalia Testkandidat');
    const elif = await idOf('Elif Håndkandidat');
    const amina = await idOf('Amina Testkandidat');
    // The demo's candidates (other projects, long past their period) are kept out of this count.
    await srv.t.db.query(`UPDATE recruitment_candidate SET last_listed_on = current_date WHERE project_id <> $1`, [project]);
    // Dalia was last listed 7 months ago; Elif 5 months ago; Amina (enrolled) 2 years ago.
    await srv.t.db.query(`UPDATE recruitment_candidate SET last_listed_on = current_date - interval '7 months' WHERE id = $1`, [dalia]);
    await srv.t.db.query(`UPDATE recruitment_candidate SET last_listed_on = current_date - interval '5 months' WHERE id = $1`, [elif]);
    await srv.t.db.query(`UPDATE recruitment_candidate SET last_listed_on = current_date - interval '2 years' WHERE id = $1`, [amina]);
    await srv.t.db.query(`UPDATE recruitment_outreach SET occurred_on = current_date - interval '2 years' WHERE candidate_id = $1`, [
      amina,
    ]);
    const dry = await runCandidateRetention(srv.t.db, { dryRun: true });
    expect(dry.due).toBe(1);
    expect(await candidates()).toBe(3);
    const r = await runCandidateRetention(srv.t.db, { dryRun: false });
    expect(r.erased).toBe(1);
    const left = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM recruitment_candidate WHERE project_id = $1 ORDER BY id', [project])
    ).rows.map((x) => x.id);
    expect(left.sort()).toEqual([amina, elif].sort());
    expect(
      await countRows(srv.t.db, `audit_log WHERE action = 'slettet' AND entity = 'kandidat' AND detail->>'candidateId' = $1`, [dalia]),
    ).toBe(1);
  });
});
