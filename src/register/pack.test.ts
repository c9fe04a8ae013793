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
  it('rejects a short byte string and an unknown version by their own message', () => {
    expect(() => unpackPerson(new Uint8Array([1, 0]))).toThrow(/Ukendt format/);
    const short = new Uint8Array(16);
    short[0] = 1; // the right version, one byte short of a header
    expect(() => unpackPerson(short)).toThrow(/Ukendt format/);
    const wrongVersion = packPerson(undefined, undefined);
    wrongVersion[0] = 2;
    expect(() => unpackPerson(wrongVersion)).toThrow(/Ukendt format/);
    const tooLong = new Uint8Array(packPerson(undefined, undefined).length + 1);
    tooLong.set(packPerson(undefined, undefined));
    expect(() => unpackPerson(tooLong)).toThrow(/forkert længde/);
  });
  it('lays the header out as documented: version, week start, weeks, month start, months, little-endian', () => {
    const bytes = packPerson({ weekStart: -2, codes: Int16Array.from([5, -1]) }, { monthStart: 258, hours: Float64Array.from([1.5]) });
    const v = new DataView(bytes.buffer);
    expect([v.getUint8(0), v.getInt32(1, true), v.getUint32(5, true), v.getInt32(9, true), v.getUint32(13, true)]).toEqual([
      1, -2, 2, 258, 1,
    ]);
    expect([v.getInt16(17, true), v.getInt16(19, true), v.getFloat64(21, true)]).toEqual([5, -1, 1.5]);
    expect(bytes.length).toBe(29);
  });
});
