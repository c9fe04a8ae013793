/**
 * The route × role × tenant matrix: EVERY route in app.routeTable (so routes other areas add
 * later are covered automatically), called as every role of Aalborg's jobcentre and the agency —
 * and anonymously — with Aarhus' ids put in for every `:param` (her participant id, and the ids
 * of Aarhus rows in every table with a municipality_code, found through information_schema).
 * No 2xx answer may contain an Aarhus woman's name or CPR number, nor the contents of the Aarhus
 * records involved (notes, providers, goals: every distinctive text of those rows), read from
 * HTML, CSV, and from PDF (text by poppler's pdftotext) and XLSX (every cell by exceljs)
 * downloads; report routes are also called with real kinds and formats and `?projekt=` an
 * Aarhus project. Project-scoped rows (meetings with their agenda, minutes and actions, goals,
 * milestones) of an Aarhus-only project are substituted and looked for the same way. No answer may
 * be a 500, and Aarhus' rows must be unchanged afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createVault } from '../src/security/vault.ts';
import { formatCpr } from '../src/core/cpr.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { formBody, loginAs } from './helpers/http.ts';
import { REPORT_KINDS } from '../src/reports/project-reports.ts';
import { fold, readableText } from './helpers/downloads.ts';

const OTHER = '751'; // Aarhus
const OWN = '851'; // Aalborg
const USERS = ['sagsbehandler.aalborg', 'projektleder.aalborg', 'analytiker.siri', 'admin'];

describe.each(backends())('route matrix on %s', (backend) => {
  // Thousands of requests from one address: the rate limit is off.
  const srv = useTestServer(backend, { rateLimit: { burst: 0, perSecond: 20, loginCost: 25 } });

  /** Tables holding tenant rows: every base table with a municipality_code column. */
  async function tenantTables() {
    return (
      await srv.t.db.query<{ table: string; hasId: boolean; hasParticipant: boolean }>(
        `SELECT c.table_name AS "table",
              bool_or(c2.column_name = 'id') AS "hasId", bool_or(c2.column_name = 'participant_id') AS "hasParticipant"
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       JOIN information_schema.columns c2 ON c2.table_schema = c.table_schema AND c2.table_name = c.table_name
       WHERE c.column_name = 'municipality_code' AND c.table_schema = current_schema()
         AND c.table_name NOT IN ('audit_log', 'municipality', 'organisation_municipality', 'project_municipality')
       GROUP BY c.table_name ORDER BY 1`,
      )
    ).rows;
  }

  /** A fingerprint of every Aarhus row, to prove nothing was changed. */
  async function fingerprint() {
    const out: Record<string, string> = {};
    for (const tb of await tenantTables()) {
      out[tb.table] = (
        await srv.t.db.query<{ h: string }>(
          `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tb.table}" x WHERE municipality_code = $1`,
          [OTHER],
        )
      ).rows[0].h;
    }
    return out;
  }

  it("reads downloads as their reader does: the own project's report PDF and XLSX name the project", async () => {
    const s = await loginAs(srv.app, 'projektleder.aalborg');
    const pid = (await srv.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
    const name = (await srv.t.db.query<{ name: string }>('SELECT name FROM project WHERE id = $1', [pid])).rows[0].name;
    for (const format of ['pdf', 'xlsx'] as const) {
      const res = await s.get(`/styring/rapporter/maanedlig.${format}?projekt=${pid}`);
      expect(res.statusCode).toBe(200);
      const { kind, text } = await readableText(res);
      expect(kind).toBe(format);
      expect(fold(text)).toContain(name);
    }
  });

  it("no role of another tenant gets an Aarhus woman's data from any route, and nothing answers 500", { timeout: 900_000 }, async () => {
    const vault = createVault(TEST_SECRET);
    // Ids to substitute: Aarhus' participants and one Aarhus row of every tenant table; Aarhus-only projects.
    const candidates = new Set<string>();
    const women = new Set<string>();
    const aarhusWoman = (
      await srv.t.db.query<{ id: string }>(
        `SELECT p.id FROM participant p WHERE municipality_code = $1
       ORDER BY (SELECT count(*) FROM casework_activity a WHERE a.participant_id = p.id) DESC, p.id LIMIT 1`,
        [OTHER],
      )
    ).rows[0].id;
    const ownWoman = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM participant WHERE municipality_code = $1 ORDER BY id LIMIT 1', [OWN])
    ).rows[0].id;
    candidates.add(aarhusWoman);
    women.add(aarhusWoman);
    // Her records get contents found nowhere else (demo texts repeat across municipalities).
    await srv.t.db.query(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, participants, note)
      VALUES ($1, $2, current_date - 3, 'individuel', 'Borgeren og Q7Z-tolken', 'Fortroligt Q7Z-notat om gæld og helbred')`,
      [aarhusWoman, OTHER],
    );
    await srv.t.db.query(
      `INSERT INTO casework_activity (participant_id, municipality_code, type_key, provider, start_date, status)
      VALUES ($1, $2, 'virksomhedspraktik', 'Q7Z Bageriet i Aarhus ApS', current_date - 30, 'i_gang')`,
      [aarhusWoman, OTHER],
    );
    // Her Danish tuition (issue 14 build 4): every kind of record, with texts found nowhere else.
    await srv.t.db.query(
      `INSERT INTO danish_course (participant_id, municipality_code, education, module, provider, start_date)
      VALUES ($1, $2, 'du2', 3, 'Q7Z Sprogskolen i Aarhus', current_date - 90)`,
      [aarhusWoman, OTHER],
    );
    await srv.t.db.query(
      `INSERT INTO danish_attendance (participant_id, municipality_code, month, percent)
      VALUES ($1, $2, '2019-01-01', 37)`,
      [aarhusWoman, OTHER],
    );
    await srv.t.db.query(
      `INSERT INTO danish_test (participant_id, municipality_code, kind, module, taken_on, outcome, result)
      VALUES ($1, $2, 'modultest', 3, current_date - 10, 'bestaaet', 'Q7Z-karakter tolv')`,
      [aarhusWoman, OTHER],
    );
    await srv.t.db.query(
      `INSERT INTO danish_buddy (participant_id, municipality_code, from_date, buddy_name)
      VALUES ($1, $2, current_date - 20, 'Q7Z-sprogmakker Jensen')`,
      [aarhusWoman, OTHER],
    );
    for (const tb of await tenantTables()) {
      if (!tb.hasId) continue;
      const row = (
        await srv.t.db.query<{ id: string; pid: string | null }>(
          `SELECT id::text AS id, ${tb.hasParticipant ? 'participant_id::text' : 'NULL'} AS pid FROM "${tb.table}" WHERE municipality_code = $1
         ORDER BY ${tb.hasParticipant ? `(participant_id = '${aarhusWoman}') DESC, ` : ''}id LIMIT 1`,
          [OTHER],
        )
      ).rows[0];
      if (!row) continue;
      candidates.add(row.id);
      if (row.pid) women.add(row.pid);
    }
    for (const r of (
      await srv.t.db.query<{ id: number }>(
        `SELECT project_id AS id FROM project_municipality GROUP BY project_id HAVING bool_and(municipality_code = $1)`,
        [OTHER],
      )
    ).rows)
      candidates.add(String(r.id));
    expect(candidates.size).toBeGreaterThan(4);
    // Project data (meetings with their agenda, minutes and actions; goals; milestones) is scoped
    // by project, not municipality: an Aarhus steering group meeting with texts found nowhere else,
    // and one row id of every project-scoped table of an Aarhus-only project.
    const onlyAarhus = (
      await srv.t.db.query<{ id: number }>(
        `SELECT project_id AS id FROM project_municipality GROUP BY project_id HAVING bool_and(municipality_code = $1)`,
        [OTHER],
      )
    ).rows.map((r) => r.id);
    const meeting = (
      await srv.t.db.query<{ id: number }>(
        `INSERT INTO steering_meeting (project_id, kind, held_on, title, place, participants)
      VALUES ($1, 'styregruppe', '2021-05-03', 'Q7Z-styregruppemøde i Aarhus', 'Q7Z-mødelokalet', 'Q7Z-direktøren og Q7Z-chefen') RETURNING id`,
        [onlyAarhus[0]],
      )
    ).rows[0].id;
    await srv.t.db.query(
      `INSERT INTO steering_meeting_point (project_id, meeting_id, position, title, minutes, decision)
      VALUES ($1, $2, 1, 'Q7Z-punkt om budgettet', 'Q7Z-referat af drøftelsen', 'Q7Z-beslutning om besparelser')`,
      [onlyAarhus[0], meeting],
    );
    await srv.t.db.query(
      `INSERT INTO steering_meeting_action (project_id, meeting_id, description, owner, due_date, status)
      VALUES ($1, $2, 'Q7Z-handling om opsigelser', 'Q7Z-ansvarlig chef', '2021-06-01', 'aaben')`,
      [onlyAarhus[0], meeting],
    );
    // A project's own progression instrument (issue 14 build 5) with a name and step texts found nowhere else.
    const aarhusInstrument = (
      await srv.t.db.query<{ id: number }>('INSERT INTO project_instrument (project_id) VALUES ($1) RETURNING id', [onlyAarhus[0]])
    ).rows[0].id;
    await srv.t.db.query(
      `INSERT INTO project_instrument_version (project_id, instrument_id, version, name, scale_min, scale_max, dimensions)
      VALUES ($1, $2, 1, 'Q7Z-progressionstrappe i Aarhus', 1, 2, $3)`,
      [
        onlyAarhus[0],
        aarhusInstrument,
        JSON.stringify([{ key: 'd1', name: 'Q7Z-dimension om sprog', steps: ['Q7Z-trin et om sprog', 'Q7Z-trin to om sprog'] }]),
      ],
    );
    const projectTables = (
      await srv.t.db.query<{ table: string }>(
        `SELECT c.table_name AS "table" FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       WHERE c.table_schema = current_schema() AND c.column_name = 'project_id'
         AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id')
         AND NOT EXISTS (SELECT 1 FROM information_schema.columns m WHERE m.table_schema = c.table_schema AND m.table_name = c.table_name AND m.column_name = 'municipality_code')
       ORDER BY 1`,
      )
    ).rows.map((r) => r.table);
    expect(projectTables).toEqual(
      expect.arrayContaining([
        'steering_meeting',
        'steering_meeting_point',
        'steering_meeting_action',
        'project_milestone',
        'project_instrument',
        'project_instrument_version',
      ]),
    );
    for (const tb of projectTables) {
      const row = (
        await srv.t.db.query<{ id: string }>(`SELECT id::text AS id FROM "${tb}" WHERE project_id = ANY ($1::int[]) ORDER BY id LIMIT 1`, [
          onlyAarhus,
        ])
      ).rows[0];
      if (row) candidates.add(row.id);
    }

    // What must never appear: the full names and CPR numbers of the Aarhus women involved.
    const secrets: string[] = [];
    // (A name that a woman outside Aarhus also has proves nothing, so only unique names count.)
    for (const w of (
      await srv.t.db.query<{ first_name: string; last_name: string; cpr_enc: string; shared: boolean }>(
        `SELECT p.first_name, p.last_name, p.cpr_enc, EXISTS (SELECT 1 FROM participant o WHERE o.municipality_code <> $2
         AND o.first_name = p.first_name AND o.last_name = p.last_name) AS shared
       FROM participant p WHERE p.id = ANY ($1::uuid[])`,
        [[...women], OTHER],
      )
    ).rows) {
      const cpr = vault.decryptCpr(w.cpr_enc);
      secrets.push(cpr, formatCpr(cpr));
      if (!w.shared) secrets.push(`${w.first_name} ${w.last_name}`);
    }
    expect(secrets.length).toBeGreaterThanOrEqual(women.size * 2);
    // Aarhus' candidates (issue 13: the gross group), never enrolled: their CPR numbers as well.
    const aarhusCandidates = (
      await srv.t.db.query<{ cpr_enc: string }>(
        'SELECT cpr_enc FROM recruitment_candidate WHERE municipality_code = $1 AND participant_id IS NULL ORDER BY id LIMIT 5',
        [OTHER],
      )
    ).rows;
    expect(aarhusCandidates.length).toBeGreaterThan(0);
    for (const c of aarhusCandidates) {
      const cpr = vault.decryptCpr(c.cpr_enc);
      secrets.push(cpr, formatCpr(cpr));
    }

    // The contents of the Aarhus records involved: every text of those rows (of the women, the
    // substituted rows and Aarhus-only projects) that no row outside Aarhus has in that column.
    const aarhusProjects = (
      await srv.t.db.query<{ id: number }>(
        `SELECT project_id AS id FROM project_municipality GROUP BY project_id HAVING bool_and(municipality_code = $1)`,
        [OTHER],
      )
    ).rows.map((r) => r.id);
    const contents: string[] = [];
    for (const tb of await tenantTables()) {
      if (tb.table === 'participant') continue; // names and CPR numbers above
      const cols = (
        await srv.t.db.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [tb.table],
        )
      ).rows;
      const has = (c: string) => cols.some((x) => x.column_name === c);
      const params: unknown[] = [OTHER];
      const mine = [
        has('id') ? `x.id::text = ANY ($${params.push([...candidates])}::text[])` : null,
        has('participant_id') ? `x.participant_id::text = ANY ($${params.push([...women])}::text[])` : null,
        has('project_id') ? `x.project_id = ANY ($${params.push(aarhusProjects)}::int[])` : null,
      ]
        .filter(Boolean)
        .join(' OR ');
      if (!mine) continue;
      for (const c of cols.filter(
        (x) => ['text', 'character varying'].includes(x.data_type) && !/(_hash|_enc|_id|^id)$/.test(x.column_name),
      )) {
        const col = `"${c.column_name}"`;
        contents.push(
          ...(
            await srv.t.db.query<{ v: string }>(
              `SELECT DISTINCT x.${col} AS v FROM "${tb.table}" x WHERE x.municipality_code = $1 AND (${mine}) AND length(x.${col}) >= 8
             AND NOT EXISTS (SELECT 1 FROM "${tb.table}" o WHERE o.municipality_code <> $1 AND o.${col} = x.${col})
           ORDER BY 1 LIMIT 15`,
              params,
            )
          ).rows.map((r) => fold(r.v)),
        );
      }
    }
    // The texts of Aarhus-only projects' project-scoped rows that no other project's row has.
    for (const tb of projectTables) {
      const cols = (
        await srv.t.db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND data_type IN ('text', 'character varying')`,
          [tb],
        )
      ).rows;
      for (const c of cols.filter((x) => !/(_hash|_enc|_id|^id|^kind|^status|^source)$/.test(x.column_name))) {
        const col = `"${c.column_name}"`;
        contents.push(
          ...(
            await srv.t.db.query<{ v: string }>(
              `SELECT DISTINCT x.${col} AS v FROM "${tb}" x WHERE x.project_id = ANY ($1::int[]) AND length(x.${col}) >= 8
             AND NOT EXISTS (SELECT 1 FROM "${tb}" o WHERE NOT (o.project_id = ANY ($1::int[])) AND o.${col} = x.${col})
           ORDER BY 1 LIMIT 15`,
              [onlyAarhus],
            )
          ).rows.map((r) => fold(r.v)),
        );
      }
    }
    expect(contents).toEqual(
      expect.arrayContaining([
        'Q7Z-styregruppemøde i Aarhus',
        'Q7Z-beslutning om besparelser',
        'Q7Z-handling om opsigelser',
        'Q7Z-ansvarlig chef',
        'Q7Z-progressionstrappe i Aarhus',
      ]),
    );
    // The instrument's dimensions and step texts are JSON, not text columns: named here.
    contents.push('Q7Z-dimension om sprog', 'Q7Z-trin et om sprog', 'Q7Z-trin to om sprog');
    // Her notes and activities are among them (so the check below is about real contents).
    expect(contents).toEqual(
      expect.arrayContaining(['Fortroligt Q7Z-notat om gæld og helbred', 'Q7Z Bageriet i Aarhus ApS', 'Borgeren og Q7Z-tolken']),
    );
    expect(contents).toEqual(expect.arrayContaining(['Q7Z Sprogskolen i Aarhus', 'Q7Z-karakter tolv', 'Q7Z-sprogmakker Jensen']));
    // A candidate's name that a woman or a candidate outside Aarhus also has proves nothing (as for the
    // women above): names come from one generator, and a never-enrolled Aarhus candidate may share an
    // Aalborg woman's or an Aalborg candidate's name.
    const namesElsewhere = new Set(
      (
        await srv.t.db.query<{ n: string }>(
          `SELECT first_name || ' ' || last_name AS n FROM participant WHERE municipality_code <> $1
       UNION SELECT name FROM recruitment_candidate WHERE municipality_code <> $1`,
          [OTHER],
        )
      ).rows.map((r) => fold(r.n)),
    );
    secrets.push(...contents.filter((c) => !namesElsewhere.has(c)));

    const before = await fingerprint();
    const projectPrint = async () => {
      const out: Record<string, string> = {};
      for (const tb of projectTables) {
        out[tb] = (
          await srv.t.db.query<{ h: string }>(
            `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tb}" x WHERE project_id = ANY ($1::int[])`,
            [onlyAarhus],
          )
        ).rows[0].h;
      }
      return out;
    };
    const projectBefore = await projectPrint();
    const routes = [...srv.app.routeTable].sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
    expect(routes.length).toBeGreaterThan(10);
    // Danish tuition's routes (issue 14 build 4) are among them, each kind with new, correct and delete.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(
        ['kurser', 'fremmoede', 'proever', 'sprogmakker'].flatMap((k) => [
          `GET /deltagere/:id/dansk/${k}/ny`,
          `POST /deltagere/:id/dansk/${k}`,
          `GET /deltagere/:id/dansk/${k}/:rid`,
          `POST /deltagere/:id/dansk/${k}/:rid`,
          `GET /deltagere/:id/dansk/${k}/:rid/slet`,
          `POST /deltagere/:id/dansk/${k}/:rid/slet`,
        ]),
      ),
    );
    const urlsFor = (url: string): string[] => {
      const params = url.match(/:\w+|\*/g) ?? [];
      // Steering and national pages read `?projekt=`: ask them for an Aarhus project too.
      const withProject = /^\/(styring|nationalt)/.test(url) ? aarhusProjects.map((p) => `${url}?projekt=${p}`) : [];
      if (!params.length) return [url, ...withProject];
      const fill = (values: string[]) => {
        let i = 0;
        return url.replace(/:\w+|\*/g, () => encodeURIComponent(values[Math.min(i++, values.length - 1)]));
      };
      const out = new Set<string>();
      // Report routes with real kinds and formats, for an Aarhus project.
      if (params.some((p) => p === ':kind' || p === ':format')) {
        for (const kind of REPORT_KINDS)
          for (const format of ['pdf', 'xlsx', 'csv']) {
            const u = url.replace(':kind', kind).replace(':format', format);
            for (const p of aarhusProjects) out.add(`${u}?projekt=${p}`);
          }
      }
      for (const c of candidates) {
        out.add(fill([c]));
        if (params.length > 1) {
          out.add(fill([aarhusWoman, c]));
          out.add(fill([ownWoman, c])); // another tenant's record under one's own woman
        }
      }
      return [...out];
    };

    const failures: string[] = [];
    const decoded = { pdf: 0, xlsx: 0, text: 0 };
    const check = async (who: string, method: string, url: string, res: LightMyRequestResponse) => {
      if (res.statusCode >= 500) failures.push(`${who} ${method} ${url}: ${res.statusCode}`);
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const { kind, text } = await readableText(res);
        decoded[kind]++;
        const seen = fold(text);
        for (const s of secrets) if (seen.includes(s)) failures.push(`${who} ${method} ${url}: ${res.statusCode} ${kind} shows "${s}"`);
      }
    };
    let calls = 0;
    for (const user of [...USERS, null]) {
      const s = user ? await loginAs(srv.app, user) : null;
      const who = user ?? 'anonym';
      for (const r of routes) {
        for (const url of urlsFor(r.url)) {
          calls++;
          const res =
            r.method === 'GET'
              ? s
                ? await s.get(url)
                : await srv.app.inject({ method: 'GET', url })
              : s
                ? await s.post(url, { bekraeft: 'ja' })
                : await srv.app.inject({
                    method: r.method as 'POST',
                    url,
                    headers: { 'content-type': 'application/x-www-form-urlencoded' },
                    payload: formBody({ bekraeft: 'ja' }),
                  });
          await check(who, r.method, url, res);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(routes.length * 5);
    // Downloads were read: the agency's national PDF and XLSX at least.
    expect(decoded.pdf).toBeGreaterThan(0);
    expect(decoded.xlsx).toBeGreaterThan(0);
    expect(await fingerprint()).toEqual(before);
    expect(await projectPrint()).toEqual(projectBefore);
  });

  it('the "link" role: her personal link reaches only her plan view through any route, and nothing once revoked', async () => {
    const vault = createVault(TEST_SECRET);
    const cw = await loginAs(srv.app, 'sagsbehandler.aalborg');
    // An Aalborg woman with a plan, a conversation note, a plan history and a unique last name.
    const her = (
      await srv.t.db.query<{ id: string; first_name: string; cpr_enc: string }>(
        `SELECT p.id, p.first_name, p.cpr_enc FROM participant p JOIN casework_plan pl ON pl.participant_id = p.id
       WHERE p.municipality_code = $1 ORDER BY p.id LIMIT 1`,
        [OWN],
      )
    ).rows[0];
    const note = 'LINK-MATRIX-NOTAT-5512';
    const oldGoal = 'LINK-MATRIX-GAMMELT-MAAL';
    const last = 'Linkmatrixsen';
    await srv.t.db.query('UPDATE participant SET last_name = $2 WHERE id = $1', [her.id, last]);
    await srv.t.db.query(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, note) VALUES ($1, $2, current_date, 'individuel', $3)`,
      [her.id, OWN, note],
    );
    await srv.t.db.query(
      `INSERT INTO casework_plan_change (participant_id, municipality_code, changed_by_name, changes) VALUES ($1, $2, 'x', $3)`,
      [her.id, OWN, JSON.stringify([{ field: 'jobGoal', label: 'Jobmål', from: oldGoal, to: 'y' }])],
    );
    const jobGoal = (
      await srv.t.db.query<{ g: string }>(`SELECT data->>'jobGoal' AS g FROM casework_plan WHERE participant_id = $1`, [her.id])
    ).rows[0].g;
    const cpr = vault.decryptCpr(her.cpr_enc);
    const secrets = [cpr, formatCpr(cpr), last, note, oldGoal];
    // The staff page shows them (so the checks below look at real data).
    const staff = (await cw.get(`/deltagere/${her.id}`)).body;
    for (const s of [formatCpr(cpr), last]) expect(staff).toContain(s);
    expect((await cw.get(`/deltagere/${her.id}/samtaler`)).body).toContain(note);

    const created = await cw.post(`/deltagere/${her.id}/min-plan/links`, { linkSprog: 'da' });
    const token = /\/borger\/([A-Za-z0-9_-]{43})</.exec(created.body)![1];
    const plan = await srv.app.inject({ method: 'GET', url: `/borger/${token}` });
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain(jobGoal);
    // Her anonymous browser: the pre-session cookie and CSRF token from her WHO-5 page, so POSTs get past CSRF.
    const form = await srv.app.inject({ method: 'GET', url: `/borger/${token}/who5` });
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const ids = (
      await srv.t.db.query<{ id: string }>(
        `SELECT id::text FROM casework_conversation WHERE participant_id = $1
       UNION ALL SELECT id::text FROM casework_activity WHERE participant_id = $1
       UNION ALL SELECT id::text FROM casework_assessment WHERE participant_id = $1
       UNION ALL SELECT id::text FROM citizen_link WHERE participant_id = $1`,
        [her.id],
      )
    ).rows
      .map((r) => r.id)
      .slice(0, 12);
    const values = [her.id, token, ...ids];
    const routes = [...srv.app.routeTable].filter((r) => r.url !== '/logout');
    const calls = async () => {
      const out: { method: string; url: string; status: number; body: string }[] = [];
      for (const r of routes) {
        const params = r.url.match(/:\w+|\*/g) ?? [];
        const urls = new Set<string>();
        if (!params.length) urls.add(r.url);
        else for (const v of values) urls.add(r.url.replace(/:\w+|\*/g, (p) => (p === ':token' ? token : encodeURIComponent(v))));
        for (const url of urls) {
          const res = await srv.app.inject({
            method: r.method as 'GET' | 'POST',
            url,
            headers: r.method === 'GET' ? { cookie } : { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            payload: r.method === 'GET' ? undefined : new URLSearchParams({ _csrf: csrf, bekraeft: 'ja' }).toString(),
          });
          // A PDF (her print) is read as its reader does, its text by pdftotext, whitespace folded.
          out.push({ method: r.method, url, status: res.statusCode, body: fold((await readableText(res)).text) });
        }
      }
      return out;
    };
    const failures: string[] = [];
    const reachedPlan = new Set<string>();
    for (const c of await calls()) {
      if (c.status >= 500) failures.push(`${c.method} ${c.url}: ${c.status}`);
      for (const s of secrets) if (c.body.includes(s)) failures.push(`${c.method} ${c.url}: ${c.status} shows "${s}"`);
      if (c.status < 300 && c.body.includes(jobGoal)) reachedPlan.add(c.url.replace(token, ':token'));
    }
    expect(failures).toEqual([]);
    // Her plan is reached only through her own link's pages.
    expect([...reachedPlan].sort()).toEqual(
      ['/borger/:token', '/borger/:token/plan.pdf'].filter((u) => routes.some((r) => r.url === u)).sort(),
    );

    // Revoked: every route shows nothing of hers at all, and each use of the link is audited.
    const linkId = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM citizen_link WHERE participant_id = $1 AND revoked_at IS NULL', [her.id])
    ).rows[0].id;
    expect((await cw.post(`/deltagere/${her.id}/min-plan/links/${linkId}/tilbagekald`, {})).statusCode).toBe(303);
    const before = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'borgerlink_afvist' AND participant_id = $1`,
        [her.id],
      )
    ).rows[0].n;
    let linkRoutes = 0;
    for (const c of await calls()) {
      if (c.url.includes(token) && c.url.startsWith('/borger/')) {
        linkRoutes++;
        expect(c.status, c.url).toBe(404);
      }
      for (const s of [...secrets, jobGoal]) expect(c.body.includes(s), `${c.method} ${c.url} after revocation`).toBe(false);
    }
    expect(linkRoutes).toBeGreaterThanOrEqual(2);
    const after = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'borgerlink_afvist' AND participant_id = $1`,
        [her.id],
      )
    ).rows[0].n;
    expect(after - before).toBe(linkRoutes);
  }, 240_000);
});
