/**
 * The municipal dashboard (/styring): goals against the engine's results, the two monthly
 * series, groups, enrolment against plan, activity mix, contact and caseloads — with charts
 * that carry role="img" and an aria-label, no inline style (CSP), and the numbers in tables.
 */
import { describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';

describe.each(backends())('municipal dashboard on %s', (backend) => {
  const srv = useTestServer(backend);

  it('shows every part of the dashboard to a caseworker, with accessible CSP-safe charts', async () => {
    const s = await loginAs(srv.app, 'sagsbehandler.aalborg');
    const res = await s.get('/styring');
    expect(res.statusCode).toBe(200);
    for (const h of [
      'Resultatmål',
      'Status i måneden og akkumuleret',
      'Resultater efter visitation og alder',
      'Indskrivning mod plan',
      'Aktivitetsmiks',
      'Kontakthyppighed',
      'Sagsstammer',
    ])
      expect(res.body).toContain(`<h2>${h}</h2>`);
    const svgs = res.body.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(7);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/aria-label="[^"]{10,}"/);
    }
    expect(res.body).not.toMatch(/<style|\sstyle="/);
    expect(res.body).toContain('kib-2019.1');
    expect(res.body).toContain('50 % har lønnede timer eller er ordinært beskæftigede');
  });

  it('fills the activity mix and contact tables from the case data', async () => {
    const s = await loginAs(srv.app, 'projektleder.aalborg');
    const res = await s.get('/styring');
    const mix = /data-testid="tabel-aktiviteter"[\s\S]*?<\/table>/.exec(res.body)![0];
    expect(mix).toMatch(/halvår/);
    const contact = /data-testid="tabel-kontakt"[\s\S]*?<\/table>/.exec(res.body)![0];
    expect(contact).toMatch(/<th scope="row">20\d\d<\/th>/);
  });

  it("refuses the agency and other municipalities' projects", async () => {
    const analyst = await loginAs(srv.app, 'analytiker.siri');
    expect((await analyst.get('/styring')).statusCode).toBe(403);
    const aarhus = (await srv.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aarhus'`)).rows[0].id;
    const pl = await loginAs(srv.app, 'projektleder.aalborg');
    expect((await pl.get(`/styring?projekt=${aarhus}`)).statusCode).toBe(404);
  });
});
