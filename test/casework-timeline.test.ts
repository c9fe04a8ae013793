/**
 * Her timeline on the participant page: activities, conversations, assessments, plan changes and
 * enrolments newest first; monthly register statuses come from the dependency bundle's source
 * (deps.registerStatuses), and the sections of her page from the server's own list. Two servers
 * built in one process keep their own source and sections (no module state set at build).
 *
 * Her history is a world this file builds (test/helpers/world.ts): a fresh municipality's woman with
 * casework records (a conversation, an activity, an assessment, a plan change, an exemption …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/http/server.ts';
import type { RegisterStatusSource } from '../src/core/deps.ts';
import { html } from '../src/web/html.ts';
import { caseworkSection } from '../src/http/routes/casework/section.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { addCaseRecords, createMunicipality, type TestMunicipality } from './helpers/world.ts';

describe.each(backends())('casework timeline on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let other: FastifyInstance;
  const asked: string[] = [];
  const otherAsked: string[] = [];
  const source: RegisterStatusSource = async (_db, actor, id) => {
    asked.push(`${actor.username}:${id}`);
    return [{ month: '2021-03', level: 3, snapshot: 'Virksomhedspraktik' }];
  };
  const otherSource: RegisterStatusSource = async (_db, _actor, id) => {
    otherAsked.push(id);
    return [{ month: '2020-01', level: 1, snapshot: 'Ledighedsydelse' }];
  };
  let m: TestMunicipality;
  const womanWithHistory = async () => m.women[0].id;
  const timelineOf = (body: string) => /data-testid="timeline">([\s\S]*?)<\/ol>/.exec(body)![1];

  // Its own set-up rather than useTestServer(): two servers over one database, each with its own deps.
  beforeAll(async () => {
    t = await openTestDb(backend);
    m = await createMunicipality(t.db, { women: 1 });
    await addCaseRecords(t.db, m, m.women[0], 'tidslinje');
    app = await buildServer({ ...testDeps(t.db), registerStatuses: source });
    // A second server in the same process, over the same database, with its own source and sections.
    other = await buildServer(
      { ...testDeps(t.db), registerStatuses: otherSource },
      {
        sections: [async (_deps, _actor, p, _csrf, section) => html`<p data-testid="own-section">${section}: ${p.id}</p>`, caseworkSection],
      },
    );
    await app.ready();
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await app?.close();
    await t?.cleanup();
  });

  it('lists her history newest first and includes register statuses from the bundle source', async () => {
    const woman = await womanWithHistory();
    asked.length = 0;
    const s = await loginAs(app, m.caseworker.username);
    const res = await s.get(`/deltagere/${woman}/tidslinje`);
    expect(res.statusCode).toBe(200);
    expect(asked).toEqual([`${m.caseworker.username}:${woman}`]);
    const timeline = timelineOf(res.body);
    expect(timeline).toContain('Registerstatus 2021-03: Mål 3: virksomhedsrettet tilbud');
    expect(timeline).toContain('Indskrevet i projektet');
    expect(timeline).toMatch(/Start: /);
    expect(timeline).toMatch(/Individuel samtale|Samtale på virksomhed|Gruppesamtale|Hjemmebesøg/);
    const dates = [...timeline.matchAll(/class="timeline-date">(\d+)\.(\d+)\.(\d{4})</g)].map(
      (m) => `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`,
    );
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('reads her register months only on the timeline section', async () => {
    const woman = await womanWithHistory();
    asked.length = 0;
    const s = await loginAs(app, m.caseworker.username);
    expect((await s.get(`/deltagere/${woman}/aktiviteter`)).statusCode).toBe(200);
    expect(asked).toEqual([]);
  });

  it('two servers in one process each use their own register source and sections', async () => {
    // Server `other` has only its own section and the casework one: no register or Danish section.
    const woman = await womanWithHistory();
    asked.length = 0;
    otherAsked.length = 0;
    const a = await loginAs(app, m.caseworker.username);
    const b = await loginAs(other, m.caseworker.username);
    // Interleaved: building `other` after `app` must not have replaced the first server's source.
    const pageA = (await a.get(`/deltagere/${woman}/tidslinje`)).body;
    const pageB = (await b.get(`/deltagere/${woman}/tidslinje`)).body;
    const pageA2 = (await a.get(`/deltagere/${woman}/tidslinje`)).body;
    expect(asked).toHaveLength(2);
    expect(otherAsked).toEqual([woman]);
    for (const page of [pageA, pageA2]) {
      expect(timelineOf(page)).toContain('Registerstatus 2021-03');
      expect(timelineOf(page)).not.toContain('Registerstatus 2020-01');
      expect(page).not.toContain('data-testid="own-section"');
    }
    expect(timelineOf(pageB)).toContain('Registerstatus 2020-01: Mål 1');
    expect(timelineOf(pageB)).not.toContain('Registerstatus 2021-03');
    expect(pageB).toContain(`data-testid="own-section">tidslinje: ${woman}</p>`);
    const ownB = (await b.get(`/deltagere/${woman}`)).body;
    expect(ownB).toContain(`data-testid="own-section">overblik: ${woman}</p>`);
    expect(ownB).not.toContain('data-testid="register-section"');
    expect(ownB).not.toContain('data-testid="timeline"');
    const overviewA = (await a.get(`/deltagere/${woman}`)).body;
    expect(overviewA).toContain('data-testid="register-section"');
    expect(overviewA).not.toContain('data-testid="own-section"');
  });
});
