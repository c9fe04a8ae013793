/**
 * Goals and milestones: the demo seeds (Aalborg's 24 milestones in four phases, Vallensbæk's
 * dated goals), the project leader's edit pages with a Danish error beside each bad field and
 * the values kept, the audit of every edit, and who may not edit. The seeds are read from the demo;
 * the edits are made in a fresh municipality's project with two milestones of its own, by its own users
 * (test/helpers/world.ts), beside a second fresh municipality's project.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs } from './helpers/http.ts';
import { addGoal, createAgency, createMunicipality, postGoal, type TestMunicipality, type TestUser } from './helpers/world.ts';
import { goalFormSchema, milestoneFormSchema } from '../src/domain/steering-goals.ts';
import { DEMO_GOALS, demoGoalsFor, demoMilestonesFor } from '../src/demo/goals.ts';

describe('demo goals and milestones', () => {
  it("pass the same checks as the project leader's forms", () => {
    for (const key of [...Object.keys(DEMO_GOALS), 'aarhus']) {
      for (const g of demoGoalsFor(key, 100)) {
        const r = goalFormSchema.safeParse({ ...g, targetValue: String(g.targetValue), note: g.note ?? '' });
        expect(r.success, `${key}: ${g.title}`).toBe(true);
      }
      for (const m of demoMilestonesFor(key)) {
        const r = milestoneFormSchema.safeParse({ ...m, phase: String(m.phase), number: String(m.number), note: m.note ?? '' });
        expect(r.success, `${key}: ${m.number}`).toBe(true);
      }
    }
  });
});

describe.each(backends())('steering goals and milestones on %s', (backend) => {
  const srv = useTestServer(backend);
  let aalborg: number;
  const w = {} as { m: TestMunicipality; other: TestMunicipality; agencyAnalyst: TestUser };

  beforeAll(async () => {
    const ids = (await srv.t.db.query<{ id: number; key: string }>('SELECT id, key FROM project')).rows;
    aalborg = ids.find((p) => p.key === 'aalborg')!.id;
    w.m = await createMunicipality(srv.t.db, { women: 1 });
    w.other = await createMunicipality(srv.t.db, { women: 1 });
    w.agencyAnalyst = (await createAgency(srv.t.db)).analyst;
    // Every project has a goal (as every demo project has, checked below).
    for (const x of [w.m, w.other]) await addGoal(srv.t.db, x, `Testmål ${x.code}`);
    // Two milestones of its plan: number 21 (not started) and number 24.
    await srv.t.db.query(
      `INSERT INTO project_milestone (project_id, phase, phase_name, number, content, due_date, responsible, status)
       VALUES ($1, 3, 'Evaluering', 21, 'Afsluttende rapport er sendt til SIRI', '2023-03-31', 'Projektejer', 'ikke_startet'),
              ($1, 4, 'Forankring', 24, 'Erfaringerne er forankret', '2023-06-30', 'Styregruppen', 'ikke_startet')`,
      [w.m.projectId],
    );
  });

  it('seeds Aalborg with 24 milestones in four phases and Vallensbæk with its dated goals', async () => {
    const phases = await srv.t.db.query<{ phase: number; n: number }>(
      'SELECT phase, count(*)::int AS n FROM project_milestone WHERE project_id = $1 GROUP BY phase ORDER BY phase',
      [aalborg],
    );
    expect(phases.rows).toEqual([
      { phase: 1, n: 8 },
      { phase: 2, n: 11 },
      { phase: 3, n: 3 },
      { phase: 4, n: 2 },
    ]);
    const v = await srv.t.db.query<{ measure: string; target_value: number; deadline: string }>(
      `SELECT measure, target_value, deadline FROM project_goal g JOIN project p ON p.id = g.project_id
       WHERE p.key = 'ishoej-vallensbaek' AND deadline = '2020-12-31' ORDER BY measure`,
    );
    expect(v.rows).toEqual([
      { measure: 'indskrevne', target_value: 50, deadline: '2020-12-31' },
      { measure: 'virksomhedsrettet', target_value: 25, deadline: '2020-12-31' },
    ]);
    const everyProject = await srv.t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM project p WHERE NOT EXISTS (SELECT 1 FROM project_goal g WHERE g.project_id = p.id)',
    );
    expect(everyProject.rows[0].n).toBe(0);
  });

  it('shows the milestone plan and goals to the project leader', async () => {
    const s = await loginAs(srv.app, 'projektleder.aalborg');
    const res = await s.get(`/styring/milepaele?projekt=${aalborg}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Opstart og forberedelse');
    expect(res.body).toContain('Forankring');
    expect(res.body).toContain('Afsluttende rapport er sendt til SIRI');
    // Milestone 20 (January 2023, not started) is past its date; milestone 1 (reached) is not flagged.
    const row20 = /<th scope="row">20<\/th>[\s\S]*?<\/tr>/.exec(res.body)![0];
    expect(row20).toContain('Tidspunktet er overskredet');
    const row1 = /<th scope="row">1<\/th>[\s\S]*?<\/tr>/.exec(res.body)![0];
    expect(row1).not.toContain('Tidspunktet er overskredet');
    const goals = await s.get(`/styring/maal?projekt=${aalborg}`);
    expect(goals.statusCode).toBe(200);
    expect(goals.body).toContain('50 % har lønnede timer eller er ordinært beskæftigede');
  });

  it('keeps the values and puts a Danish error beside each bad field', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const res = await postGoal(s, w.m.projectId, { title: 'Mål med fejl', targetValue: '150', deadline: '2022-02-30' });
    expectRejected(res, 'En andel kan højst være 100 %.', 'Datoen findes ikke.');
    expect(res.body).toMatch(/id="f-targetValue"[^>]*value="150"/);
    expect(res.body).toContain('value="Mål med fejl"');
    expect(res.body).toMatch(/aria-describedby="[^"]*f-targetValue-error"/);
    const n = await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project_goal WHERE title = 'Mål med fejl'`);
    expect(n.rows[0].n).toBe(0);
  });

  it('saves a new goal and a changed milestone, each with an audit record in the same transaction', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const res = await postGoal(s, w.m.projectId, {
      title: '30 kvinder starter i 2020',
      measure: 'indskrevne',
      targetKind: 'antal',
      targetValue: '30',
      deadline: '2020-12-31',
      note: 'Hold 1',
    });
    expect(res.statusCode).toBe(303);
    const goal = (await srv.t.db.query<{ id: number }>(`SELECT id FROM project_goal WHERE title = '30 kvinder starter i 2020'`)).rows[0];
    expect(goal).toBeDefined();
    const ms = (
      await srv.t.db.query<{ id: number }>('SELECT id FROM project_milestone WHERE project_id = $1 AND number = 21', [w.m.projectId])
    ).rows[0];
    const edit = await s.post(`/styring/milepaele/${ms.id}?projekt=${w.m.projectId}`, {
      phase: '3',
      phaseName: 'Evaluering',
      number: '21',
      content: 'Afsluttende rapport er sendt til SIRI',
      dueDate: '2023-03-31',
      responsible: 'Projektejer',
      status: 'naaet',
      note: 'Sendt 28. marts 2023.',
    });
    expect(edit.statusCode).toBe(303);
    expect((await srv.t.db.query<{ status: string }>('SELECT status FROM project_milestone WHERE id = $1', [ms.id])).rows[0].status).toBe(
      'naaet',
    );
    const audit = await srv.t.db.query<{
      action: string;
      entity: string;
      detail: { before?: { status: string }; after: { status?: string } };
    }>(`SELECT action, entity, detail FROM audit_log WHERE username = $1 AND entity IN ('resultatmaal', 'milepael') ORDER BY id`, [
      w.m.leader.username,
    ]);
    expect(audit.rows.map((r) => [r.action, r.entity])).toEqual([
      ['opret', 'resultatmaal'],
      ['ret', 'milepael'],
    ]);
    expect(audit.rows[1].detail.before?.status).toBe('ikke_startet');
    expect(audit.rows[1].detail.after.status).toBe('naaet');
  });

  it('rejects a duplicate milestone number beside the field', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const res = await s.post(`/styring/milepaele/ny?projekt=${w.m.projectId}`, {
      phase: '4',
      phaseName: 'Forankring',
      number: '24',
      content: 'Ny milepæl',
      dueDate: '2023-06-30',
      responsible: 'Styregruppen',
      status: 'ikke_startet',
      note: '',
    });
    expectRejected(res, 'Nummeret bruges allerede af en anden milepæl.');
  });

  it("lets no caseworker edit, and no one reach another municipality's project", async () => {
    const cw = await loginAs(srv.app, w.m.caseworker.username);
    expect((await postGoal(cw, w.m.projectId, { title: 'Ikke tilladt' })).statusCode).toBe(403);
    const pl = await loginAs(srv.app, w.m.leader.username);
    expect((await pl.get(`/styring/maal?projekt=${w.other.projectId}`)).statusCode).toBe(404);
    expect((await postGoal(pl, w.other.projectId, { title: 'Andens projekt' })).statusCode).toBe(404);
    const analyst = await loginAs(srv.app, w.agencyAnalyst.username);
    expect((await analyst.get('/styring')).statusCode).toBe(403);
  });
});
