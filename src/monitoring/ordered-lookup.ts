import type { PersonHours, RegisterData } from './types.ts';

/**
 * The register's value for each participant, `map.get(key)` for every asked key, found without
 * a hash probe per participant where the order allows: the engine asks the register's maps for
 * 100,000 participants, and the readers put them there in the participants' order.
 *
 * One pass walks the asked keys beside the map's entries in the map's order: a key equal to the
 * map's next entry takes that entry (a string comparison on memory read in order). A key that
 * misses is asked of the map, unless the misses are known to be absent: when the walk used up
 * every entry of the map and no key is asked twice, each entry belongs to a matched key, so a
 * missed key, being none of those, is in no entry. Either way the answer is `map.get`'s.
 */
export function valuesInOrder<V>(map: ReadonlyMap<string, V>, asked: readonly string[], distinct: () => boolean): (V | undefined)[] {
  return listInOrder([...map.keys()], [...map.values()], asked, distinct, (key) => map.get(key));
}

/**
 * Each participant's paid hours, as `valuesInOrder(register.hours, …)` finds them, read from
 * `register.hourColumns` when the readers left them there (then the map is not made).
 */
export function hoursInOrder(register: RegisterData, asked: readonly string[], distinct: () => boolean): (PersonHours | undefined)[] {
  const cols = register.hourColumns;
  if (cols === undefined) return valuesInOrder(register.hours, asked, distinct);
  let index: Map<string, PersonHours> | null = null;
  const get = (key: string) => {
    if (index === null) {
      index = new Map();
      for (let k = 0; k < cols.keys.length; k++) index.set(cols.keys[k], cols.hours[k]);
    }
    return index.get(key);
  };
  return listInOrder(cols.keys, cols.hours, asked, distinct, get);
}

/** `valuesInOrder` over keys[k] → values[k] (no key twice), `get` finding a key out of order. */
function listInOrder<V>(
  keys: readonly string[],
  values: readonly V[],
  asked: readonly string[],
  distinct: () => boolean,
  get: (key: string) => V | undefined,
): (V | undefined)[] {
  const out: (V | undefined)[] = new Array(asked.length);
  const missed: number[] = [];
  let j = 0;
  for (let i = 0; i < asked.length; i++) {
    if (j < keys.length && keys[j] === asked[i]) out[i] = values[j++];
    else {
      out[i] = undefined;
      missed.push(i);
    }
  }
  if (missed.length > 0 && !(j === keys.length && distinct())) for (const i of missed) out[i] = get(asked[i]);
  return out;
}

/**
 * True when no two keys are equal, for keys of ten digits (CPR numbers) compared as numbers in a
 * table of their own (open addressing; a fifth of the time of sorting 100,000 of them); false
 * when some key is not ten digits (then nothing is known, and nothing is assumed).
 */
export function distinctTenDigitKeys(keys: readonly string[]): boolean {
  const n = keys.length;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const table = new Float64Array(mask + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    const s = keys[i];
    if (s.length !== 10) return false;
    let v = 0;
    for (let k = 0; k < 10; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return false;
      v = v * 10 + d;
    }
    // Both halves of the number (it needs 34 bits) mixed into a slot.
    let at = Math.imul((v % 0x40000000) ^ Math.floor(v / 0x40000000), 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const t = table[at];
      if (t === -1) break;
      if (t === v) return false;
      at = (at + 1) & mask;
    }
    table[at] = v;
  }
  return true;
}

/**
 * Each participant's weeks: codes[i][at[i] …] are the weeks weekStart[i] … weekStart[i] + length[i] − 1
 * (length 0: none); with `codeAt`, each week is a byte whose code is codeAt[byte] (`WeekColumns`).
 */
export interface WeeksInOrder {
  codes: (Int16Array | Uint8Array)[];
  codeAt?: Int16Array;
  at: Int32Array;
  weekStart: Int32Array;
  length: Int32Array;
}

const NO_CODES = new Int16Array(0);
const NO_BYTES = new Uint8Array(0);

/**
 * The register's weeks of each asked key, as `valuesInOrder(register.weeks, …)` finds them, read
 * from `register.weekColumns` when the readers left them there (then no map and no view per person
 * is made): the same walk beside the people in the map's order, a key that misses found by value.
 */
export function weeksInOrder(register: RegisterData, asked: readonly string[], distinct: () => boolean): WeeksInOrder {
  const n = asked.length;
  const out: WeeksInOrder = {
    codes: new Array<Int16Array | Uint8Array>(n).fill(NO_CODES),
    at: new Int32Array(n),
    weekStart: new Int32Array(n),
    length: new Int32Array(n),
  };
  const cols = register.weekColumns;
  if (cols === undefined) {
    const weeks = valuesInOrder(register.weeks, asked, distinct);
    for (let i = 0; i < n; i++) {
      const w = weeks[i];
      if (w === undefined) continue;
      out.codes[i] = w.codes;
      out.weekStart[i] = w.weekStart;
      out.length[i] = w.codes.length;
    }
    return out;
  }
  const keys = cols.keys;
  if (cols.codeAt !== undefined) {
    // One kind of array for every participant (those without weeks too), so the engine's loop reads one kind.
    out.codes.fill(NO_BYTES);
    out.codeAt = cols.codeAt;
  }
  const take = (i: number, k: number) => {
    out.codes[i] = cols.codes;
    out.at[i] = cols.offset[k];
    out.weekStart[i] = cols.weekStart[k];
    out.length[i] = cols.length[k];
  };
  const missed: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j < keys.length && keys[j] === asked[i]) take(i, j++);
    else missed.push(i);
  }
  if (missed.length > 0 && !(j === keys.length && distinct())) {
    const index = new Map<string, number>();
    for (let k = keys.length - 1; k >= 0; k--) index.set(keys[k], k);
    for (const i of missed) {
      const k = index.get(asked[i]);
      if (k !== undefined) take(i, k);
    }
  }
  return out;
}
