/** Test helper: the bytes of a fixture in test/fixtures/register and its path. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fs from 'node:fs';
import { afterAll, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';
import { parseWeek } from '../monitoring/calendar.ts';
import type { PersonWeeks } from '../monitoring/types.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/register/${name}`, import.meta.url));
}

export function fixture(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}

/**
 * A folder for the files of one test file, removed after its tests: `file(name, content)` writes
 * a file in a sub-folder of its own (so one name can come twice) and gives its path.
 */
export function tempFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const file = (name: string, content: string | Uint8Array) => {
    const sub = join(dir, String(n++));
    mkdirSync(sub);
    const path = join(sub, name);
    writeFileSync(path, content);
    return path;
  };
  return { dir, file };
}

/**
 * The descriptors opened since `from` (an index into openSync's calls) and not closed after.
 * For test files that mock node:fs with openSync and closeSync as `vi.fn` around the real ones.
 */
export function leftOpen(from: number): number[] {
  const open = vi.mocked(fs.openSync).mock;
  const close = vi.mocked(fs.closeSync).mock;
  const out: number[] = [];
  for (let i = from; i < open.results.length; i++) {
    const r = open.results[i];
    if (r.type !== 'return') continue;
    const at = open.invocationCallOrder[i];
    if (!close.calls.some(([fd], j) => fd === r.value && close.invocationCallOrder[j] > at)) out.push(r.value as number);
  }
  return out;
}

/** Catch the error a function throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected an error');
}

/** The outcome `outcome` gives for people in the order met: each her CPR, then her weeks ('2021-W01' or an index) with a code. */
export function peopleOutcome(...people: [string, ...[string | number, number][]][]): ReturnType<typeof outcome> {
  return {
    people: people.map(([cpr, ...weeks]) => [cpr, weeks.map(([w, c]): [number, number] => [typeof w === 'string' ? parseWeek(w)! : w, c])]),
  };
}

/**
 * A code written at `at` of the builder's shared yearly weeks (`flatRows`) as the yearly reader
 * writes it: noted first (where `place` says), then in the form that array keeps (`store`).
 */
export function putFlat(b: RegisterBuilder, at: number, code: number, place = { file: 'ydelser.csv', line: 2, column: 'y_01' }): void {
  if (!b.hasSeen(code)) b.noteCode(code, place);
  const f = b.flatRows()!;
  f.codes[at] = f.store[code];
}

/** A person's weeks with a code, as [week, code] pairs. */
export function weekCells(p: PersonWeeks): [number, number][] {
  return [...p.codes].flatMap((c, i) => (c !== 0 ? [[p.weekStart + i, c] as [number, number]] : []));
}

/** People in the order met, each with her weeks with a code; or the error message. */
export function outcome(read: () => RegisterBuilder): { people: [string, [number, number][]][] } | { error: string } {
  try {
    const data = read().build(defaultCodeTable());
    return {
      people: [...data.weeks].map(([k, p]) => [k, weekCells(p)]),
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** A plain ten-digit CPR number for row i of a large test file (a real day and month; repeats every 10,000 rows at most). */
export function rowCpr(i: number): string {
  return `${two(1 + (i % 28))}${two(1 + (i % 12))}${80 + (i % 20)}${String(i % 10_000).padStart(4, '0')}`;
}
