/**
 * Writes the demo register files to a folder, streaming each file chunk by chunk.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCodeTable } from '../register/codetable.ts';
import { deltagereCsv, kodetabelCsv, loentimerCsv, ydelserLongCsv, ydelserWideCsv } from './csv.ts';
import type { DemoRegister } from './register.ts';
import type { DemoWoman } from './types.ts';

export type BenefitLayout = 'wide' | 'long';

export interface DemoFiles {
  participants: string;
  benefits: string;
  hours: string;
  codes: string;
  /** Bytes written per file name. */
  bytes: Record<string, number>;
}

/** Stream chunks into a file; returns the number of bytes written. */
export function writeChunks(path: string, chunks: Iterable<Uint8Array>): number {
  const fd = openSync(path, 'w');
  let total = 0;
  try {
    for (const c of chunks) {
      let off = 0;
      while (off < c.length) off += writeSync(fd, c, off, c.length - off);
      total += c.length;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

export function writeDemoRegisterFiles(
  dir: string,
  women: readonly DemoWoman[],
  reg: DemoRegister,
  layout: BenefitLayout = 'wide',
): DemoFiles {
  mkdirSync(dir, { recursive: true });
  const files = {
    participants: join(dir, 'deltagere.csv'),
    benefits: join(dir, 'ydelser.csv'),
    hours: join(dir, 'loentimer.csv'),
    codes: join(dir, 'kodetabel.csv'),
  };
  const bytes: Record<string, number> = {};
  bytes['deltagere.csv'] = writeChunks(files.participants, deltagereCsv(women));
  bytes['ydelser.csv'] = writeChunks(files.benefits, layout === 'wide' ? ydelserWideCsv(reg) : ydelserLongCsv(reg));
  bytes['loentimer.csv'] = writeChunks(files.hours, loentimerCsv(reg));
  bytes['kodetabel.csv'] = writeChunks(files.codes, kodetabelCsv(defaultCodeTable()));
  return { ...files, bytes };
}
