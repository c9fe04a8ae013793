/**
 * Register import into the database: provenance, idempotence, revisions replacing the weeks a
 * file covers, nothing written on a bad file, and results from stored data equal to the engine
 * on the files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importRegisterFile } from '../src/app/register/import-register-file.ts';
import { nationalMonitorInput } from '../src/app/register/load-monitor-input.ts';
import { nationalResults } from '../src/app/register/national-results.ts';
import { ResourceScope } from '../src/core/resources.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { monitorDemo, CALIBRATION_MONTHS } from '../src/demo/monitor-demo.ts';
import { monitor } from '../src/monitoring/engine.ts';
import { unpackPerson } from '../src/register/pack.ts';
import { createVault } from '../src/security/vault.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { registerState } from './helpers/register.ts';

const vault = createVault(TEST_SECRET);
const who = { userId: 0, username: 'test-analytiker', role: 'analytiker' as const, ip: '127.0.0.1' };
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/import/${name}`));

describe.each(backends())('register import on %s', (backend) => {
  const t = useTestDb(backend);
  // The national worker thread lives in a resource scope, as a server's does; closed at the end.
  const resources = new ResourceScope();
  afterAll(async () => {
    await resources.close();
  });

  const imp = (kind: 'ydelser' | 'loentimer' | 'kodetabel', name: string) =>
    importRegisterFile({ db: t.db, vault }, who, { kind, fileName: name, bytes: fixture(name) });

  it('stores one packed row per person and keeps the batch with its provenance', async () => {
    const r = await imp('ydelser', 'ydelser-a.csv');
    expect(r).toMatchObject({
      alreadyImported: false,
      rows: 2,
      persons: 2,
      changedPersons: 2,
      periodFrom: '2021-W01',
      periodTo: '2021-W03',
    });
    const b = (
      await t.db.query<{ file_name: string; sha256: string; imported_by_name: string }>('SELECT * FROM register_batch WHERE id = $1', [
        r.batchId,
      ])
    ).rows[0];
    expect(b.file_name).toBe('ydelser-a.csv');
    expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.imported_by_name).toBe('test-analytiker');
    const row = (
      await t.db.query<{ data: Uint8Array }>('SELECT data FROM register_person WHERE cpr_hash = $1', [vault.hashCpr('0101901234')])
    ).rows[0];
    expect([...unpackPerson(row.data).weeks.codes]).toEqual([130, 130, 211]);
  });

  it('merges a second file in the long layout and replaces the months a paid-hours file covers', async () => {
    const b = await imp('ydelser', 'ydelser-b.csv');
    expect(b.changedPersons).toBe(1);
    await imp('loentimer', 'loentimer-a.csv');
    const row = (
      await t.db.query<{ data: Uint8Array }>('SELECT data FROM register_person WHERE cpr_hash = $1', [vault.hashCpr('0101901234')])
    ).rows[0];
    const u = unpackPerson(row.data);
    expect([...u.weeks.codes]).toEqual([130, 130, 211, 211]);
    expect([...u.hours.hours]).toEqual([74, 80.5]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const before = await registerState(t);
    const again = await imp('ydelser', 'ydelser-a.csv');
    expect(again.alreadyImported).toBe(true);
    expect(await registerState(t)).toEqual(before);
  });

  it('a redelivered week replaces the stored code (a revision), keeps the other weeks, and keeps the earlier version', async () => {
    const hash = vault.hashCpr('0101901234');
    const r = await imp('ydelser', 'ydelser-conflict.csv');
    expect(r).toMatchObject({ changedPersons: 1, changedWeeks: 1, periodFrom: '2021-W02', periodTo: '2021-W02' });
    const row = (await t.db.query<{ data: Uint8Array }>('SELECT data FROM register_person WHERE cpr_hash = $1', [hash])).rows[0];
    expect([...unpackPerson(row.data).weeks.codes]).toEqual([130, 131, 211, 211]);
    const versions = (
      await t.db.query<{ data: Uint8Array; batch_id: number }>(
        'SELECT data, batch_id FROM register_person_version WHERE cpr_hash = $1 ORDER BY batch_id',
        [hash],
      )
    ).rows;
    expect(versions.map((v) => [...unpackPerson(v.data).weeks.codes])).toEqual([
      [130, 130, 211],
      [130, 130, 211, 211],
      [130, 130, 211, 211],
      [130, 131, 211, 211],
    ]);
    expect(versions[versions.length - 1].batch_id).toBe(r.batchId);
  });

  it('refuses a malformed file with file, line and column, and writes nothing', async () => {
    const before = await registerState(t);
    await expect(imp('ydelser', 'ydelser-bad.csv')).rejects.toThrow(/ydelser-bad\.csv, linje 2, kolonne «y_2101»/);
    expect(await registerState(t)).toEqual(before);
  });

  it("loads a user's own code table, which then admits its codes, and refuses one that drops stored codes", async () => {
    await expect(imp('ydelser', 'ydelser-egen-kode.csv')).rejects.toThrow(/Ukendte ydelseskoder.*4711/);
    const before = await registerState(t);
    await expect(imp('kodetabel', 'kodetabel-mangler.csv')).rejects.toThrow(/mangler koder.*130/);
    expect(await registerState(t)).toEqual(before);
    const table = await imp('kodetabel', 'kodetabel-egen.csv');
    expect(table.alreadyImported).toBe(false);
    const own = await imp('ydelser', 'ydelser-egen-kode.csv');
    expect(own.changedPersons).toBe(1);
    const codes = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_code');
    expect(codes.rows[0].n).toBe(132); // the 131 public codes and her own
  });

  it('computes the same results from stored demo data as the engine does on the generated files', async () => {
    const stored = await nationalMonitorInput(t.db);
    const demoHashes = new Set(
      (await t.db.query<{ h: string }>(`SELECT cpr_hash AS h FROM participant WHERE synthetic`)).rows.map((r) => r.h),
    );
    // The evaluation's cohort: women enrolled by the end of the report month (the historical KIB
    // cohort; the current project's women are enrolled from 2025).
    const inCohort = stored.input.participants.filter((p) => p.indskrevet <= '2022-12-31');
    expect(stored.refs.filter((r, i) => demoHashes.has(r.cprHash) && stored.input.participants[i].indskrevet <= '2022-12-31').length).toBe(
      1664,
    );
    expect(inCohort).toHaveLength(1664);
    const fromDb = monitor({ ...stored.input, participants: inCohort }, { ...CALIBRATION_MONTHS, suppress: 0 });
    const fromFiles = monitorDemo(generateCohort({ seed: 2019 }));
    // Group keys differ only in naming: the database groups municipalities by name, the files by code.
    expect(fromDb.groups.all).toEqual(fromFiles.groups.all);
    expect(fromDb.groups.visitation).toEqual(fromFiles.groups.visitation);
    expect(fromDb.groups.alder).toEqual(fromFiles.groups.alder);
    expect(fromDb.series).toEqual(fromFiles.series);
  });

  it('gives the same national results in the worker thread (PostgreSQL) as inline, suppressed and without microdata', async () => {
    const opts = { ...CALIBRATION_MONTHS, suppress: 5 };
    // As the national view computes it: the women enrolled by the end of the report month.
    const input = (await nationalMonitorInput(t.db)).input;
    const inline = monitor({ ...input, participants: input.participants.filter((p) => p.indskrevet <= '2022-12-31') }, opts);
    const viaWorker = (await nationalResults(resources, t.db, t.url, opts)).result;
    expect(viaWorker.participants).toEqual([]);
    expect(viaWorker.groups).toEqual(inline.groups);
    expect(viaWorker.series).toEqual(inline.series);
  });
});
