/**
 * Issue 11, finding 3: the PGlite folder, a backup and a restored folder hold personal data and
 * are owner-only — folders 0700, files 0600 — whatever the umask the process was started with
 * (here umask 0, under which PGlite writes 0666 files), also for a folder an older version left
 * world-readable.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/database.ts';
import { loadConfig } from '../src/core/config.ts';
import { openTestDb, type TestDb } from './helpers/db.ts';
import { cli } from './helpers/cli.ts';

/** Every path under `path` (itself included) whose mode gives group or others any right. */
function openToOthers(path: string): string[] {
  const st = lstatSync(path);
  const bad = (st.mode & 0o077) !== 0 ? [`${path} ${(st.mode & 0o777).toString(8)}`] : [];
  if (st.isDirectory()) for (const name of readdirSync(path)) bad.push(...openToOthers(join(path, name)));
  return bad;
}

function countFiles(path: string): number {
  const st = lstatSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((n, f) => n + countFiles(join(path, f)), 0) : 1;
}

function makeWorldWritable(path: string) {
  const st = lstatSync(path);
  chmodSync(path, st.isDirectory() ? 0o777 : 0o666);
  if (st.isDirectory()) for (const name of readdirSync(path)) makeWorldWritable(join(path, name));
}

describe('file modes of the PGlite folder, backups and restores under umask 0', () => {
  let t: TestDb;
  let oldUmask: number;
  const work = mkdtempSync(join(tmpdir(), 'fremdrift-modes-'));

  beforeAll(async () => {
    t = await openTestDb('pglite');
    await t.db.close();
    oldUmask = process.umask(0);
  });
  afterAll(async () => {
    process.umask(oldUmask);
    await t?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('makes a world-readable live folder owner-only on open, and keeps new files owner-only', async () => {
    makeWorldWritable(t.dir!);
    expect(openToOthers(t.dir!).length).toBeGreaterThan(100);
    t.db = await openPGlite(t.dir!);
    // Writing creates and grows files (heap, WAL) while the folder is open.
    await t.db.exec(`CREATE TABLE mode_probe AS SELECT g AS n, repeat('x', 200) AS fill FROM generate_series(1, 20000) g; CHECKPOINT;`);
    await t.db.close();
    expect(openToOthers(t.dir!)).toEqual([]);
  });

  it('creates a demo data folder and its secret owner-only', () => {
    const dir = join(work, 'ny', 'data');
    loadConfig({ FREMDRIFT_DEMO: '1', FREMDRIFT_DATA_DIR: dir });
    expect(openToOthers(join(work, 'ny', 'data'))).toEqual([]);
    expect(lstatSync(join(dir, 'demo-secret')).mode & 0o777).toBe(0o600);
  });

  it('writes the backup and the restored folder owner-only (`fremdrift backup` / `fremdrift restore`)', () => {
    const file = join(work, 'kopi.bak');
    const target = join(work, 'gendannet');
    const b = cli(['backup', '--out', file], { FREMDRIFT_DATA_DIR: t.dir! });
    expect(b.code, b.out).toBe(0);
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
    const r = cli(['restore', '--in', file], { FREMDRIFT_DATA_DIR: target });
    expect(r.code, r.out).toBe(0);
    expect(countFiles(target)).toBeGreaterThan(100);
    expect(openToOthers(target)).toEqual([]);
    expect(openToOthers(t.dir!)).toEqual([]);
  }, 240_000); // two CLI processes, each starting PGlite on the whole demo database
});
