/**
 * The route × role × tenant matrix: EVERY route in app.routeTable (so routes other areas add
 * later are covered automatically), called as every role of a fresh municipality's jobcentre
 * (caseworker, project leader, analyst, administrator) and of a fresh agency (analyst,
 * administrator) — and anonymously — with the ids of another fresh municipality put in for every
 * `:param` (her participant id, and the ids of her rows in every table with a municipality_code,
 * found through information_schema). Both municipalities are built by this file
 * (test/helpers/world.ts); the other one's woman has records of every casework kind, Danish
 * tuition and a recruitment candidate, its project a steering group meeting, a milestone and an
 * instrument, all with texts found nowhere else. A tenant table the built world does not fill
 * (companies, group sessions, …) is covered by a row of whatever other municipality the database
 * holds. No 2xx answer may contain another tenant's woman's name or CPR number, nor the contents
 * of the records involved (every distinctive text of those rows), read from HTML, CSV, and from
 * PDF (text by poppler's pdftotext) and XLSX (every cell by exceljs) downloads; report routes are
 * also called with real kinds and formats and `?projekt=` the other municipality's project. No
 * answer may be a 500, and the other tenants' rows must be unchanged afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createVault } from '../src/security/vault.ts';
import { formatCpr } from '../src/core/cpr.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { formBody, loginAs } from './helpers/http.ts';
import { REPORT_KINDS } from '../src/reports/project-reports.ts';
import { fold, readableText } from './helpers/downloads.ts';
import { addCaseRecords, addProjectRecords, createAgency, createMunicipality, type TestMunicipality } from './helpers/world.ts';

describe.each(backends())('route matrix on %s', (backend) => {
  // Thousands of requests from one address: the rate limit is off.
  const srv = useTestServer(backend, { rateLimit: { burst: 0, perSecond: 20, loginCost: 25 } });
  // Two fresh municipalities: the users of OWN ask for OTHER's data.
  const w = {} as {
    own: TestMunicipality;
    other: TestMunicipality;
    users: string[];
    caseTexts: string[];
    projectTexts: string[];
    candidateName: string;
  };
  beforeAll(async () => {
    w.own = await createMunicipality(srv.t.db, { women: 2 });
    w.other = await createMunicipality(srv.t.db, { women: 3 });
    const agency = await createAgency(srv.t.db);
    w.users = [w.own.caseworker, w.own.leader, w.own.analyst, w.own.administrator, agency.analyst, agency.administrator].map(
      (u) => u.username,
    );
    await addCaseRecords(srv.t.db, w.own, w.own.women[0], 'EGEN-M4T');
    const rec = await addCaseRecords(srv.t.db, w.other, w.other.women[0], 'Q7Z');
    w.caseTexts = rec.texts;
    w.candidateName = rec.candidateName;
    w.projectTexts = await addProjectRecords(srv.t.db, w.other, 'Q7Z');
  }, 120_000);

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

  /** A fingerprint of every row of every tenant but OWN, to prove nothing was changed. */
  async function fingerprint() {
    const out: Record<string, string> = {};
    for (const tb of await tenantTables()) {
      out[tb.table] = (
        await srv.t.db.query<{ h: string }>(
          `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tb.table}" x WHERE municipality_code <> $1`,
          [w.own.code],
        )
      ).rows[0].h;
    }
    return out;
  }

  it("reads downloads as their reader does: the own project's report PDF and XLSX name the project", async () => {
    const s = await loginAs(srv.app, w.own.leader.username);
    for (const format of ['pdf', 'xlsx'] as const) {
      const res = await s.get(`/styring/rapporter/maanedlig.${format}?projekt=${w.own.projectId}`);
      expect(res.statusCode).toBe(200);
      const { kind, text } = await readableText(res);
      expect(kind).toBe(format);
      expect(fold(text)).toContain(fold(w.own.projectName));
    }
  });

  it("no role of another tenant gets the other tenant's data from any route, and nothing answers 500", { timeout: 1_800_000 }, async () => {
    const vault = createVault(TEST_SECRET);
    const OWN = w.own.code;
    const OTHER = w.other.code;
    // Ids to substitute: the other municipality's women and one of its rows of every tenant table; its project.
    const candidates = new Set<string>();
    const women = new Set<string>(w.other.women.map((x) => x.id));
    const otherWoman = w.other.women[0].id; // the one with records
    const ownWoman = w.own.women[0].id;
    candidates.add(otherWoman);
    const tables = await tenantTables();
    const filledIn: string[] = [];
    for (const tb of tables) {
      if (!tb.hasId) continue;
      const pick = async (where: string, code: string) =>
        (
          await srv.t.db.query<{ id: string; pid: string | null }>(
            `SELECT id::text AS id, ${tb.hasParticipant ? 'participant_id::text' : 'NULL'} AS pid FROM "${tb.table}" WHERE ${where}
           ORDER BY ${tb.hasParticipant ? `(participant_id = '${otherWoman}') DESC, ` : ''}municipality_code, id LIMIT 1`,
            [code],
          )
        ).rows[0];
      // Her row; for a table the built world leaves empty, a row of any tenant but OWN.
      let row = await pick('municipality_code = $1', OTHER);
      if (!row) {
        row = await pick('municipality_code <> $1', OWN);
        if (row) filledIn.push(tb.table);
      }
      if (!row) continue;
      candidates.add(row.id);
      if (row.pid) women.add(row.pid);
    }
    // The built world fills the casework tables itself.
    for (const t of [
      'casework_conversation',
      'casework_activity',
      'casework_plan_change',
      'casework_exemption',
      'danish_course',
      'danish_test',
    ])
      expect(filledIn).not.toContain(t);
    const otherProjects = [w.other.projectId];
    candidates.add(String(w.other.projectId));
    expect(candidates.size).toBeGreaterThan(4);
    // Project data (meetings with their agenda, minutes and actions; goals; milestones; instruments) is
    // scoped by project, not municipality: one row id of every project-scoped table of the other
    // municipality's project (or, where it has none, of another project OWN is not in).
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
    const notOwnProject = `project_id NOT IN (SELECT project_id FROM project_municipality WHERE municipality_code = $2)`;
    const projectRows = new Map<string, string>();
    for (const tb of projectTables) {
      const row = (
        await srv.t.db.query<{ id: string }>(
          `SELECT id::text AS id FROM "${tb}" WHERE ${notOwnProject} ORDER BY (project_id = ANY ($1::int[])) DESC, id LIMIT 1`,
          [otherProjects, OWN],
        )
      ).rows[0];
      if (row) {
        candidates.add(row.id);
        projectRows.set(tb, row.id);
      }
    }

    // What must never appear: the full names and CPR numbers of the women involved.
    const secrets: string[] = [];
    // (A name that a woman of another municipality also has proves nothing, so only unique names count.)
    for (const x of (
      await srv.t.db.query<{ first_name: string; last_name: string; cpr_enc: string; shared: boolean }>(
        `SELECT p.first_name, p.last_name, p.cpr_enc, EXISTS (SELECT 1 FROM participant o WHERE o.municipality_code <> p.municipality_code
         AND o.first_name = p.first_name AND o.last_name = p.last_name) AS shared
       FROM participant p WHERE p.id = ANY ($1::uuid[])`,
        [[...women]],
      )
    ).rows) {
      const cpr = vault.decryptCpr(x.cpr_enc);
      secrets.push(cpr, formatCpr(cpr));
      if (!x.shared) secrets.push(`${x.first_name} ${x.last_name}`);
    }
    expect(secrets.length).toBeGreaterThanOrEqual(women.size * 2);
    // The built world's women all have names found nowhere else.
    for (const x of w.other.women) expect(secrets).toContain(`${x.firstName} ${x.lastName}`);
    // Never-enrolled candidates (issue 13: the gross group): their CPR numbers as well, the built one first.
    const otherCandidates = (
      await srv.t.db.query<{ cpr_enc: string }>(
        `SELECT cpr_enc FROM recruitment_candidate WHERE municipality_code <> $2 AND participant_id IS NULL
         ORDER BY (municipality_code = $1) DESC, id LIMIT 5`,
        [OTHER, OWN],
      )
    ).rows;
    expect(otherCandidates.length).toBeGreaterThan(0);
    for (const c of otherCandidates) {
      const cpr = vault.decryptCpr(c.cpr_enc);
      secrets.push(cpr, formatCpr(cpr));
    }

    // The contents of the records involved: every text of those rows (of the women, the substituted
    // rows and the other project) that no row of another municipality has in that column.
    const contents: string[] = [];
    for (const tb of tables) {
      if (tb.table === 'participant') continue; // names and CPR numbers above
      const cols = (
        await srv.t.db.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [tb.table],
        )
      ).rows;
      const has = (c: string) => cols.some((x) => x.column_name === c);
      const params: unknown[] = [OWN];
      const mine = [
        has('id') ? `x.id::text = ANY ($${params.push([...candidates])}::text[])` : null,
        has('participant_id') ? `x.participant_id::text = ANY ($${params.push([...women])}::text[])` : null,
        has('project_id') ? `x.project_id = ANY ($${params.push(otherProjects)}::int[])` : null,
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
              `SELECT DISTINCT x.${col} AS v FROM "${tb.table}" x WHERE x.municipality_code <> $1 AND (${mine}) AND length(x.${col}) >= 8
             AND NOT EXISTS (SELECT 1 FROM "${tb.table}" o WHERE o.municipality_code <> x.municipality_code AND o.${col} = x.${col})
           ORDER BY 1 LIMIT 15`,
              params,
            )
          ).rows.map((r) => fold(r.v)),
        );
      }
    }
    // The texts of the project-scoped rows involved that no other project's row has.
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
              `SELECT DISTINCT x.${col} AS v FROM "${tb}" x WHERE (x.project_id = ANY ($1::int[]) OR x.id::text = $2) AND length(x.${col}) >= 8
             AND NOT EXISTS (SELECT 1 FROM "${tb}" o WHERE o.project_id <> x.project_id AND o.${col} = x.${col})
           ORDER BY 1 LIMIT 15`,
              [otherProjects, projectRows.get(tb) ?? ''],
            )
          ).rows.map((r) => fold(r.v)),
        );
      }
    }
    // Every text the world builder wrote in a text column is among them (so the check below is about
    // real contents); the plan's job goals and the instrument's dimension and step texts are JSON: named here.
    const json = [...w.caseTexts.filter((t) => /jobmål/.test(t)), ...w.projectTexts.slice(11, 14)].map(fold);
    expect(contents).toEqual(expect.arrayContaining([...w.caseTexts, ...w.projectTexts].map(fold).filter((t) => !json.includes(t))));
    contents.push(...json);
    // A text that is the name of one of OWN's women or candidates proves nothing (OWN's users see
    // those); the built candidate's name is found nowhere else.
    const namesElsewhere = new Set(
      (
        await srv.t.db.query<{ n: string }>(
          `SELECT first_name || ' ' || last_name AS n FROM participant WHERE municipality_code = $1
       UNION SELECT name FROM recruitment_candidate WHERE municipality_code = $1`,
          [OWN],
        )
      ).rows.map((r) => fold(r.n)),
    );
    // A code (one lowercase word, such as a visitation or an activity type) is vocabulary every page may
    // print, not contents: a row taken from another tenant may hold one that no other tenant's row has.
    secrets.push(...contents.filter((c) => !namesElsewhere.has(c) && !/^[a-zæøå_]+$/.test(c)));
    expect(secrets).toContain(fold(w.candidateName));

    const before = await fingerprint();
    const projectPrint = async () => {
      const out: Record<string, string> = {};
      for (const tb of projectTables) {
        out[tb] = (
          await srv.t.db.query<{ h: string }>(
            `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tb}" x WHERE ${notOwnProject.replace('$2', '$1')}`,
            [OWN],
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
      // Steering and national pages read `?projekt=`: ask them for the other municipality's project too.
      const withProject = /^\/(styring|nationalt)/.test(url) ? otherProjects.map((p) => `${url}?projekt=${p}`) : [];
      if (!params.length) return [url, ...withProject];
      const fill = (values: string[]) => {
        let i = 0;
        return url.replace(/:\w+|\*/g, () => encodeURIComponent(values[Math.min(i++, values.length - 1)]));
      };
      const out = new Set<string>();
      // Report routes with real kinds and formats, for the other municipality's project.
      if (params.some((p) => p === ':kind' || p === ':format')) {
        for (const kind of REPORT_KINDS)
          for (const format of ['pdf', 'xlsx', 'csv']) {
            const u = url.replace(':kind', kind).replace(':format', format);
            for (const p of otherProjects) out.add(`${u}?projekt=${p}`);
          }
      }
      for (const c of candidates) {
        out.add(fill([c]));
        if (params.length > 1) {
          out.add(fill([otherWoman, c]));
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
    for (const user of [...w.users, null]) {
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
    const OWN = w.own.code;
    const cw = await loginAs(srv.app, w.own.caseworker.username);
    // The own municipality's woman with a plan (the world builder's records), a conversation note, a plan history and a unique last name.
    const her = (
      await srv.t.db.query<{ id: string; first_name: string; cpr_enc: string }>(
        `SELECT p.id, p.first_name, p.cpr_enc FROM participant p JOIN casework_plan pl ON pl.participant_id = p.id WHERE p.id = $1`,
        [w.own.women[0].id],
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
