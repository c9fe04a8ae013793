import { describe, expect, it } from 'vitest';
import { packPerson, unpackPerson } from './pack.ts';

describe('packPerson / unpackPerson', () => {
  it('round-trips weekly codes and monthly hours exactly', () => {
    const weeks = { weekStart: 1500, codes: Int16Array.from([0, 131, 651, 0, 32767]) };
    const hours = { monthStart: -3, hours: Float64Array.from([0, 79.3, 74.5]) };
    const bytes = packPerson(weeks, hours);
    expect(bytes.byteLength).toBe(17 + 5 * 2 + 3 * 8);
    const back = unpackPerson(bytes);
    expect(back.weeks.weekStart).toBe(1500);
    expect([...back.weeks.codes]).toEqual([0, 131, 651, 0, 32767]);
    expect(back.hours.monthStart).toBe(-3);
    expect([...back.hours.hours]).toEqual([0, 79.3, 74.5]);
  });
  it('packs a person without data, and rejects damaged bytes', () => {
    const back = unpackPerson(packPerson(undefined, undefined));
    expect(back.weeks.codes.length).toBe(0);
    expect(() => unpackPerson(new Uint8Array([2, 0]))).toThrow(/Ukendt format/);
    const bytes = packPerson({ weekStart: 0, codes: Int16Array.from([1]) }, undefined);
    expect(() => unpackPerson(bytes.subarray(0, bytes.length - 1))).toThrow(/forkert længde/);
  });
  it('works on a subarray view (as returned by database drivers)', () => {
    const bytes = packPerson({ weekStart: 7, codes: Int16Array.from([131]) }, undefined);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(unpackPerson(padded.subarray(5)).weeks.codes[0]).toBe(131);
  });
});
