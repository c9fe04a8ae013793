/**
 * The architecture is checked, not just written down: the layer rule (.dependency-cruiser.cjs,
 * README → Architecture) fails on a planted wrong-way import and on a use case that reaches for
 * SQL around the door, and the type checker refuses a use case that treats the door's Tx as a
 * connection, and the SQL check (scripts/sql-outside-db.mjs, also in `npm run lint`) lists a
 * file outside db/ that holds SQL. Each plant sits beside a well-behaved control that passes the
 * same check.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { sqlOutsideDb } from '../scripts/sql-outside-db.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Exit code and output of a command that is expected to fail. */
async function failing(cmd: string, args: string[]) {
  try {
    const r = await run(cmd, args, { cwd: root, maxBuffer: 8 * 1024 * 1024 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

describe('the layer rule', () => {
  it('fails on a planted wrong-way import and on SQL around the door, and passes the control', async () => {
    const r = await failing(bin('depcruise'), ['test/fixtures/layers', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/domain-imports-only-below: test\/fixtures\/layers\/src\/domain\/planted-wrong-way\.ts → src\/web\/html\.ts/);
    expect(r.out).toMatch(/no-connection-above-db: test\/fixtures\/layers\/src\/app\/read-woman-without-door\.ts → src\/db\/sql\.ts/);
    expect(r.out).not.toContain('read-woman-through-door');
  });
});

describe('the door by type', () => {
  it('refuses a use case that queries through the Tx, and accepts one that goes through the door', async () => {
    const r = await failing(bin('tsc'), ['--noEmit', '-p', 'test/fixtures/door/tsconfig.json']);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/read-woman-without-door\.ts\(\d+,\d+\): error TS2339: Property 'query' does not exist on type 'Tx'/);
    expect(r.out).not.toContain('read-woman-through-door');
  });
});

describe('all SQL in db/', () => {
  const outside = sqlOutsideDb as (srcDir: string) => string[];

  it('finds no SQL statement in src/ outside src/db/ (where there are hundreds)', () => {
    expect(outside(join(root, 'src'))).toEqual([]);
  });

  it('lists a planted use case that writes its own SQL, and not the one that calls a repository', () => {
    expect(outside(join(root, 'test/fixtures/layers/src'))).toEqual(['app/read-woman-without-door.ts']);
  });

  it("fails `npm run lint`'s check and names the file", async () => {
    const r = await failing(process.execPath, [join(root, 'scripts/sql-outside-db.mjs'), 'test/fixtures/layers/src']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/fixtures/layers/src/app/read-woman-without-door.ts');
  });
});
