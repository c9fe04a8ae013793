/**
 * The company consultant (issue 14 build 2) end to end: chosen on enrolment, changed later on her
 * page with a history (who, from when), refused in Danish on bad input, audited; her consultant's
 * "Mine borgere" includes her, marked "som virksomhedskonsulent", with the hiring follow-up alert
 * moved from her caseworker's worklist to the consultant's; the company page names the consultant;
 * the demo data assigns consultants as a hand count says. Apart from that demo check, the test runs on
 * a fresh municipality of its own (test/helpers/world.ts) with a consultant added to its jobcentre,
 * and a second fresh municipality as the other jobcentre.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { listMyCaseload } from '../src/app/casework/list-my-caseload.ts';
import { loadActor } from '../src/db/users.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { cvrMod11Ok } from '../src/domain/cvr.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { addUser, createMunicipality, freshCpr, type TestMunicipality, type TestUser } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.each(backends())('company consultant on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  const today = todayInDenmark();
  const enrolled = addMonths(today, -4);
  let womanId = '';
  let m: TestMunicipality;
  let other: TestMunicipality;
  let consultant: TestUser;
  const uid = async (username: string) =>
    (await srv.t.db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [username])).rows[0].id;
  const caseloadOf = async (username: string) => listMyCaseload(srv.t.db, (await loadActor(srv.t.db, await uid(username), '127.0.0.1'))!);

  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 0 });
    other = await createMunicipality(srv.t.db, { women: 0 });
    consultant = await addUser(srv.t.db, m, 'sagsbehandler', 'Virksomhedskonsulent');
    s = await loginAs(srv.app, m.caseworker.username);
    const form = {
      cpr: await freshCpr(srv.t.db, '1988-03-11'),
      firstName: 'Amina',
      lastName: 'Konsulentsen',
      countryOfOrigin: 'SO',
      projectId: String(m.projectId),
      enrolmentDate: da(enrolled),
      visitation: 'jobparat',
      recruitmentChannel: 'jobcenter',
      caseworkerId: String(m.caseworker.id),
    };
    const bad = await s.post('/indskrivning', { ...form, consultantId: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vælg en virksomhedskonsulent fra dit jobcenter');
    const res = await s.post('/indskrivning', { ...form, consultantId: String(consultant.id) });
    expect(res.statusCode).toBe(303);
    womanId = /\/deltagere\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
  });

  it("demo data: every enrolled woman with a placement at a company has a consultant today, and her consultant's list has exactly them", async () => {
    const hand = (
      await srv.t.db.query<{ id: string }>(
        `SELECT DISTINCT e.participant_id AS id FROM enrolment e JOIN casework_activity a ON a.participant_id = e.participant_id AND a.company_id IS NOT NULL
       WHERE e.exited_on IS NULL AND e.municipality_code = '851'
         AND NOT EXISTS (SELECT 1 FROM enrolment e2 WHERE e2.participant_id = e.participant_id AND e2.enrolled_on > e.enrolled_on)`,
      )
    ).rows.map((r) => r.id);
    expect(hand.length).toBeGreaterThan(3);
    const list = await caseloadOf('virksomhedskonsulent.aalborg');
    const mine = list.rows.filter((r) => r.asConsultant).map((r) => r.participantId);
    const enrolledToday = new Set(list.rows.map((r) => r.participantId));
    expect(mine.sort()).toEqual(hand.filter((id) => enrolledToday.has(id)).sort());
    expect(list.rows.every((r) => r.consultantName === 'Virksomhedskonsulent Aalborg')).toBe(true);
    // Some of them had their caseworker as consultant first: a history of two rows.
    const histories = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT participant_id FROM company_consultant_change GROUP BY 1 HAVING count(*) > 1) x`,
      )
    ).rows[0].n;
    expect(histories).toBeGreaterThan(0);
  });

  it('chosen on enrolment: her page names the consultant from the enrolment date, and the consultant\'s "Mine borgere" marks her', async () => {
    const page = (await s.get(`/deltagere/${womanId}`)).body;
    expect(page).toMatch(new RegExp(`data-testid="consultant">Virksomhedskonsulent ${m.name} <span class="meta">\\(fra [^)]+\\)`));
    const k = await loginAs(srv.app, consultant.username);
    const list = await k.get('/mine-borgere?sortering=navn');
    expect(list.statusCode).toBe(200);
    expect(list.body).toMatch(
      new RegExp(`Amina Konsulentsen</a>.*?som virksomhedskonsulent \\(sagsbehandler: Sagsbehandler ${m.name}\\)`, 's'),
    );
    expect((await caseloadOf(m.caseworker.username)).rows.find((r) => r.participantId === womanId)!.asConsultant).toBe(false);
  });

  it('refuses a bad change in Danish, keeps what was typed, and stores nothing', async () => {
    const before = (
      await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM company_consultant_change WHERE participant_id = $1', [womanId])
    ).rows[0].n;
    const none = await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, { consultantId: '', fromDate: '31-02-2026' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Vælg en virksomhedskonsulent, eller &quot;Ingen&quot;.');
    expect(none.body).toContain('31. februar 2026 findes ikke.');
    expect(none.body).toContain('value="31-02-2026"');
    const early = await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, {
      consultantId: String(m.caseworker.id),
      fromDate: da(addDays(enrolled, -1)),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Datoen kan ikke ligge før indskrivningen');
    const same = await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, {
      consultantId: String(consultant.id),
      fromDate: da(today),
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Hun har allerede den virksomhedskonsulent på datoen.');
    const foreign = await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, {
      consultantId: String(other.caseworker.id),
      fromDate: da(today),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('Vælg en virksomhedskonsulent fra dit jobcenter.');
    expect(
      (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM company_consultant_change WHERE participant_id = $1', [womanId]))
        .rows[0].n,
    ).toBe(before);
  });

  it("moves the hiring follow-up alert to the consultant's worklist; a change of consultant moves her and it, with history and audit", async () => {
    const cvr = (() => {
      for (let x = 43100000; ; x++) if (cvrMod11Ok(String(x))) return String(x);
    })();
    expect(
      (
        await s.post(`/deltagere/${womanId}/aktiviteter`, {
          typeKey: 'loentimer',
          provider: 'Konsulentens Kantine ApS',
          cvr,
          companyConsent: 'navn',
          startDate: da(addDays(addMonths(today, -1), -20)),
          endDate: '',
          hoursPerWeek: '15',
          status: 'i_gang',
        })
      ).statusCode,
    ).toBe(303);
    const followUp = (r?: { alerts: { code: string }[] }) => (r?.alerts ?? []).filter((a) => a.code === 'ansaettelse_opfoelgning').length;
    expect(followUp((await caseloadOf(consultant.username)).rows.find((r) => r.participantId === womanId))).toBeGreaterThan(0);
    const asCaseworker = (await caseloadOf(m.caseworker.username)).rows.find((r) => r.participantId === womanId);
    expect(asCaseworker).toBeDefined();
    expect(followUp(asCaseworker)).toBe(0);
    // The project leader sees every alert.
    expect(followUp((await caseloadOf(m.leader.username)).rows.find((r) => r.participantId === womanId))).toBeGreaterThan(0);

    // The company page names her consultant.
    const companyId = (
      await srv.t.db.query<{ id: string }>(`SELECT company_id AS id FROM casework_activity WHERE participant_id = $1 AND cvr = $2`, [
        womanId,
        cvr,
      ])
    ).rows[0].id;
    expect((await s.get(`/virksomheder/${companyId}`)).body).toContain(`Virksomhedskonsulent: Virksomhedskonsulent ${m.name}`);

    // Change: the project leader becomes her consultant from today.
    const pl = m.leader.id;
    const ok = await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, { consultantId: String(pl), fromDate: da(today) });
    expect(ok.statusCode).toBe(303);
    expect((await caseloadOf(consultant.username)).rows.some((r) => r.participantId === womanId)).toBe(false);
    const page = (await s.get(`/deltagere/${womanId}`)).body;
    expect(page).toContain(`data-testid="consultant">Projektleder ${m.name}`);
    const history = /<table[^>]*data-testid="consultant-history">([\s\S]*?)<\/table>/.exec(
      (await s.get(`/deltagere/${womanId}/historik`)).body,
    )![1];
    expect(history.indexOf(`Virksomhedskonsulent ${m.name}`)).toBeGreaterThan(-1);
    expect(history.indexOf(`Projektleder ${m.name}`)).toBeGreaterThan(history.indexOf(`Virksomhedskonsulent ${m.name}`));
    const audit = (
      await srv.t.db.query<{ detail: { to: number } }>(
        `SELECT detail FROM audit_log WHERE entity = 'virksomhedskonsulent' AND action = 'opret' AND participant_id = $1`,
        [womanId],
      )
    ).rows;
    expect(audit.map((a) => a.detail.to)).toEqual([pl]);

    // Correction: deleting the change restores the earlier consultant; ending it leaves none.
    const cid = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM company_consultant_change WHERE participant_id = $1 AND consultant_id = $2', [
        womanId,
        pl,
      ])
    ).rows[0].id;
    expect((await s.post(`/deltagere/${womanId}/virksomhedskonsulenter/${cid}/slet`, {})).statusCode).toBe(303);
    expect((await caseloadOf(consultant.username)).rows.some((r) => r.participantId === womanId)).toBe(true);
    expect((await s.post(`/deltagere/${womanId}/virksomhedskonsulent`, { consultantId: 'ingen', fromDate: da(today) })).statusCode).toBe(
      303,
    );
    expect((await s.get(`/deltagere/${womanId}`)).body).toContain('data-testid="consultant">Ingen');
    expect(followUp((await caseloadOf(m.caseworker.username)).rows.find((r) => r.participantId === womanId))).toBeGreaterThan(0);
  });

  it('another jobcentre cannot see or change her consultant', async () => {
    const o = await loginAs(srv.app, other.caseworker.username);
    expect((await o.get(`/deltagere/${womanId}/virksomhedskonsulent`)).statusCode).toBe(404);
    expect(
      (
        await o.post(`/deltagere/${womanId}/virksomhedskonsulent`, {
          consultantId: String(other.caseworker.id),
          fromDate: da(today),
        })
      ).statusCode,
    ).toBe(404);
  });
});
