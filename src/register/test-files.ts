/** Test helper: the bytes of a fixture in test/fixtures/register and its path. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/register/${name}`, import.meta.url));
}

export function fixture(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
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

/** People in the order met, each with her weeks with a code; or the error message. */
export function outcome(read: () => RegisterBuilder): { people: [string, [number, number][]][] } | { error: string } {
  try {
    const data = read().build(defaultCodeTable());
    return {
      people: [...data.weeks].map(([k, p]) => [
        k,
        [...p.codes].flatMap((c, i) => (c !== 0 ? [[p.weekStart + i, c] as [number, number]] : [])),
      ]),
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
