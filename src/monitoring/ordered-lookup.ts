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
  const keys = [...map.keys()];
  const values = [...map.values()];
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
  if (missed.length > 0 && !(j === keys.length && distinct())) for (const i of missed) out[i] = map.get(asked[i]);
  return out;
}

/**
 * True when no two keys are equal, for keys of ten digits (CPR numbers) compared as numbers after
 * a sort; false when some key is not ten digits (then nothing is known, and nothing is assumed).
 */
export function distinctTenDigitKeys(keys: readonly string[]): boolean {
  const n = keys.length;
  const nums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = keys[i];
    if (s.length !== 10) return false;
    let v = 0;
    for (let k = 0; k < 10; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return false;
      v = v * 10 + d;
    }
    nums[i] = v;
  }
  nums.sort();
  for (let i = 1; i < n; i++) if (nums[i] === nums[i - 1]) return false;
  return true;
}
