/**
 * Issue 11, finding 5: a register import on PGlite (the embedded default, one engine for every
 * request) no longer stalls everyone. The file is read and checked in a worker thread and the
 * people are written in short committed batches under a pending batch, so a caseworker's page is
 * answered while the import is still running; a failing or stopped import, and one whose process
 * died, leave the register data as before; the upload's temporary file is private (0600) and
 * gone when the job ends.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getImportJob, importJobsOf, recoverImports, stopImportJobs } from '../src/app/register/import-jobs.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { ydelserWideCsv } from '../src/demo/csv.ts';
import { generateRegisterData } from '../src/demo/register.ts';
import { usePrivateTmpdir } from './helpers/tmpdir.ts';
import { insertBatch, insertVersions, upsertPersons } from '../src/db/register-store.ts';
import { packPerson } from '../src/register/pack.ts';
import { createVault } from '../src/security/vault.ts';
import { type TestDb } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { loginAs, uploadRegister, type Session } from './helpers/http.ts';
import { registerState } from './helpers/register.ts';
import { createAgency, createMunicipality } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);

/**
 * A DREAM file (wide) of the demo women (seed 2019) with other register data (revisions of
 * stored rows) and as many new women again: some 8,000 people, a few seconds of writing.
 */
function benefitsFile(registerSeed: number, size = 8000): Buffer {
  const reg = generateRegisterData(generateCohort({ seed: 2019, size }), { seed: registerSeed });
  return Buffer.concat([...ydelserWideCsv(reg)].map((c) => Buffer.from(c)));
}

/** Everything stored about register deliveries, including the history and pending batches. */
async function fullState(t: TestDb) {
  const r = await t.db.query<{ versions: number; pending: number; batchIds: string | null }>(
    `SELECT (SELECT count(*)::int FROM register_person_version) AS versions, (SELECT count(*)::int FROM register_batch WHERE pending) AS pending,
            (SELECT string_agg(id::text, ',' ORDER BY id) FROM register_batch) AS "batchIds"`,
  );
  return { ...(await registerState(t)), ...r.rows[0] };
}

describe('register import on PGlite off the request path', () => {
  const srv = useTestServer('pglite');
  let analyst: Session;
  let caseworker: Session;
  const { dir: tmp, uploads } = usePrivateTmpdir('fremdrift-importw-');

  beforeAll(async () => {
    // An agency analyst who uploads, and a caseworker who works meanwhile, of this file's own (test/helpers/world.ts).
    analyst = await loginAs(srv.app, (await createAgency(srv.t.db)).analyst.username);
    caseworker = await loginAs(srv.app, (await createMunicipality(srv.t.db, { women: 1 })).caseworker.username);
  });

  async function upload(name: string, bytes: Buffer) {
    const r = await uploadRegister(srv.app, analyst, { name, bytes });
    expect(r.statusCode).toBe(303);
    const id = (r.headers.location as string).split('/').pop()!;
    const userId = (await srv.t.db.query<{ user_id: number }>('SELECT user_id FROM import_job WHERE id = $1', [id])).rows[0].user_id;
    // This instance's own view of the job: no database round trip, so it never waits for the engine.
    return { id, job: () => getImportJob(srv.deps, id, userId) };
  }

  async function untilWriting(job: () => ReturnType<typeof getImportJob>) {
    await expect
      .poll(
        async () => {
          const j = await job();
          return j?.status === 'koerer' && j.progress.phase === 'skriver' && j.progress.done > 0;
        },
        {
          timeout: 45_000,
          interval: 5,
          message: 'the import was never seen writing while this test could look (the engine was held for the whole write)',
        },
      )
      .toBe(true);
  }

  async function untilEnded(job: () => ReturnType<typeof getImportJob>) {
    await expect.poll(async () => (await job())?.status, { timeout: 45_000, interval: 50 }).not.toBe('koerer');
    return (await job())!;
  }

  it("answers a caseworker's page while the import is still writing, keeps the upload 0600 meanwhile and removes it after", async () => {
    const before = await fullState(srv.t);
    const { job } = await upload('ydelser-stor.csv', benefitsFile(7));
    await untilWriting(job);
    // The upload is private while the job reads it.
    const [dir] = uploads();
    expect(statSync(join(tmp, dir)).mode & 0o777).toBe(0o700);
    expect(statSync(join(tmp, dir, 'upload')).mode & 0o777).toBe(0o600);

    const page = await caseworker.get('/deltagere');
    const at = (await job())!;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mine borgere');
    // Answered before the import ended: it was still running, with part of the people written.
    expect(at.status).toBe('koerer');
    expect(at.progress.done).toBeLessThan(at.progress.total);

    const end = await untilEnded(job);
    expect(end.status).toBe('faerdig');
    expect(end.report).toMatchObject({ alreadyImported: false, persons: 8000 });
    expect(end.report!.changedPersons).toBeGreaterThan(0);
    const after = await fullState(srv.t);
    expect(after.pending).toBe(0);
    expect(after.persons).toBeGreaterThan(before.persons);
    // A delivery like any other: listed, and found again by its SHA-256.
    expect((await analyst.get('/registerdata')).body).toContain('ydelser-stor.csv');
    await expect.poll(uploads).toEqual([]);
  });

  it('leaves the register data as before when an import is stopped while writing (the server stopping)', async () => {
    const before = await fullState(srv.t);
    const { job } = await upload('ydelser-stoppet.csv', benefitsFile(8));
    await untilWriting(job);
    expect((await fullState(srv.t)).pending).toBe(1); // some people are written, under a pending batch
    const r = await stopImportJobs(srv.deps.db, importJobsOf(srv.deps.resources), 0);
    expect(r.stopped).toBe(1);
    const end = (await job()) ?? (await untilEnded(job));
    expect(end.status).toBe('fejl');
    expect(end.error).toContain('Intet er gemt');
    expect(await fullState(srv.t)).toEqual(before);
    await expect.poll(uploads).toEqual([]);
  });

  it('leaves the register data as before when the file has an error in its last row', async () => {
    const before = await fullState(srv.t);
    const good = benefitsFile(9, 2000).toString('utf8').trimEnd().split('\n');
    const cells = good[good.length - 1].split(';');
    cells[cells.length - 1] = 'x9';
    good[good.length - 1] = cells.join(';');
    const { job } = await upload('ydelser-fejl.csv', Buffer.from(`${good.join('\n')}\n`));
    const end = await untilEnded(job);
    expect(end.status).toBe('fejl');
    expect(end.error).toMatch(/ydelser-fejl\.csv, linje \d+, kolonne «[^»]+»: «x9» er ikke en gyldig ydelseskode/);
    expect(await fullState(srv.t)).toEqual(before);
    await expect.poll(uploads).toEqual([]);
  });

  it('imports the same file uploaded twice at once only once: the second waits its turn and reports it as already imported', async () => {
    const bytes = benefitsFile(10, 3000);
    const a = await upload('ydelser-to-gange-a.csv', bytes);
    const b = await upload('ydelser-to-gange-b.csv', bytes);
    const [ea, eb] = [await untilEnded(a.job), await untilEnded(b.job)];
    expect([ea.status, eb.status]).toEqual(['faerdig', 'faerdig']);
    expect([ea.report!.alreadyImported, eb.report!.alreadyImported].sort()).toEqual([false, true]);
    expect(eb.report!.batchId).toBe(ea.report!.batchId);
    expect((await fullState(srv.t)).pending).toBe(0);
  });

  it('undoes what an import left when its process died mid-write: earlier rows come back, new ones go', async () => {
    const before = await fullState(srv.t);
    const stored = (await srv.t.db.query<{ h: string }>('SELECT cpr_hash AS h FROM register_person ORDER BY cpr_hash LIMIT 3')).rows.map(
      (r) => r.h,
    );
    // What a dead import leaves: a pending batch with some people's rows replaced and a new one.
    const batchId = await insertBatch(srv.t.db, {
      kind: 'ydelser',
      fileName: 'doed.csv',
      sha256: 'f'.repeat(64),
      bytes: 1,
      rows: 4,
      persons: 4,
      periodFrom: null,
      periodTo: null,
      importedBy: null,
      importedByName: 'test',
      pending: true,
    });
    const rows = [...stored, vault.hashCpr('0101999999')].map((hash) => ({
      hash,
      data: packPerson({ weekStart: 1000, codes: Int16Array.of(130) }, undefined),
    }));
    await upsertPersons(srv.t.db, batchId, rows);
    await insertVersions(srv.t.db, batchId, rows);
    expect(await fullState(srv.t)).not.toEqual(before);
    // Nothing reads it as a delivery meanwhile.
    expect((await analyst.get('/registerdata')).body).not.toContain('doed.csv');
    expect(await recoverImports(srv.deps.db, importJobsOf(srv.deps.resources))).toBe(1);
    expect(await fullState(srv.t)).toEqual(before);
  });
});
