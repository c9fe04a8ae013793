/**
 * The company register (issue 14) end to end: demo placements' CVR numbers became companies
 * (shared within a jobcentre), a company is created with a checked CVR number, a placement with
 * a new CVR number makes a company, the company page shows the women there now and is closed to
 * another jobcentre, contact people and contacts are logged and deleted (audited), the
 * follow-up after hiring raises an alert that recording it clears, and Styring's company counts
 * equal hand counts on the demo data. The caseworker, her woman and "another jobcentre" are fresh
 * municipalities' (test/helpers/world.ts); the demo is read for its own placements and Styring's counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cvrMod11Ok } from '../src/domain/cvr.ts';
import { HIRING_TYPES } from '../src/domain/companies.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { companySteering } from '../src/app/companies/companies.ts';
import { listMyCaseload } from '../src/app/casework/list-my-caseload.ts';
import { loadActor } from '../src/db/users.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';
import { createAgency, createMunicipality, type TestMunicipality, type TestUser } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const cvrs = (from: number, n: number) => {
  const out: string[] = [];
  for (let x = from; out.length < n; x++) if (cvrMod11Ok(String(x))) out.push(String(x));
  return out;
};

describe.each(backends())('company register on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  const today = todayInDenmark();
  const [newCvr, placementCvr] = cvrs(42000000, 2);
  let womanId = '';
  let companyId = '';
  const w = {} as { m: TestMunicipality; other: TestMunicipality; agencyAnalyst: TestUser };

  beforeAll(async () => {
    w.m = await createMunicipality(srv.t.db, { women: 1 });
    w.other = await createMunicipality(srv.t.db, { women: 1 });
    w.agencyAnalyst = (await createAgency(srv.t.db)).analyst;
    s = await loginAs(srv.app, w.m.caseworker.username);
    womanId = w.m.women[0].id;
  });

  it('linked every demo placement with a CVR number to a company of its own jobcentre, one company per CVR number and jobcentre', async () => {
    const unlinked = (
      await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM casework_activity WHERE cvr IS NOT NULL AND company_id IS NULL`)
    ).rows[0].n;
    expect(unlinked).toBe(0);
    const mismatched = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM casework_activity a JOIN company c ON c.id = a.company_id
       WHERE c.cvr <> a.cvr OR NOT EXISTS (SELECT 1 FROM organisation_municipality o1 JOIN organisation_municipality o2 USING (organisation_id)
         WHERE o1.municipality_code = a.municipality_code AND o2.municipality_code = c.municipality_code)`,
      )
    ).rows[0].n;
    expect(mismatched).toBe(0);
    const perJobcentre = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT o.organisation_id, c.cvr FROM company c JOIN organisation_municipality o ON o.municipality_code = c.municipality_code
       JOIN organisation g ON g.id = o.organisation_id AND g.kind = 'jobcenter' GROUP BY 1, 2 HAVING count(*) > 1) x`,
      )
    ).rows[0].n;
    expect(perJobcentre).toBe(0);
    expect((await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM company')).rows[0].n).toBeGreaterThan(8);
  });

  it('refuses a company with a bad CVR number or no name in Danish, keeps what was typed, and creates it when correct', async () => {
    const bad = await s.post('/virksomheder/ny', { cvr: '12345678', name: '' });
    expectRejected(bad, 'kontrolcifferet passer ikke', 'Angiv virksomhedens navn.', 'value="12345678"');
    const ok = await s.post('/virksomheder/ny', { cvr: `DK ${newCvr}`, name: 'Testvirksomheden ApS', industry: 'Rengøring' });
    expect(ok.statusCode).toBe(303);
    companyId = /\/virksomheder\/([0-9a-f-]{36})/.exec(ok.headers.location as string)![1];
    const again = await s.post('/virksomheder/ny', { cvr: newCvr, name: 'Dublet' });
    expectRejected(again, 'allerede registreret som Testvirksomheden ApS');
    const list = await s.get('/virksomheder');
    expect(list.body).toContain('Testvirksomheden ApS');
    const audit = (
      await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'virksomhed' AND action = 'opret'`)
    ).rows[0].n;
    expect(audit).toBe(1);
  });

  it('makes a company from a placement with a new CVR number and shows her on its page as a current woman', async () => {
    const placement = {
      typeKey: 'virksomhedspraktik',
      provider: 'Ny Praktikplads A/S',
      cvr: placementCvr,
      startDate: da(addDays(today, -10)),
      endDate: '',
      hoursPerWeek: '15',
      status: 'i_gang',
    };
    // Her consent on the placement is asked: without it nothing is saved.
    const without = await s.post(`/deltagere/${womanId}/aktiviteter`, placement);
    expectRejected(without, 'Angiv om virksomheden må få oplysninger om hende.');
    expect((await srv.t.db.query(`SELECT 1 FROM company WHERE cvr = $1`, [placementCvr])).rows).toHaveLength(0);
    const res = await s.post(`/deltagere/${womanId}/aktiviteter`, { ...placement, companyConsent: 'navn' });
    expect(res.statusCode).toBe(303);
    const c = (await srv.t.db.query<{ id: string; name: string }>(`SELECT id, name FROM company WHERE cvr = $1`, [placementCvr])).rows;
    expect(c).toHaveLength(1);
    expect(c[0].name).toBe('Ny Praktikplads A/S');
    const page = await s.get(`/virksomheder/${c[0].id}`);
    expect(page.statusCode).toBe(200);
    const name = (
      await srv.t.db.query<{ n: string }>(`SELECT first_name || ' ' || last_name AS n FROM participant WHERE id = $1`, [womanId])
    ).rows[0].n;
    expect(page.body).toMatch(new RegExp(`data-testid="current-women">[\\s\\S]*${name}`));
    const seen = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'virksomhed_placering' AND participant_id = $1`,
        [womanId],
      )
    ).rows[0].n;
    expect(seen).toBeGreaterThan(0);
    // Her page (the Aktiviteter section) links the placement to its company.
    expect((await s.get(`/deltagere/${womanId}/aktiviteter`)).body).toContain(`href="/virksomheder/${c[0].id}"`);
  });

  it('is closed to another jobcentre: Aarhus gets 404 for an Aalborg company and its forms, and nothing changes', async () => {
    const other = await loginAs(srv.app, w.other.caseworker.username);
    expect((await other.get(`/virksomheder/${companyId}`)).statusCode).toBe(404);
    expect((await other.post(`/virksomheder/${companyId}/ret`, { name: 'Overtaget' })).statusCode).toBe(404);
    expect((await other.post(`/virksomheder/${companyId}/kontaktpersoner`, { name: 'Fremmed' })).statusCode).toBe(404);
    expect((await other.get('/virksomheder')).body).not.toContain('Testvirksomheden ApS');
    expect((await srv.t.db.query<{ name: string }>('SELECT name FROM company WHERE id = $1', [companyId])).rows[0].name).toBe(
      'Testvirksomheden ApS',
    );
    const analyst = await loginAs(srv.app, w.agencyAnalyst.username);
    expect((await analyst.get('/virksomheder')).statusCode).toBe(403);
  });

  it('is one company for both municipalities of a jobcentre, and its page names a woman only with her consent on the placement', async () => {
    const ef = await loginAs(srv.app, 'sagsbehandler.esbjerg-fanoe');
    const [sharedCvr] = cvrs(42500000, 1);
    const woman = async (code: string) =>
      (
        await srv.t.db.query<{ id: string; name: string }>(
          `SELECT id, first_name || ' ' || last_name AS name FROM participant WHERE municipality_code = $1 ORDER BY id LIMIT 1`,
          [code],
        )
      ).rows[0];
    const esbjerg = await woman('561');
    const fanoe = await woman('563');
    /** The wage-subsidy placement at the shared company, with her consent `consent` (a new one, or a correction's form). */
    const placement = (consent: string) => ({
      typeKey: 'loentimer',
      provider: 'Havnens Fiskehus ApS',
      cvr: sharedCvr,
      startDate: da(addDays(today, -20)),
      endDate: '',
      hoursPerWeek: '12',
      status: 'i_gang',
      companyConsent: consent,
    });
    const place = (id: string, consent: string) => ef.post(`/deltagere/${id}/aktiviteter`, placement(consent));
    expect((await place(esbjerg.id, 'navn')).statusCode).toBe(303);
    expect((await place(fanoe.id, 'ingen')).statusCode).toBe(303);
    // Shared within the jobcentre: one company for the CVR number, both placements on it.
    const companies = (await srv.t.db.query<{ id: string }>('SELECT id FROM company WHERE cvr = $1', [sharedCvr])).rows;
    expect(companies).toHaveLength(1);
    const page = await ef.get(`/virksomheder/${companies[0].id}`);
    expect(page.statusCode).toBe(200);
    const current = page.body.match(/data-testid="current-women">([\s\S]*?)<\/ul>/)?.[1] ?? '';
    expect(current).toContain(esbjerg.name);
    expect(current).toContain(`href="/deltagere/${esbjerg.id}"`);
    // She said no: the page shows a placement without her name, her link or any trace of her id.
    expect(current).toContain('Borger uden samtykke');
    expect(page.body).not.toContain(fanoe.name);
    expect(page.body).not.toContain(fanoe.id);
    // Her hiring is followed up with her, not with the company.
    expect(page.body).toContain('1 ansættelse uden samtykke til, at virksomheden får oplysninger om hende');
    expect(page.body).toMatch(new RegExp(`data-testid="follow-up">[\\s\\S]*${esbjerg.name}`));
    // Both reads are audited on the woman, saying whether she was named.
    const seen = (
      await srv.t.db.query<{ pid: string; named: boolean }>(
        `SELECT participant_id AS pid, (detail->>'named')::boolean AS named FROM audit_log
         WHERE entity = 'virksomhed_placering' AND detail->>'companyId' = $1 ORDER BY id`,
        [companies[0].id],
      )
    ).rows;
    expect(seen).toEqual(
      expect.arrayContaining([
        { pid: esbjerg.id, named: true },
        { pid: fanoe.id, named: false },
      ]),
    );
    // Her page says what the company may be told; a correction to yes names her on the company page.
    expect((await ef.get(`/deltagere/${fanoe.id}/aktiviteter`)).body).toContain('intet samtykke: virksomheden får intet at vide');
    const aid = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM casework_activity WHERE participant_id = $1 AND cvr = $2', [fanoe.id, sharedCvr])
    ).rows[0].id;
    const corrected = await ef.post(`/deltagere/${fanoe.id}/aktiviteter/${aid}`, placement('navn'));
    expect(corrected.statusCode).toBe(303);
    const after = await ef.get(`/virksomheder/${companies[0].id}`);
    expect(after.body).toContain(fanoe.name);
    expect(after.body).not.toContain('Borger uden samtykke');
  });

  it('adds a contact person (bad e-mail refused in Danish), logs a visit (no future date), and deletes both, audited', async () => {
    const bad = await s.post(`/virksomheder/${companyId}/kontaktpersoner`, { name: 'Mette Holm', email: 'ikke-en-mail' });
    expectRejected(bad, 'Skriv en e-mailadresse som navn@virksomhed.dk.');
    expect(
      (
        await s.post(`/virksomheder/${companyId}/kontaktpersoner`, {
          name: 'Mette Holm',
          title: 'Driftsleder',
          email: 'mh@test.dk',
          phone: '98 12 34 56',
        })
      ).statusCode,
    ).toBe(303);
    const future = await s.post(`/virksomheder/${companyId}/kontakter`, { occurredOn: da(addDays(today, 3)), kind: 'besoeg' });
    expectRejected(future, 'Datoen kan ikke ligge i fremtiden.');
    expect(
      (await s.post(`/virksomheder/${companyId}/kontakter`, { occurredOn: da(today), kind: 'besoeg', note: 'Rundvisning' })).statusCode,
    ).toBe(303);
    const page = (await s.get(`/virksomheder/${companyId}`)).body;
    expect(page).toContain('Mette Holm, Driftsleder');
    expect(page).toContain('Rundvisning');
    const pid = (await srv.t.db.query<{ id: string }>('SELECT id FROM company_contact_person WHERE company_id = $1', [companyId])).rows[0]
      .id;
    const kid = (await srv.t.db.query<{ id: string }>('SELECT id FROM company_contact WHERE company_id = $1', [companyId])).rows[0].id;
    expect((await s.post(`/virksomheder/${companyId}/kontaktpersoner/${pid}/slet`, {})).statusCode).toBe(303);
    expect((await s.post(`/virksomheder/${companyId}/kontakter/${kid}/slet`, {})).statusCode).toBe(303);
    expect(
      (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM company_contact_person WHERE company_id = $1', [companyId]))
        .rows[0].n,
    ).toBe(0);
    const deletions = (
      await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'virksomhed' AND action = 'slet'`)
    ).rows[0].n;
    expect(deletions).toBe(2);
    // A company without placements may be deleted; one with placements may not.
    const used = (await srv.t.db.query<{ id: string }>('SELECT id FROM company WHERE cvr = $1', [placementCvr])).rows[0].id;
    expect((await s.post(`/virksomheder/${used}/slet`, {})).statusCode).toBe(409);
    expect((await s.post(`/virksomheder/${companyId}/slet`, {})).statusCode).toBe(303);
  });

  it('raises a follow-up alert for a hiring whose 1-month check is overdue; recording it clears the alert; bad input is refused', async () => {
    const start = addDays(addMonths(today, -1), -20);
    expect(
      (
        await s.post(`/deltagere/${womanId}/aktiviteter`, {
          typeKey: 'loentimer',
          provider: 'Ny Praktikplads A/S',
          cvr: placementCvr,
          companyConsent: 'navn',
          startDate: da(start),
          endDate: '',
          hoursPerWeek: '12',
          status: 'i_gang',
        })
      ).statusCode,
    ).toBe(303);
    const aid = (
      await srv.t.db.query<{ id: string }>(
        `SELECT id FROM casework_activity WHERE participant_id = $1 AND type_key = 'loentimer' AND start_date = $2`,
        [womanId, start],
      )
    ).rows[0].id;
    // The follow-up is on her company consultant's worklist when she has one (build 2), else her caseworker's.
    const uid = (
      await srv.t.db.query<{ id: number }>(
        `SELECT coalesce((SELECT consultant_id FROM company_consultant_change WHERE participant_id = $1 AND from_date <= current_date
                        ORDER BY from_date DESC, created_at DESC LIMIT 1), $2::int) AS id`,
        [womanId, w.m.caseworker.id],
      )
    ).rows[0].id;
    const actor = (await loadActor(srv.t.db, uid, '127.0.0.1'))!;
    const alertsOf = async () =>
      (await listMyCaseload(srv.t.db, actor)).rows
        .find((r) => r.participantId === womanId)!
        .alerts.filter((a) => a.code === 'ansaettelse_opfoelgning');
    const before = await alertsOf();
    expect(before.map((a) => a.severity)).toContain('kritisk');
    expect(before.find((a) => a.severity === 'kritisk')!.message).toMatch(/Opfølgning 1 måned efter ansættelsen/);

    const form = await s.get(`/deltagere/${womanId}/aktiviteter/${aid}/opfoelgning`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Er ');
    const bad = await s.post(`/deltagere/${womanId}/aktiviteter/${aid}/opfoelgning`, {
      checkpointMonths: '1',
      checkedOn: da(addDays(start, -1)),
    });
    expectRejected(bad, 'Opfølgningen kan ikke ligge før ansættelsen begyndte', 'Svar om hun stadig er ansat.');
    const ok = await s.post(`/deltagere/${womanId}/aktiviteter/${aid}/opfoelgning`, {
      checkpointMonths: '1',
      checkedOn: da(today),
      stillEmployed: 'ja',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/virksomheder\/[0-9a-f-]{36}\?gemt=opfoelgning/);
    expect(await alertsOf()).toEqual([]);
    // A practice placement is not a hiring: no follow-up form.
    const praktik = (
      await srv.t.db.query<{ id: string }>(
        `SELECT id FROM casework_activity WHERE participant_id = $1 AND type_key = 'virksomhedspraktik' AND cvr = $2`,
        [womanId, placementCvr],
      )
    ).rows[0].id;
    expect((await s.get(`/deltagere/${womanId}/aktiviteter/${praktik}/opfoelgning`)).statusCode).toBe(404);
    // Undo: deleting the follow-up brings the alert back.
    const fid = (await srv.t.db.query<{ id: string }>('SELECT id FROM placement_follow_up WHERE activity_id = $1', [aid])).rows[0].id;
    expect((await s.post(`/deltagere/${womanId}/opfoelgninger/${fid}/slet`, {})).statusCode).toBe(303);
    expect((await alertsOf()).length).toBeGreaterThan(0);
  });

  it('counts active companies and hirings on Styring as a hand count of the demo data does', async () => {
    const uid = (await srv.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'projektleder.aalborg'`)).rows[0].id;
    const actor = (await loadActor(srv.t.db, uid, '127.0.0.1'))!;
    const pid = (await srv.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg-2025'`)).rows[0].id;
    const day = today;
    const facts = await companySteering(srv.t.db, actor, pid, day);
    // By hand, from the rows: the project's women's placements with a company, started by the day.
    const rows = (
      await srv.t.db.query<{ id: string; company: string; type: string; start: string; end: string | null; status: string }>(
        `SELECT a.id, a.company_id AS company, a.type_key AS type, to_char(a.start_date, 'YYYY-MM-DD') AS start, to_char(a.end_date, 'YYYY-MM-DD') AS "end", a.status
       FROM casework_activity a WHERE a.company_id IS NOT NULL AND a.participant_id IN (SELECT participant_id FROM enrolment WHERE project_id = $1)`,
        [pid],
      )
    ).rows.filter((r) => r.start <= day);
    const follow = (
      await srv.t.db.query<{ activity: string; still: boolean }>(
        `SELECT activity_id AS activity, still_employed AS still FROM placement_follow_up WHERE checkpoint_months = 6`,
      )
    ).rows;
    const hires = rows.filter((r) => HIRING_TYPES.includes(r.type));
    const hireIds = new Set(hires.map((r) => r.id));
    expect(facts.activeCompanies).toBe(
      new Set(rows.filter((r) => (r.end === null || r.end >= day) && r.status !== 'afbrudt').map((r) => r.company)).size,
    );
    expect(facts.companiesUsed).toBe(new Set(rows.map((r) => r.company)).size);
    expect(facts.hirings).toBe(hires.length);
    expect(facts.answeredAt6).toBe(follow.filter((f) => hireIds.has(f.activity)).length);
    expect(facts.stillAt6).toBe(follow.filter((f) => hireIds.has(f.activity) && f.still).length);
    expect(facts.activeCompanies).toBeGreaterThan(0);
    expect(facts.hirings).toBeGreaterThan(0);
    const pl = await loginAs(srv.app, 'projektleder.aalborg');
    const styring = await pl.get('/styring');
    expect(styring.statusCode).toBe(200);
    expect(styring.body).toContain('Virksomhedssamarbejde');
  });
});
