/**
 * `npm run bench:monitor [-- --size 100000 --runs 3 --seed 2019 --years 5 --skip postgres]`
 *
 * Times Fremdrift's monitoring on synthetic register files (bench/README.md) against two SQL
 * peers computing the same per-person levels, checks that the peers agree with the engine,
 * prints a table and writes bench/out/monitor-latest.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../src/cli/args.ts';
import { readerBundle } from '../src/register/parallel.ts';
import { BENCH_DIR, ensureData, OUT_DIR, type BenchData } from './data.ts';
import { atBestRun, pageFaultMicros, RESULT_PREFIX, type PhaseResult } from './phase-result.ts';
import { compareLevels, formatTable, median, min, type Agreement, type Row } from './report.ts';
import { ensureShapes, SHAPES } from './shapes.ts';

const { opts } = parseArgs(process.argv.slice(2));
const num = (name: string, fallback: number): number => {
  const v = Number(opts[name]?.[0] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const size = num('size', 100_000);
const runs = num('runs', 3);
const seed = num('seed', 2019);
const years = num('years', 5);
const skip = new Set((opts.skip?.[0] ?? '').split(',').filter(Boolean));

mkdirSync(OUT_DIR, { recursive: true });
// The reader thread runs from its bundle in dist/cli/ while that is newer than its sources, as after
// `npm ci`; after a change or a pull without a build it boots through tsx instead (some 0.5 s of CPU
// on the two-thread shapes), which is not what a user runs: the bench builds it first then.
if (readerBundle() === null) {
  console.log('dist/cli/ is older than its sources: building it first (npm run build:cli).');
  const built = spawnSync(process.execPath, [join(BENCH_DIR, '..', 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (built.status !== 0 || readerBundle() === null)
    throw new Error('npm run build:cli failed: the reader thread would not run from its bundle');
}
console.log(
  `Fremdrift monitor benchmark: ${size.toLocaleString('en')} women, ${years} years of weekly codes, ${runs} runs, ${cpus().length} cores, Node ${process.version}`,
);
const data: BenchData = ensureData(size, seed, years);
const mb = Object.values(data.bytes).reduce((s, b) => s + b, 0) / 1e6;
console.log(
  data.generatedSeconds === null
    ? `Reusing ${data.dir} (${mb.toFixed(0)} MB)`
    : `Generated ${data.dir} (${mb.toFixed(0)} MB) in ${data.generatedSeconds.toFixed(1)} s`,
);
console.log(`${data.weeks} week columns, ${data.personWeeks.toLocaleString('en')} person-weeks\n`);

const loadBefore = loadavg()[0];
// The price of fresh memory, before and after the runs: end to end fills far more of it than the split.
const faultBefore = pageFaultMicros();
console.log(
  `A page of fresh memory costs ${faultBefore.micros.toFixed(1)} µs to touch first (${faultBefore.faults.toLocaleString('en')} pages).`,
);
const manifest = join(data.dir, 'manifest.json');
/** One run of a phase in a fresh child process (so its peak memory is its own). */
function runPhase(phase: string, levels = ''): PhaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'phase.ts'), phase, manifest, '1', levels], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) throw new Error(`phase ${phase} failed (exit ${child.status}):\n${child.stderr}${child.stdout}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as PhaseResult;
}

function merge(a: PhaseResult | undefined, b: PhaseResult): PhaseResult {
  if (!a) return b;
  const parts: Record<string, number[]> = {};
  for (const k of Object.keys(b.parts)) parts[k] = [...(a.parts[k] ?? []), ...b.parts[k]];
  return {
    ...b,
    runs: [...a.runs, ...b.runs],
    parts,
    maxRssMb: Math.max(a.maxRssMb, b.maxRssMb),
    faults: a.faults && b.faults ? [...a.faults, ...b.faults] : undefined,
    serverPeakMb: a.serverPeakMb != null || b.serverPeakMb != null ? Math.max(a.serverPeakMb ?? 0, b.serverPeakMb ?? 0) : null,
  };
}

const lv = (name: string): string => join(OUT_DIR, `levels-${name}.json`);
// Phases are interleaved round by round, so that load from other work on a shared machine
// falls on all of them alike rather than on whichever phase ran at a busy moment.
const plan: [string, string][] = [
  ['read', ''],
  ['engine', ''],
  ['e2e', lv('engine')],
];
if (!skip.has('duckdb')) plan.push(['duckdb', lv('duckdb')]);
if (!skip.has('postgres')) plan.push(['postgres', lv('postgres')]);
const results: Record<string, PhaseResult> = {};
for (let r = 1; r <= runs; r++) {
  process.stdout.write(`  round ${r}/${runs}:`);
  for (const [phase, levels] of plan) {
    const t0 = performance.now();
    results[phase] = merge(results[phase], runPhase(phase, levels));
    process.stdout.write(` ${phase} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  process.stdout.write('\n');
}
// The shapes analysts receive: yearly files, a national-width file, the long layout.
const shapeRows: {
  shape: string;
  split: number;
  e2e: number;
  duck: number | null;
  read: number;
  engine: number;
  rss: number;
  /** Minor page faults of the best run of split, e2e and DuckDB (null when not counted). */
  faults: (number | null)[];
  duckRss: number | null;
  mb: number;
  agreement: Agreement | null;
}[] = [];
if (!skip.has('shapes')) {
  const t0 = performance.now();
  const shapes = ensureShapes(data);
  console.log(
    `Shapes ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${SHAPES.map((s) => `${s} ${(shapes[s].bytes / 1e6).toFixed(0)} MB`).join(', ')}`,
  );
  const shapeResults: Record<string, PhaseResult> = {};
  for (let r = 1; r <= runs; r++) {
    process.stdout.write(`  shapes round ${r}/${runs}:`);
    for (const s of SHAPES) {
      for (const p of ['split', 'e2e', ...(skip.has('duckdb') ? [] : ['duckdb'])]) {
        const name = `${p}:${s}`;
        const t = performance.now();
        shapeResults[name] = merge(shapeResults[name], runPhase(name, p === 'split' ? '' : lv(`${p}-${s}`)));
        process.stdout.write(` ${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    }
    process.stdout.write('\n');
  }
  for (const s of SHAPES) {
    const e = shapeResults[`e2e:${s}`];
    const d = shapeResults[`duckdb:${s}`];
    shapeRows.push({
      shape: s,
      split: min(shapeResults[`split:${s}`].runs),
      e2e: min(e.runs),
      duck: d ? min(d.runs) : null,
      read: min(e.parts.read),
      engine: min(e.parts.engine),
      rss: e.maxRssMb,
      duckRss: d ? d.maxRssMb : null,
      faults: [shapeResults[`split:${s}`], e, d].map((r) => (r ? atBestRun(r, r.faults) : null)),
      mb: shapes[s].bytes / 1e6,
      agreement: d?.levelsFile ? compareLevels(`duckdb:${s}`, e.levelsFile!, d.levelsFile) : null,
    });
  }
}

const { read, engine, e2e } = results;
const duck = results.duckdb ?? null;
const postgres = results.postgres ?? null;

const agreements: Agreement[] = [];
for (const p of [duck, postgres]) if (p?.levelsFile) agreements.push(compareLevels(p.phase, e2e.levelsFile!, p.levelsFile));

/** Best of the runs: the figure least disturbed by other work on a shared machine. */
const best = (r: PhaseResult, part?: string): number => min(part ? r.parts[part] : r.runs);
const partsText = (r: PhaseResult, names: string[]): string => names.map((n) => `${n} ${best(r, n).toFixed(2)}`).join(', ');
const rows: Row[] = [
  {
    key: 'read',
    label: '(a) read files → per-person arrays',
    result: read,
    seconds: best(read),
    extra: partsText(read, ['bytes', 'participants', 'benefits', 'hours', 'build']),
  },
  {
    key: 'engine',
    label: '(b) engine alone (in memory)',
    result: engine,
    seconds: best(engine),
    extra: `RSS before engine ${engine.baselineRssMb?.toFixed(0)} MB`,
  },
  {
    key: 'endToEnd',
    label: '(c) end to end (read + engine + JSON)',
    result: e2e,
    seconds: best(e2e),
    extra: partsText(e2e, ['read', 'engine', 'json']),
  },
];
if (duck) {
  rows.push({
    key: 'duckdb',
    label: '(d) DuckDB end to end (load + SQL)',
    result: duck,
    seconds: best(duck),
    extra: `load ${best(duck, 'load').toFixed(2)}; ${duck.note}`,
  });
  rows.push({
    key: 'duckdbQuery',
    label: '    DuckDB query only',
    result: { ...duck, runs: duck.parts.query },
    seconds: best(duck, 'query'),
    extra: '',
  });
}
if (postgres) {
  rows.push({
    key: 'postgres',
    label: '(e) PostgreSQL end to end (COPY + SQL)',
    result: postgres,
    seconds: best(postgres),
    extra: `load ${best(postgres, 'load').toFixed(2)}; ${postgres.note}`,
  });
  rows.push({
    key: 'postgresQuery',
    label: '    PostgreSQL query only',
    result: { ...postgres, runs: postgres.parts.query },
    seconds: best(postgres, 'query'),
    extra: '',
  });
}

console.log('\n' + formatTable(rows, data.personWeeks) + '\n');
const loadAfter = loadavg()[0];
const faultAfter = pageFaultMicros();
console.log(
  `Rates and ratios use the best run (min). Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cpus().length} cores); ` +
    `a first touch of a page ${faultBefore.micros.toFixed(1)} µs before, ${faultAfter.micros.toFixed(1)} µs after.`,
);
const ratios: Record<string, number> = {
  'read share of end to end': best(e2e, 'read') / best(e2e),
};
if (duck) {
  ratios['DuckDB end-to-end / Fremdrift end-to-end'] = best(duck) / best(e2e);
  ratios['DuckDB query only / Fremdrift engine alone'] = best(duck, 'query') / best(engine);
}
if (postgres) {
  ratios['PostgreSQL end-to-end / Fremdrift end-to-end'] = best(postgres) / best(e2e);
  ratios['PostgreSQL query only / Fremdrift engine alone'] = best(postgres, 'query') / best(engine);
}
for (const [k, v] of Object.entries(ratios))
  console.log(k.includes('share') ? `${k}: ${(100 * v).toFixed(0)} %` : `${k} = ${v.toFixed(1)}×`);

if (shapeRows.length) {
  console.log('\nShapes (best run, seconds): split = read every byte and split every row; e2e = fremdrift monitor; DuckDB = load + query');
  console.log(
    'shape      MB   split   e2e (read+engine)    DuckDB   e2e/split  DuckDB/e2e  RSS e2e/DuckDB MB  page faults split/e2e/DuckDB',
  );
  for (const r of shapeRows) {
    console.log(
      `${r.shape.padEnd(9)} ${r.mb.toFixed(0).padStart(4)} ${r.split.toFixed(2).padStart(7)} ${r.e2e.toFixed(2).padStart(6)} (${r.read.toFixed(2)}+${r.engine.toFixed(2)}) ${(r.duck ?? NaN).toFixed(2).padStart(8)} ${(r.e2e / r.split).toFixed(2).padStart(10)}× ${r.duck ? (r.duck / r.e2e).toFixed(2).padStart(10) + '×' : '          –'}  ${`${r.rss.toFixed(0)}/${r.duckRss?.toFixed(0) ?? '–'}`.padEnd(17)}  ${r.faults.map((f) => (f === null ? '–' : f.toLocaleString('en'))).join('/')}`,
    );
    if (r.agreement) agreements.push(r.agreement);
  }
}

console.log('\nAgreement with the engine (per participant: accumulated and current level):');
let mismatches = 0;
for (const a of agreements) {
  const bad = a.missing + a.accumulatedMismatches + a.currentMismatches;
  mismatches += bad;
  console.log(
    `  ${a.peer}: ${a.compared.toLocaleString('en')} compared, ${a.accumulatedMismatches} accumulated and ${a.currentMismatches} current mismatches, ${a.missing} missing${a.examples.length ? ' — ' + a.examples.join('; ') : ''}`,
  );
}

const summary = {
  when: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    loadAverage: { before: loadBefore, after: loadAfter },
    pageFaultMicros: { before: faultBefore.micros, after: faultAfter.micros },
  },
  data: { size, seed, years, weeks: data.weeks, personWeeks: data.personWeeks, bytes: data.bytes, generatedSeconds: data.generatedSeconds },
  runs,
  phases: Object.fromEntries(
    rows.map((r) => [
      r.key,
      {
        label: r.label.trim(),
        min: min(r.result.runs),
        median: median(r.result.runs),
        runs: r.result.runs,
        parts: r.result.parts,
        personWeeksPerSecond: data.personWeeks / r.seconds,
        peakRssMb: r.result.maxRssMb,
        serverPeakMb: r.result.serverPeakMb ?? null,
        note: r.result.note ?? null,
      },
    ]),
  ),
  ratios,
  shapes: shapeRows,
  agreement: agreements,
};
writeFileSync(join(OUT_DIR, 'monitor-latest.json'), JSON.stringify(summary, null, 2));
console.log(`\nWrote ${join(OUT_DIR, 'monitor-latest.json')}`);
if (mismatches > 0) {
  console.error(`\n${mismatches} disagreements between the SQL peers and the engine: the comparison is not valid.`);
  process.exitCode = 1;
}
