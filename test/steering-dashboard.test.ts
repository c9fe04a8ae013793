/**
 * The municipal dashboard (/styring): goals against the engine's results, the two monthly
 * series, groups, enrolment against plan, activity mix, contact and caseloads — with charts
 * that carry role="img" and an aria-label, no inline style (CSP), and the numbers in tables.
 *
 * The data is a world this file builds (test/helpers/world.ts): a fresh municipality whose project
 * has one goal and whose women have casework records, and a second municipality with its own project.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectAnswer, loginAs } from './helpers/http.ts';
import { addCaseRecords, addGoal, createAgency, createMunicipality, type TestMunicipality, type TestUser } from './helpers/world.ts';

const GOAL = '50 % har lønnede timer eller er ordinært beskæftigede';

describe.each(backends())('municipal dashboard on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = {} as { m: TestMunicipality; other: TestMunicipality; agencyAnalyst: TestUser };

  beforeAll(async () => {
    w.m = await createMunicipality(srv.t.db, { women: 3 });
    await addGoal(srv.t.db, w.m, GOAL);
    for (const [i, woman] of w.m.women.entries()) await addCaseRecords(srv.t.db, w.m, woman, `dashboard${i}`);
    w.other = await createMunicipality(srv.t.db, { women: 1 });
    w.agencyAnalyst = (await createAgency(srv.t.db)).analyst;
  });

  it('shows every part of the dashboard to a caseworker, with accessible CSP-safe charts', async () => {
    const s = await loginAs(srv.app, w.m.caseworker.username);
    const res = await s.get('/styring');
    expectAnswer(
      res,
      200,
      ...[
        'Resultatmål',
        'Status i måneden og akkumuleret',
        'Resultater efter visitation og alder',
        'Indskrivning mod plan',
        'Aktivitetsmiks',
        'Kontakthyppighed',
        'Sagsstammer',
      ].map((h) => `<h2>${h}</h2>`),
    );
    const svgs = res.body.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(7);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/aria-label="[^"]{10,}"/);
    }
    expect(res.body).not.toMatch(/<style|\sstyle="/);
    expect(res.body).toContain('kib-2019.1');
    expect(res.body).toContain(GOAL);
  });

  it('fills the activity mix and contact tables from the case data', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const res = await s.get('/styring');
    const mix = /data-testid="tabel-aktiviteter"[\s\S]*?<\/table>/.exec(res.body)![0];
    expect(mix).toMatch(/halvår/);
    const contact = /data-testid="tabel-kontakt"[\s\S]*?<\/table>/.exec(res.body)![0];
    expect(contact).toMatch(/<th scope="row">20\d\d<\/th>/);
  });

  it("refuses the agency and other municipalities' projects", async () => {
    const analyst = await loginAs(srv.app, w.agencyAnalyst.username);
    expect((await analyst.get('/styring')).statusCode).toBe(403);
    const pl = await loginAs(srv.app, w.m.leader.username);
    expect((await pl.get(`/styring?projekt=${w.other.projectId}`)).statusCode).toBe(404);
    expect((await pl.get(`/styring?projekt=${w.m.projectId}`)).statusCode).toBe(200);
  });
});
