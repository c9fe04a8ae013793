/**
 * `map.get` for keys asked for mostly in the map's own order: the engine asks the register's
 * maps for 100,000 participants one by one, and the readers usually put them there in the
 * participants' order. Each call first compares the key with the map's next entry (a string
 * comparison on memory read in order) and takes that entry on a match; otherwise it asks the map.
 * A map's keys are unique, so either way the answer is `map.get(key)`, whatever the order.
 */
export class OrderedLookup<V> {
  private readonly keys: string[];
  private readonly values: V[];
  private next = 0;
  constructor(private readonly map: ReadonlyMap<string, V>) {
    this.keys = [...map.keys()];
    this.values = [...map.values()];
  }

  get(key: string): V | undefined {
    const j = this.next;
    if (j < this.keys.length && this.keys[j] === key) {
      this.next = j + 1;
      return this.values[j];
    }
    return this.map.get(key);
  }
}
