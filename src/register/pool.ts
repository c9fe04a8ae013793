/**
 * The comparison pool (`pulje`, spec effekt-2026.1 §1): `cpr`, `kommune`, optional
 * `oprindelsesland`. A CPR number may stand only once.
 */
import { parseCpr } from '../core/cpr.ts';
import type { PoolMember } from '../effect/types.ts';
import { readingSource, type ByteSource, type RegisterInput } from './chunks.ts';
import { CsvReader } from './csv.ts';

/** `input`: the bytes, or a path read in chunks. */
export function readPool(input: RegisterInput, fileName: string): PoolMember[] {
  return readingSource(input, (src) => poolFrom(src, fileName), fileName);
}

function poolFrom(src: Uint8Array | ByteSource, fileName: string): PoolMember[] {
  const r = new CsvReader(src, fileName);
  const cCpr = r.requireCol('cpr', 'pnr');
  const cKommune = r.requireCol('kommune');
  const cLand = r.col('oprindelsesland');
  const out: PoolMember[] = [];
  const lineOf = new Map<string, number>();
  while (r.next()) {
    r.checkFieldCount();
    const cpr = parseCpr(r.text(cCpr));
    if (!cpr.ok) throw r.error('bad_cpr', cCpr, `«${r.text(cCpr)}»: ${cpr.error}`);
    const before = lineOf.get(cpr.value.cpr);
    if (before !== undefined)
      throw r.error('duplicate', cCpr, `CPR-nummeret står også i linje ${before}; en kvinde kan kun stå én gang i puljen.`);
    lineOf.set(cpr.value.cpr, r.rowLine);
    const kommune = r.text(cKommune);
    if (!kommune) throw r.error('bad_value', cKommune, 'kommune mangler.');
    const land = cLand >= 0 ? r.text(cLand) : '';
    out.push(land ? { cpr: cpr.value.cpr, kommune, oprindelsesland: land } : { cpr: cpr.value.cpr, kommune });
  }
  return out;
}
