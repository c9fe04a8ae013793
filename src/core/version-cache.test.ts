import { afterEach, describe, expect, it, vi } from 'vitest';
import { versionCache } from './version-cache.ts';

describe('versionCache', () => {
  afterEach(() => vi.useRealTimers());

  it('serves an entry only for its data version and database, until it expires', () => {
    vi.useFakeTimers();
    const c = versionCache<string>({ ttlMs: 1000, max: 10 });
    const a = {};
    const b = {};
    c.set(a, 'k', 3, 'v3');
    expect(c.get(a, 'k', 3)).toBe('v3');
    expect(c.get(a, 'k', 4)).toBeUndefined(); // the data changed
    expect(c.get(b, 'k', 3)).toBeUndefined(); // another database's version 3 is unrelated
    vi.advanceTimersByTime(999);
    expect(c.get(a, 'k', 3)).toBe('v3');
    vi.advanceTimersByTime(1);
    expect(c.get(a, 'k', 3)).toBeUndefined();
  });

  it('keeps at most `max` entries: older versions go first, then the oldest', () => {
    const c = versionCache<number>({ ttlMs: 60_000, max: 3 });
    const db = {};
    c.set(db, 'old', 1, 0);
    c.set(db, 'a', 2, 1);
    c.set(db, 'b', 2, 2);
    c.set(db, 'c', 2, 3); // full: the entry of version 1 goes
    expect([c.get(db, 'old', 1), c.get(db, 'a', 2), c.get(db, 'b', 2), c.get(db, 'c', 2)]).toEqual([undefined, 1, 2, 3]);
    c.set(db, 'd', 2, 4); // full of the current version: the oldest goes
    expect([c.get(db, 'a', 2), c.get(db, 'b', 2), c.get(db, 'c', 2), c.get(db, 'd', 2)]).toEqual([undefined, 2, 3, 4]);
  });
});
