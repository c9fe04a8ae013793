/**
 * The benchmark's input files: the demo cohort scaled to `size` women with `years` of weekly
 * codes up to March 2023 (wide layout), generated once and cached in bench/out/ (git-ignored).
 * The cache key includes a hash of the generator's source, so a changed generator regenerates.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCohort } from '../src/demo/cohort.ts';
import { writeDemoRegisterFiles } from '../src/demo/files.ts';
import { DEFAULT_REGISTER_TO, generateRegisterData } from '../src/demo/register.ts';
import { addMonths } from '../src/monitoring/calendar.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(BENCH_DIR, 'out');

export interface BenchData {
  dir: string;
  participants: string;
  benefits: string;
  hours: string;
  codes: string;
  size: number;
  seed: number;
  years: number;
  /** Week columns in the wide file and person-weeks (size × weeks). */
  weeks: number;
  personWeeks: number;
  bytes: Record<string, number>;
  /** Seconds it took to generate and write, when generated in this run. */
  generatedSeconds: number | null;
}

function generatorHash(): string {
  const h = createHash('sha256');
  const demo = join(BENCH_DIR, '..', 'src', 'demo');
  for (const f of readdirSync(demo)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort())
    h.update(f).update(readFileSync(join(demo, f)));
  return h.digest('hex').slice(0, 12);
}

export function ensureData(size: number, seed: number, years: number): BenchData {
  const key = `data-n${size}-s${seed}-y${years}-${generatorHash()}`;
  const dir = join(OUT_DIR, key);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as BenchData), generatedSeconds: null };
  const t0 = performance.now();
  const cohort = generateCohort({ seed, size });
  const reg = generateRegisterData(cohort, { from: addMonths(DEFAULT_REGISTER_TO, -(years * 12 - 1)), to: DEFAULT_REGISTER_TO });
  const files = writeDemoRegisterFiles(dir, cohort.women, reg, 'wide');
  const weeks = reg.lastWeek - reg.firstWeek + 1;
  const data: BenchData = {
    dir,
    participants: files.participants,
    benefits: files.benefits,
    hours: files.hours,
    codes: files.codes,
    size,
    seed,
    years,
    weeks,
    personWeeks: size * weeks,
    bytes: files.bytes,
    generatedSeconds: null,
  };
  writeFileSync(manifest, JSON.stringify(data, null, 2));
  return { ...data, generatedSeconds: (performance.now() - t0) / 1000 };
}

/**
 * The column names of a CSV file's header line, read from its first 64 kB only: the files run to
 * a gigabyte (the national shape at 100,000 women), more than one string can hold.
 */
export function headerColumns(file: string): string[] {
  const buf = Buffer.alloc(1 << 16);
  const fd = openSync(file, 'r');
  try {
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    return text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(';');
  } finally {
    closeSync(fd);
  }
}

/** Week column names from the wide file's header line. */
export const weekColumns = (benefits: string): string[] => headerColumns(benefits).slice(1);
