/**
 * `fremdrift demo-register`: writes synthetic register files for the demo cohort (or a scaled
 * one) in the formats `fremdrift monitor` reads: deltagere.csv, ydelser.csv (wide or long),
 * loentimer.csv and kodetabel.csv.
 */
import { generateCohort, DEFAULT_SEED } from '../../demo/cohort.ts';
import { writeDemoRegisterFiles, type BenefitLayout } from '../../demo/files.ts';
import { DEFAULT_COHORT_SIZE } from '../../demo/municipalities.ts';
import { DEFAULT_REGISTER_TO, generateRegisterData } from '../../demo/register.ts';
import { addMonths } from '../../monitoring/calendar.ts';
import { parseArgs } from '../args.ts';

const USAGE =
  'Brug: fremdrift demo-register --out MAPPE [--size 1664] [--seed 2019] [--years 5] [--layout wide|long]\n' +
  '  --years N  år med ugedata op til marts 2023 (mindst 4, så alle indskrivninger fra 2019-09 er med)';

export async function run(args: string[]): Promise<number> {
  const { opts, flags } = parseArgs(args);
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const out = opts.out?.[0];
  const size = Number(opts.size?.[0] ?? DEFAULT_COHORT_SIZE);
  const seed = Number(opts.seed?.[0] ?? DEFAULT_SEED);
  const years = Number(opts.years?.[0] ?? 5);
  const layout = (opts.layout?.[0] ?? 'wide') as BenefitLayout;
  const problems: string[] = [];
  if (!out) problems.push('--out mangler (mappen, filerne skrives i).');
  if (!Number.isInteger(size) || size < 1) problems.push('--size skal være et helt tal ≥ 1.');
  if (!Number.isInteger(seed)) problems.push('--seed skal være et helt tal.');
  if (!Number.isInteger(years) || years < 4) problems.push('--years skal være et helt tal ≥ 4.');
  if (layout !== 'wide' && layout !== 'long') problems.push('--layout skal være wide eller long.');
  if (problems.length > 0) {
    console.error([...problems, USAGE].join('\n'));
    return 2;
  }
  const t0 = performance.now();
  const cohort = generateCohort({ seed, size });
  const from = addMonths(DEFAULT_REGISTER_TO, -(years * 12 - 1));
  const reg = generateRegisterData(cohort, { from, to: DEFAULT_REGISTER_TO });
  const files = writeDemoRegisterFiles(out!, cohort.women, reg, layout);
  const mb = Object.values(files.bytes).reduce((s, b) => s + b, 0) / 1e6;
  console.log(
    `Skrev ${size} syntetiske kvinder, registerdata ${from} – ${DEFAULT_REGISTER_TO} (ydelser: ${layout}), ` +
      `${mb.toFixed(1)} MB til ${out} på ${((performance.now() - t0) / 1000).toFixed(1)} s:\n` +
      Object.entries(files.bytes)
        .map(([f, b]) => `  ${f.padEnd(14)} ${b.toLocaleString('da-DK')} bytes`)
        .join('\n'),
  );
  return 0;
}
