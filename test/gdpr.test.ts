/**
 * GDPR duties for a jobcentre's project leader: the access export holds every row of every
 * participant_id table (discovered, so a table added later is included), the decrypted CPR and
 * her audit trail; anonymisation and erasure respect the retention period and are audited; the
 * retention job anonymises closed cases only; other tenants and roles get nothing.
 *
 * The women are a fresh municipality's (test/helpers/world.ts), each with casework records in many
 * tables; "other tenants" are a second fresh municipality and an agency.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import { openPGlite } from '../src/db/database.ts';
import { verifyAuditChain } from '../src/db/audit-chain.ts';
import { runRetention } from '../src/app/gdpr/retention-job.ts';
import { backends, testDeps } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { loginAs } from './helpers/http.ts';
import { addCaseRecords, createAgency, createMunicipality, type TestMunicipality, type TestUser } from './helpers/world.ts';

const root = join(import.meta.dirname, '..');

describe.each(backends())('GDPR duties on %s', (backend) => {
  const srv = useTestServer(
    backend,
    {},
    {
      // A table another area adds later: discovered by the export and cleared by anonymisation.
      seed: async (t) => {
        await t.db
          .exec(`CREATE TABLE gdpr_extra (id serial PRIMARY KEY, participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
          municipality_code char(3) NOT NULL, note text);
        GRANT SELECT, INSERT, UPDATE, DELETE ON gdpr_extra TO fremdrift_app;
        ALTER TABLE gdpr_extra ENABLE ROW LEVEL SECURITY;
        CREATE POLICY gdpr_extra_tenant ON gdpr_extra USING (municipality_code = ANY (fremdrift_tenant()));`);
      },
    },
  );

  const w = {} as { m: TestMunicipality; other: TestMunicipality; agencyAnalyst: TestUser; agencyAdmin: TestUser };
  beforeAll(async () => {
    w.m = await createMunicipality(srv.t.db, { women: 10 });
    for (const [i, x] of w.m.women.entries()) await addCaseRecords(srv.t.db, w.m, x, `gdpr${i}`);
    w.other = await createMunicipality(srv.t.db, { women: 1 });
    const agency = await createAgency(srv.t.db);
    w.agencyAnalyst = agency.analyst;
    w.agencyAdmin = agency.administrator;
  });

  /** The `offset`-th woman of the fresh municipality, with rows in many tables, her exits moved `yearsAgo` back (null: still enrolled). */
  async function woman(offset: number, yearsAgo: number | null) {
    const id = w.m.women[offset].id;
    await srv.t.db.query(`INSERT INTO gdpr_extra (participant_id, municipality_code, note) VALUES ($1, $2, 'Helbredsnote: ryg')`, [
      id,
      w.m.code,
    ]);
    if (yearsAgo === null) await srv.t.db.query('UPDATE enrolment SET exited_on = NULL WHERE participant_id = $1', [id]);
    else
      await srv.t.db.query(
        `UPDATE enrolment SET enrolled_on = current_date - make_interval(years => $2 + 1), exited_on = current_date - make_interval(years => $2),
         exit_reason = coalesce(exit_reason, 'andet'), exit_note = 'Udskrivningsnote om hendes helbred'
       WHERE participant_id = $1`,
        [id, yearsAgo],
      );
    return id;
  }

  const tablesWithParticipantId = async () =>
    (
      await srv.t.db.query<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'participant_id' AND table_schema = current_schema() AND table_name <> 'audit_log'`,
      )
    ).rows
      .map((r) => r.table_name)
      .sort();

  it('exports everything about one woman as JSON, with her CPR number and audit trail', async () => {
    const id = await woman(0, null);
    const cw = await loginAs(srv.app, w.m.caseworker.username);
    await cw.get(`/deltagere/${id}`);
    const pl = await loginAs(srv.app, w.m.leader.username);
    expect((await pl.get('/deltagere')).body).toContain('href="/admin/gdpr"');
    const page = await pl.get(`/admin/gdpr?deltager=${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/admin/gdpr/${id}/eksport`);
    const res = await pl.get(`/admin/gdpr/${id}/eksport`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(res.body);
    expect(data.participant.id).toBe(id);
    expect(data.participant.cpr).toMatch(/^\d{10}$/);
    expect(data.participant).not.toHaveProperty('cpr_enc');
    expect(Object.keys(data.tables).sort()).toEqual(await tablesWithParticipantId());
    expect(data.tables.gdpr_extra).toEqual([expect.objectContaining({ note: 'Helbredsnote: ryg' })]);
    for (const table of Object.keys(data.tables)) {
      const n = (await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE participant_id = $1`, [id])).rows[0]
        .n;
      expect(data.tables[table], table).toHaveLength(n);
    }
    expect(data.tables.casework_conversation.length).toBeGreaterThan(0);
    expect(
      data.auditTrail.some((a: { username: string; action: string }) => a.username === w.m.caseworker.username && a.action === 'vis'),
    ).toBe(true);
    const logged = await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'indsigt' AND participant_id = $1 AND username = $2`, [
      id,
      w.m.leader.username,
    ]);
    expect(logged.rows).toHaveLength(1);
  });

  it('gives other tenants and other roles nothing', async () => {
    const id = await woman(1, null);
    const other = await loginAs(srv.app, w.other.leader.username);
    const res = await other.get(`/admin/gdpr/${id}/eksport`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/\d{10}/);
    expect((await other.post(`/admin/gdpr/${id}/slet`, { bekraeft: 'ja' })).statusCode).toBe(404);
    expect((await other.post(`/admin/gdpr/${id}/anonymiser`, { bekraeft: 'ja' })).statusCode).toBe(404);
    for (const u of [w.m.caseworker, w.m.analyst, w.m.administrator, w.agencyAnalyst, w.agencyAdmin].map((x) => x.username)) {
      const s = await loginAs(srv.app, u);
      expect((await s.get(`/admin/gdpr/${id}/eksport`)).statusCode, u).toBe(403);
      expect((await s.post(`/admin/gdpr/${id}/slet`, { bekraeft: 'ja' })).statusCode, u).toBe(403);
    }
    expect((await srv.t.db.query('SELECT 1 FROM participant WHERE id = $1', [id])).rows).toHaveLength(1);
  });

  it('refuses erasure and anonymisation within the retention period, in Danish', async () => {
    const open = await woman(2, null);
    const recent = await woman(3, 2);
    const pl = await loginAs(srv.app, w.m.leader.username);
    const a = await pl.post(`/admin/gdpr/${open}/slet`, { bekraeft: 'ja' });
    expect(a.statusCode).toBe(409);
    expect(a.body).toContain('stadig indskrevet');
    const b = await pl.post(`/admin/gdpr/${recent}/anonymiser`, { bekraeft: 'ja' });
    expect(b.statusCode).toBe(409);
    expect(b.body).toMatch(/opbevares i 5 år efter udskrivning, dvs\. til \d{4}-\d{2}-\d{2}/);
    const c = await pl.post(`/admin/gdpr/${recent}/anonymiser`, {});
    expect(c.statusCode).toBe(400);
    expect((await srv.t.db.query('SELECT 1 FROM participant WHERE id = $1 AND anonymised_at IS NULL', [recent])).rows).toHaveLength(1);
  });

  it('anonymises a closed case past retention: names, CPR and free text gone, statistics kept, audited', async () => {
    const id = await woman(4, 6);
    const before = (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment WHERE participant_id = $1', [id])).rows[0]
      .n;
    // Danish tuition (issue 14 build 4): a passed test's result and her sprogmakker's name are free text.
    await srv.t.db.query(
      `INSERT INTO danish_test (participant_id, municipality_code, kind, module, taken_on, outcome, result) VALUES ($1, $2, 'modultest', 2, '2021-03-01', 'bestaaet', '12')`,
      [id, w.m.code],
    );
    await srv.t.db.query(
      `INSERT INTO danish_buddy (participant_id, municipality_code, from_date, buddy_name) VALUES ($1, $2, '2021-01-01', 'Gdpr Sprogmakker')`,
      [id, w.m.code],
    );
    const pl = await loginAs(srv.app, w.m.leader.username);
    const res = await pl.post(`/admin/gdpr/${id}/anonymiser`, { bekraeft: 'ja' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('anonymiseret');
    const p = (
      await srv.t.db.query<{
        first_name: string;
        last_name: string;
        cpr_hash: string;
        cpr_enc: string;
        birth_date: string;
        anonymised_at: unknown;
      }>('SELECT first_name, last_name, cpr_hash, cpr_enc, birth_date, anonymised_at FROM participant WHERE id = $1', [id])
    ).rows[0];
    expect(p).toMatchObject({ first_name: 'Anonymiseret', last_name: 'Person', cpr_hash: `anonymiseret:${id}`, cpr_enc: '' });
    expect(p.birth_date).toMatch(/-01-01$/);
    expect(p.anonymised_at).not.toBeNull();
    const notes = await srv.t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM casework_conversation WHERE participant_id = $1 AND (note IS NOT NULL OR participants IS NOT NULL))
            + (SELECT count(*) FROM gdpr_extra WHERE participant_id = $1 AND note IS NOT NULL)
            + (SELECT count(*) FROM enrolment WHERE participant_id = $1 AND (exit_note IS NOT NULL OR override_reason IS NOT NULL)) AS n`,
      [id],
    );
    expect(notes.rows[0].n).toBe(0);
    expect(
      (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment WHERE participant_id = $1', [id])).rows[0].n,
    ).toBe(before);
    // The passed test stays for the statistics (kind, outcome), its result and the sprogmakker's name are gone.
    // (She may have demo tuition too: every row of hers is checked.)
    expect(
      (await srv.t.db.query(`SELECT kind, outcome, result FROM danish_test WHERE participant_id = $1 AND taken_on = '2021-03-01'`, [id]))
        .rows,
    ).toEqual([{ kind: 'modultest', outcome: 'bestaaet', result: null }]);
    expect(
      (
        await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM danish_test WHERE participant_id = $1 AND result IS NOT NULL', [
          id,
        ])
      ).rows[0].n,
    ).toBe(0);
    const buddies = (
      await srv.t.db.query<{ buddy_name: string | null }>('SELECT buddy_name FROM danish_buddy WHERE participant_id = $1', [id])
    ).rows;
    expect(buddies.length).toBeGreaterThanOrEqual(1);
    expect(buddies.every((b) => b.buddy_name === null)).toBe(true);
    expect((await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'anonymiseret' AND participant_id = $1`, [id])).rows).toHaveLength(
      1,
    );
  });

  it('erases a closed case past retention with every row in every participant table, and records the erasure', async () => {
    const id = await woman(5, 6);
    // Her register data, keyed by her CPR hash: the latest row, its per-delivery history and a
    // comparison-pool row (she is also a pool woman). Another woman's register row must stay.
    const hash = (await srv.t.db.query<{ cpr_hash: string }>('SELECT cpr_hash FROM participant WHERE id = $1', [id])).rows[0].cpr_hash;
    const batch = (await srv.t.db.query<{ id: number }>('SELECT max(id) AS id FROM register_batch')).rows[0].id;
    expect(batch).toBeTruthy();
    await srv.t.db.query(
      `INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ($1, '\\x00', $2) ON CONFLICT (cpr_hash) DO NOTHING`,
      [hash, batch],
    );
    await srv.t.db.query(`INSERT INTO register_person_version (cpr_hash, batch_id, data) VALUES ($1, $2, '\\x00') ON CONFLICT DO NOTHING`, [
      hash,
      batch,
    ]);
    await srv.t.db.query(
      `INSERT INTO comparison_pool_import (file_name, sha256, rows, imported_by_name) VALUES ('gdpr', 'gdpr', 1, 'test')`,
    );
    await srv.t.db.query(
      `INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, import_id) VALUES ($1, '1990-01-01', 'Aalborg', (SELECT max(id) FROM comparison_pool_import))`,
      [hash],
    );
    await srv.t.db.query(
      `INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ('andens-hash', '\\x00', $1) ON CONFLICT (cpr_hash) DO NOTHING`,
      [batch],
    );
    const registerRows = async (h: string) =>
      Object.fromEntries(
        await Promise.all(
          ['register_person', 'register_person_version', 'comparison_pool'].map(
            async (table) =>
              [
                table,
                (await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE cpr_hash = $1`, [h])).rows[0].n,
              ] as const,
          ),
        ),
      );
    expect(await registerRows(hash)).toEqual({ register_person: 1, register_person_version: expect.any(Number), comparison_pool: 1 });
    expect((await registerRows(hash)).register_person_version).toBeGreaterThanOrEqual(1);
    const pl = await loginAs(srv.app, w.m.leader.username);
    expect(JSON.parse((await pl.get(`/admin/gdpr/${id}/eksport`)).body).registerData).toHaveLength(1);
    const res = await pl.post(`/admin/gdpr/${id}/slet`, { bekraeft: 'ja' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('slettet');
    expect(res.body).toContain('registerdata');
    expect(await registerRows(hash)).toEqual({ register_person: 0, register_person_version: 0, comparison_pool: 0 });
    expect((await registerRows('andens-hash')).register_person).toBe(1);
    for (const table of [...(await tablesWithParticipantId()), 'participant']) {
      const col = table === 'participant' ? 'id' : 'participant_id';
      expect((await srv.t.db.query(`SELECT 1 FROM "${table}" WHERE ${col} = $1`, [id])).rows, table).toHaveLength(0);
    }
    const rec = await srv.t.db.query<{ detail: { deleted: Record<string, number> } }>(
      `SELECT detail FROM audit_log WHERE action = 'slettet' AND participant_id = $1`,
      [id],
    );
    expect(rec.rows).toHaveLength(1);
    expect(rec.rows[0].detail.deleted.participant).toBe(1);
    expect(rec.rows[0].detail.deleted.gdpr_extra).toBe(1);
    expect(rec.rows[0].detail.deleted.register_person).toBe(1);
    expect(rec.rows[0].detail.deleted.comparison_pool).toBe(1);
    expect(rec.rows[0].detail.deleted.register_person_version).toBeGreaterThanOrEqual(1);
    expect((await verifyAuditChain(srv.t.db)).ok).toBe(true);
  });

  it('the retention job anonymises only closed cases past the period; --dry-run changes nothing', async () => {
    const old1 = await woman(6, 41);
    const old2 = await woman(7, 45);
    const young = await woman(8, 39);
    const stillOpen = await woman(9, null);
    let env: Record<string, string>;
    if (backend === 'postgres') env = { DATABASE_URL: srv.t.url! };
    else {
      await srv.t.db.close();
      env = { FREMDRIFT_DATA_DIR: srv.t.dir! };
    }
    const cli = spawnSync(process.execPath, ['bin/fremdrift.js', 'retention', '--dry-run'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env, RETENTION_YEARS_AFTER_EXIT: '40', FREMDRIFT_SECRET: TEST_SECRET },
    });
    if (backend === 'pglite') {
      srv.t.db = await openPGlite(srv.t.dir);
      await srv.app.close();
      srv.app = await buildServer(testDeps(srv.t.db));
    }
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Prøvekørsel: 2 afsluttede sager');
    expect(cli.stdout).toContain(old1);
    expect(cli.stdout).toContain(old2);
    expect(cli.stdout).not.toContain(young);
    const anonymised = async () =>
      (
        await srv.t.db.query<{ id: string }>('SELECT id FROM participant WHERE anonymised_at IS NOT NULL AND id = ANY ($1::uuid[])', [
          [old1, old2, young, stillOpen],
        ])
      ).rows
        .map((r) => r.id)
        .sort();
    expect(await anonymised()).toEqual([]);
    const r = await runRetention(srv.t.db, { dryRun: false, years: 40 });
    expect(r.anonymised).toBe(2);
    expect(await anonymised()).toEqual([old1, old2].sort());
    expect((await runRetention(srv.t.db, { dryRun: false, years: 40 })).anonymised).toBe(0);
    const audited = await srv.t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'anonymiseret' AND username = 'system:opbevaring' AND participant_id = ANY ($1::uuid[])`,
      [[old1, old2]],
    );
    expect(audited.rows).toHaveLength(2);
  });
});
