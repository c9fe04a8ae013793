/**
 * Computed results kept in this instance, one cache per database, each entry tagged with the data
 * version it was computed at (migration 0160): a new register batch or a changed enrolment raises
 * the version in the database, so every instance stops serving its entries at once. Entries also
 * expire after `ttlMs`, and a cache holds at most `max` (older versions go first, then the oldest).
 * Per database, because the data versions of two databases in one process (tests on both
 * backends) are unrelated.
 */
export interface VersionCache<V> {
  /** The value stored under `key` for this data version, unless it has expired. */
  get(db: object, key: string, version: number): V | undefined;
  set(db: object, key: string, version: number, value: V): void;
}

export function versionCache<V>(opts: { ttlMs: number; max: number }): VersionCache<V> {
  const caches = new WeakMap<object, Map<string, { at: number; version: number; value: V }>>();
  const cacheOf = (db: object) => caches.get(db) ?? (caches.set(db, new Map()), caches.get(db)!);
  return {
    get(db, key, version) {
      const hit = caches.get(db)?.get(key);
      return hit && hit.version === version && Date.now() - hit.at < opts.ttlMs ? hit.value : undefined;
    },
    set(db, key, version, value) {
      const cache = cacheOf(db);
      if (cache.size >= opts.max) {
        for (const [k, e] of cache) if (e.version !== version) cache.delete(k);
        // Maps iterate in insertion order: the oldest go first.
        for (const k of cache.keys()) {
          if (cache.size < opts.max) break;
          cache.delete(k);
        }
      }
      cache.delete(key);
      cache.set(key, { at: Date.now(), version, value });
    },
  };
}
