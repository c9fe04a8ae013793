/** The analyst's microdata download: stable pseudonyms per person and project, never CPR or names. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../src/demo/cohort.ts';
import { buildServer } from '../src/http/server.ts';
import { createVault } from '../src/security/vault.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { loginAs } from './helpers/http.ts';

describe.each(backends())('pseudonymised microdata on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('gives the analyst one row per enrolment with a stable pseudonym and no CPR number or name', async () => {
    const s = await loginAs(app, 'analytiker.siri');
    const res = await s.get('/nationalt/mikrodata.csv?maaned=2022-12&varig=2023-02&status=2023-02');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mikrodata-pseudonymiseret-2022-12.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]).toEqual(['pseudonym', 'projekt', 'kommune', 'visitation', 'aldersgruppe', 'indskrevet_maaned', 'udskrevet_maaned',
      'aktuel', 'akkumuleret', 'varig', 'status']);
    const enrolments = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment')).rows[0].n;
    expect(lines.length - 1).toBe(enrolments);
    const women = generateCohort({ seed: 2019 }).women;
    const cells = new Set(lines.flat());
    for (const w of women) {
      expect(res.body).not.toContain(w.cpr);
      expect(res.body).not.toContain(`${w.cpr.slice(0, 6)}-${w.cpr.slice(6)}`);
      expect(cells.has(w.lastName)).toBe(false);
    }
    // The pseudonym is the keyed one for her CPR hash and project, the same on every download.
    const vault = createVault(TEST_SECRET);
    const w = women.find((x) => x.projectKey === 'aalborg')!;
    const expected = vault.pseudonym(vault.hashCpr(w.cpr), 'aalborg');
    expect(lines.some((l) => l[0] === expected && l[1] === 'aalborg')).toBe(true);
    const again = await s.get('/nationalt/mikrodata.csv?maaned=2022-12&varig=2023-02&status=2023-02');
    expect(again.body).toBe(res.body);
    const audited = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'mikrodata_eksport'`);
    expect(audited.rows[0].n).toBe(2);
  });

  it('is refused to a municipality\'s caseworker and project leader', async () => {
    for (const u of ['sagsbehandler.aalborg', 'projektleder.aalborg']) {
      const s = await loginAs(app, u);
      expect((await s.get('/nationalt/mikrodata.csv')).statusCode).toBe(403);
    }
  });
});
