/**
 * Demo register data: the generator's DREAM weeks and paid hours for the demo women, written as
 * the CSV files an analyst would receive and imported through the same use case as real files.
 */
import type { Db } from '../../db/door.ts';
import { loentimerCsv, ydelserWideCsv } from '../../demo/csv.ts';
import { demoWorld } from '../../demo/world.ts';
import { todayInDenmark } from '../casework/today.ts';
import type { Vault } from '../../security/vault.ts';
import { importRegisterFile, type ImportReport } from './import-register-file.ts';

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks].map((c) => c.slice());
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of parts) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export const DEMO_IMPORTER = { userId: 0, username: 'demodata', role: 'analytiker' as const, ip: 'localhost' };

export async function seedDemoRegister(
  deps: { db: Db; vault: Vault },
  opts: { seed?: number; size?: number; today?: string; kinds?: ('ydelser' | 'loentimer')[] } = {},
): Promise<ImportReport[]> {
  // Both demo projects' women, to the last complete month before today (the same world seedDemo made).
  const reg = demoWorld({ seed: opts.seed, size: opts.size, today: opts.today ?? todayInDenmark() }).register;
  const seed = opts.seed ?? 2019;
  const kinds = opts.kinds ?? ['ydelser', 'loentimer'];
  const out: ImportReport[] = [];
  if (kinds.includes('ydelser')) {
    out.push(
      await importRegisterFile(deps, DEMO_IMPORTER, {
        kind: 'ydelser',
        fileName: `demo-ydelser-seed${seed}.csv`,
        bytes: concat(ydelserWideCsv(reg)),
      }),
    );
  }
  if (kinds.includes('loentimer')) {
    out.push(
      await importRegisterFile(deps, DEMO_IMPORTER, {
        kind: 'loentimer',
        fileName: `demo-loentimer-seed${seed}.csv`,
        bytes: concat(loentimerCsv(reg)),
      }),
    );
  }
  return out;
}
