/** The weekly rates of the investment case (spec effekt-2026.1 §6), each with its source; SQL only. */
import type { Actor } from '../../core/actor.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { WeeklyRate } from '../../effect/investment.ts';
import type { Database } from '../database.ts';
import { databaseOf, writeAudit } from '../sql.ts';

type Db = DatabaseHandle | Database;

export interface StoredRate extends WeeklyRate {
  updatedByName: string | null;
  updatedAt: Date;
}

export async function listRates(db: Db): Promise<StoredRate[]> {
  return (
    await databaseOf(db).query<StoredRate>(
      `SELECT r.category, r.year, r.weekly_rate::float8 AS rate, r.source, u.username AS "updatedByName", r.updated_at AS "updatedAt"
       FROM effect_rate r LEFT JOIN app_user u ON u.id = r.updated_by ORDER BY r.category, r.year`,
    )
  ).rows;
}

/** Set (or with rate null remove) one category and year's rate, audited with before and after, in one transaction. */
export async function saveRate(
  db: Db,
  actor: Actor,
  r: { category: string; year: number; rate: number | null; source: string },
): Promise<void> {
  await databaseOf(db).tx(async (q) => {
    const before =
      (
        await q.query<{ rate: number; source: string }>(
          'SELECT weekly_rate::float8 AS rate, source FROM effect_rate WHERE category = $1 AND year = $2 FOR UPDATE',
          [r.category, r.year],
        )
      ).rows[0] ?? null;
    if (r.rate === null) {
      await q.query('DELETE FROM effect_rate WHERE category = $1 AND year = $2', [r.category, r.year]);
    } else {
      await q.query(
        `INSERT INTO effect_rate (category, year, weekly_rate, source, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (category, year) DO UPDATE SET weekly_rate = excluded.weekly_rate, source = excluded.source, updated_by = excluded.updated_by, updated_at = now()`,
        [r.category, r.year, r.rate, r.source, actor.userId || null],
      );
    }
    await writeAudit(q, actor, {
      action: before ? (r.rate === null ? 'slet' : 'ret') : 'opret',
      entity: 'effekt_sats',
      detail: { category: r.category, year: r.year, before, after: r.rate === null ? null : { rate: r.rate, source: r.source } },
    });
  });
}
