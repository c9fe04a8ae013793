/**
 * Fremdrift's own phases: (a) reading the files into per-person arrays with the register
 * readers, (b) the engine alone on the in-memory input, (c) end to end (read + engine + JSON).
 */
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { monitor, type MonitorInput } from '../src/monitoring/index.ts';
import { readBenefits, readCodeTable, readHours, readParticipants, RegisterBuilder, loadMonitorInput } from '../src/register/index.ts';
import type { BenchData } from './data.ts';
import { maxRssMb, minorFaults, rssMb, seconds, type Levels, type PhaseResult } from './phase-result.ts';

export const MONITOR_OPTIONS = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02', suppress: 5 } as const;

const paths = (d: BenchData) => ({ participants: d.participants, benefits: [d.benefits], hours: d.hours, codes: d.codes });

/** (a) Read and split the files, timing each reader. */
export async function readPhase(d: BenchData, runs: number): Promise<PhaseResult> {
  const parts: Record<string, number[]> = { bytes: [], codes: [], participants: [], benefits: [], hours: [], build: [] };
  const total: number[] = [];
  const baseline = rssMb();
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    let t = performance.now();
    const [pb, bb, hb, cb] = await Promise.all([readFile(d.participants), readFile(d.benefits), readFile(d.hours), readFile(d.codes)]);
    parts.bytes.push(seconds(t));
    t = performance.now();
    const codeTable = readCodeTable(cb, 'kodetabel.csv');
    parts.codes.push(seconds(t));
    t = performance.now();
    const participants = readParticipants(pb, 'deltagere.csv');
    parts.participants.push(seconds(t));
    t = performance.now();
    const b = new RegisterBuilder();
    readBenefits(bb, 'ydelser.csv', b);
    parts.benefits.push(seconds(t));
    t = performance.now();
    readHours(hb, 'loentimer.csv', b);
    parts.hours.push(seconds(t));
    t = performance.now();
    const register = b.build(codeTable);
    parts.build.push(seconds(t));
    total.push(seconds(t0));
    if (participants.length !== d.size || register.weeks.size !== d.size) throw new Error('read phase: wrong number of people');
  }
  return { phase: 'read', runs: total, parts, maxRssMb: maxRssMb(), baselineRssMb: baseline };
}

/**
 * (b) The engine alone: input read once and one warm-up pass (both untimed), then monitor()
 * per run, so the figure is the engine's work rather than the JIT's first compile.
 */
export async function enginePhase(d: BenchData, runs: number): Promise<PhaseResult> {
  const input: MonitorInput = await loadMonitorInput(paths(d));
  const baseline = rssMb();
  monitor(input, MONITOR_OPTIONS);
  const total: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = monitor(input, MONITOR_OPTIONS);
    total.push(seconds(t0));
    if (res.participants.length !== d.size) throw new Error('engine phase: wrong number of participants');
  }
  return {
    phase: 'engine',
    runs: total,
    parts: {},
    maxRssMb: maxRssMb(),
    baselineRssMb: baseline,
    note: 'RSS includes the input read before timing; one untimed warm-up',
  };
}

/** (c) End to end: read the files (the benefit files given, default the wide one), run the engine, serialise the JSON result. */
export async function endToEndPhase(
  d: BenchData,
  runs: number,
  levelsOut: string,
  benefits: string[] = [d.benefits],
  phase = 'e2e',
): Promise<PhaseResult> {
  const parts: Record<string, number[]> = { read: [], engine: [], json: [] };
  const total: number[] = [];
  const faults: number[] = [];
  let levels: Levels = {};
  for (let r = 0; r < runs; r++) {
    const f0 = minorFaults();
    const t0 = performance.now();
    let t = performance.now();
    const input = await loadMonitorInput({ ...paths(d), benefits });
    parts.read.push(seconds(t));
    t = performance.now();
    const res = monitor(input, MONITOR_OPTIONS);
    parts.engine.push(seconds(t));
    t = performance.now();
    const json = JSON.stringify(res);
    parts.json.push(seconds(t));
    total.push(seconds(t0));
    faults.push(minorFaults() - f0);
    if (json.length < d.size) throw new Error('end-to-end phase: result too small');
    if (r === runs - 1) {
      levels = {};
      for (const p of res.participants) levels[p.id] = [p.accumulated, p.current];
    }
  }
  writeFileSync(levelsOut, JSON.stringify(levels));
  return { phase, runs: total, parts, maxRssMb: maxRssMb(), levelsFile: levelsOut, faults };
}
