/**
 * The database's "today" is the Danish date the application uses (app/casework/today.ts): a record
 * the demo or a form dates today is never in the database's future, whatever the server clock's zone.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { backends, useTestDb } from './helpers/db.ts';

describe.each(backends())('session time zone on %s', (backend) => {
  const t = useTestDb(backend);
  // The database reads the real clock: a run for another day (FREMDRIFT_TEST_TODAY) compares with the real day.
  beforeAll(() => {
    vi.useRealTimers();
  });

  it('runs every session on Danish time, so current_date is the Danish date', async () => {
    const before = todayInDenmark();
    const [{ tz, today }] = (
      await t.db.query<{ tz: string; today: string }>(`SELECT current_setting('TimeZone') AS tz, current_date::text AS today`)
    ).rows;
    const after = todayInDenmark();
    expect(tz).toBe('Europe/Copenhagen');
    expect([before, after]).toContain(today);
    // Inside a transaction too (PostgreSQL: another connection of the pool).
    const inTx = await t.db.tx(async (q) => (await q.query<{ tz: string }>(`SELECT current_setting('TimeZone') AS tz`)).rows[0].tz);
    expect(inTx).toBe('Europe/Copenhagen');
    // An instant is stored as such: midnight UTC is 01:00 in Copenhagen in winter.
    const [{ local }] = (await t.db.query<{ local: string }>(`SELECT to_char('2026-01-15T00:00:00Z'::timestamptz, 'HH24:MI') AS local`))
      .rows;
    expect(local).toBe('01:00');
  });
});
