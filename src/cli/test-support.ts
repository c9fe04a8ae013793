/** Test helper for the CLI commands' tests: run a command as an operator does, on the register fixtures. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where the CLI runs. */
const root = join(import.meta.dirname, '..', '..');

/** A fixture in test/fixtures/register, by its path from the repository root. */
export const registerFixture = (name: string) => join('test', 'fixtures', 'register', name);

/** Run `fremdrift command args…` in a child process: its exit code, stdout and stderr. */
export function spawnCommand(command: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/fremdrift.js', command, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `fremdrift monitor`'s files for one participants file and one benefits file, with the hours, and December 2021. */
export const oneOfEach = (participants: string, benefits: string) => [
  '--participants',
  registerFixture(participants),
  '--benefits',
  registerFixture(benefits),
  '--hours',
  registerFixture('loentimer.csv'),
  '--month',
  '2021-12',
];

/** The lines of a CSV a command wrote (a UTF-8 BOM first, CRLF line ends), without the BOM and the last line end. */
export const csvLines = (stdout: string) =>
  stdout
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
