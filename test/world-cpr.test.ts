/**
 * The world builders give every test woman a CPR number nobody in the database has. In CI a test
 * woman once drew a demo woman's number (up to ten serials give one number) and counted with her
 * paid hours (steering-breakdowns: Mål 3 for 3 women of a channel, not 2).
 */
import { describe, expect, it } from 'vitest';
import { makeCpr } from '../src/core/cpr.ts';
import { createVault } from '../src/security/vault.ts';
import { useTestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { addCaseRecords, createMunicipality } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);
/** The first woman a builder makes is born on this date (test/helpers/world.ts). */
const FIRST_BIRTH_DATE = '1980-01-10';

describe('test CPR numbers', () => {
  const t = useTestDb('pglite');

  it('are never one a demo woman, a register person or a pool person already has', async () => {
    const db = t.db;
    // Every number the builder could draw for its first woman, bar one, is taken: a third by
    // participants, a third by register persons and a third by comparison-pool persons.
    const all = [...new Set(Array.from({ length: 400 }, (_, s) => makeCpr(FIRST_BIRTH_DATE, 'K', s)))];
    expect(all.length).toBeGreaterThan(30);
    const [free, ...taken] = all;
    const demo = (await db.query<{ code: string }>(`SELECT code FROM municipality ORDER BY code LIMIT 1`)).rows[0].code;
    const batch = (
      await db.query<{ id: number }>(
        `INSERT INTO register_batch (kind, file_name, sha256, bytes, rows, persons, changed_persons, imported_by_name)
         VALUES ('ydelser', 'planted.csv', 'planted', 0, 0, 0, 0, 'test') RETURNING id`,
      )
    ).rows[0].id;
    const pool = (
      await db.query<{ id: number }>(
        `INSERT INTO comparison_pool_import (file_name, sha256, rows, imported_by_name) VALUES ('pool.csv', 'planted', 0, 'test') RETURNING id`,
      )
    ).rows[0].id;
    for (const [k, cpr] of taken.entries()) {
      const h = vault.hashCpr(cpr);
      if (k % 3 === 0)
        await db.query(
          `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex) VALUES ($1, $2, $3, 'Plantet', 'Kvinde', $4, 'K')`,
          [demo, h, vault.encryptCpr(cpr), FIRST_BIRTH_DATE],
        );
      else if (k % 3 === 1) await db.query(`INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ($1, '\\x00', $2)`, [h, batch]);
      else
        await db.query(`INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, import_id) VALUES ($1, $2, 'Plantet', $3)`, [
          h,
          FIRST_BIRTH_DATE,
          pool,
        ]);
    }
    const m = await createMunicipality(db, { women: 1 });
    expect(m.women[0].cpr).toBe(free);
    // With every number taken, the builder says so instead of reusing one.
    await expect(createMunicipality(db, { women: 1 })).rejects.toThrow(/no free test CPR number born 1980-01-10/);
  });
});

describe('test recruitment candidates', () => {
  const t = useTestDb('pglite');

  it('of one project get numbers of their own, however many women get case records', async () => {
    // Every candidate is born on one date: without a check against the candidates already there,
    // two serials that makeCpr maps to one number broke the project's unique candidate CPR.
    const m = await createMunicipality(t.db, { women: 12 });
    const cprs: string[] = [];
    for (const [i, w] of m.women.entries()) cprs.push((await addCaseRecords(t.db, m, w, `kandidat${i}`)).candidateCpr);
    expect(new Set(cprs).size).toBe(12);
  });
});
