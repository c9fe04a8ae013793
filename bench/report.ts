/** Summary statistics, the agreement check and the printed table of the benchmark. */
import { readFileSync } from 'node:fs';
import type { Levels, PhaseResult } from './phase-result.ts';

export const min = (xs: number[]): number => Math.min(...xs);
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Agreement {
  peer: string;
  compared: number;
  missing: number;
  accumulatedMismatches: number;
  currentMismatches: number;
  examples: string[];
}

/** Compare a peer's per-participant levels with the engine's. */
export function compareLevels(peer: string, engineFile: string, peerFile: string): Agreement {
  const engine = JSON.parse(readFileSync(engineFile, 'utf8')) as Levels;
  const other = JSON.parse(readFileSync(peerFile, 'utf8')) as Levels;
  const a: Agreement = { peer, compared: 0, missing: 0, accumulatedMismatches: 0, currentMismatches: 0, examples: [] };
  for (const [id, [acc, cur]] of Object.entries(engine)) {
    const o = other[id];
    if (!o) {
      a.missing++;
      if (a.examples.length < 5) a.examples.push(`${id}: missing`);
      continue;
    }
    a.compared++;
    if (o[0] !== acc) a.accumulatedMismatches++;
    if (o[1] !== cur) a.currentMismatches++;
    if ((o[0] !== acc || o[1] !== cur) && a.examples.length < 5) a.examples.push(`${id}: engine ${acc}/${cur}, ${peer} ${o[0]}/${o[1]}`);
  }
  a.missing += Object.keys(other).filter((id) => !(id in engine)).length;
  return a;
}

export interface Row {
  /** Stable key in monitor-latest.json. */
  key: string;
  label: string;
  result: PhaseResult;
  /** Seconds used for the rate (the best run). */
  seconds: number;
  extra?: string;
}

export function formatTable(rows: Row[], personWeeks: number): string {
  const head = ['phase', 'min s', 'median s', 'person-weeks/s', 'peak RSS MB', 'note'];
  const body = rows.map((r) => [
    r.label,
    min(r.result.runs).toFixed(3),
    median(r.result.runs).toFixed(3),
    fmtRate(personWeeks / r.seconds),
    r.result.maxRssMb.toFixed(0) + (r.result.serverPeakMb ? ` (+server ${r.result.serverPeakMb.toFixed(0)})` : ''),
    r.extra ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function fmtRate(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} M`;
  return `${(x / 1e3).toFixed(0)} k`;
}
