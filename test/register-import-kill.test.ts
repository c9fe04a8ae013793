/**
 * An import killed halfway (SIGKILL after its first people are written) leaves the database as
 * it was: the whole file is one transaction. Runs the real CLI in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/database.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { ydelserWideCsv } from '../src/demo/csv.ts';
import { generateRegisterData } from '../src/demo/register.ts';
import { backends, openTestDb, type TestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { registerState } from './helpers/register.ts';

let dir: string;
let bigFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fremdrift-kill-'));
  bigFile = join(dir, 'ydelser-stor.csv');
  // Women the demo database does not know: a different seed and size.
  const demo = new Set(generateCohort({ seed: 2019 }).women.map((w) => w.cpr));
  const reg = generateRegisterData(generateCohort({ seed: 77, size: 20_500 }));
  reg.persons = reg.persons.filter((p) => !demo.has(p.cpr)).slice(0, 20_000);
  const chunks = [...ydelserWideCsv(reg)].map((c) => Buffer.from(c));
  writeFileSync(bigFile, Buffer.concat(chunks));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importUntilFirstWrite(env: Record<string, string>) {
  return new Promise<{ killed: boolean; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/fremdrift.js', 'import', '--benefits', bigFile], {
      env: { ...process.env, FREMDRIFT_SECRET: TEST_SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d) => {
      stderr += String(d);
      if (!killed && /personer gemt/.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, stderr }));
  });
}

describe.each(backends())('an import killed halfway on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(async () => t?.cleanup());

  it('leaves the stored register data and batches exactly as before', async () => {
    const before = await registerState(t);
    let run;
    if (backend === 'pglite') {
      await t.db.close(); // PGlite allows one process at a time
      run = await importUntilFirstWrite({ FREMDRIFT_DATA_DIR: t.dir!, DATABASE_URL: '' });
      t.db = await openPGlite(t.dir);
    } else {
      run = await importUntilFirstWrite({ DATABASE_URL: t.url! });
    }
    expect(run.killed, run.stderr).toBe(true);
    expect(run.stderr).toMatch(/\/20000 personer gemt/);
    expect(await registerState(t)).toEqual(before);
  });
});
