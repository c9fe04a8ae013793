/**
 * Read the monitoring inputs from file paths (the CLI, scripts, the effect comparison). All
 * file I/O of the monitoring path lives here and in chunks.ts; register files are streamed in
 * chunks, so their size is bounded neither by memory nor by Node's 2 GiB file limit.
 */
import { readFile } from 'node:fs/promises';
import type { EffectInput } from '../effect/types.ts';
import type { CodeTable, MonitorInput, RegisterData } from '../monitoring/types.ts';
import { isoWeekIndex, weeksInIsoYear } from '../monitoring/calendar.ts';
import { prepareParticipants } from '../monitoring/participant-facts.ts';
import { readBenefits, yearInFileName } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { defaultCodeTable, readCodeTable } from './codetable.ts';
import { RegisterInputError } from './errors.ts';
import { readHours } from './hours.ts';
import { readParticipants } from './participants.ts';
import { keepCprs, keepNumbers, type ReadOptions } from './person-key.ts';
import { readPool } from './pool.ts';
import { readRegisterSplit, splitPlan, startReader, workerJob, type ReadThreads } from './parallel.ts';
import type { Worker } from 'node:worker_threads';

export interface InputPaths {
  participants: string;
  benefits: string[];
  hours?: string | string[];
  /** Code table; the shipped default when absent. */
  codes?: string;
  /** Drop weeks and months before this month (`YYYY-MM`). */
  from?: string;
  /** Year of yearly benefit files (`y_01 … y_53`) when neither file name nor a column says it. */
  year?: number;
}

async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen findes ikke' : 'filen kan ikke læses';
    throw new RegisterInputError('bad_value', `${path}: ${why}.`, { file: path });
  }
}

export interface RegisterPaths {
  benefits?: string[];
  hours?: string[];
}

/**
 * Read register files (streamed) into `RegisterData`, keeping only the people `options.keep`
 * accepts and the weeks/months from `options.from`. Memory grows with the people kept.
 *
 *     const data = readRegister({ benefits: ['dream.csv'], hours: ['eindkomst.csv'] },
 *       { keep: keepCprs(pool), from: '2015-01' }, codeTable);
 */
export function readRegister(paths: RegisterPaths, options: ReadOptions = {}, codeTable: CodeTable = defaultCodeTable()): RegisterData {
  const builder = builderFor(paths, options);
  for (const file of paths.benefits ?? []) readBenefits({ path: file }, file, builder, options);
  for (const file of paths.hours ?? []) readHours({ path: file }, file, builder, options);
  return builder.build(codeTable);
}

/** Weeks yearly files are expected to cover (`ydelser_2019.csv … ydelser_2023.csv`), or null. */
function expectedWeeks(paths: RegisterPaths, options: ReadOptions): [number, number] | null {
  const years = (paths.benefits ?? []).map(yearInFileName);
  if (years.length > 1 && options.year === undefined && years.every((y) => y !== null)) {
    const ys = years as number[];
    const last = Math.max(...ys);
    return [isoWeekIndex(Math.min(...ys), 1)!, isoWeekIndex(last, weeksInIsoYear(last))!];
  }
  return null;
}

function builderFor(paths: RegisterPaths, options: ReadOptions): RegisterBuilder {
  const builder = new RegisterBuilder();
  // Yearly files: a person's weeks are sized for all the years at once rather than grown file by file.
  const expect = expectedWeeks(paths, options);
  if (expect) builder.expectWeeks(expect[0], expect[1]);
  const known = keepNumbers(options.keep);
  if (known) builder.knownPeople(known);
  return builder;
}

interface KeptRegister {
  read: (cprs: string[], codeTable: CodeTable) => Promise<RegisterData>;
  /** End the reader thread when the register will not be read (the participants file was wrong). */
  cancel: () => void;
}

/**
 * The register of the people `cprs`, read on two threads when the files are large enough
 * (parallel.ts), else, or when anything is unusual, on one. The worker is started first, so
 * that it boots while the caller reads the participants. `early`: the participants file, when
 * the people kept are exactly its CPRs (the monitor, not the effect's pool): the worker is sent
 * its job at once and takes the people from that file itself, so it reads while the main thread
 * reads the participants; its people are checked against the caller's `cprs` before they are used.
 */
function keptRegister(paths: InputPaths, how: ReadThreads, early?: string): KeptRegister {
  const hours = paths.hours === undefined ? [] : Array.isArray(paths.hours) ? paths.hours : [paths.hours];
  const files = { benefits: paths.benefits, hours };
  const expect = expectedWeeks(files, { year: paths.year });
  const plan = splitPlan(paths.benefits, hours, how, early, expect !== null);
  let worker: Worker | null = null;
  try {
    worker = plan ? startReader() : null;
  } catch {
    worker = null; // no thread to be had: one thread reads
  }
  if (plan && worker && early) worker.postMessage(workerJob(plan, { participants: early, from: paths.from, year: paths.year, expect }));
  const read = async (cprs: string[], codeTable: CodeTable) => {
    const options: ReadOptions = { keep: keepCprs(cprs), from: paths.from, year: paths.year };
    const job = { cprs, from: paths.from, year: paths.year, expect };
    // On any error, read again on one thread: its errors and messages are the ones to give.
    const data =
      plan && worker
        ? await readRegisterSplit(plan, worker, hours, builderFor(files, options), job, options, codeTable, !!early).catch(() => null)
        : null;
    how.onRead?.(data ? 2 : 1);
    return data ?? readRegister(files, options, codeTable);
  };
  return { read, cancel: () => void worker?.terminate() };
}

/** Files are named in messages by the path as given. Only the participants' register rows are kept. */
export async function loadMonitorInput(paths: InputPaths, how: ReadThreads = {}): Promise<MonitorInput> {
  const register = keptRegister(paths, how, paths.participants);
  try {
    const codeTable = paths.codes ? readCodeTable(await bytesOf(paths.codes), paths.codes) : defaultCodeTable();
    const participants = readParticipants({ path: paths.participants }, paths.participants);
    const cprs = participants.map((p) => p.cpr);
    const reading = register.read(cprs, codeTable);
    // On two threads, the main thread has read the paid hours by now and waits for the reader
    // thread: meanwhile it makes what the engine derives from the participants alone.
    const prepared = prepareParticipants(participants, cprs) ?? undefined;
    return { participants, register: await reading, codeTable, prepared };
  } finally {
    register.cancel();
  }
}

export interface EffectInputPaths extends InputPaths {
  /** The comparison pool (`cpr;kommune[;oprindelsesland]`). */
  pool: string;
}

/**
 * The effect engine's inputs (spec effekt-2026.1 §1): the monitoring files plus the pool.
 * Register files are streamed; only the participants' and the pool's rows are kept.
 */
export async function loadEffectInput(paths: EffectInputPaths, how: ReadThreads = {}): Promise<EffectInput> {
  const register = keptRegister(paths, how);
  try {
    const codeTable = paths.codes ? readCodeTable(await bytesOf(paths.codes), paths.codes) : defaultCodeTable();
    const participants = readParticipants({ path: paths.participants }, paths.participants);
    const pool = readPool({ path: paths.pool }, paths.pool);
    const cprs = [...participants.map((p) => p.cpr), ...pool.map((p) => p.cpr)];
    return { participants, pool, register: await register.read(cprs, codeTable), codeTable };
  } finally {
    register.cancel();
  }
}
