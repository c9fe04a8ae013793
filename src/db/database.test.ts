import { describe, expect, it } from 'vitest';
import { openPGlite } from './database.ts';

describe('openPGlite', () => {
  it('returns dates as YYYY-MM-DD strings and counts as numbers, also in memory', async () => {
    const db = await openPGlite();
    const r = await db.query<{ d: string; n: number }>(`SELECT date '2021-07-01' AS d, count(*) AS n FROM generate_series(1, 3)`);
    expect(r.rows[0]).toEqual({ d: '2021-07-01', n: 3 });
    const inTx = await db.tx((q) => q.query<{ d: string }>(`SELECT date '2020-12-31' AS d`));
    expect(inTx.rows[0].d).toBe('2020-12-31');
    await db.close();
  }, 60_000);
});
