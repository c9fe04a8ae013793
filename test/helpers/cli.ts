/** Run the built CLI (`bin/fremdrift.js`) as an operator does, in a child process. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where the CLI runs. */
const root = join(import.meta.dirname, '..', '..');

/**
 * Run `fremdrift args…` with `env` over a clean slate (no DATABASE_URL or FREMDRIFT_SECRET from
 * the test process unless `env` gives them); its exit code and what it wrote to stdout and stderr.
 */
export function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/fremdrift.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', FREMDRIFT_SECRET: '', ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}
