/**
 * Child-process entry for one benchmark phase, so each phase's peak memory is its own:
 *   tsx bench/phase.ts <read|engine|e2e|duckdb|postgres> <manifest.json> <runs> [levels.json]
 * Prints one line `BENCH_RESULT {json}`.
 */
import { readFileSync } from 'node:fs';
import type { BenchData } from './data.ts';
import { duckdbPhase } from './duckdb-peer.ts';
import { endToEndPhase, enginePhase, readPhase } from './fremdrift-phases.ts';
import { RESULT_PREFIX, type PhaseResult } from './phase-result.ts';
import { postgresPhase } from './postgres-peer.ts';
import { ensureShapes, shapeDuckdb, shapeEndToEnd, SHAPES, splitPhase, type Shape } from './shapes.ts';

const [phase, manifest, runsText, levelsOut = ''] = process.argv.slice(2);
const data = JSON.parse(readFileSync(manifest, 'utf8')) as BenchData;
const runs = Number(runsText);

const phases: Record<string, () => Promise<PhaseResult>> = {
  read: () => readPhase(data, runs),
  engine: () => enginePhase(data, runs),
  e2e: () => endToEndPhase(data, runs, levelsOut),
  duckdb: () => duckdbPhase(data, runs, levelsOut),
  postgres: () => postgresPhase(data, runs, levelsOut),
};

for (const shape of SHAPES) {
  const files = () => ensureShapes(data)[shape as Shape];
  phases[`split:${shape}`] = async () => splitPhase(data, files(), runs);
  phases[`e2e:${shape}`] = () => shapeEndToEnd(data, files(), runs, levelsOut);
  phases[`duckdb:${shape}`] = () => shapeDuckdb(data, files(), runs, levelsOut);
}

const run = phases[phase];
if (!run) {
  console.error(`Unknown phase ${phase}`);
  process.exit(2);
}
console.log(RESULT_PREFIX + JSON.stringify(await run()));
