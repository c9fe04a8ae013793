/**
 * Exemption periods over HTTP (issue 13, item 3): a woman without a conversation for three
 * months has a critical conversation alert; an exemption covering today silences it (her page
 * and Mine borgere say "Fritaget til …"), corrected to have ended it returns with the deadline
 * moved by its length, and deleted the original deadline is back. Danish errors for bad input,
 * every write audited, and another municipality cannot read or change her periods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/http/server.ts';
import { makeCpr } from '../src/core/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays, addMonths, daysBetween } from '../src/core/dates.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs, type Session } from './helpers/http.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const dk = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

describe.each(backends())('exemption periods on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let s: Session;
  let other: Session;
  const today = todayInDenmark();
  const enrolled = addDays(today, -90);
  let womanId = '';
  let exemptionId = '';

  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
    await app.ready();
    s = await loginAs(app, 'sagsbehandler.aalborg');
    other = await loginAs(app, 'sagsbehandler.aarhus');
    const cw = (await t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'sagsbehandler.aalborg'`)).rows[0].id;
    const project = (await t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
    const res = await s.post('/indskrivning', {
      cpr: makeCpr('1990-05-17', 'K', 1307), firstName: 'Hodan', lastName: 'Fritagetsen', countryOfOrigin: 'SO', projectId: String(project),
      enrolmentDate: da(enrolled), visitation: 'aktivitetsparat', recruitmentChannel: 'jobcenter', caseworkerId: String(cw),
    });
    expect(res.statusCode).toBe(303);
    womanId = /\/deltagere\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const conversationAlert = async () => {
    const body = (await s.get(`/deltagere/${womanId}`)).body;
    const m = /<li class="alert-item alert-item--(\w+)" data-code="samtale_frist">/.exec(body);
    return { severity: m?.[1] ?? null, body };
  };

  it('without an exemption she has a critical conversation alert', async () => {
    expect((await conversationAlert()).severity).toBe('kritisk');
  });

  it('refuses a bad period in Danish, keeps the input and saves nothing', async () => {
    const res = await s.post(`/deltagere/${womanId}/fritagelser`, { kind: 'andet', startDate: da(today), endDate: da(addDays(today, -1)), reason: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Slutdatoen kan ikke ligge før startdatoen.');
    expect(res.body).toContain('Skriv begrundelsen, når årsagen er');
    expect(res.body).toContain(`value="${da(addDays(today, -1))}"`);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM casework_exemption WHERE participant_id = $1', [womanId])).rows[0].n).toBe(0);
  });

  it('an exemption covering today pauses the rules; her page, timeline and Mine borgere say so', async () => {
    const form = await s.get(`/deltagere/${womanId}/fritagelser/ny`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ny fritagelse');
    const end = addDays(today, 20);
    const res = await s.post(`/deltagere/${womanId}/fritagelser`, { kind: 'barsel', startDate: da(addDays(today, -10)), endDate: da(end) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('gemt=fritagelse');
    exemptionId = (await t.db.query<{ id: string }>('SELECT id FROM casework_exemption WHERE participant_id = $1', [womanId])).rows[0].id;
    const { severity, body } = await conversationAlert();
    expect(severity).toBeNull();
    expect(body).toContain(`Fritaget til ${dk(end)}`);
    expect(body).toMatch(/Fritaget \(barsel\): opfølgningsreglerne holder pause/);
    expect(body).toContain('data-testid="exemptions"');
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
    const res = await s.post(`/deltagere/${womanId}/fritagelser/${exemptionId}`, { kind: 'sygdom', startDate: da(start), endDate: da(end) });
    expect(res.statusCode).toBe(303);
    const moved = addDays(addMonths(enrolled, 2), daysBetween(start, end) + 1);
    const { severity, body } = await conversationAlert();
    expect(moved).toBe(addDays(today, 6));
    expect(severity).toBe('advarsel');
    expect(body).toContain(dk(moved));
    expect(body).toMatch(/Fritagelse \(sygdom\) slut: opfølgningsreglerne gælder igen/);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'fritagelse' AND participant_id = $1 ORDER BY id`, [womanId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['opret', 'ret']);
  });

  it('another municipality cannot see, correct or delete her periods', async () => {
    for (const url of [`/deltagere/${womanId}/fritagelser/ny`, `/deltagere/${womanId}/fritagelser/${exemptionId}`, `/deltagere/${womanId}/fritagelser/${exemptionId}/slet`]) {
      expect((await other.get(url)).statusCode).toBe(404);
    }
    expect((await other.post(`/deltagere/${womanId}/fritagelser/${exemptionId}`, { kind: 'ferie', startDate: da(today) })).statusCode).toBe(404);
    expect((await other.post(`/deltagere/${womanId}/fritagelser/${exemptionId}/slet`, {})).statusCode).toBe(404);
    const still = await t.db.query<{ kind: string }>('SELECT kind FROM casework_exemption WHERE id = $1', [exemptionId]);
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
    expect(body).toContain('Ingen fritagelser.');
    const audit = await t.db.query<{ detail: { deleted: { kind: string } } }>(
      `SELECT detail FROM audit_log WHERE action = 'slet' AND entity = 'fritagelse' AND participant_id = $1`, [womanId]);
    expect(audit.rows[0].detail.deleted.kind).toBe('sygdom');
  });
});
