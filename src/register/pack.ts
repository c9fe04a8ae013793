/**
 * One person's register arrays as one packed byte string (a bytea column: one row per person).
 * Layout, little-endian: u8 version (1), i32 weekStart, u32 weeks, i32 monthStart, u32 months,
 * then weeks × i16 codes, then months × f64 hours.
 */
import type { PersonHours, PersonWeeks } from '../monitoring/types.ts';

const HEADER = 17;

export function packPerson(weeks: PersonWeeks | undefined, hours: PersonHours | undefined): Uint8Array {
  const nw = weeks?.codes.length ?? 0;
  const nm = hours?.hours.length ?? 0;
  const out = new Uint8Array(HEADER + nw * 2 + nm * 8);
  const v = new DataView(out.buffer);
  v.setUint8(0, 1);
  v.setInt32(1, weeks?.weekStart ?? 0, true);
  v.setUint32(5, nw, true);
  v.setInt32(9, hours?.monthStart ?? 0, true);
  v.setUint32(13, nm, true);
  let p = HEADER;
  for (let i = 0; i < nw; i++, p += 2) v.setInt16(p, weeks!.codes[i], true);
  for (let i = 0; i < nm; i++, p += 8) v.setFloat64(p, hours!.hours[i], true);
  return out;
}

export function unpackPerson(bytes: Uint8Array): { weeks: PersonWeeks; hours: PersonHours } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || v.getUint8(0) !== 1) throw new Error('Ukendt format for pakkede registerdata.');
  const nw = v.getUint32(5, true);
  const nm = v.getUint32(13, true);
  if (bytes.byteLength !== HEADER + nw * 2 + nm * 8) throw new Error('Pakkede registerdata har forkert længde.');
  const codes = new Int16Array(nw);
  const hours = new Float64Array(nm);
  let p = HEADER;
  for (let i = 0; i < nw; i++, p += 2) codes[i] = v.getInt16(p, true);
  for (let i = 0; i < nm; i++, p += 8) hours[i] = v.getFloat64(p, true);
  return { weeks: { weekStart: v.getInt32(1, true), codes }, hours: { monthStart: v.getInt32(9, true), hours } };
}
