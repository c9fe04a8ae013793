/**
 * Read the monitoring inputs from file paths (the CLI and scripts). All I/O of the monitoring
 * path lives here; the readers below take bytes.
 */
import { readFile } from 'node:fs/promises';
import type { EffectInput } from '../effect/types.ts';
import type { MonitorInput } from '../monitoring/types.ts';
import { readBenefits } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { defaultCodeTable, readCodeTable } from './codetable.ts';
import { RegisterInputError } from './errors.ts';
import { readHours } from './hours.ts';
import { readParticipants } from './participants.ts';
import { readPool } from './pool.ts';

export interface InputPaths {
  participants: string;
  benefits: string[];
  hours?: string;
  /** Code table; the shipped default when absent. */
  codes?: string;
}

async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen findes ikke' : 'filen kan ikke læses';
    throw new RegisterInputError('bad_value', `${path}: ${why}.`, { file: path });
  }
}

/** Files are named in messages by the path as given. */
export async function loadMonitorInput(paths: InputPaths): Promise<MonitorInput> {
  const codeTable = paths.codes ? readCodeTable(await bytesOf(paths.codes), paths.codes) : defaultCodeTable();
  const participants = readParticipants(await bytesOf(paths.participants), paths.participants);
  const builder = new RegisterBuilder();
  for (const file of paths.benefits) readBenefits(await bytesOf(file), file, builder);
  if (paths.hours) readHours(await bytesOf(paths.hours), paths.hours, builder);
  return { participants, register: builder.build(codeTable), codeTable };
}


export interface EffectInputPaths extends InputPaths {
  /** The comparison pool (`cpr;kommune[;oprindelsesland]`). */
  pool: string;
}

/** The effect engine's inputs (spec effekt-2026.1 §1): the monitoring files plus the pool. */
export async function loadEffectInput(paths: EffectInputPaths): Promise<EffectInput> {
  const codeTable = paths.codes ? readCodeTable(await bytesOf(paths.codes), paths.codes) : defaultCodeTable();
  const participants = readParticipants(await bytesOf(paths.participants), paths.participants);
  const pool = readPool(await bytesOf(paths.pool), paths.pool);
  const builder = new RegisterBuilder();
  for (const file of paths.benefits) readBenefits(await bytesOf(file), file, builder);
  if (paths.hours) readHours(await bytesOf(paths.hours), paths.hours, builder);
  return { participants, pool, register: builder.build(codeTable), codeTable };
}
