/**
 * The demo is seeded from one date (src/app/seed-demo-all.ts): a seed that runs over midnight in
 * Denmark must not give the register data the next day's women. The clock stands a second before
 * midnight in Denmark and is moved past it a moment into the seed, so the case data is seeded on 30 November and the register data
 * would be, reading the clock again, on 1 December.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seedDemoAll } from '../src/app/seed-demo-all.ts';
import { openPGlite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createVault } from '../src/security/vault.ts';
import { countRows } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';

describe('seeding the demo over midnight in Denmark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-midnight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the register data the women the case data has, from the date the seed began', async () => {
    const db = await openPGlite(dir);
    try {
      await migrate(db);
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T22:59:59Z') });
      // Midnight in Denmark strikes a tenth of a second into the seed (timers stay real).
      const midnight = setTimeout(() => vi.setSystemTime(new Date('2026-11-30T23:00:01Z')), 100);
      let seeded: Awaited<ReturnType<typeof seedDemoAll>>;
      try {
        seeded = await seedDemoAll({ db, vault: createVault(TEST_SECRET) }, { size: 100 });
        // The clock did pass midnight in Denmark during the seed.
        expect(new Date().toISOString() > '2026-11-30T23:00:00Z').toBe(true);
      } finally {
        clearTimeout(midnight);
        vi.useRealTimers();
      }
      expect(seeded.today).toBe('2026-11-30');
      const persons = await countRows(db, 'register_person');
      expect(persons).toBeGreaterThan(500);
      // Every person in the register data is a demo woman, and nearly every demo woman has register data.
      expect(await countRows(db, 'register_person r WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = r.cpr_hash)')).toBe(0);
      const women = await countRows(db, 'participant WHERE synthetic');
      expect(persons).toBeGreaterThan(women * 0.9);
    } finally {
      await db.close();
    }
  }, 300_000);
});
