/**
 * `npm run bench:effect [-- --participants 5000 --pool 200000 --years 5 --runs 2 --seed 12 --skip duckdb]`
 *
 * Times `effekt-2026.1` end to end (read the files, match, estimate with 1,000 bootstrap
 * replications, serialise) on synthetic register files against the same matching written in
 * DuckDB SQL, in fresh child processes interleaved round by round; checks that both chose the
 * same controls; prints a table with the load average and writes bench/out/effect-latest.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../src/cli/args.ts';
import { BENCH_DIR, OUT_DIR } from './data.ts';
import { ensureEffectData } from './effect-data.ts';
import { RESULT_PREFIX, type PhaseResult } from './phase-result.ts';
import { median, min } from './report.ts';

const { opts } = parseArgs(process.argv.slice(2));
const num = (name: string, fallback: number): number => {
  const v = Number(opts[name]?.[0] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const nParticipants = num('participants', 5_000);
const nPool = num('pool', 200_000);
const years = num('years', 5);
const runs = num('runs', 2);
const seed = num('seed', 12);
const skip = new Set((opts.skip?.[0] ?? '').split(',').filter(Boolean));

mkdirSync(OUT_DIR, { recursive: true });
console.log(
  `Fremdrift effect benchmark: ${nParticipants.toLocaleString('en')} participants, pool ${nPool.toLocaleString('en')}, ${years} years, ${runs} rounds, ${cpus().length} cores, Node ${process.version}`,
);
const data = ensureEffectData(nParticipants, nPool, years, seed);
console.log(
  `${data.generatedSeconds === null ? 'Reusing' : `Generated in ${data.generatedSeconds.toFixed(1)} s:`} ${data.dir} (${(data.bytes / 1e6).toFixed(0)} MB, ${data.personWeeks.toLocaleString('en')} person-weeks)\n`,
);

const manifest = join(data.dir, 'manifest.json');
function runPhase(phase: string, out: string): PhaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'effect-phase.ts'), phase, manifest, out], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) throw new Error(`phase ${phase} failed (exit ${child.status}):\n${child.stderr}${child.stdout}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as PhaseResult;
}

const phases = ['fremdrift', 'duckdb'].filter((p) => !skip.has(p));
const results: Record<string, PhaseResult[]> = {};
const loads: number[][] = [];
for (let r = 0; r < runs; r++) {
  for (const p of phases) {
    const before = loadavg()[0];
    (results[p] ??= []).push(runPhase(p, join(OUT_DIR, `effect-matches-${p}.json`)));
    loads.push([before, loadavg()[0]]);
  }
}

const fmt = (xs: number[]) => `${min(xs).toFixed(2)} / ${median(xs).toFixed(2)}`;
const parts = (rs: PhaseResult[]) =>
  Object.keys(rs[0].parts)
    .map((k) => `${k} ${min(rs.map((x) => x.parts[k][0])).toFixed(2)}`)
    .join(', ');
console.log('phase                      best s / median s   parts (best)                          peak RSS MB');
for (const p of phases) {
  const rs = results[p];
  const label = p === 'fremdrift' ? 'Fremdrift end to end' : 'DuckDB SQL (load + match)';
  console.log(
    `${label.padEnd(26)} ${fmt(rs.map((x) => x.runs[0])).padEnd(19)} ${parts(rs).padEnd(37)} ${Math.max(...rs.map((x) => x.maxRssMb)).toFixed(0)}`,
  );
}

let agreement: { compared: number; differing: number; onlyOne: number; examples: string[] } | null = null;
const fm = JSON.parse(readFileSync(join(OUT_DIR, 'effect-matches-fremdrift.json'), 'utf8'));
if (results.duckdb) {
  const dm = JSON.parse(readFileSync(join(OUT_DIR, 'effect-matches-duckdb.json'), 'utf8')).matches as Record<string, string[]>;
  const em = fm.matches as Record<string, string[]>;
  agreement = { compared: 0, differing: 0, onlyOne: 0, examples: [] };
  for (const id of new Set([...Object.keys(em), ...Object.keys(dm)])) {
    if (!em[id] || !dm[id]) {
      agreement.onlyOne++;
      if (agreement.examples.length < 5) agreement.examples.push(`${id}: engine ${em[id] ?? '-'} duckdb ${dm[id] ?? '-'}`);
      continue;
    }
    agreement.compared++;
    if (em[id].join(',') !== dm[id].join(',')) {
      agreement.differing++;
      if (agreement.examples.length < 5) agreement.examples.push(`${id}: engine ${em[id]} duckdb ${dm[id]}`);
    }
  }
  const ratio = min(results.duckdb.map((x) => x.runs[0])) / min(results.fremdrift.map((x) => x.runs[0]));
  console.log(
    `\nDuckDB / Fremdrift (best runs): ${ratio.toFixed(1)}×; query only / engine only: ${(min(results.duckdb.map((x) => x.parts.query[0])) / min(results.fremdrift.map((x) => x.parts.engine[0]))).toFixed(1)}×`,
  );
  console.log(
    `Matches: ${agreement.compared} participants compared, ${agreement.differing} with different controls, ${agreement.onlyOne} matched by only one${agreement.examples.length ? `\n  ${agreement.examples.join('\n  ')}` : ''}`,
  );
}
const r = fm.result;
console.log(
  `Result: matched ${r.matched}, unmatched ${r.unmatched.length}, maal1 effect ${r.outcomes.maal1.effect?.toFixed(3)} [${r.outcomes.maal1.ci?.map((x: number) => x.toFixed(3)).join(', ')}], raw ${r.outcomes.maal1.raw?.toFixed(3)}`,
);
console.log(`Load average (1 min) before → after each run: ${loads.map(([a, b]) => `${a.toFixed(1)}→${b.toFixed(1)}`).join(', ')}`);
writeFileSync(
  join(OUT_DIR, 'effect-latest.json'),
  JSON.stringify({ when: new Date().toISOString(), data, results, agreement, loads }, null, 2),
);
const best = min(results.fremdrift?.map((x) => x.runs[0]) ?? [Infinity]);
if (agreement && (agreement.differing > 0 || agreement.onlyOne > 0)) process.exitCode = 1;
if (best >= 20) console.log(`\nOver the 20 s target: ${best.toFixed(1)} s`);
