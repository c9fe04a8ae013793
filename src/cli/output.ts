/**
 * What the `monitor` and `effect` commands share: the option checks they word alike (strict parsing, --help, the
 * required options, --format and --out), then compute and write the result as JSON, CSV or XLSX.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Prints the problem and the usage text on stderr; the exit code for a usage error. */
export function usageError(usage: string, problem: string): number {
  process.stderr.write(`${problem}\n\n${usage}\n`);
  return 2;
}

type Values<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; strict: true; allowPositionals: false; options: O }>
>['values'];

/**
 * Parses a command's options strictly and checks the ones every such command has. Returns the values and the output
 * format, or the exit code when the command is done already (0 after --help, 2 on a usage error).
 */
export function parseCommandOptions<const O extends ParseArgsOptionsConfig>(
  args: string[],
  usage: string,
  options: O,
  required: readonly (keyof Values<O> & string)[],
): { values: Values<O>; format: string } | number {
  let values: Values<O>;
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options }));
  } catch (e) {
    return usageError(usage, `Ugyldigt tilvalg: ${(e as Error).message}`);
  }
  const common = values as { help?: boolean; format?: string; out?: string };
  if (common.help) {
    process.stderr.write(`${usage}\n`);
    return 0;
  }
  const missing = required.filter((k) => !values[k]);
  if (missing.length) return usageError(usage, `Mangler: ${missing.map((k) => `--${k}`).join(', ')}.`);
  const format = common.format ?? 'json';
  if (!['json', 'csv', 'xlsx'].includes(format)) return usageError(usage, `--format skal være json, csv eller xlsx (fik «${format}»).`);
  if (format === 'xlsx' && !common.out) return usageError(usage, '--format xlsx kræver --out FIL.');
  return { values, format };
}

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
