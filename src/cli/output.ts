/** What the `monitor` and `effect` commands share once their options are checked: compute, then write the result. */
import { writeFile } from 'node:fs/promises';

export interface ComputeAndWrite<R> {
  compute(): Promise<R>;
  /** An error of the files or the options: printed as `Fejl: …`, exit code 1 (any other is thrown). */
  expected(e: unknown): boolean;
  format: string;
  /** The file to write; standard output when left out (not for xlsx). */
  out?: string;
  toCsv(r: R): string;
  writeXlsx(r: R, file: string): Promise<void>;
}

/** The exit code: 0 when the result is written, 1 on an expected error or a failed write. */
export async function computeAndWrite<R>(c: ComputeAndWrite<R>): Promise<number> {
  let result: R;
  try {
    result = await c.compute();
  } catch (e) {
    if (c.expected(e)) {
      process.stderr.write(`Fejl: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
  try {
    if (c.format === 'xlsx') await c.writeXlsx(result, c.out!);
    else {
      const text = c.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : c.toCsv(result);
      if (c.out) await writeFile(c.out, text);
      else process.stdout.write(text);
    }
  } catch (e) {
    process.stderr.write(`Fejl: kunne ikke skrive ${c.out ?? 'resultatet'}: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}
