/**
 * An import killed halfway leaves the database as it was: the whole file is one transaction.
 * Runs the real CLI in a child process, which stops for good just before COMMIT
 * (FREMDRIFT_TEST_PAUSE_BEFORE_COMMIT), with every person written; then it is killed (SIGKILL).
 * No race: the kill always lands after the last write and before the commit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/database.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { ydelserWideCsv } from '../src/demo/csv.ts';
import { generateRegisterData } from '../src/demo/register.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { registerState } from './helpers/register.ts';

let dir: string;
let bigFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fremdrift-kill-'));
  bigFile = join(dir, 'ydelser-stor.csv');
  // Women the demo database does not know: a different seed and size.
  const demo = new Set(generateCohort({ seed: 2019 }).women.map((w) => w.cpr));
  // Several chunks of writes (2,000 people each) before the pause.
  const reg = generateRegisterData(generateCohort({ seed: 77, size: 5_300 }));
  reg.persons = reg.persons.filter((p) => !demo.has(p.cpr)).slice(0, 5_000);
  const chunks = [...ydelserWideCsv(reg)].map((c) => Buffer.from(c));
  writeFileSync(bigFile, Buffer.concat(chunks));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The running import, so that a failing test never leaves it waiting for good. */
let child: ReturnType<typeof spawn> | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
});

function importUntilCommit(env: Record<string, string>) {
  return new Promise<{ killed: boolean; stderr: string }>((resolve, reject) => {
    child = spawn(process.execPath, ['bin/fremdrift.js', 'import', '--benefits', bigFile], {
      env: { ...process.env, FREMDRIFT_SECRET: TEST_SECRET, FREMDRIFT_TEST_PAUSE_BEFORE_COMMIT: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    const c = child;
    c.stderr!.on('data', (d) => {
      stderr += String(d);
      if (!killed && /venter før COMMIT/.test(stderr)) {
        killed = true;
        c.kill('SIGKILL');
      }
    });
    c.on('error', reject);
    c.on('exit', () => resolve({ killed, stderr }));
  });
}

describe.each(backends())('an import killed halfway on %s', (backend) => {
  const t = useTestDb(backend);

  it('leaves the stored register data and batches exactly as before', { timeout: 300_000 }, async () => {
    const before = await registerState(t);
    let run;
    if (backend === 'pglite') {
      await t.db.close(); // PGlite allows one process at a time
      run = await importUntilCommit({ FREMDRIFT_DATA_DIR: t.dir!, DATABASE_URL: '' });
      t.db = await openPGlite(t.dir);
    } else {
      run = await importUntilCommit({ DATABASE_URL: t.url! });
    }
    expect(run.killed, run.stderr).toBe(true);
    expect(run.stderr).toMatch(/ 5000\/5000 personer gemt\nventer før COMMIT/);
    expect(await registerState(t)).toEqual(before);
  });
});
