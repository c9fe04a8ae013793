/**
 * Issue 13 over HTTP. Exemption periods (item 3): a woman without a conversation for three
 * months has a critical conversation alert; an exemption covering today silences it (her page
 * and Mine borgere say "Fritaget til …"), corrected to have ended it returns with the deadline
 * moved by its length, and deleted the original deadline is back. Danish errors for bad input,
 * every write audited, and another municipality cannot read or change her periods.
 * Visitation over time (item 2): a change from aktivitetsparat to jobparat is shown with from,
 * to and reason on her page and timeline, counts for a goal "opvisiteret", keeps her category at
 * enrolment, and is deleted (a correction) with an audit record.
 *
 * She is enrolled through the form into a fresh municipality's project (test/helpers/world.ts) beside
 * four women of its own (two enrolled as aktivitetsparat); "another municipality" is a second fresh one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCpr } from '../src/core/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays, addMonths, daysBetween } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { upgradedBy } from '../src/app/steering/case-measures.ts';
import { loadCaseFacts, type CaseFacts } from '../src/db/steering/case-stats.ts';
import { door } from '../src/db/door.ts';
import { createMunicipality, postGoal, testActor, type TestMunicipality } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const dk = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

describe.each(backends())('exemption periods on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  let other: Session;
  const today = todayInDenmark();
  const enrolled = addDays(today, -90);
  let womanId = '';
  let exemptionId = '';
  let m: TestMunicipality;

  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 4, visitation: (i) => (i % 2 ? 'aktivitetsparat' : 'jobparat') });
    const elsewhere = await createMunicipality(srv.t.db, { women: 1 });
    s = await loginAs(srv.app, m.caseworker.username);
    other = await loginAs(srv.app, elsewhere.caseworker.username);
    const cw = m.caseworker.id;
    const project = m.projectId;
    const res = await s.post('/indskrivning', {
      cpr: makeCpr('1990-05-17', 'K', 1307),
      firstName: 'Hodan',
      lastName: 'Fritagetsen',
      countryOfOrigin: 'SO',
      projectId: String(project),
      enrolmentDate: da(enrolled),
      visitation: 'aktivitetsparat',
      recruitmentChannel: 'jobcenter',
      caseworkerId: String(cw),
    });
    expect(res.statusCode).toBe(303);
    womanId = /\/deltagere\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
  });

  const conversationAlert = async () => {
    const body = (await s.get(`/deltagere/${womanId}`)).body;
    const m = /<li class="alert-item alert-item--(\w+)" data-code="samtale_frist">/.exec(body);
    return { severity: m?.[1] ?? null, body };
  };

  it('the demo holds exemptions of every kind, each "andet" with its stated reason', async () => {
    const kinds = (
      await srv.t.db.query<{ kind: string; n: number; without_reason: number }>(
        `SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE reason IS NULL OR btrim(reason) = '')::int AS without_reason
           FROM casework_exemption GROUP BY kind ORDER BY kind`,
      )
    ).rows;
    expect(kinds.map((k) => k.kind)).toEqual(['andet', 'barsel', 'ferie', 'sygdom']);
    for (const k of kinds) expect(k.n, k.kind).toBeGreaterThan(0);
    expect(kinds.find((k) => k.kind === 'andet')!.without_reason).toBe(0);
  });

  it('without an exemption she has a critical conversation alert', async () => {
    expect((await conversationAlert()).severity).toBe('kritisk');
  });

  it('refuses a bad period in Danish, keeps the input and saves nothing', async () => {
    const res = await s.post(`/deltagere/${womanId}/fritagelser`, {
      kind: 'andet',
      startDate: da(today),
      endDate: da(addDays(today, -1)),
      reason: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Slutdatoen kan ikke ligge før startdatoen.');
    expect(res.body).toContain('Skriv begrundelsen, når årsagen er');
    expect(res.body).toContain(`value="${da(addDays(today, -1))}"`);
    expect(
      (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM casework_exemption WHERE participant_id = $1', [womanId]))
        .rows[0].n,
    ).toBe(0);
  });

  it('an exemption covering today pauses the rules; her page, timeline and Mine borgere say so', async () => {
    const form = await s.get(`/deltagere/${womanId}/fritagelser/ny`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ny fritagelse');
    const end = addDays(today, 20);
    const res = await s.post(`/deltagere/${womanId}/fritagelser`, { kind: 'barsel', startDate: da(addDays(today, -10)), endDate: da(end) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('gemt=fritagelse');
    exemptionId = (await srv.t.db.query<{ id: string }>('SELECT id FROM casework_exemption WHERE participant_id = $1', [womanId])).rows[0]
      .id;
    const { severity, body } = await conversationAlert();
    expect(severity).toBeNull();
    expect(body).toContain(`Fritaget til ${dk(end)}`);
    expect((await s.get(`/deltagere/${womanId}/tidslinje`)).body).toMatch(/Fritaget \(barsel\): opfølgningsreglerne holder pause/);
    expect(res.headers.location).toMatch(new RegExp(`^/deltagere/${womanId}/fritagelser\\?`));
    expect((await s.get(`/deltagere/${womanId}/fritagelser`)).body).toContain('data-testid="exemptions"');
    const list = await s.get('/mine-borgere');
    const row = new RegExp(`<tr data-participant="${womanId}"[\\s\\S]*?</tr>`).exec(list.body)![0];
    expect(row).toContain(`Fritaget til ${dk(end)}`);
    expect(row).not.toContain('data-code="samtale_frist"');
  });

  it('corrected to have ended, the alert returns with its deadline moved by the length of the period', async () => {
    // long enough to move the 2-month deadline to 6 days from today (inside the 14-day warning), ended long ago
    const len = daysBetween(addMonths(enrolled, 2), today) + 6;
    const start = addDays(enrolled, 9);
    const end = addDays(start, len - 1);
    expect(end < today).toBe(true);
    const res = await s.post(`/deltagere/${womanId}/fritagelser/${exemptionId}`, {
      kind: 'sygdom',
      startDate: da(start),
      endDate: da(end),
    });
    expect(res.statusCode).toBe(303);
    const moved = addDays(addMonths(enrolled, 2), daysBetween(start, end) + 1);
    const { severity, body } = await conversationAlert();
    expect(moved).toBe(addDays(today, 6));
    expect(severity).toBe('advarsel');
    expect(body).toContain(dk(moved));
    expect((await s.get(`/deltagere/${womanId}/tidslinje`)).body).toMatch(/Fritagelse \(sygdom\) slut: opfølgningsreglerne gælder igen/);
    const audit = await srv.t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'fritagelse' AND participant_id = $1 ORDER BY id`,
      [womanId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['opret', 'ret']);
  });

  it('another municipality cannot see, correct or delete her periods', async () => {
    for (const url of [
      `/deltagere/${womanId}/fritagelser/ny`,
      `/deltagere/${womanId}/fritagelser/${exemptionId}`,
      `/deltagere/${womanId}/fritagelser/${exemptionId}/slet`,
    ]) {
      expect((await other.get(url)).statusCode).toBe(404);
    }
    expect((await other.post(`/deltagere/${womanId}/fritagelser/${exemptionId}`, { kind: 'ferie', startDate: da(today) })).statusCode).toBe(
      404,
    );
    expect((await other.post(`/deltagere/${womanId}/fritagelser/${exemptionId}/slet`, {})).statusCode).toBe(404);
    const still = await srv.t.db.query<{ kind: string }>('SELECT kind FROM casework_exemption WHERE id = $1', [exemptionId]);
    expect(still.rows[0].kind).toBe('sygdom');
  });

  it('deleting the period (a correction) brings back the original deadline, audited with what was deleted', async () => {
    const confirm = await s.get(`/deltagere/${womanId}/fritagelser/${exemptionId}/slet`);
    expect(confirm.body).toContain('fritagelsen (sygdom)');
    const res = await s.post(`/deltagere/${womanId}/fritagelser/${exemptionId}/slet`, {});
    expect(res.statusCode).toBe(303);
    const { severity, body } = await conversationAlert();
    expect(severity).toBe('kritisk');
    expect(body).toContain('Mere end 2 måneder uden samtale');
    expect((await s.get(`/deltagere/${womanId}/fritagelser`)).body).toContain('Ingen fritagelser.');
    const audit = await srv.t.db.query<{ detail: { deleted: { kind: string } } }>(
      `SELECT detail FROM audit_log WHERE action = 'slet' AND entity = 'fritagelse' AND participant_id = $1`,
      [womanId],
    );
    expect(audit.rows[0].detail.deleted.kind).toBe('sygdom');
  });

  it('changes her visitation: refused in Danish when wrong, then shown with from, to and reason on her page and timeline', async () => {
    const form = await s.get(`/deltagere/${womanId}/visitation`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Hun er nu visiteret som <strong>Aktivitetsparat</strong>');
    const same = await s.post(`/deltagere/${womanId}/visitation`, { date: da(today), visitation: 'aktivitetsparat' });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Hun har allerede den visitation på datoen.');
    const early = await s.post(`/deltagere/${womanId}/visitation`, { date: da(addDays(enrolled, -1)), visitation: 'jobparat' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Datoen kan ikke ligge før indskrivningen');
    const ok = await s.post(`/deltagere/${womanId}/visitation`, {
      date: da(addDays(today, -3)),
      visitation: 'jobparat',
      reason: 'Klar efter praktik',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toContain('gemt=visitation');
    const body = (await s.get(`/deltagere/${womanId}`)).body;
    expect(body).toContain(`Jobparat siden ${dk(addDays(today, -3))}`);
    expect(body).toContain('(ved indskrivningen: Aktivitetsparat)');
    const history = /<table[^>]*data-testid="visitation-history">[\s\S]*?<\/table>/.exec(
      (await s.get(`/deltagere/${womanId}/historik`)).body,
    )![0];
    expect(history).toMatch(/<td>Aktivitetsparat<\/td><td>Jobparat<\/td><td>Klar efter praktik<\/td>/);
    expect((await s.get(`/deltagere/${womanId}/tidslinje`)).body).toContain('Visitation ændret: Aktivitetsparat → Jobparat');
    // The enrolment keeps her category at enrolment (results by visitation use it).
    expect(
      (await srv.t.db.query<{ visitation: string }>('SELECT visitation FROM enrolment WHERE participant_id = $1', [womanId])).rows[0]
        .visitation,
    ).toBe('aktivitetsparat');
    const audit = await srv.t.db.query<{ detail: { from: string; to: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'opret' AND entity = 'visitation' AND participant_id = $1`,
      [womanId],
    );
    expect(audit.rows[0].detail).toMatchObject({ from: 'aktivitetsparat', to: 'jobparat' });
    expect((await other.get(`/deltagere/${womanId}/visitation`)).statusCode).toBe(404);
    expect((await other.post(`/deltagere/${womanId}/visitation`, { date: da(today), visitation: 'oevrige' })).statusCode).toBe(404);
  });

  it('a goal "opvisiteret" counts her among the women enrolled as aktivitetsparat, by hand', async () => {
    const project = m.projectId;
    const pl = await loginAs(srv.app, m.leader.username);
    const opvisiteret = { title: 'Opvisitering til jobparat', measure: 'opvisiteret', population: 'alle', targetValue: '20' };
    const res = await postGoal(pl, project, { ...opvisiteret, deadline: da(addDays(today, 300)) });
    expect(res.statusCode).toBe(303);
    const goal = await srv.t.db.query<{ measure: string }>(
      `SELECT measure FROM project_goal WHERE project_id = $1 AND measure = 'opvisiteret'`,
      [project],
    );
    expect(goal.rows.length).toBe(1);
    // The hand count: enrolments as aktivitetsparat by today, and those changed to jobparat since.
    const hand = await srv.t.db.query<{ base: number; up: number }>(
      `SELECT count(*)::int AS base,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM casework_visitation_change v WHERE v.enrolment_id = e.id AND v.visitation = 'jobparat'))::int AS up
       FROM enrolment e WHERE e.project_id = $1 AND e.visitation = 'aktivitetsparat' AND e.enrolled_on <= $2`,
      [project, today],
    );
    expect(hand.rows[0].up).toBeGreaterThanOrEqual(1);
    // By hand from the world: two of its own women and she were enrolled as aktivitetsparat; only she changed.
    expect(hand.rows[0]).toEqual({ base: 3, up: 1 });
    const mun = (await srv.t.db.query<{ m: string }>('SELECT municipality_code AS m FROM participant WHERE id = $1', [womanId])).rows[0].m;
    const actor = testActor([mun], { username: 'opvisitering.test', displayName: 'Test', role: 'projektleder' });
    const facts = await door(srv.t.db, actor, async (tx) => ({ value: await loadCaseFacts(tx, project, []), audit: [] }));
    expect(upgradedBy(facts, today)).toEqual({ count: hand.rows[0].up, denominator: hand.rows[0].base });
  });

  it('deleting the change (a correction) restores her category, audited', async () => {
    const id = (await srv.t.db.query<{ id: string }>('SELECT id FROM casework_visitation_change WHERE participant_id = $1', [womanId]))
      .rows[0].id;
    expect((await other.post(`/deltagere/${womanId}/visitationer/${id}/slet`, {})).statusCode).toBe(404);
    expect((await s.get(`/deltagere/${womanId}/visitationer/${id}/slet`)).body).toContain('ændringen af visitation');
    const del = await s.post(`/deltagere/${womanId}/visitationer/${id}/slet`, {});
    expect(del.statusCode).toBe(303);
    expect(del.headers.location).toMatch(new RegExp(`^/deltagere/${womanId}/historik\\?gemt=slettet`));
    expect((await s.get(`/deltagere/${womanId}/historik`)).body).not.toContain('data-testid="visitation-history"');
    expect((await s.get(`/deltagere/${womanId}/tidslinje`)).body).not.toContain('Visitation ændret');
    expect(
      (await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'slet' AND entity = 'visitation' AND participant_id = $1`, [womanId]))
        .rows.length,
    ).toBe(1);
  });
});

describe('opvisitering measure', () => {
  const e = (id: string, visitation: string, enrolledOn = '2024-01-01') => ({
    enrolmentId: id,
    participantId: `p${id}`,
    enrolledOn,
    exitedOn: null,
    caseworker: null,
    visitation,
  });
  const facts = (changes: { enrolmentId: string; date: string; visitation: string }[]): CaseFacts => ({
    enrolments: [e('1', 'aktivitetsparat'), e('2', 'aktivitetsparat'), e('3', 'jobparat'), e('4', 'aktivitetsparat', '2024-08-01')],
    activities: [],
    conversations: [],
    cvAbc: new Set(),
    visitationChanges: changes,
  });
  it('counts enrolments visited as aktivitetsparat at enrolment and changed to jobparat by the date', () => {
    const f = facts([
      { enrolmentId: '1', date: '2024-03-01', visitation: 'jobparat' },
      { enrolmentId: '2', date: '2024-03-01', visitation: 'oevrige' },
      { enrolmentId: '2', date: '2024-05-01', visitation: 'jobparat' }, // from øvrige, not an opvisitering
      { enrolmentId: '3', date: '2024-03-01', visitation: 'aktivitetsparat' },
      { enrolmentId: '4', date: '2024-09-01', visitation: 'jobparat' },
    ]);
    expect(upgradedBy(f, '2024-02-29')).toEqual({ count: 0, denominator: 2 });
    expect(upgradedBy(f, '2024-06-30')).toEqual({ count: 1, denominator: 2 });
    expect(upgradedBy(f, '2024-12-31')).toEqual({ count: 2, denominator: 3 });
  });
});
