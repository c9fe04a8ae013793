/**
 * NumIndex, the readers' integer-keyed hash table: what it accepts as a key, and that it keeps
 * every entry through growth from any starting size, also when keys collide in the low bits.
 */
import { describe, expect, it } from 'vitest';
import { NumIndex } from './num-index.ts';

describe('NumIndex keys and growth', () => {
  it('accepts 0 and the largest safe integer, refuses negatives, fractions, NaN and beyond, by name', () => {
    const ix = new NumIndex<string>();
    ix.set(0, 'zero');
    ix.set(Number.MAX_SAFE_INTEGER, 'max');
    expect(ix.get(0)).toBe('zero');
    expect(ix.get(Number.MAX_SAFE_INTEGER)).toBe('max');
    expect(ix.size).toBe(2);
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, Infinity]) {
      expect(() => ix.set(bad, 'x')).toThrow(new RangeError(`NumIndex: ${bad} is not a non-negative integer`));
    }
    expect(ix.size).toBe(2);
  });

  it('an empty index answers no for every key, and a key set twice counts once', () => {
    const ix = new NumIndex<number>(0);
    for (const k of [0, 1, 15, 16, 4294967296, 9_999_999_999]) {
      expect(ix.has(k)).toBe(false);
      expect(ix.get(k)).toBeUndefined();
    }
    ix.set(7, 1);
    ix.set(7, 2);
    expect(ix.size).toBe(1);
    expect(ix.get(7)).toBe(2);
  });

  it('keeps every entry through growth, for any expected size, with keys sharing their low bits', () => {
    for (const expected of [0, 1, 8, 9, 100, 5000]) {
      const ix = new NumIndex<number>(expected);
      // Multiples of 2^32 and of 2^20 collide in the low 32 bits or in the slot's mask.
      const keys: number[] = [];
      for (let i = 0; i < 300; i++) keys.push(i * 4294967296, i * 1048576 + 3, 101901234 + i * 10000);
      keys.forEach((k, i) => ix.set(k, i));
      expect(ix.size).toBe(new Set(keys).size);
      keys.forEach((k, i) => {
        expect(ix.has(k)).toBe(true);
        expect(ix.get(k)).toBe(keys.lastIndexOf(k) === i ? i : keys.lastIndexOf(k));
      });
      for (let i = 0; i < 300; i++) {
        expect(ix.has(i * 4294967296 + 1)).toBe(false);
        expect(ix.get(i * 1048576 + 4)).toBeUndefined();
      }
    }
  });
});

describe('NumIndex.valueAt', () => {
  it('gives the value at the slot slotOf gave, for every key', () => {
    const ix = new NumIndex<string>(4);
    const keys = [101901234, 2020202020, 0, 3112999999, 1501850123];
    keys.forEach((k, i) => ix.set(k, `v${i}`));
    expect(keys.map((k) => ix.valueAt(ix.slotOf(k)))).toEqual(keys.map((_, i) => `v${i}`));
  });
});

describe('NumIndex of keys only (add)', () => {
  it('answers for keys added without values, and keeps values set later through growth, the keys added before having none', () => {
    const ix = new NumIndex<string>(2);
    for (let i = 0; i < 50; i++) ix.add(101901234 + i);
    expect(ix.size).toBe(50);
    expect(ix.has(101901234 + 49)).toBe(true);
    expect(ix.get(101901234)).toBeUndefined();
    expect(ix.valueAt(ix.slotOf(101901234))).toBeUndefined();
    ix.set(101901234 + 7, 'syv');
    for (let i = 50; i < 300; i++) ix.set(101901234 + i, `v${i}`); // grows twice
    expect(ix.get(101901234 + 7)).toBe('syv');
    expect(ix.get(101901234 + 8)).toBeUndefined();
    expect(ix.get(101901234 + 299)).toBe('v299');
    expect(ix.valueAt(ix.slotOf(101901234 + 150))).toBe('v150');
    ix.add(101901234 + 7); // as set with no value: counted once, her value cleared
    expect(ix.get(101901234 + 7)).toBeUndefined();
    expect(ix.size).toBe(300);
  });
});
