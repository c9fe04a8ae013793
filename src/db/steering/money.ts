/** A project's money entries (grant, own financing, budget lines, spending): an append-only history; SQL only. */
import type { MoneyEntry, MoneyInput } from '../../domain/project-money.ts';
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database } from '../database.ts';
import { databaseOf, sqlOf, type Sql } from '../sql.ts';

const COLS = `id, kind, line, year, half, amount::float8 AS amount, note, entered_by_name AS "enteredByName", entered_at AS "enteredAt"`;

export async function listMoneyEntries(tx: Sql, projectId: number): Promise<MoneyEntry[]> {
  return (await sqlOf(tx).query<MoneyEntry>(`SELECT ${COLS} FROM project_money_entry WHERE project_id = $1 ORDER BY id`, [projectId])).rows;
}

export async function insertMoneyEntry(tx: Sql, projectId: number, e: MoneyInput, by: { userId: number; name: string }): Promise<number> {
  const r = await sqlOf(tx).query<{ id: number }>(
    `INSERT INTO project_money_entry (project_id, kind, line, year, half, amount, note, entered_by, entered_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [projectId, e.kind, e.line, e.year, e.half, e.amount, e.note, by.userId || null, by.name],
  );
  return r.rows[0].id;
}

/** Every project's entries (system path, aggregates for the agency's investment case; money is not personal data). */
export async function allMoneyEntries(db: DatabaseHandle | Database): Promise<Map<number, MoneyEntry[]>> {
  const rows = (
    await databaseOf(db).query<MoneyEntry & { projectId: number }>(
      `SELECT project_id AS "projectId", ${COLS} FROM project_money_entry ORDER BY id`,
    )
  ).rows;
  const out = new Map<number, MoneyEntry[]>();
  for (const r of rows) {
    const { projectId, ...e } = r;
    if (!out.has(projectId)) out.set(projectId, []);
    out.get(projectId)!.push(e);
  }
  return out;
}
