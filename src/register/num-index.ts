/**
 * A hash table keyed by a non-negative integer below 2^53 (a CPR number read as digits, see
 * `cprNumberFromBytes`), with open addressing over typed arrays. The register readers look a
 * person up once per row (500,000 rows in five yearly files, 21 million in a long file); a
 * `Map` keyed by the CPR string costs building that string and hashing it on every row, this
 * costs a multiply and, mostly, one probe.
 */
const EMPTY = -1;

export class NumIndex<T> {
  private keys: Float64Array;
  /** Made when the first value is set: a set of keys only (`add`) needs none (2 MiB for 100,000 keys, all fresh memory). */
  private vals: (T | undefined)[] | null = null;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for key, or undefined. */
  get(key: number): T | undefined {
    const keys = this.keys;
    const mask = this.mask;
    let i = slot(key) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.vals?.[i];
      if (k === EMPTY) return undefined;
      i = (i + 1) & mask;
    }
  }

  /**
   * Where key sits in the table (0 … capacity − 1), or -1: one probe that both says whether the
   * key is there and gives a place for data kept beside the table (stable while nothing is added).
   */
  slotOf(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = slot(key) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** The value at a slot `slotOf` gave (nothing added since), without looking for its key again. */
  valueAt(slot: number): T | undefined {
    return this.vals?.[slot];
  }

  /** The key at a slot `slotOf` gave. */
  keyAt(slot: number): number {
    return this.keys[slot];
  }

  /** The number of slots (`slotOf` is below it); it changes only when the table grows. */
  get capacity(): number {
    return this.keys.length;
  }

  has(key: number): boolean {
    return this.slotOf(key) >= 0;
  }

  set(key: number, value: T): void {
    if (!(key >= 0 && key <= Number.MAX_SAFE_INTEGER && Number.isInteger(key)))
      throw new RangeError(`NumIndex: ${key} is not a non-negative integer`);
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    if (this.vals === null && value !== undefined) this.vals = new Array<T | undefined>(this.keys.length).fill(undefined);
    const keys = this.keys;
    const mask = this.mask;
    let i = slot(key) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) {
        if (this.vals !== null) this.vals[i] = value;
        return;
      }
      if (k === EMPTY) {
        keys[i] = key;
        if (this.vals !== null) this.vals[i] = value;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Add a key without a value (`get` and `valueAt` give undefined for it). */
  add(key: number): void {
    this.set(key, undefined as T);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = oldKeys.length * 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.vals = oldVals === null ? null : new Array<T | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i], oldVals?.[i] as T);
  }
}

/** Mixes both 32-bit halves of the key (a CPR's day and month sit in the high digits). */
function slot(key: number): number {
  const lo = key | 0;
  const hi = (key / 4294967296) | 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  return h ^ (h >>> 15);
}
